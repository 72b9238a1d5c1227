// Where a task opens in HubSpot's web app: https://{uiDomain}/contacts/{portalId}/record/0-27/{id}
// (0-27 is the task object type). The UI domain comes from the account details, i.e. from whatever server
// answers at the base URL, so "Open in HubSpot" must not go wherever that server says: only HubSpot's own
// app hosts (app.hubspot.com, the regional app-eu1 / app-na2 / app-ap1…, HubSpot's QA app.hubspotqa.com)
// and loopback (the local sandbox) are used; anything else opens the default app host.

export const DEFAULT_UI_DOMAIN = 'app.hubspot.com';

/** `app.hubspot.com`, `app-eu1.hubspot.com`, `app-na1-sandbox.hubspot.com`, `app.hubspotqa.com`; no port. */
const HUBSPOT_APP_HOST = /^app(?:-[a-z0-9]{1,20}){0,3}\.hubspot(?:qa)?\.com$/;
/** The sandbox and local development: loopback names only, any port. */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/** The host to link to for a UI domain the server reported: its own when it is HubSpot's, else the default. */
export function uiHost(uiDomain: unknown): string {
  const host = typeof uiDomain === 'string' ? uiDomain.trim().toLowerCase() : '';
  return HUBSPOT_APP_HOST.test(host) || LOOPBACK_HOST.test(host) ? host : DEFAULT_UI_DOMAIN;
}

export function taskUrl(account: { uiDomain: string; portalId: number }, taskId: string): string | undefined {
  if (!Number.isSafeInteger(account.portalId) || account.portalId < 0 || !/^\d{1,30}$/.test(taskId)) {
    return undefined;
  }
  return `https://${uiHost(account.uiDomain)}/contacts/${account.portalId}/record/0-27/${taskId}`;
}

// Where a task opens in HubSpot's web app: https://{uiDomain}/contacts/{portalId}/record/0-27/{id}
// (0-27 is the task object type). The UI domain comes from the account details, so it is checked
// to be a plain host name before it becomes a link.

export function taskUrl(account: { uiDomain: string; portalId: number }, taskId: string): string | undefined {
  const host = account.uiDomain.trim().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/.test(host)) {
    return undefined;
  }
  if (!Number.isSafeInteger(account.portalId) || !/^\d+$/.test(taskId)) {
    return undefined;
  }
  return `https://${host}/contacts/${account.portalId}/record/0-27/${taskId}`;
}

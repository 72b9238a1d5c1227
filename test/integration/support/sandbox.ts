// In-host access to the sandbox started for the run (its URL comes in $HUBSPOT_SANDBOX_URL), through its admin
// endpoints: tests reset data, read the request log and turn knobs without importing the sandbox itself.
export function sandboxUrl(): string {
  const url = process.env.HUBSPOT_SANDBOX_URL;
  if (!url) {
    throw new Error('HUBSPOT_SANDBOX_URL is not set: run the in-host suite through `npm test` / scripts/test-integration.js');
  }
  return url;
}

// The sandbox's own default token (test/support/demo.ts), here beside the run's sandbox it signs in to.
export { SANDBOX_TOKEN } from '../../support/demo';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  operation?: string;
  /** 'v3' (incl. the legacy /crm/v4/ paths), '2026-03' or '2026-09'. */
  apiVersion?: string;
  status: number;
  durationMs: number;
  fault?: string;
  body?: unknown;
}

async function admin<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl()}/__sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`sandbox ${method} ${route}: HTTP ${response.status} ${await response.text()}`);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const sandbox = {
  requests: (): Promise<LoggedRequest[]> => admin('GET', 'requests'),
  clearRequests: (): Promise<void> => admin('DELETE', 'requests'),
  configure: (knobs: Record<string, unknown>): Promise<void> => admin('POST', 'config', knobs),
  reset: (seed: 'demo' | 'empty' | { tasks: number } = 'demo'): Promise<void> => admin('POST', 'reset', { seed }),
  state: (): Promise<Record<string, number>> => admin('GET', 'state'),
  /** Replaces the account's property validation rules (enforced on 2026-09 writes); `{}` removes them. */
  validationRules: (rules: Record<string, unknown>): Promise<void> => admin('PUT', 'validation-rules', rules),
};

// Calls the running stack's sandbox as HubSpot's API, with the sandbox token: for e2e tests that
// arrange or check HubSpot data beside what the user does in the browser.
import * as assert from 'assert';
import { userLocale } from '../../../src/tasks/dateFormat';
import { firstDayOfWeek } from '../../../src/tasks/dueBuckets';
import { SANDBOX_TOKEN } from '../../support/demo';
import { stack } from './hooks';

export async function sandboxApi<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack().sandbox.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${route}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Puts the shared sandbox back to the demo account (re-seeded relative to now) with no faults, latency,
 * search lag or rate limits, and an empty request log. Every e2e file on the shared stack calls it first,
 * so none depends on what the files before it created, completed or configured.
 */
export function resetSandbox(): void {
  const { sandbox } = stack();
  sandbox.reset('demo');
  sandbox.configure({ faults: null, latencyMs: 0, searchLagMs: 0, rateLimits: false });
  sandbox.clearRequests();
}

export interface SearchFilter { propertyName: string; operator: string; value?: string }

/** HubSpot's `total` for a task search with these filters (one filter group): what a group label must show. */
export async function taskTotal(filters: SearchFilter[]): Promise<number> {
  const page = await sandboxApi<{ total: number }>('POST', '/crm/v3/objects/tasks/search', { filterGroups: [{ filters }], limit: 1 });
  return page.total;
}

/** Local midnight `days` days from today (the extension groups by the machine's calendar days). */
export function startOfDay(days = 0, now = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).getTime();
}

/**
 * Start of next week, as the tree's "This week" / "Later" groups split them: weeks start on the first day
 * of the user's locale (the English workbench with this machine's region, as the extension host sees it:
 * Sunday for en-US, Monday for en-GB), not always on Monday.
 */
export function startOfNextWeek(now = new Date()): number {
  const weekStartsOn = firstDayOfWeek(userLocale('en')); // 0 = Sunday, as Date.getDay() counts
  return startOfDay(((weekStartsOn - now.getDay() + 7) % 7) || 7, now);
}

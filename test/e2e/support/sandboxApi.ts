// Calls the running stack's sandbox as HubSpot's API, with the sandbox token: for e2e tests that
// arrange or check HubSpot data beside what the user does in the browser.
import * as assert from 'assert';
import { SANDBOX_TOKEN } from '../../harness/paths';
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

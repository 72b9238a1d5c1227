// Small helpers for the sandbox tests: one real HTTP call (global fetch) and a poll-with-deadline.
import type { Sandbox } from '../../../sandbox/types';

import { SANDBOX_NO_SCOPE_TOKEN as NO_SCOPE_TOKEN, SANDBOX_TOKEN as TOKEN } from '../../support/demo';

export { NO_SCOPE_TOKEN, TOKEN };

export interface Reply<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (token !== null) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export function taskInput(subject: string, extra: Record<string, string> = {}) {
  return { properties: { hs_task_subject: subject, hs_timestamp: '2030-01-01T12:00:00.000Z', ...extra } };
}

/** The properties of a record without the system properties HubSpot adds to every answer. */
export function asked(properties: Record<string, string | null>): Record<string, string | null> {
  const system = new Set(['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate', 'createdate', 'lastmodifieddate']);
  return Object.fromEntries(Object.entries(properties).filter(([name]) => !system.has(name)));
}

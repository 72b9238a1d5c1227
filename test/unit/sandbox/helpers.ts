// Small helpers for the sandbox tests: one real HTTP call (global fetch) and a poll-with-deadline.
import type { Sandbox } from '../../../sandbox/types';

export const TOKEN = 'sandbox-token';
export const NO_SCOPE_TOKEN = 'sandbox-token-noscopes';

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

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 3000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function taskInput(subject: string, extra: Record<string, string> = {}) {
  return { properties: { hs_task_subject: subject, hs_timestamp: '2030-01-01T12:00:00.000Z', ...extra } };
}

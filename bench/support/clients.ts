// Clients for the benchmarks. Latency rows lift the client-side rate limiter (it models HubSpot's
// quota, which loopback runs without); P7 keeps the defaults and the sandbox enforces the limits.
import { HubSpotClient, type HubSpotClientOptions } from '../../src/hubspot/client';
import type { RequestLogEntry, Sandbox } from '../../sandbox/server';

import { SANDBOX_TOKEN as TOKEN } from '../../test/support/demo';

export { TOKEN };

export function unthrottledClient(sandbox: Pick<Sandbox, 'url'>, extra: Partial<HubSpotClientOptions> = {}): HubSpotClient {
  return new HubSpotClient({
    baseUrl: sandbox.url,
    getToken: async () => TOKEN,
    requestsPer10s: 1_000_000,
    searchesPerSecond: 1_000_000,
    ...extra,
  });
}

export function defaultClient(sandbox: Sandbox, extra: Partial<HubSpotClientOptions> = {}): HubSpotClient {
  return new HubSpotClient({ baseUrl: sandbox.url, getToken: async () => TOKEN, ...extra });
}

export function count(log: readonly RequestLogEntry[], ...operations: string[]): number {
  return log.filter((e) => e.operation !== undefined && operations.includes(e.operation)).length;
}

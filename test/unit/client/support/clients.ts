// Clients with test-sized timings (short backoffs, no multi-second waits) and a logger that keeps
// every line so tests can assert the token never appears.
import { HubSpotClient, HubSpotClientOptions } from '../../../../src/hubspot/client';
import type { HttpExchange } from '../../../../src/hubspot/httpClient';
import type { Logger } from '../../../../src/util/logger';

import { SANDBOX_NO_SCOPE_TOKEN as NO_SCOPE_TOKEN, SANDBOX_TOKEN as TOKEN } from '../../../support/demo';

export { NO_SCOPE_TOKEN, TOKEN };

export class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  private add(level: string, message: string | Error, args: unknown[]): void {
    this.lines.push(`${level} ${message instanceof Error ? `${message.message} ${message.stack}` : message} ${args.map((a) => JSON.stringify(a)).join(' ')}`);
  }
  trace(m: string, ...a: unknown[]): void { this.add('trace', m, a); }
  debug(m: string, ...a: unknown[]): void { this.add('debug', m, a); }
  info(m: string, ...a: unknown[]): void { this.add('info', m, a); }
  warn(m: string, ...a: unknown[]): void { this.add('warn', m, a); }
  error(m: string | Error, ...a: unknown[]): void { this.add('error', m, a); }
}

export interface TestClient {
  client: HubSpotClient;
  logger: CapturingLogger;
  exchanges: HttpExchange[];
}

export function testClient(baseUrl: string, overrides: Partial<HubSpotClientOptions> = {}): TestClient {
  const logger = new CapturingLogger();
  const exchanges: HttpExchange[] = [];
  const client = new HubSpotClient({
    baseUrl,
    getToken: async () => TOKEN,
    logger,
    timeoutMs: 3_000,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 50,
    // The sandbox is shared by many tests in a row: the client-side limiter is tested on its own.
    requestsPer10s: 100_000,
    searchesPerSecond: 100_000,
    onExchange: (e) => exchanges.push(e),
    ...overrides,
  });
  return { client, logger, exchanges };
}

/** Resolves to the rejection of `promise` (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

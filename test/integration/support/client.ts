// The HubSpot client paces itself for real HubSpot (5 searches a second, 100 requests per 10 s) and backs
// off 0.5 s, 1 s, 2 s before its retries. In-host tests that assert neither (the unit tests do) lift the
// pacing and shorten the backoff through the extension's test seam; the number of retries stays.
import type { Container } from '../../../src/container';
import type { ClientTestOptions, SwitchableClient } from '../../../src/services/clientFactory';

export const UNPACED: ClientTestOptions = { searchesPerSecond: 1000, requestsPer10s: 10_000 };
export const FAST_RETRIES: ClientTestOptions = { ...UNPACED, retryBaseDelayMs: 20 };

/** Rebuilds the extension's client with `options` (`{}`: the defaults). */
export function setClientTestOptions(c: Container, options: ClientTestOptions): void {
  (c.client as SwitchableClient).setTestOptions(options);
}

// Timing and pacing the product runs with, in one readonly object the composition root builds once and
// passes down through constructors. Users always get PRODUCT_TUNING. The in-host tests cannot wait HubSpot's
// pacing, a 5 s outage backoff or a one-minute auto-refresh, so when VS Code runs the extension for tests
// (`ExtensionMode.Test`, and only then) the root lays overrides from the environment variable the test
// harness sets (HUBSPOT_TEST_TUNING, JSON shaped like Tuning) over these defaults. No product class keeps a
// switch to change them afterwards. No vscode import: the unit tests build one directly.
import type { HubSpotClientOptions } from './hubspot/client';

export interface Tuning {
  /** The HubSpot client's pacing (HubSpot's 5 searches a second, 100 requests per 10 s) and backoff. */
  readonly client: Readonly<Pick<HubSpotClientOptions, 'retryBaseDelayMs' | 'searchesPerSecond' | 'requestsPer10s'>>;
  /** First delay of the refresh retried while HubSpot is unreachable (doubling per failure). */
  readonly outageRetryBaseMs: number;
  /** The auto-refresh period while its setting is on; undefined: the setting's minutes (at least one). */
  readonly autoRefreshPeriodMs?: number;
}

export const PRODUCT_TUNING: Tuning = Object.freeze({ client: Object.freeze({}), outageRetryBaseMs: 5_000 });

/** PRODUCT_TUNING with the positive numbers of `json` laid over it; anything else in it is ignored. */
export function tuningWithOverrides(json: string | undefined): Tuning {
  let raw: unknown;
  try {
    raw = json ? JSON.parse(json) : undefined;
  } catch {
    raw = undefined;
  }
  const from = (value: unknown, key: string): number | undefined => {
    const n = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const client = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).client : undefined;
  const clientKeys = ['retryBaseDelayMs', 'searchesPerSecond', 'requestsPer10s'] as const;
  return Object.freeze({
    client: Object.freeze(Object.fromEntries(clientKeys.flatMap((k) => (from(client, k) ? [[k, from(client, k)]] : [])))),
    outageRetryBaseMs: from(raw, 'outageRetryBaseMs') ?? PRODUCT_TUNING.outageRetryBaseMs,
    autoRefreshPeriodMs: from(raw, 'autoRefreshPeriodMs'),
  });
}

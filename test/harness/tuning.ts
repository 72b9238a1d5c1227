// The timings the in-host suite runs the extension with. The extension reads them from HUBSPOT_TEST_TUNING
// only in ExtensionMode.Test (src/tuning.ts) and builds its parts with them once; users always get the
// product's. Why each: the unit tests assert the real pacing and backoffs, the in-host tests assert what
// the user sees, which should not cost seconds of timers per case on a 2-core machine.
import type { Tuning } from '../../src/tuning';

export const IN_HOST_TUNING: Tuning = {
  // No pacing to HubSpot's 5 searches a second (a reload is 7 searches); the client's retries stay 3, their
  // first backoff 20 ms instead of 0.5 s.
  client: { searchesPerSecond: 1000, requestsPer10s: 10_000, retryBaseDelayMs: 20 },
  // The outage retry from 2 s instead of 5 s: long enough that a failed refresh ends before it.
  outageRetryBaseMs: 2_000,
  // The auto-refresh (switched on by its setting in one test only) every 2 s instead of at least a minute.
  autoRefreshPeriodMs: 2_000,
};

/** The environment variable that carries IN_HOST_TUNING to the extension host. */
export function tuningEnv(): Record<string, string> {
  return { HUBSPOT_TEST_TUNING: JSON.stringify(IN_HOST_TUNING) };
}

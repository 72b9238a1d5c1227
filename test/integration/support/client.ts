// The timings the extension runs with in this suite are the harness's (test/harness/tuning.ts, handed to the
// extension in ExtensionMode.Test): no pacing, a 20 ms first client backoff, the outage retry from 2 s, the
// auto-refresh every 2 s while its setting is on. Tests read them from the Container instead of setting them.
import type { Container } from '../../../src/container';
import type { Tuning } from '../../../src/tuning';

/** What this run's extension was built with; fails loudly when the harness did not hand its timings over. */
export function tuningOf(c: Container): Tuning {
  const tuning = c.tuning;
  if (!tuning.client.retryBaseDelayMs || tuning.autoRefreshPeriodMs === undefined) {
    throw new Error('the extension runs with the product timings: HUBSPOT_TEST_TUNING did not reach the extension host');
  }
  return tuning;
}

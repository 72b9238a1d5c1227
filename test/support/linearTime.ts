// Linear-time checks for parsers over untrusted input (issue 13: hints, globs, HTML notes). A check compares
// the parser with a plain pass over the same bytes in the same run, so the machine's speed cancels out,
// and allows a fixed slack on top: a garbage collection or a pre-empted core is not a quadratic pass,
// which costs seconds at these sizes. Not a performance target (those live in bench/): a tripwire.
import * as assert from 'assert';

/** The fastest of `times` runs of `run`, in ms. */
export function fastest(run: () => unknown, times: number): number {
  let best = Infinity;
  for (let k = 0; k < times; k++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/** A plain pass over the text(s): every character looked at once, what any reader pays. */
export function plainPass(texts: string | readonly string[]): number {
  let sum = 0;
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    for (let i = 0; i < text.length; i++) {
      sum = (sum + text.charCodeAt(i)) | 0;
    }
  }
  return sum;
}

export interface LinearCheck {
  /** What the failure message names. */
  label: string;
  /** The input, for the plain pass that sets the bound. */
  input: string | readonly string[];
  /** The work under test, on that input. */
  run: () => unknown;
  /** How many plain passes the work may cost. */
  factor: number;
  /** Added to the bound, in ms (default 100). */
  slackMs?: number;
}

export interface LinearResult {
  took: number;
  baseline: number;
  ratio: number;
}

/**
 * Throws when `run` costs more than `factor` plain passes over `input` + the slack. The first run
 * decides unless it is over the bound; then the fastest of three does (still failing fast enough for
 * quadratic code, whose first run is already far over).
 */
export function assertLinearTime({ label, input, run, factor, slackMs = 100 }: LinearCheck): LinearResult {
  const baseline = Math.max(fastest(() => plainPass(input), 5), 1e-3);
  const bound = factor * baseline + slackMs;
  const once = fastest(run, 1);
  const took = once > bound && once < 20 * bound ? Math.min(once, fastest(run, 2)) : once;
  const ratio = took / baseline;
  assert.ok(took <= bound, `${label}: ${took.toFixed(1)} ms, ${ratio.toFixed(0)}× a plain pass (${baseline.toFixed(3)} ms); the bound is ${factor}× + ${slackMs} ms`);
  return { took, baseline, ratio };
}

// The distinctive token of the token-hygiene tests, and a deep search for it in anything: strings,
// errors (message, stack, cause chain, own properties), arrays, objects, buffers.
import { inspect } from 'util';

export const CANARY_TOKEN = 'sbx-TOKEN-CANARY-7f3a9c';

/** Every place `needle` occurs in `value`, as paths (e.g. `errors[3].cause.message`). */
export function findCanary(value: unknown, needle = CANARY_TOKEN): string[] {
  const hits: string[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      if (v.includes(needle)) {
        hits.push(at);
      }
      return;
    }
    if (Buffer.isBuffer(v)) {
      if (v.includes(needle)) {
        hits.push(at);
      }
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) {
      return;
    }
    seen.add(v);
    if (v instanceof Error) {
      visit(v.message, `${at}.message`);
      visit(v.stack, `${at}.stack`);
      visit((v as { cause?: unknown }).cause, `${at}.cause`);
    }
    for (const key of Object.getOwnPropertyNames(v)) {
      visit((v as Record<string, unknown>)[key], `${at}.${key}`);
    }
  };
  visit(value, '$');
  // What a log line would print of it (util.inspect is what console and VS Code's log use).
  if (hits.length === 0 && typeof value === 'object' && value !== null && inspect(value, { depth: 8 }).includes(needle)) {
    hits.push(`${'$'} (inspect)`);
  }
  return hits;
}

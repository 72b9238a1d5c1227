// HubSpot's private-app limits: the account's requests per rolling 10 s (100 on Free/Starter, 190 on
// Professional/Enterprise; `--rate-limit N` picks any) and 5 searches per second, per token. Usage is
// always tracked; 429s only when enforced. Like HubSpot, non-search responses announce the limit in
// X-HubSpot-RateLimit-* headers and search responses carry none (HubSpot's API usage guidelines),
// so a client cannot learn the limit from searches alone.
import { ErrorExtras } from './errors';

export const RATE_LIMITS = { perTenSeconds: 100, tenSecondsMs: 10_000, searchesPerSecond: 5, daily: 250_000 } as const;

export interface RateDecision {
  headers: Record<string, string>;
  /** Set when the request must be answered 429. */
  rejected?: { message: string; extras: ErrorExtras };
}

interface Usage {
  recent: number[];
  searches: number[];
  daily: number;
}

/** Requests per 10 s from a flag or knob: a positive integer, else an Error naming the rule. */
export function parseRateLimit(raw: unknown, what: string): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
    throw new Error(`${what} must be a positive integer (requests per 10 s), got ${JSON.stringify(raw)}`);
  }
  return raw;
}

export class RateLimiter {
  private readonly usage = new Map<string, Usage>();

  constructor(private readonly now: () => number = Date.now) {}

  reset(): void {
    this.usage.clear();
  }

  /**
   * Records the request (unless rejected) and says whether it may proceed. `perTenSeconds` is the
   * account's limit, announced in the headers whether or not it is enforced.
   */
  admit(token: string, isSearch: boolean, enforce: boolean, perTenSeconds: number = RATE_LIMITS.perTenSeconds): RateDecision {
    const now = this.now();
    const u = this.usage.get(token) ?? { recent: [], searches: [], daily: 0 };
    this.usage.set(token, u);
    u.recent = u.recent.filter((t) => t > now - RATE_LIMITS.tenSecondsMs);
    u.searches = u.searches.filter((t) => t > now - 1000);

    let rejected: RateDecision['rejected'];
    if (enforce && u.recent.length >= perTenSeconds) {
      rejected = limitBody('TEN_SECONDLY_ROLLING', 'You have reached your ten_secondly_rolling limit.');
    } else if (enforce && isSearch && u.searches.length >= RATE_LIMITS.searchesPerSecond) {
      rejected = limitBody('SECONDLY', 'You have reached your secondly limit.');
    } else {
      u.recent.push(now);
      u.daily++;
      if (isSearch) {
        u.searches.push(now);
      }
    }
    if (isSearch) {
      return { headers: {}, rejected };
    }
    const headers: Record<string, string> = {
      'X-HubSpot-RateLimit-Max': String(perTenSeconds),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, perTenSeconds - u.recent.length)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(RATE_LIMITS.tenSecondsMs),
      'X-HubSpot-RateLimit-Daily': String(RATE_LIMITS.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, RATE_LIMITS.daily - u.daily)),
    };
    return { headers, rejected };
  }
}

/** HubSpot's 429 body (no Retry-After header: clients back off by the policy). */
export function limitBody(policyName: 'TEN_SECONDLY_ROLLING' | 'SECONDLY', message: string): { message: string; extras: ErrorExtras } {
  return { message, extras: { errorType: 'RATE_LIMIT', policyName, groupName: 'publicapi:private-app:sandbox' } };
}

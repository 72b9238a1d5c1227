// HubSpot's private-app limits: 100 requests per rolling 10 s and 5 searches per second, per token.
// Usage is always tracked and reported in X-HubSpot-RateLimit-* headers; 429s only when enforced.
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

export class RateLimiter {
  private readonly usage = new Map<string, Usage>();

  constructor(private readonly now: () => number = Date.now) {}

  reset(): void {
    this.usage.clear();
  }

  /** Records the request (unless rejected) and says whether it may proceed. */
  admit(token: string, isSearch: boolean, enforce: boolean): RateDecision {
    const now = this.now();
    const u = this.usage.get(token) ?? { recent: [], searches: [], daily: 0 };
    this.usage.set(token, u);
    u.recent = u.recent.filter((t) => t > now - RATE_LIMITS.tenSecondsMs);
    u.searches = u.searches.filter((t) => t > now - 1000);

    let rejected: RateDecision['rejected'];
    if (enforce && u.recent.length >= RATE_LIMITS.perTenSeconds) {
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
    const headers: Record<string, string> = {
      'X-HubSpot-RateLimit-Max': String(RATE_LIMITS.perTenSeconds),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, RATE_LIMITS.perTenSeconds - u.recent.length)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(RATE_LIMITS.tenSecondsMs),
      'X-HubSpot-RateLimit-Daily': String(RATE_LIMITS.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, RATE_LIMITS.daily - u.daily)),
    };
    if (isSearch) {
      headers['X-HubSpot-RateLimit-Secondly'] = String(RATE_LIMITS.searchesPerSecond);
      headers['X-HubSpot-RateLimit-Secondly-Remaining'] = String(Math.max(0, RATE_LIMITS.searchesPerSecond - u.searches.length));
    }
    return { headers, rejected };
  }
}

/** HubSpot's 429 body (no Retry-After header: clients back off by the policy). */
export function limitBody(policyName: 'TEN_SECONDLY_ROLLING' | 'SECONDLY', message: string): { message: string; extras: ErrorExtras } {
  return { message, extras: { errorType: 'RATE_LIMIT', policyName, groupName: 'publicapi:private-app:sandbox' } };
}

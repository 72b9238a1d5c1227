// Client-side limiter that keeps normal use under HubSpot's limits (rolling 100 requests / 10 s and
// 5 searches / s by default), so users do not meet 429s in the first place. Requests queue in FIFO
// order instead of failing. The clock is injected so tests run on fake time.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type RequestKind = 'request' | 'search';

export interface RateLimiterOptions {
  requestsPerWindow?: number;
  windowMs?: number;
  searchesPerWindow?: number;
  searchWindowMs?: number;
  clock?: Clock;
}

interface Slot {
  /** When the request counts from: its send time, moved to its completion time on release. */
  at: number;
}

/** Releases a slot when the response has arrived; see RateLimiter.acquire. */
export type Release = () => void;

/** A rolling window: remembers when each of the last `limit` requests happened. */
class RollingWindow {
  private slots: Slot[] = [];
  /** Below this many slots `delay` skips the prune; twice the live slots after each prune, so pruning is amortised O(1). */
  private pruneAt = 64;

  constructor(private readonly limit: number, readonly windowMs: number) {}

  /** Milliseconds until one more request fits (0 = now). */
  delay(now: number): number {
    // Slots not yet pruned only over-count: fewer than `limit` of them means there is room.
    if (this.slots.length < Math.min(this.limit, this.pruneAt)) {
      return 0;
    }
    this.prune(now);
    this.pruneAt = Math.max(64, 2 * this.slots.length);
    return this.slots.length < this.limit ? 0 : this.oldest() + this.windowMs - now;
  }

  record(now: number): Slot {
    const slot = { at: now };
    this.slots.push(slot);
    return slot;
  }

  /** Milliseconds until the oldest request in the window leaves it (0 when empty). */
  remaining(now: number): number {
    this.prune(now);
    return this.slots.length === 0 ? 0 : this.oldest() + this.windowMs - now;
  }

  private oldest(): number {
    return this.slots.reduce((min, s) => Math.min(min, s.at), Number.POSITIVE_INFINITY);
  }

  private prune(now: number): void {
    this.slots = this.slots.filter((s) => s.at + this.windowMs > now);
  }
}

export class RateLimiter {
  private readonly all: RollingWindow;
  private readonly searches: RollingWindow;
  private readonly clock: Clock;
  private pausedUntil = 0;
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.all = new RollingWindow(positive(options.requestsPerWindow, 100), options.windowMs ?? 10_000);
    this.searches = new RollingWindow(positive(options.searchesPerWindow, 5), options.searchWindowMs ?? 1_000);
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Resolves when the request may be sent; the slot is taken at that moment. FIFO across kinds.
   * Call the returned release when the response has arrived: HubSpot counted the request on
   * arrival, which a slow first connection can delay, so the slot then counts from completion.
   */
  acquire(kind: RequestKind): Promise<Release> {
    this.waiting++;
    const turn = this.tail.then(() => this.waitForSlot(kind));
    // The chain must survive a rejected sleep (it never rejects today, but a fake clock might).
    this.tail = turn.then(() => undefined, () => undefined);
    return turn.finally(() => { this.waiting--; });
  }

  /** Milliseconds the request would wait if asked now (0 = free); for diagnostics and tests. */
  delayFor(kind: RequestKind): number {
    return this.delayAt(kind, this.clock.now());
  }

  /** Requests queued or waiting right now. */
  get queued(): number {
    return this.waiting;
  }

  /** After a 429, hold every request until HubSpot's window has room again. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** Time left until the oldest request of the current 10 s window leaves it. */
  windowRemainingMs(): number {
    return this.all.remaining(this.clock.now());
  }

  private async waitForSlot(kind: RequestKind): Promise<Release> {
    for (;;) {
      const now = this.clock.now();
      const wait = this.delayAt(kind, now);
      if (wait <= 0) {
        const slots = [this.all.record(now)];
        if (kind === 'search') {
          slots.push(this.searches.record(now));
        }
        return () => {
          const done = this.clock.now();
          slots.forEach((slot) => { slot.at = Math.max(slot.at, done); });
        };
      }
      await this.clock.sleep(wait);
    }
  }

  private delayAt(kind: RequestKind, now: number): number {
    // Searches also count against the general window: conservative if HubSpot counts them apart.
    const searchDelay = kind === 'search' ? this.searches.delay(now) : 0;
    return Math.max(this.pausedUntil - now, this.all.delay(now), searchDelay, 0);
  }
}

function positive(v: number | undefined, fallback: number): number {
  return v !== undefined && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;
}

// Client-side limiter that keeps normal use under HubSpot's limits, so users do not meet 429s in the
// first place. The account's limit differs by tier (100 requests / 10 s on Free/Starter, 190 on
// Professional/Enterprise), so the limiter paces by what HubSpot announces in each response's
// X-HubSpot-RateLimit-Max / -Interval-Milliseconds (`observe`), starting from the lowest tier until the
// first announcement. Search responses carry no such headers: they leave the learnt limit alone, and
// searches keep their own 5 / s window. Requests queue in FIFO order instead of failing. The clock is
// injected so tests run on fake time.
import { RateLimitHeader } from './types';

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
  /** The general limit until HubSpot announces one (or for good, when `followAnnounced` is false). */
  requestsPerWindow?: number;
  windowMs?: number;
  /** Pace by the limit HubSpot announces in its response headers (see `observe`). Default false. */
  followAnnounced?: boolean;
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

/** A limit as HubSpot announces it: `max` requests per `intervalMs`. */
export interface AnnouncedLimit {
  max: number;
  intervalMs: number;
}

/**
 * The account's limit from a response's headers, or undefined when the response does not announce
 * one (search responses) or announces nonsense: outside 1–100,000 requests per 0.1 s–1 h a header is
 * garbled (or a proxy's), not an account's limit.
 */
export function announcedLimit(header: (name: string) => string | null): AnnouncedLimit | undefined {
  const max = Number(header(RateLimitHeader.max) ?? NaN);
  const intervalMs = Number(header(RateLimitHeader.intervalMs) ?? NaN);
  const within = (n: number, low: number, high: number) => Number.isInteger(n) && n >= low && n <= high;
  return within(max, 1, 1e5) && within(intervalMs, 100, 36e5) ? { max, intervalMs } : undefined;
}

/** A rolling window: remembers when each of the last `limit` requests happened. */
class RollingWindow {
  private slots: Slot[] = [];
  /** Below this many slots `delay` skips the prune; twice the live slots after each prune, so pruning is amortised O(1). */
  private pruneAt = 64;

  /** Changing `limit` or `windowMs` applies to the slots already taken too: they stay where they are in time. */
  constructor(public limit: number, public windowMs: number) {}

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
  private readonly follow: boolean;
  private pausedUntil = 0;
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  /** Wakes the request waiting for a slot, so that it looks again under a changed limit. */
  private wake?: () => void;

  constructor(options: RateLimiterOptions = {}) {
    this.all = new RollingWindow(positive(options.requestsPerWindow, 100), options.windowMs ?? 10_000);
    this.searches = new RollingWindow(positive(options.searchesPerWindow, 5), options.searchWindowMs ?? 1_000);
    this.clock = options.clock ?? systemClock;
    this.follow = options.followAnnounced ?? false;
  }

  /** The general limit paced by now: the announced one once HubSpot has said it. */
  get limit(): AnnouncedLimit {
    return { max: this.all.limit, intervalMs: this.all.windowMs };
  }

  /**
   * Reads the limit a response announces and paces by it from now on (when following announcements).
   * A response without the headers — every search response — changes nothing.
   */
  observe(header: (name: string) => string | null): void {
    const announced = this.follow ? announcedLimit(header) : undefined;
    if (announced) {
      this.all.limit = announced.max;
      this.all.windowMs = announced.intervalMs;
      this.wake?.();
    }
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
      // A raised limit (the first announcement of 190 after starting at 100) frees the queue at once.
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void this.clock.sleep(wait).then(resolve);
      });
      this.wake = undefined;
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

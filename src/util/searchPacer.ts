// Searching as the user types, within HubSpot's search limit (5 requests per second per account): a
// query is sent once typing pauses (`debounceMs`), never sooner than `minIntervalMs` after the previous
// search started, and only the newest query's answer is delivered (an older one arriving late is
// dropped). No editor dependency: the quick pick hands in what was typed and shows what comes back.

export interface PacerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface PacerOptions {
  /** Quiet time after the last keystroke before searching. */
  debounceMs: number;
  /** Least time between two searches starting (200 ms: at most 5 per second). */
  minIntervalMs: number;
}

export const SEARCH_PACE: PacerOptions = { debounceMs: 250, minIntervalMs: 200 };

export class SearchPacer<T> {
  private timer: unknown;
  private lastStart = Number.NEGATIVE_INFINITY;
  /** Counts requests; an answer is delivered only while its number is the newest. */
  private generation = 0;
  private disposed = false;
  /** Searches started (for tests and the log). */
  started = 0;

  constructor(
    private readonly search: (query: string) => Promise<T>,
    private readonly deliver: (query: string, outcome: { result: T } | { error: unknown }) => void,
    private readonly options: PacerOptions = SEARCH_PACE,
    private readonly clock: PacerClock = realClock,
  ) {}

  /** The user typed `query` (`immediate`: no debounce, e.g. the first, empty query when opening). */
  request(query: string, immediate = false): void {
    if (this.disposed) {
      return;
    }
    const generation = ++this.generation;
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
    }
    const now = this.clock.now();
    const at = Math.max(immediate ? now : now + this.options.debounceMs, this.lastStart + this.options.minIntervalMs);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.start(query, generation);
    }, Math.max(0, at - now));
  }

  private start(query: string, generation: number): void {
    if (this.disposed || generation !== this.generation) {
      return;
    }
    this.lastStart = this.clock.now();
    this.started++;
    this.search(query).then(
      (result) => this.settle(query, generation, { result }),
      (error: unknown) => this.settle(query, generation, { error }),
    );
  }

  private settle(query: string, generation: number, outcome: { result: T } | { error: unknown }): void {
    if (!this.disposed && generation === this.generation) {
      this.deliver(query, outcome);
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}

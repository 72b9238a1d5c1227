// A manual clock for the rate limiter: time moves only when a test calls advance().
import type { Clock } from '../../../../src/hubspot/rateLimiter';

interface Sleeper {
  at: number;
  resolve: () => void;
}

/** Lets pending promise callbacks run (one macrotask turn); not a timed wait. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private time = 0;
  private sleepers: Sleeper[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.sleepers.push({ at: this.time + Math.max(0, ms), resolve }));
  }

  /** Moves time forward, waking sleepers in order and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers[0];
      if (!next || next.at > end) {
        break;
      }
      this.sleepers.shift();
      this.time = Math.max(this.time, next.at);
      next.resolve();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

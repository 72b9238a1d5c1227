// While the last refresh failed because HubSpot could not be reached (network, 5xx, 429), refreshes
// again on a short backoff (5 s, 10 s, 20 s … capped at the auto-refresh interval) instead of leaving
// the tree and the status bar stale until the next auto-refresh. Stops as soon as a refresh succeeds,
// on an authentication problem or sign-out, and when disposed. No editor dependency.
import { isHubSpotError } from '../hubspot/errors';

/** `transient`: HubSpot unreachable, worth retrying; `stop`: retrying cannot help (signed out, 401). */
export type RefreshHealth = 'ok' | 'transient' | 'stop';

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface OutageRetryOptions {
  /** Refreshes what failed (errors are the views' to show; they are ignored here). */
  refresh(): Promise<void>;
  /** The state after the last refresh. */
  health(): RefreshHealth;
  /** The cap of the backoff: the auto-refresh interval. */
  maxDelayMs(): number;
  /** First delay, doubling per failed retry. Default 5000. */
  baseDelayMs?: number;
  timers?: Timers;
  /** Told before each retry (the log). */
  onRetry?(attempt: number, delayMs: number): void;
}

const systemTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Errors worth a retry soon: HubSpot (or the way to it) is down or busy, not refusing us. */
export function isTransientFailure(error: unknown): boolean {
  return isHubSpotError(error) && (error.kind === 'network' || error.kind === 'server' || error.kind === 'rate-limited');
}

export class OutageRetry {
  private timer: unknown;
  private attempts = 0;
  private running = false;
  private disposed = false;
  private nextDelay: number | undefined;
  private readonly timers: Timers;

  constructor(private readonly options: OutageRetryOptions) {
    this.timers = options.timers ?? systemTimers;
  }

  /** The delay of the retry waiting to run, if any. */
  get scheduledDelayMs(): number | undefined {
    return this.timer === undefined ? undefined : this.nextDelay;
  }

  /** Call whenever the refresh state may have changed: schedules, keeps or cancels the retry. */
  check(): void {
    if (this.disposed || this.running) {
      return; // a retry in flight decides when it ends
    }
    if (this.options.health() !== 'transient') {
      this.cancel();
      this.attempts = 0;
      return;
    }
    if (this.timer === undefined) {
      const base = this.options.baseDelayMs ?? 5_000;
      const delay = Math.min(base * 2 ** this.attempts, Math.max(base, this.options.maxDelayMs()));
      this.attempts++;
      this.nextDelay = delay;
      this.timer = this.timers.set(() => void this.retry(), delay);
    }
  }

  private async retry(): Promise<void> {
    this.timer = undefined;
    if (this.disposed) {
      return;
    }
    this.options.onRetry?.(this.attempts, this.nextDelay ?? 0);
    this.running = true;
    try {
      await this.options.refresh();
    } catch {
      // The views show what failed; health() says whether to go on.
    } finally {
      this.running = false;
    }
    this.check();
  }

  private cancel(): void {
    if (this.timer !== undefined) {
      this.timers.clear(this.timer);
      this.timer = undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }
}

// One refresh at a time for something refreshed from a timer, window focus and editor events. A refresh
// asked for while one runs does not queue behind it: a full re-read is skipped (the running one is as
// fresh), a read of what changed runs once after it however many ask meanwhile. So a timer firing faster
// than HubSpot answers, or a burst of events, never grows a chain of requests. No vscode import.

/** Window focus re-reads at most this often: a user tabbing in and out must not become a stream of searches. */
export const FOCUS_REFRESH_INTERVAL_MS = 60_000;

export class RefreshGate {
  private running: Promise<void> | undefined;
  private followUp: Promise<void> | undefined;

  /**
   * `run(force)`: force re-reads everything; otherwise only what is not known yet. `lastForced`: when the
   * last full re-read started (a caller that has just loaded everything passes `now()`).
   */
  constructor(
    private readonly run: (force: boolean) => Promise<void>,
    private readonly now: () => number = Date.now,
    private lastForced = Number.NEGATIVE_INFINITY,
  ) {}

  /**
   * Re-reads everything (timer, focus, on demand). Skipped while a refresh runs (the caller gets that one),
   * and when the last full re-read started less than `minIntervalMs` ago (focus: at most once a minute).
   */
  forced(minIntervalMs = 0): Promise<void> {
    if (this.running) {
      return this.running;
    }
    if (this.now() - this.lastForced < minIntervalMs) {
      return Promise.resolve();
    }
    return this.start(true);
  }

  /** Reads what changed (editor events): now, or once after the refresh that is running. */
  changed(): Promise<void> {
    if (!this.running) {
      return this.start(false);
    }
    const next = () => {
      this.followUp = undefined;
      return this.running ?? this.start(false);
    };
    this.followUp ??= this.running.then(next, next);
    return this.followUp;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  private start(force: boolean): Promise<void> {
    if (force) {
      this.lastForced = this.now();
    }
    const run: Promise<void> = this.run(force).finally(() => {
      if (this.running === run) {
        this.running = undefined;
      }
    });
    this.running = run;
    return run;
  }
}

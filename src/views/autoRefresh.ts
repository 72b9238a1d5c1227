// Refreshes on an interval (setting; 0 = off) and when the window regains focus, at most once per
// minute: a user tabbing in and out must not turn into a stream of searches.
import * as vscode from 'vscode';
import { Settings } from '../constants';

const FOCUS_THROTTLE_MS = 60_000;

export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private lastRun = Date.now();
  /** Replaces the setting's period while the setting is on (see `overridePeriod`). */
  private periodOverrideMs: number | undefined;
  private running = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly refresh: () => Promise<void>) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.autoRefreshMinutes) || e.affectsConfiguration(Settings.refreshOnFocus)) {
          this.schedule();
        }
      }),
      vscode.window.onDidChangeWindowState((state) => {
        const enabled = vscode.workspace.getConfiguration().get<boolean>(Settings.refreshOnFocus, true);
        if (state.focused && enabled && Date.now() - this.lastRun >= FOCUS_THROTTLE_MS) {
          this.run();
        }
      }),
    );
    this.schedule();
  }

  /**
   * A seam for tests, which cannot wait the minimum of one minute: while the setting is on, refresh
   * every `ms` instead; `undefined` goes back to the setting. Not a setting: users get at least a minute.
   */
  overridePeriod(ms: number | undefined): void {
    this.periodOverrideMs = ms;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const minutes = vscode.workspace.getConfiguration().get<number>(Settings.autoRefreshMinutes, 5);
    if (minutes > 0) {
      this.timer = setInterval(() => this.run(), this.periodOverrideMs ?? Math.max(1, minutes) * 60_000);
    }
  }

  private run(): void {
    // A refresh still running (slow HubSpot) is not restarted: that would discard its answers every tick.
    if (this.running) return;
    this.lastRun = Date.now();
    this.running = true;
    void this.refresh()
      .catch(() => undefined)
      .finally(() => (this.running = false));
  }

  dispose(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }
}

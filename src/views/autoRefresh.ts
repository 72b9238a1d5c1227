// Refreshes on an interval (setting; 0 = off) and when the window regains focus, at most once per
// minute: a user tabbing in and out must not turn into a stream of searches.
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { clampSetting, SETTING_LIMITS } from '../settingLimits';
import { DisposableStore } from '../util/disposableStore';
import { FOCUS_REFRESH_INTERVAL_MS, RefreshGate } from '../util/refreshGate';

export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  /**
   * One refresh at a time: one still running (slow HubSpot) is not restarted, which would discard its
   * answers every tick. Started "now": activation has just loaded the tree, so focus waits a minute.
   */
  private readonly gate = new RefreshGate(() => this.refresh().catch(() => undefined), Date.now, Date.now());
  private readonly disposables = new DisposableStore();

  /** `periodMs`: replaces the setting's minutes while the setting is on (Tuning.autoRefreshPeriodMs). */
  constructor(private readonly refresh: () => Promise<void>, private readonly periodMs?: number) {
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.autoRefreshMinutes) || e.affectsConfiguration(Settings.refreshOnFocus)) {
          this.schedule();
        }
      }),
      vscode.window.onDidChangeWindowState((state) => {
        const enabled = vscode.workspace.getConfiguration().get<boolean>(Settings.refreshOnFocus, true);
        if (state.focused && enabled) {
          void this.gate.forced(FOCUS_REFRESH_INTERVAL_MS);
        }
      }),
    );
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const minutes = autoRefreshMinutes();
    if (minutes > 0) {
      this.timer = setInterval(() => void this.gate.forced(), this.periodMs ?? minutes * 60_000);
    }
  }

  dispose(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
    this.disposables.dispose();
  }
}

/** The setting within its bounds (0: off; otherwise 1 minute to 1 day, whatever settings.json says). */
export function autoRefreshMinutes(): number {
  return clampSetting(vscode.workspace.getConfiguration().get<unknown>(Settings.autoRefreshMinutes), SETTING_LIMITS.autoRefreshMinutes);
}

// Refreshes on an interval (setting; 0 = off) and when the window regains focus, at most once per
// minute: a user tabbing in and out must not turn into a stream of searches.
import * as vscode from 'vscode';
import { Settings } from '../constants';

const FOCUS_THROTTLE_MS = 60_000;

export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private lastRun = Date.now();
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

  private schedule(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const minutes = vscode.workspace.getConfiguration().get<number>(Settings.autoRefreshMinutes, 5);
    if (minutes > 0) {
      this.timer = setInterval(() => this.run(), Math.max(1, minutes) * 60_000);
    }
  }

  private run(): void {
    this.lastRun = Date.now();
    void this.refresh().catch(() => undefined);
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

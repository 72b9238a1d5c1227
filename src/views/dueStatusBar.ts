// `$(checklist) N due`: my open tasks due by the end of today, from ONE search with `limit: 1`
// (`total` is the count; the single oldest result says whether anything is overdue). Writes made
// in the extension adjust the count at once; the next search waits until HubSpot's search has had
// time to see them.
import * as vscode from 'vscode';
import type { AuthService } from '../auth/authService';
import { Commands, Settings } from '../constants';
import type { HubSpotApi } from '../hubspot/api';
import { isHubSpotError } from '../hubspot/errors';
import { isTransientFailure } from '../services/outageRetry';
import type { TaskService, TaskWrite } from '../services/taskService';
import { dayBoundaries } from '../tasks/dueBuckets';
import { DEFAULT_FILTERS } from '../tasks/filters';
import { buildDueCountSearch } from '../tasks/grouping';
import { isCompleted, parseTask, type Task } from '../tasks/task';
import { formatMoment } from '../tasks/dateFormat';
import { displayLocale } from '../ui/displayLocale';
import type { Logger } from '../util/logger';
import { DisposableStore } from '../util/disposableStore';

const t = vscode.l10n.t;

export interface DueCount {
  total: number;
  anyOverdue: boolean;
  at: number;
}

export class DueStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private count: DueCount | undefined;
  private inFlight: Promise<void> | undefined;
  private lastWriteAt = 0;
  private deferred: NodeJS.Timeout | undefined;
  /** When this count's last refresh failed to reach HubSpot (undefined once one succeeds): set = offline. */
  private failedAtValue: number | undefined;
  private unreachableValue = false;
  private readonly changed = new vscode.EventEmitter<DueCount | undefined>();
  /** Fires after every repaint (tests wait on it). */
  readonly onDidUpdate = this.changed.event;
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly client: HubSpotApi,
    private readonly auth: AuthService,
    private readonly service: TaskService,
    private readonly log: Logger,
    /** How long after a write a search may still miss it (HubSpot: a few seconds). */
    private readonly searchLagMs = 10_000,
  ) {
    this.item = vscode.window.createStatusBarItem('hubspotTasks.due', vscode.StatusBarAlignment.Left, 50);
    this.item.name = t('HubSpot Tasks Due');
    this.disposables.add(
      this.changed,
      this.item,
      auth.onDidChange(() => void this.refresh()),
      service.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.statusBarWhenSignedOut)) {
          this.render();
        }
      }),
    );
  }

  get current(): DueCount | undefined {
    return this.count;
  }

  /** The last count failed because HubSpot could not be reached (network, 5xx, 429): worth a retry. */
  get unreachable(): boolean {
    return this.unreachableValue;
  }

  /** When this count's last refresh could not reach HubSpot; undefined once one succeeded. */
  get failedAt(): number | undefined {
    return this.failedAtValue;
  }

  /** The item's tooltip (tests read it). */
  get tooltipText(): string {
    return String(this.item.tooltip ?? '');
  }

  /** What the item shows (tests and the accessibility of other features read it). */
  get text(): string {
    return this.item.text;
  }

  /**
   * ONE search; concurrent calls share it. Right after a local write, search may not show it yet,
   * so an automatic refresh waits for the lag to pass; `force` (the Refresh command) searches now
   * and again once the lag has passed.
   */
  refresh(force = false): Promise<void> {
    const wait = this.lastWriteAt + this.searchLagMs - Date.now();
    if (wait > 0) {
      this.deferRefresh(wait);
      if (!force) {
        return Promise.resolve();
      }
    }
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    await this.auth.ready;
    if (!this.auth.isSignedIn) {
      this.count = undefined;
      this.unreachableValue = false;
      this.render();
      return;
    }
    const me = await this.auth.me();
    if (!me) {
      this.count = undefined;
      this.unreachableValue = false;
      this.render();
      return;
    }
    try {
      const now = new Date();
      const page = await this.client.tasks.searchTasks(buildDueCountSearch(me, now));
      const oldest = page.items[0] ? parseTask(page.items[0]) : undefined;
      const startOfToday = dayBoundaries(now).startOfToday;
      this.count = { total: page.total, anyOverdue: oldest?.due !== undefined && oldest.due.getTime() < startOfToday, at: now.getTime() };
      this.failedAtValue = undefined;
      this.unreachableValue = false;
    } catch (error) {
      this.unreachableValue = isTransientFailure(error);
      if (isHubSpotError(error) && error.kind === 'authentication') {
        this.auth.reportRejected();
      } else {
        // Keep the last count; the tree shows the offline state. One log line, no notification.
        if (this.failedAtValue === undefined) {
          this.log.warn(`Due count unavailable: ${error instanceof Error ? error.message : String(error)}`);
        }
        this.failedAtValue = Date.now();
      }
    }
    this.render();
  }

  /** Adjusts the count for tasks just written here (previous versions from the tree, if loaded). */
  applyWrites(writes: TaskWrite[], me: string | undefined): void {
    if (!this.count || !me) {
      return;
    }
    const endOfToday = dayBoundaries(new Date()).startOfTomorrow;
    const isDue = (task: Task | undefined) =>
      !!task && !task.archived && task.ownerId === me && !isCompleted(task) && task.due !== undefined && task.due.getTime() < endOfToday;
    let delta = 0;
    for (const { before, after } of writes) {
      // Unknown previous state: only a newly due task (e.g. just created) can be counted safely.
      delta += before ? Number(isDue(after)) - Number(isDue(before)) : Number(isDue(after));
    }
    this.lastWriteAt = Date.now();
    if (delta !== 0) {
      this.count = { ...this.count, total: Math.max(0, this.count.total + delta) };
      this.render();
    }
    this.deferRefresh(this.searchLagMs);
  }

  private deferRefresh(ms: number): void {
    if (this.deferred) {
      clearTimeout(this.deferred);
    }
    this.deferred = setTimeout(() => {
      this.deferred = undefined;
      void this.refresh();
    }, ms);
  }

  private render(): void {
    const item = this.item;
    if (!this.auth.isSignedIn) {
      const mode = vscode.workspace.getConfiguration().get<string>(Settings.statusBarWhenSignedOut, 'signIn');
      if (mode === 'hide') {
        item.hide();
      } else {
        item.text = `$(checklist) ${t('Sign in to HubSpot')}`;
        item.tooltip = t('Sign in to see your HubSpot tasks');
        item.command = Commands.signIn;
        item.backgroundColor = undefined;
        item.show();
      }
      this.changed.fire(undefined);
      return;
    }
    if (!this.count) {
      item.text = `$(checklist) ${t('HubSpot')}`;
      item.tooltip = this.failedAtValue !== undefined
        ? t('HubSpot could not be reached at {0}.', formatMoment(new Date(this.failedAtValue), new Date(), displayLocale()))
        : t('Choose which HubSpot owner you are to count your due tasks');
      item.command = this.failedAtValue !== undefined ? Commands.showDueTasks : Commands.selectMe;
      item.backgroundColor = undefined;
      item.show();
      this.changed.fire(undefined);
      return;
    }
    const { total, anyOverdue } = this.count;
    const failedAt = this.staleSince();
    item.text = `$(checklist) ${failedAt === undefined ? t('{0} due', total) : t('{0} due (stale)', total)}`;
    item.command = Commands.showDueTasks;
    item.backgroundColor = anyOverdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.tooltip = this.tooltip(total, anyOverdue, failedAt);
    const label = total === 1 ? t('1 HubSpot task due by the end of today') : t('{0} HubSpot tasks due by the end of today', total);
    item.accessibilityInformation = { label: failedAt === undefined ? label : t('{0} (stale)', label) };
    item.show();
    this.changed.fire(this.count);
  }

  /**
   * When HubSpot last could not be reached, while the count shown predates it: this count's own refresh
   * failed, or the tree's did (an outage shows here at the first failed request, whoever made it).
   */
  private staleSince(): number | undefined {
    const status = this.service.status;
    const treeFailedAt = status.kind === 'offline' && this.count && status.failedAt >= this.count.at ? status.failedAt : undefined;
    return this.failedAtValue ?? treeFailedAt;
  }

  /** The overdue/today split, from the tree's own group totals when they answer the same question. */
  private tooltip(total: number, anyOverdue: boolean, failedAt: number | undefined): string {
    const lines = [total === 1 ? t('1 of your HubSpot tasks is due by the end of today.') : t('{0} of your HubSpot tasks are due by the end of today.', total)];
    const filters = this.service.filters;
    const sameQuestion = this.service.groupBy === 'due' && this.service.status.kind === 'ready' && filters.owner === 'mine' && !filters.record
      && filters.statuses.length === 0 && !filters.text && filters.hideCompleted === DEFAULT_FILTERS.hideCompleted;
    const overdue = this.service.group('overdue');
    const today = this.service.group('today');
    if (sameQuestion && overdue?.loaded && today?.loaded) {
      lines.push(t('Overdue: {0}', overdue.total), t('Today: {0}', today.total));
    } else {
      lines.push(anyOverdue ? t('Some are overdue.') : t('None is overdue.'));
    }
    if (failedAt !== undefined && this.count) {
      const now = new Date();
      lines.push(t('Stale: HubSpot could not be reached at {0}. Counted at {1}.', formatMoment(new Date(failedAt), now, displayLocale()), formatMoment(new Date(this.count.at), now, displayLocale())));
    }
    lines.push(t('Click to show them.'));
    return lines.join('\n');
  }

  dispose(): void {
    if (this.deferred) {
      clearTimeout(this.deferred);
    }
    this.disposables.dispose();
  }
}

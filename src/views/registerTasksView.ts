// Wires sign-in, the Tasks view, the status bar, reminders and their commands into the container.
import * as vscode from 'vscode';
import { HubSpotAuthenticationProvider } from '../auth/authProvider';
import { registerAuthCommands } from '../commands/authCommands';
import { registerAccountCommands } from '../commands/accountCommands';
import { registerTaskCommands } from '../commands/taskCommands';
import type { TreeContext } from '../commands/treeContext';
import { refreshAll, registerViewCommands } from '../commands/viewCommands';
import { ContextKeys, Settings, Views } from '../constants';
import type { FeatureHost } from '../featureHost';
import type { TestHooks } from '../testHooks';
import { ArchivedTasks } from '../services/archivedTasks';
import { OutageRetry } from '../services/outageRetry';
import { TaskActions } from '../services/taskActions';
import { TaskService, type TreeStatus } from '../services/taskService';
import { describeFilters } from '../tasks/filters';
import { clampSetting, SETTING_LIMITS } from '../settingLimits';
import { AutoRefresh, autoRefreshMinutes } from './autoRefresh';
import { DueReminders } from './dueReminders';
import { DueStatusBar } from './dueStatusBar';
import { TasksTreeProvider } from './tasksTreeProvider';
import { formatMoment } from '../tasks/dateFormat';
import { firstDayOfWeek } from '../tasks/dueBuckets';
import { displayLocale } from '../ui/displayLocale';
import { configuredBaseUrl } from '../auth/clientFactory';
import { DEFAULT_BASE_URL } from '../hubspot/client';
import { TaskTooltipLoader } from './taskTooltip/taskTooltipLoader';
import { TreeCrmLoader } from './treeCrm/treeCrmLoader';
import { registerRecordCommands } from '../commands/recordCommands';
import type { TreeNode } from './treeNodes';

export interface TreeFeatures {
  readonly tasks: TaskService;
  readonly archived: ArchivedTasks;
  readonly actions: TaskActions;
  readonly provider: TasksTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly statusBar: DueStatusBar;
  readonly reminders: DueReminders;
  /** Refreshes again on a short backoff while HubSpot is unreachable (from Tuning.outageRetryBaseMs). */
  readonly outageRetry: OutageRetry;
  /** The interval refresh (its period: the setting, or Tuning.autoRefreshPeriodMs). */
  readonly autoRefresh: AutoRefresh;
  refresh(): Promise<void>;
}

/** `testHooks`: only in ExtensionMode.Test (the reminders' answers). */
export function registerTasksView(host: FeatureHost, testHooks?: TestHooks): TreeFeatures {
  const { context, log, client, auth } = host;
  const pageSize = () => clampSetting(vscode.workspace.getConfiguration().get<unknown>(Settings.pageSize), SETTING_LIMITS.pageSize);
  const service = new TaskService({
    client,
    me: () => auth.me(),
    isSignedIn: () => auth.isSignedIn,
    onAuthenticationError: () => auth.reportRejected(),
    workspaceState: context.workspaceState,
    pageSize,
    logger: log,
    accountKey: () => auth.accountKey,
    weekStartsOn: () => firstDayOfWeek(displayLocale()),
  });
  host.register({ dispose: () => service.dispose() });
  const archived = new ArchivedTasks(client, pageSize);
  host.register({ dispose: () => archived.dispose() });
  const actions = new TaskActions(client, (tasks) => host.tasksChanged.fire(tasks));
  const provider = host.register(new TasksTreeProvider(service, archived, auth, new TaskTooltipLoader(log), new TreeCrmLoader(client, () => auth.accountKey, log)));
  const view = host.register(vscode.window.createTreeView(Views.tasks, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true }));
  const statusBar = host.register(new DueStatusBar(client, auth, service, log));
  host.register(new HubSpotAuthenticationProvider(auth));

  const ctx: TreeContext = { client, properties: host.taskProperties, auth, service, archived, actions, provider, view, statusBar, log, notify: host.notify };
  for (const disposable of [...registerAuthCommands(ctx), ...registerAccountCommands(ctx), ...registerViewCommands(ctx), ...registerTaskCommands(ctx), ...registerRecordCommands(ctx)]) {
    host.register(disposable);
  }

  // Anyone's writes (tree, editor, TODO links) show at once in the tree and the status bar.
  host.register(host.tasksChanged.event((tasks) => {
    statusBar.applyWrites(service.applyWrites(tasks), service.me);
  }));

  let contextGroupBy: string | undefined;
  const describe = () => {
    const parts = [describeFilters(service.filters, vscode.l10n.t)];
    if (service.groupBy === 'priority') {
      parts.push(vscode.l10n.t('by priority'));
    }
    const status = service.status;
    const now = new Date();
    if (status.kind === 'offline') {
      parts.push(status.savedAt ? vscode.l10n.t('offline, cached {0}', formatMoment(new Date(status.savedAt), now, displayLocale())) : vscode.l10n.t('offline'));
    }
    // The description is not shown while Tasks is its container's only view (VS Code shows the container's
    // title): the message row above the tree is, and wraps instead of being cut at the side bar's width.
    view.description = provider.showArchived ? vscode.l10n.t('Archived') : parts.join(' · ');
    view.message = provider.showArchived || !auth.isSignedIn ? undefined : staleMessage(status, statusBar, now);
    if (service.groupBy !== contextGroupBy) {
      contextGroupBy = service.groupBy;
      void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, service.groupBy);
    }
  };
  host.register(service.onDidChange(() => describe()));
  host.register(archived.onDidChange(() => describe()));
  host.register(statusBar.onDidUpdate(() => describe()));
  host.register(auth.onDidChange(() => describe()));
  describe();

  // The signed-out welcome tells how to reach the sandbox only while the base URL is still HubSpot's.
  const showBaseUrl = () => void vscode.commands.executeCommand('setContext', ContextKeys.customBaseUrl, configuredBaseUrl() !== DEFAULT_BASE_URL);
  host.register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(Settings.baseUrl) && showBaseUrl()));
  showBaseUrl();

  const refresh = () => refreshAll(ctx);
  const autoRefresh = host.register(new AutoRefresh(refresh, host.tuning.autoRefreshPeriodMs));
  // After an outage, the tree and the status bar come back within seconds, not at the next auto-refresh.
  const outageRetry = new OutageRetry({
    refresh,
    health: () => {
      if (!auth.isSignedIn || auth.isRejected) {
        return 'stop';
      }
      const treeDown = view.visible && !provider.showArchived && service.status.kind === 'offline';
      return treeDown || statusBar.unreachable ? 'transient' : 'ok';
    },
    maxDelayMs: () => (autoRefreshMinutes() || SETTING_LIMITS.autoRefreshMinutes.fallback) * 60_000,
    baseDelayMs: host.tuning.outageRetryBaseMs,
    onRetry: (attempt, delayMs) => log.debug(`HubSpot was unreachable; refreshing again (retry ${attempt}, after ${delayMs / 1000} s).`),
  });
  host.register(outageRetry);
  const checkOutage = () => outageRetry.check();
  host.register(service.onDidChange(checkOutage));
  host.register(statusBar.onDidUpdate(checkOutage));
  host.register(auth.onDidChange(checkOutage));
  host.register(view.onDidChangeVisibility(checkOutage));
  const reminders = host.register(new DueReminders(context, client, auth, actions, log, host.notify, testHooks));
  void auth.ready.then(() => statusBar.refresh());

  return { tasks: service, archived, actions, provider, view, statusBar, reminders, outageRetry, autoRefresh, refresh };
}

/** "Stale…" with when HubSpot could not be reached (and when the shown tasks were loaded), once a refresh failed. */
function staleMessage(status: TreeStatus, statusBar: DueStatusBar, now: Date): string | undefined {
  const at = (ms: number) => formatMoment(new Date(ms), now, displayLocale());
  if (status.kind === 'offline') {
    return status.savedAt
      ? vscode.l10n.t('Stale: HubSpot could not be reached at {0}. Showing the tasks loaded at {1}.', at(status.failedAt), at(status.savedAt))
      : vscode.l10n.t('HubSpot could not be reached at {0}.', at(status.failedAt));
  }
  const failedAt = statusBar.failedAt;
  return failedAt === undefined ? undefined : vscode.l10n.t('Stale: HubSpot could not be reached at {0}. The tasks shown may be out of date.', at(failedAt));
}


// The "Tasks" view: group nodes labelled with their search `total`, the first page of each group
// (loaded with the group's count: ONE search per group page), "Load more", and status messages
// (pick "me", token rejected, offline with the cache's time).
import * as vscode from 'vscode';
import type { AuthService } from '../auth/authService';
import { Commands } from '../constants';
import type { ArchivedTasks } from '../services/archivedTasks';
import type { TaskService } from '../services/taskService';
import type { GroupId } from '../tasks/grouping';
import { groupItem, loadMoreItem, messageItem, taskItem, type GroupNode, type MessageNode, type TaskNode, type TreeNode } from './treeNodes';
import { DisposableStore } from '../util/disposableStore';
import type { TaskTooltipLoader } from './taskTooltip/taskTooltipLoader';
import type { TreeCrmLoader } from './treeCrm/treeCrmLoader';
import type { TaskRecords } from '../services/taskRecords';
import { DEFAULT_FILTERS } from '../tasks/filters';

const t = vscode.l10n.t;

export class TasksTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groupNodes = new Map<GroupId, GroupNode>();
  private readonly rendered = new Set<GroupId>();
  private readonly pending = new Set<GroupId>();
  private pendingAll = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private showArchivedValue = false;
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly service: TaskService,
    private readonly archived: ArchivedTasks,
    private readonly auth: AuthService,
    /** Builds a row's tooltip on hover, loading the tooltip's bundle the first time. */
    private readonly tooltips: TaskTooltipLoader,
    /** Each loaded page's associated records (one read per object type per page), and the pickers. */
    readonly crm: TreeCrmLoader,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.disposables.add(
      this.changed,
      service.onDidChange((state) => this.schedule(state?.group.id)),
      // Written tasks: only those not read yet (just created) are read; a refresh reads the rest again.
      service.onDidReadTasks(({ ids, written }) => void this.records().load(written ? ids.filter((id) => service.findTask(id)) : ids)),
      archived.onDidChange(() => this.schedule(undefined)),
      auth.onDidChange(() => {
        this.service.forgetWrites();
        this.service.invalidate();
        this.archived.reset();
      }),
    );
  }

  /** The associated records of the loaded tasks (loads the CRM bundle on first use). */
  records(): TaskRecords {
    const crm = this.crm;
    if (!crm.records) {
      const records = crm.records = crm.module.createRecords(() => crm.client, crm.accountKey, crm.log);
      this.disposables.add(records, records.onDidChange((ids) => {
        // Repaint only the groups holding those tasks (keeps scroll and focus).
        for (const state of this.service.groups()) {
          if (state.tasks.some((task) => ids.includes(task.id))) {
            this.schedule(state.group.id);
          }
        }
      }));
    }
    return crm.records;
  }

  get showArchived(): boolean {
    return this.showArchivedValue;
  }

  setShowArchived(show: boolean): void {
    this.showArchivedValue = show;
    if (!show) {
      this.archived.reset();
    }
    this.schedule(undefined);
  }

  /** Group events of one load into one repaint: a root load changes every group at once. */
  private schedule(groupId: GroupId | undefined): void {
    if (groupId === undefined) {
      this.pendingAll = true;
    } else {
      this.pending.add(groupId);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), 10);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (this.pendingAll) {
      this.groupNodes = new Map();
      this.rendered.clear();
      this.changed.fire(undefined);
    } else {
      for (const id of this.pending) {
        const node = this.groupNodes.get(id);
        if (node && this.rendered.has(id)) {
          this.changed.fire(node);
        }
      }
    }
    this.pending.clear();
    this.pendingAll = false;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const state = this.service.group(node.id);
        if (!state) {
          return new vscode.TreeItem(node.id);
        }
        this.rendered.add(node.id);
        return groupItem(state, state.group.expandedByDefault);
      }
      case 'task':
        return taskItem(node, this.now(), this.shownOwnerName(node), this.crm.records?.primary(node.task.id)?.name);
      case 'loadMore':
        return loadMoreItem(node);
      case 'message':
        return messageItem(node);
    }
  }

  /**
   * A task's tooltip, when VS Code is about to show it: converting every row's notes HTML on each
   * render was the cost of a tree of hundreds of tasks with long (or hostile) notes.
   */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'task' && item.tooltip === undefined) {
      item.tooltip = this.tooltips.tooltip(node.task, this.shownOwnerName(node), this.crm.records?.recordsOf(node.task.id));
    }
    return item;
  }

  /** The owner's name beside a task when the view shows everyone's tasks. */
  private shownOwnerName(node: TaskNode): string | undefined {
    return this.service.filters.owner === 'all' ? this.service.ownerName(node.task.ownerId) : undefined;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'task' && node.groupId ? this.groupNode(node.groupId) : undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      return this.rootChildren();
    }
    if (node.kind !== 'group') {
      return [];
    }
    const state = this.service.group(node.id);
    if (!state) {
      return [];
    }
    const children: TreeNode[] = state.tasks.map((task): TaskNode => ({ kind: 'task', task, groupId: node.id }));
    if (state.error) {
      children.push(message(`error:${node.id}`, t('Could not load: {0}', state.error), 'error', { command: Commands.refresh, title: t('Retry') }));
    }
    if (state.capped) {
      children.push(message(`capped:${node.id}`, t('Showing the first {0} of {1}: HubSpot search stops at 10,000. Narrow the filters or search text to see the rest.', state.tasks.length.toLocaleString(), state.total.toLocaleString()), 'info'));
    } else if (state.cursor !== undefined) {
      children.push({ kind: 'loadMore', groupId: node.id, loaded: state.tasks.length, total: state.total });
    }
    return children;
  }

  private async rootChildren(): Promise<TreeNode[]> {
    await this.auth.ready;
    if (!this.auth.isSignedIn) {
      return []; // the welcome view (viewsWelcome) explains how to sign in
    }
    if (this.showArchivedValue) {
      return this.crm.module.archivedChildren(this.archived); // a rarely opened list: its rows load with the filters' bundle
    }
    await this.service.ensureLoaded();
    const status = this.service.status;
    switch (status.kind) {
      case 'signed-out':
        return [];
      case 'rejected':
        return [message('rejected', t('HubSpot rejected the token. Sign in again…'), 'error', { command: Commands.signIn, title: t('Sign In') })];
      case 'failed':
        return [message('failed', t('Could not load tasks: {0}', status.message), 'error', { command: Commands.refresh, title: t('Retry') }, undefined, t('Retry'))];
      case 'needs-me':
        return [
          message('needs-me', t('Choose which HubSpot owner you are…'), 'account', { command: Commands.selectMe, title: t('Select Me') }),
          message('show-all', t("Show everyone's tasks"), 'organization', { command: Commands.filterOwner, title: t('All owners'), arguments: ['all'] }),
        ];
      default:
        break;
    }
    // The filter rows come with the tree's CRM bundle; default filters need none (and no load).
    const saved = !!this.service.saved;
    const nodes: TreeNode[] = saved || JSON.stringify(this.service.filters) !== JSON.stringify(DEFAULT_FILTERS)
      ? this.crm.module.filterRows(this.service.filters, saved) : [];
    if (status.kind === 'offline') {
      // Short, so the side bar never cuts it: the view's message row above says since when and from when the tasks are.
      nodes.push(message(
        'offline',
        t('Offline'),
        'debug-disconnect',
        { command: Commands.refresh, title: t('Retry') },
        t('{0}\nClick to retry.', status.message),
        t('Retry'),
      ));
    }
    for (const state of this.service.groups()) {
      nodes.push(this.groupNode(state.group.id));
    }
    return nodes;
  }

  groupNode(id: GroupId): GroupNode {
    let node = this.groupNodes.get(id);
    if (!node) {
      node = { kind: 'group', id };
      this.groupNodes.set(id, node);
    }
    return node;
  }

  dispose(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
    }
    this.disposables.dispose();
  }
}

function message(key: string, text: string, icon: string, command?: vscode.Command, tooltip?: string, description?: string): MessageNode {
  return { kind: 'message', key, text, icon, command, tooltip, description };
}

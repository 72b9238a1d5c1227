// The view's title actions: refresh, grouping, filters, the archived list, paging, and the status
// bar's "show me what is due".
import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../constants';
import { TaskProperty } from '../hubspot/types';
import { DEFAULT_FILTERS, statusLabel } from '../tasks/filters';
import type { LoadMoreNode } from '../views/treeNodes';
import type { TreeContext } from './treeContext';

const t = vscode.l10n.t;
const FALLBACK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'DEFERRED', 'COMPLETED'];

export function registerViewCommands(ctx: TreeContext): vscode.Disposable[] {
  const { service } = ctx;
  return [
    vscode.commands.registerCommand(Commands.refresh, () => refreshAll(ctx, true)),
    vscode.commands.registerCommand(Commands.groupByDue, () => service.setGroupBy('due')),
    vscode.commands.registerCommand(Commands.groupByPriority, () => service.setGroupBy('priority')),
    vscode.commands.registerCommand(Commands.filterOwner, (owner?: 'mine' | 'all') => filterOwner(ctx, owner)),
    vscode.commands.registerCommand(Commands.toggleCompleted, () => service.setFilters({ hideCompleted: !service.filters.hideCompleted })),
    vscode.commands.registerCommand(Commands.filterStatus, (statuses?: string[]) => filterStatus(ctx, statuses)),
    vscode.commands.registerCommand(Commands.filterText, (text?: string) => filterText(ctx, text)),
    vscode.commands.registerCommand(Commands.clearFilters, () => service.setFilters({ ...DEFAULT_FILTERS })),
    vscode.commands.registerCommand(Commands.toggleArchived, () => toggleArchived(ctx)),
    vscode.commands.registerCommand(Commands.loadMore, (node?: LoadMoreNode) => loadMore(ctx, node)),
    vscode.commands.registerCommand(Commands.showDueTasks, () => showDueTasks(ctx)),
  ];
}

/** Reloads the tree (if visible; otherwise on next show) and the status bar. */
export async function refreshAll(ctx: TreeContext, force = false): Promise<void> {
  if (ctx.provider.showArchived) {
    ctx.archived.reset();
  }
  if (ctx.view.visible) {
    await Promise.all([ctx.service.refresh(), ctx.statusBar.refresh(force)]);
  } else {
    ctx.service.invalidate();
    await ctx.statusBar.refresh(force);
  }
}

async function filterOwner(ctx: TreeContext, owner: 'mine' | 'all' | undefined): Promise<void> {
  if (!owner) {
    const picks = [
      { label: t('My tasks'), value: 'mine' as const, picked: ctx.service.filters.owner === 'mine' },
      { label: t('All owners'), value: 'all' as const, picked: ctx.service.filters.owner === 'all' },
    ];
    owner = (await ctx.notify.pick(picks, { title: t('Show tasks of') }))?.value;
  }
  if (owner) {
    await ctx.service.setFilters({ owner });
  }
}

async function filterStatus(ctx: TreeContext, statuses: string[] | undefined): Promise<void> {
  if (!statuses) {
    let values = FALLBACK_STATUSES;
    try {
      const definition = await ctx.client.account.taskProperty(TaskProperty.status);
      const fromAccount = definition.options.filter((o) => !o.hidden).map((o) => o.value.toUpperCase());
      if (fromAccount.length) {
        values = fromAccount;
      }
    } catch (error) {
      ctx.log.debug(`Task status options unavailable, using the documented ones: ${String(error)}`);
    }
    const current = new Set(ctx.service.filters.statuses);
    // Status values come from the account's property definition: the notifier makes their labels inert.
    const picked = await ctx.notify.pick(
      values.map((value) => ({ label: statusLabel(value), value, picked: current.has(value) })),
      { title: t('Show tasks with status (none selected: any)'), canPickMany: true },
    );
    if (!picked) {
      return;
    }
    statuses = picked.map((p) => p.value);
  }
  await ctx.service.setFilters({ statuses });
}

async function filterText(ctx: TreeContext, text: string | undefined): Promise<void> {
  if (text === undefined) {
    text = await ctx.notify.input({
      title: t('Search tasks'),
      prompt: t('Words to find in subjects and notes (empty: no text filter)'),
      value: ctx.service.filters.text,
    });
  }
  if (text !== undefined) {
    await ctx.service.setFilters({ text });
  }
}

async function toggleArchived(ctx: TreeContext): Promise<void> {
  const show = !ctx.provider.showArchived;
  ctx.provider.setShowArchived(show);
  await vscode.commands.executeCommand('setContext', ContextKeys.showArchived, show);
}

async function loadMore(ctx: TreeContext, node: LoadMoreNode | undefined): Promise<void> {
  if (!node?.groupId) {
    await ctx.archived.loadMore();
    return;
  }
  await ctx.service.loadMore(node.groupId);
}

async function showDueTasks(ctx: TreeContext): Promise<void> {
  if (ctx.provider.showArchived) {
    await toggleArchived(ctx);
  }
  if (ctx.service.groupBy !== 'due') {
    await ctx.service.setGroupBy('due');
  }
  await vscode.commands.executeCommand(`${Views.tasks}.focus`);
  await ctx.service.ensureLoaded();
  const target = ctx.service.group('overdue')?.total ? 'overdue' : 'today';
  if (ctx.service.group(target)) {
    try {
      await ctx.view.reveal(ctx.provider.groupNode(target), { expand: true, focus: true, select: true });
    } catch (error) {
      ctx.log.debug(`Revealing the ${target} group failed: ${String(error)}`);
    }
  }
}

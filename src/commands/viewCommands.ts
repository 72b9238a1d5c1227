// The view's title actions: refresh, grouping, completed shown / hidden, clearing the filters, the archived
// list and paging (the other filters and the status bar's "show me what is due": recordCommands.ts).
import * as vscode from 'vscode';
import { Commands, ContextKeys } from '../constants';
import { DEFAULT_FILTERS } from '../tasks/filters';
import type { LoadMoreNode } from '../views/treeNodes';
import type { TreeContext } from './treeContext';


export function registerViewCommands(ctx: TreeContext): vscode.Disposable[] {
  const { service } = ctx;
  return [
    vscode.commands.registerCommand(Commands.refresh, () => refreshAll(ctx, true)),
    vscode.commands.registerCommand(Commands.groupByDue, () => service.setGroupBy('due')),
    vscode.commands.registerCommand(Commands.groupByPriority, () => service.setGroupBy('priority')),
    vscode.commands.registerCommand(Commands.toggleCompleted, () => service.setFilters({ hideCompleted: !service.filters.hideCompleted })),
    vscode.commands.registerCommand(Commands.clearFilters, () => service.setFilters({ ...DEFAULT_FILTERS })),
    vscode.commands.registerCommand(Commands.toggleArchived, () => toggleArchived(ctx)),
    vscode.commands.registerCommand(Commands.loadMore, (node?: LoadMoreNode) => loadMore(ctx, node)),
  ];
}

/** Reloads the tree (if visible; otherwise on next show) and the status bar. */
export async function refreshAll(ctx: TreeContext, force = false): Promise<void> {
  if (ctx.provider.showArchived) {
    ctx.archived.reset();
  }
  ctx.provider.crm.records?.reset(); // associations are read again with the pages
  if (ctx.view.visible) {
    await Promise.all([ctx.service.refresh(), ctx.statusBar.refresh(force)]);
  } else {
    ctx.service.invalidate();
    await ctx.statusBar.refresh(force);
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

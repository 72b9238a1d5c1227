// The view's title actions: refresh and grouping (the filters, the archived list, paging and the status
// bar's "show me what is due": recordCommands.ts).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TreeContext } from './treeContext';

export function registerViewCommands(ctx: TreeContext): vscode.Disposable[] {
  const { service } = ctx;
  return [
    vscode.commands.registerCommand(Commands.refresh, () => refreshAll(ctx, true)),
    vscode.commands.registerCommand(Commands.groupByDue, () => service.setGroupBy('due')),
    vscode.commands.registerCommand(Commands.groupByPriority, () => service.setGroupBy('priority')),
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


// The tree's filter commands (owner, status, text, associated record, due window, completed shown, clearing
// one filter from its row or all, the status bar's "Show Due Tasks" and restoring the filters it replaced),
// the archived list, "Load more", and a task's associated records (open one in HubSpot, show its tasks). Only the registrations live in the main bundle; the tree's CRM bundle
// (views/treeCrm/treeCrm.ts `runCommand`) runs them, with their pickers.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TreeContext } from './treeContext';

const IDS = [
  Commands.filterOwner, Commands.filterStatus, Commands.filterText, Commands.filterRecord, Commands.filterDue,
  Commands.clearFilter, Commands.restoreFilters, Commands.openRecord, Commands.tasksOfRecord, Commands.showDueTasks,
  Commands.toggleCompleted, Commands.clearFilters, Commands.toggleArchived, Commands.loadMore,
] as const;

export type FilterCommand = (typeof IDS)[number];

export function registerRecordCommands(ctx: TreeContext): vscode.Disposable[] {
  return IDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => ctx.provider.crm.module.runCommand(ctx, id, args)));
}

// "New Task" and "Edit Task": open the webview task editor. Edit accepts what its callers have at
// hand: a task id, a tree item / hover / TODO link carrying `task.id` or `id`, or nothing (asks).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TaskEditors } from '../webviews/taskEditors';

const TASK_ID = /^\d{1,30}$/;

/** The task id in a command argument, if there is one. */
export function taskIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' || typeof arg === 'number') {
    const id = String(arg).trim();
    return TASK_ID.test(id) ? id : undefined;
  }
  if (typeof arg === 'object' && arg !== null) {
    const record = arg as { task?: { id?: unknown }; taskId?: unknown; id?: unknown };
    // A tree item's own `id` may be a node id, so the task it carries wins.
    for (const candidate of [record.task?.id, record.taskId, record.id]) {
      const id = taskIdOf(candidate);
      if (id) {
        return id;
      }
    }
  }
  return undefined;
}

/** Optional prefill of a new task (e.g. from a TODO comment): only known, well-typed fields. */
export function prefillOf(arg: unknown): { subject?: string; notes?: string; dueAt?: number } | undefined {
  if (typeof arg !== 'object' || arg === null) {
    return undefined;
  }
  const { subject, notes, dueAt } = arg as Record<string, unknown>;
  const prefill: { subject?: string; notes?: string; dueAt?: number } = {};
  if (typeof subject === 'string') {
    prefill.subject = subject.slice(0, 10_000);
  }
  if (typeof notes === 'string') {
    prefill.notes = notes.slice(0, 100_000);
  }
  if (typeof dueAt === 'number' && Number.isFinite(dueAt)) {
    prefill.dueAt = dueAt;
  }
  return Object.keys(prefill).length > 0 ? prefill : undefined;
}

export function registerTaskEditorCommands(editors: TaskEditors): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.newTask, (arg?: unknown) => {
      editors.create(prefillOf(arg));
    }),
    vscode.commands.registerCommand(Commands.editTask, async (arg?: unknown) => {
      const taskId = taskIdOf(arg) ?? await vscode.window.showInputBox({
        title: vscode.l10n.t('Edit HubSpot Task'),
        prompt: vscode.l10n.t('The id of the task to edit'),
        validateInput: (value) => TASK_ID.test(value.trim()) ? undefined : vscode.l10n.t('A task id is a number.'),
      });
      if (taskId && TASK_ID.test(taskId.trim())) {
        editors.edit(taskId.trim());
      }
    }),
  );
}

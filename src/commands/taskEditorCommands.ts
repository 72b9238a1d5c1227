// "New Task" and "Edit Task": open the webview task editor. Edit accepts what its callers have at
// hand: a task id, a tree item / hover / TODO link carrying `task.id` or `id`, or nothing (asks).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Notifier } from '../ui/notifier';
import type { TaskEditors } from '../webviews/taskEditor/taskEditors';

/** What the commands need: the real registry, or the loader that stands in for it until it loads. */
type Editors = Pick<TaskEditors, 'create' | 'edit'>;
import { TASK_ID, prefillOf, taskIdOf } from './taskEditorArgs';

export function registerTaskEditorCommands(editors: Editors, notify: Pick<Notifier, 'input'>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.newTask, (arg?: unknown) => {
      editors.create(prefillOf(arg));
    }),
    vscode.commands.registerCommand(Commands.editTask, async (arg?: unknown) => {
      const taskId = taskIdOf(arg) ?? await notify.input({
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

// Wires the task editor into the extension: service, panel registry (with its serializer) and commands.
import type * as vscode from 'vscode';
import { registerTaskEditorCommands } from '../commands/taskEditorCommands';
import type { Container } from '../container';
import { TaskEditorService } from './taskEditorService';
import { TaskEditors } from './taskEditors';

export function registerTaskEditor(container: Container): TaskEditors {
  const log = container.log;
  const service = new TaskEditorService(container.client, log);
  let account = container.auth.accountKey;
  container.register(container.auth.onDidChange(() => {
    if (container.auth.accountKey !== account) {
      account = container.auth.accountKey;
      service.forgetChoices();
    }
  }));
  const editors = container.register(new TaskEditors({
    extensionUri: container.context.extensionUri,
    service,
    log,
    me: () => container.auth.me(),
    tasksChanged: (tasks) => container.tasksChanged.fire(tasks),
  }));
  container.register(registerTaskEditorCommands(editors) as vscode.Disposable);
  return editors;
}

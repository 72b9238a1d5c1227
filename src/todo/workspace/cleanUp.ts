// "Clean Up Completed TODOs": linked TODOs whose tasks are completed are removed (or marked DONE, per
// `hubspotTasks.todo.cleanUpAction`) through one WorkspaceEdit whose every change needs confirmation,
// so VS Code shows the refactor preview first. Statuses: one batch read per 100 ids.
import * as vscode from 'vscode';
import type { LinkedTodos } from '../linkedTodos';
import type { TodoCandidate } from '../creation/todoCreator';
import type { TodoToolkit } from './todoToolkit';

export interface CleanUpPlan {
  edit: vscode.WorkspaceEdit;
  /** Linked TODOs whose tasks are completed, with their files. */
  todos: { uri: vscode.Uri; taskId: string; line: number }[];
}

export async function planCleanUp(
  toolkit: TodoToolkit,
  linkedTodos: readonly TodoCandidate[],
  linked: Pick<LinkedTodos, 'read'>,
  needsConfirmation: boolean,
): Promise<CleanUpPlan> {
  const settings = toolkit.readTodoSettings();
  const ids = [...new Set(linkedTodos.map((c) => c.todo.linkedTaskId!).filter(Boolean))];
  const tasks = ids.length > 0 ? await linked.read(ids) : new Map();
  const completed = new Set(ids.filter((id) => tasks.get(id)?.properties.hs_task_status === 'COMPLETED'));
  const edit = new vscode.WorkspaceEdit();
  const plan: CleanUpPlan = { edit, todos: [] };
  const uris = new Map(linkedTodos.filter((c) => completed.has(c.todo.linkedTaskId!)).map((c) => [c.uri.toString(), c.uri]));
  for (const uri of uris.values()) {
    // Re-parse the current text: the scan may be older than the editor's content.
    const document = await vscode.workspace.openTextDocument(uri);
    const language = toolkit.languageOf(document);
    if (!language) {
      continue;
    }
    const text = document.getText();
    for (const todo of toolkit.findTodos(text, language, { tags: settings.tags })) {
      if (!todo.linkedTaskId || !completed.has(todo.linkedTaskId)) {
        continue;
      }
      const label = settings.cleanUpAction === 'remove'
        ? vscode.l10n.t('Remove TODO of completed task HS-{0}', todo.linkedTaskId)
        : vscode.l10n.t('Mark TODO of completed task HS-{0} as DONE', todo.linkedTaskId);
      const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation };
      const edits = settings.cleanUpAction === 'remove' ? toolkit.removeEdits(text, todo) : [toolkit.markDoneEdit(todo)];
      for (const change of edits) {
        edit.replace(uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text, metadata);
      }
      plan.todos.push({ uri, taskId: todo.linkedTaskId, line: todo.range.line });
    }
  }
  return plan;
}

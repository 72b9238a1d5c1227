// Writes `TODO(HS-id)` back into the code through one WorkspaceEdit: undoable, right for unsaved editors
// (the edit goes to the open document, the user's other changes stay unsaved) and for files that are not
// open (their document is edited and saved). Each TODO is found again in the CURRENT text by its key, or
// by its tag and text if lines moved; if the user changed the TODO meanwhile, it is left alone.
import * as vscode from 'vscode';
import { findTodos, todoKeys, type TodoItem } from './core/todoParser';
import { linkEdit } from './core/writeBack';
import { DocumentTodos } from './documentTodos';

export interface LinkRequest {
  uri: vscode.Uri;
  key: string;
  /** The TODO as scanned, to re-locate it if its key no longer matches. */
  todo: Pick<TodoItem, 'tag' | 'rawText' | 'range'>;
  taskId: string;
}

export interface LinkOutcome {
  linked: LinkRequest[];
  /** The TODO changed or vanished before the link could be written: its task exists but is not linked. */
  notFound: LinkRequest[];
}

export async function writeLinks(requests: readonly LinkRequest[], format: string, tags: string[]): Promise<LinkOutcome> {
  const outcome: LinkOutcome = { linked: [], notFound: [] };
  const byUri = new Map<string, LinkRequest[]>();
  for (const request of requests) byUri.set(request.uri.toString(), [...(byUri.get(request.uri.toString()) ?? []), request]);
  const edit = new vscode.WorkspaceEdit();
  const toSave: vscode.TextDocument[] = [];
  for (const list of byUri.values()) {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(list[0].uri);
    } catch {
      outcome.notFound.push(...list);
      continue;
    }
    const language = DocumentTodos.languageOf(document);
    const todos = language ? findTodos(document.getText(), language, { tags }) : [];
    const keys = todoKeys(DocumentTodos.relativePath(document.uri), todos);
    const used = new Set<number>();
    let edited = false;
    for (const request of list) {
      const index = locate(request, todos, keys, used);
      if (index < 0) {
        outcome.notFound.push(request);
        continue;
      }
      used.add(index);
      const text = linkEdit(todos[index], request.taskId, format);
      edit.replace(document.uri, new vscode.Range(document.positionAt(text.start), document.positionAt(text.end)), text.text);
      outcome.linked.push(request);
      edited = true;
    }
    if (edited && !document.isDirty && !document.isUntitled) toSave.push(document);
  }
  if (outcome.linked.length === 0) return outcome;
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) return { linked: [], notFound: [...outcome.notFound, ...outcome.linked] };
  // Documents that had no unsaved changes are saved, so files that were not open change on disk; an
  // editor with unsaved work keeps it unsaved (the link is one more undoable change in it).
  await Promise.all(toSave.map((document) => document.save()));
  return outcome;
}

/** Index of the unlinked TODO the request names: same key, else same tag and text nearest the old line. */
function locate(request: LinkRequest, todos: TodoItem[], keys: string[], used: Set<number>): number {
  const byKey = keys.findIndex((key, i) => key === request.key && !used.has(i));
  if (byKey >= 0) return todos[byKey].linkedTaskId ? -1 : byKey;
  let best = -1;
  for (let i = 0; i < todos.length; i++) {
    const todo = todos[i];
    if (used.has(i) || todo.linkedTaskId || todo.tag !== request.todo.tag || todo.rawText !== request.todo.rawText) continue;
    if (best < 0 || Math.abs(todo.range.line - request.todo.range.line) < Math.abs(todos[best].range.line - request.todo.range.line)) best = i;
  }
  return best;
}

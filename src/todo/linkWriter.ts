// Writes `TODO(HS-id)` back into the code through one WorkspaceEdit: undoable, right for unsaved editors
// (the edit goes to the open document, the user's other changes stay unsaved) and for files that are not
// open (their document is edited and saved). Each TODO is found again in the CURRENT text by its key, or
// by its tag and text if lines moved; if the user changed the TODO meanwhile, it is left alone.
import * as vscode from 'vscode';
import { findTodos, todoKeys, type TodoItem } from './core/todoParser';
import { isTaskId, linkEdit } from './core/writeBack';
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

/**
 * VS Code refuses a WorkspaceEdit (applyEdit → false, nothing applied) when a document changed between
 * our read and the apply: its version is checked. A user typing anywhere in one of the files is enough,
 * so the links are planned again from the new text; a TODO the user changed is still left alone.
 */
const MAX_ATTEMPTS = 5;
/** How long to wait for the extension host to see the change that made an apply fail, before trying again. */
const CATCH_UP_MS = 1000;

export async function writeLinks(requests: readonly LinkRequest[], format: string, tags: string[]): Promise<LinkOutcome> {
  for (let attempt = 1; ; attempt++) {
    const plan = await planLinks(requests, format, tags);
    if (plan.outcome.linked.length === 0) {
      return plan.outcome;
    }
    if (await vscode.workspace.applyEdit(plan.edit)) {
      // Documents that had no unsaved changes are saved, so files that were not open change on disk; an
      // editor with unsaved work keeps it unsaved (the link is one more undoable change in it).
      await Promise.all(plan.toSave.map((document) => document.save()));
      return plan.outcome;
    }
    if (attempt >= MAX_ATTEMPTS) {
      return { linked: [], notFound: [...plan.outcome.notFound, ...plan.outcome.linked] };
    }
    await versionsChanged(plan.read, CATCH_UP_MS);
  }
}

interface LinkPlan {
  edit: vscode.WorkspaceEdit;
  outcome: LinkOutcome;
  toSave: vscode.TextDocument[];
  /** Each edited document and the version its text was read at. */
  read: { document: vscode.TextDocument; version: number }[];
}

/** Finds every requested TODO in the current text of its document and builds one edit linking them. */
async function planLinks(requests: readonly LinkRequest[], format: string, tags: string[]): Promise<LinkPlan> {
  const outcome: LinkOutcome = { linked: [], notFound: [] };
  const byUri = new Map<string, LinkRequest[]>();
  for (const request of requests) {
    const uri = request.uri.toString();
    const list = byUri.get(uri);
    if (list) {
      list.push(request);
    } else {
      byUri.set(uri, [request]);
    }
  }
  const edit = new vscode.WorkspaceEdit();
  const toSave: vscode.TextDocument[] = [];
  const read: LinkPlan['read'] = [];
  for (const list of byUri.values()) {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(list[0].uri);
    } catch {
      outcome.notFound.push(...list);
      continue;
    }
    const version = document.version;
    const language = DocumentTodos.languageOf(document);
    const todos = language ? findTodos(document.getText(), language, { tags }) : [];
    const keys = todoKeys(DocumentTodos.relativePath(document.uri), todos);
    const used = new Set<number>();
    let edited = false;
    for (const request of list) {
      // The id is written into the file: only HubSpot's digits, whatever the caller passed.
      const index = isTaskId(request.taskId) ? locate(request, todos, keys, used) : -1;
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
    if (!edited) {
      continue;
    }
    read.push({ document, version });
    if (!document.isDirty && !document.isUntitled) {
      toSave.push(document);
    }
  }
  return { edit, outcome, toSave, read };
}

/**
 * Resolves once one of the documents has a newer version than the one read (the change that made the
 * apply fail has reached this extension host), or after `timeoutMs` (the apply failed for another reason).
 */
function versionsChanged(read: LinkPlan['read'], timeoutMs: number): Promise<void> {
  const moved = () => read.some(({ document, version }) => document.version !== version);
  if (moved()) {
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const subscription = vscode.workspace.onDidChangeTextDocument(() => {
      if (moved()) {
        done();
      }
    });
  });
}

/** Index of the unlinked TODO the request names: same key, else same tag and text nearest the old line. */
function locate(request: LinkRequest, todos: TodoItem[], keys: string[], used: Set<number>): number {
  const byKey = keys.findIndex((key, i) => key === request.key && !used.has(i));
  if (byKey >= 0) {
    return todos[byKey].linkedTaskId ? -1 : byKey;
  }
  let best = -1;
  for (let i = 0; i < todos.length; i++) {
    const todo = todos[i];
    if (used.has(i) || todo.linkedTaskId || todo.tag !== request.todo.tag || todo.rawText !== request.todo.rawText) {
      continue;
    }
    if (best < 0 || Math.abs(todo.range.line - request.todo.range.line) < Math.abs(todos[best].range.line - request.todo.range.line)) {
      best = i;
    }
  }
  return best;
}

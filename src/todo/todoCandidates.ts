// Where TODOs to create come from: one document (its current, possibly unsaved text) or the whole
// workspace (the plain-Node scanner over each folder, honouring files.exclude, search.exclude and
// .gitignore; open documents with unsaved changes are read from the editor instead of the disk).
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import type { Notifier, PickItem } from '../ui/notifier';
import { findTodos, todoKeys } from './core/todoParser';
import { scanWorkspace } from './core/workspaceScanner';
import { DocumentTodos } from './documentTodos';
import type { TodoCandidate } from './creation/todoCreator';
import { excludeGlobs, readTodoSettings, secretFileMatcher } from './todoSettings';

export function documentCandidates(documents: DocumentTodos, document: vscode.TextDocument): TodoCandidate[] {
  const text = document.getText();
  const relativePath = DocumentTodos.relativePath(document.uri);
  return documents.get(document)
    .filter(({ todo }) => !todo.linkedTaskId)
    .map(({ todo, key }) => ({ uri: document.uri, relativePath, todo, key, documentText: text }));
}

/** All TODOs of the workspace (linked ones too: clean-up needs them); `documentText` filled lazily. */
export async function workspaceTodos(signal?: AbortSignal): Promise<TodoCandidate[]> {
  const settings = readTodoSettings();
  const secretFiles = secretFileMatcher();
  const out: TodoCandidate[] = [];
  const dirty = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file').map((d) => [d.uri.fsPath, d]));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') {
      continue;
    }
    const result = await scanWorkspace({ root: folder.uri.fsPath, excludes: excludeGlobs(folder), maxFileSize: settings.maxFileSize, tags: settings.tags, secretFiles, signal });
    const seen = new Set<string>();
    for (const file of result.files) {
      seen.add(file.path);
      if (dirty.has(file.path)) {
        continue;
      }
      const uri = vscode.Uri.file(file.path);
      const relativePath = DocumentTodos.relativePath(uri);
      const keys = todoKeys(relativePath, file.todos);
      file.todos.forEach((todo, i) => out.push({ uri, relativePath, todo, key: keys[i], documentText: '' }));
    }
    // Unsaved editors: their text, not the disk's, is what the user sees.
    for (const [fsPath, document] of dirty) {
      if (!fsPath.startsWith(folder.uri.fsPath) || secretFiles.matches(fsPath)) {
        continue;
      }
      const language = DocumentTodos.languageOf(document);
      if (!language) {
        continue;
      }
      const text = document.getText();
      const todos = findTodos(text, language, { tags: settings.tags });
      const relativePath = DocumentTodos.relativePath(document.uri);
      const keys = todoKeys(relativePath, todos);
      todos.forEach((todo, i) => out.push({ uri: document.uri, relativePath, todo, key: keys[i], documentText: text }));
    }
  }
  return out;
}

/** Reads the text of candidates found on disk (only for those the user picked). */
export async function withText(candidates: TodoCandidate[]): Promise<TodoCandidate[]> {
  const texts = new Map<string, string>();
  for (const candidate of candidates) {
    if (candidate.documentText !== '' || texts.has(candidate.uri.fsPath)) {
      continue;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === candidate.uri.toString());
    texts.set(candidate.uri.fsPath, open ? open.getText() : await fs.readFile(candidate.uri.fsPath, 'utf8').catch(() => ''));
  }
  return candidates.map((c) => (c.documentText !== '' ? c : { ...c, documentText: texts.get(c.uri.fsPath) ?? '' }));
}

/** The review step: a multi-select list, everything picked; nothing is created unless accepted. */
export async function reviewWithQuickPick(notify: Pick<Notifier, 'pick'>, candidates: readonly TodoCandidate[]): Promise<TodoCandidate[] | undefined> {
  // TODO text, paths and hints come from the repository's files: the notifier makes them inert.
  type Item = PickItem<{ candidate: TodoCandidate }>;
  const items: Item[] = candidates.map((candidate) => {
    const { todo } = candidate;
    const hints = [
      ...todo.hints.associations.map((a) => `@${a.kind}:${a.value}`),
      ...(todo.hints.priority ? [`!${todo.hints.priority.toLowerCase()}`] : []),
      ...(todo.hints.due ? [`due:${todo.hints.due}`] : []),
    ];
    return {
      label: todo.text || `${todo.tag} (${vscode.l10n.t('no text')})`,
      description: `${candidate.relativePath}:${todo.range.line + 1}`,
      detail: hints.length > 0 ? hints.join('  ') : undefined,
      picked: true,
      candidate,
    };
  });
  const picked = await notify.pick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Create HubSpot tasks from {0} TODO(s)', candidates.length),
    placeHolder: vscode.l10n.t('Untick the TODOs that should not become tasks, then press Enter'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.map((item) => item.candidate);
}

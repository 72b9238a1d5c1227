// The TODOs of one document to create tasks from: its current, possibly unsaved text. The whole
// workspace's come from workspace/ (its own bundle, loaded when a workspace command runs).
import type * as vscode from 'vscode';
import { DocumentTodos } from './documentTodos';
import type { TodoCandidate } from './creation/todoCreator';

export function documentCandidates(documents: DocumentTodos, document: vscode.TextDocument): TodoCandidate[] {
  const text = document.getText();
  const relativePath = DocumentTodos.relativePath(document.uri);
  return documents.get(document)
    .filter(({ todo }) => !todo.linkedTaskId)
    .map(({ todo, key }) => ({ uri: document.uri, relativePath, todo, key, documentText: text }));
}

// TODOs of open documents, parsed once per document version and shared by the CodeLens, the quick
// fix, the hover and the decorations.
import * as vscode from 'vscode';
import { languageForFile, syntaxFor } from './core/languages';
import { findTodos, todoKeys, type TodoItem } from './core/todoParser';

export interface DocumentTodo {
  todo: TodoItem;
  key: string;
}

export class DocumentTodos implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; tagsKey: string; todos: DocumentTodo[] }>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly tags: () => string[],
    /** Secret-bearing files (`.env`, `.npmrc`, keys…): no TODOs, so no CodeLens, quick fix or task from them. */
    private readonly isSecretFile: (path: string) => boolean = () => false,
  ) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));
  }

  /** The language whose comment syntax applies: the editor's, or one guessed from the file name. */
  static languageOf(document: vscode.TextDocument): string | undefined {
    if (syntaxFor(document.languageId)) {
      return document.languageId;
    }
    return languageForFile(document.uri.path);
  }

  static relativePath(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  }

  get(document: vscode.TextDocument): DocumentTodo[] {
    if (this.isSecretFile(document.uri.path)) {
      return [];
    }
    const tags = this.tags();
    const tagsKey = tags.join('\n');
    const id = document.uri.toString();
    const cached = this.cache.get(id);
    if (cached && cached.version === document.version && cached.tagsKey === tagsKey) {
      return cached.todos;
    }
    const language = DocumentTodos.languageOf(document);
    const todos = language ? findTodos(document.getText(), language, { tags }) : [];
    const keys = todoKeys(DocumentTodos.relativePath(document.uri), todos);
    const result = todos.map((todo, i) => ({ todo, key: keys[i] }));
    this.cache.set(id, { version: document.version, tagsKey, todos: result });
    return result;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}

export function todoRange(document: vscode.TextDocument, todo: TodoItem): vscode.Range {
  return new vscode.Range(document.positionAt(todo.range.startOffset), document.positionAt(todo.range.endOffset));
}

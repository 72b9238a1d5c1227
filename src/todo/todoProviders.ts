// The lightbulb quick fix and the CodeLens above unlinked TODOs: both run "create task" for one TODO.
import * as vscode from 'vscode';
import { DocumentTodos, todoRange } from './documentTodos';
import { TodoCommands } from './todoCommandIds';
import { readTodoSettings } from './todoSettings';

export class TodoCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly documents: DocumentTodos) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const { todo } of this.documents.get(document)) {
      if (todo.linkedTaskId) {
        continue;
      }
      const todoLines = new vscode.Range(todo.range.line, 0, todo.continuation.at(-1)?.line ?? todo.range.line, Number.MAX_SAFE_INTEGER);
      if (!todoLines.intersection(range)) {
        continue;
      }
      const action = new vscode.CodeAction(vscode.l10n.t('Create HubSpot task'), vscode.CodeActionKind.QuickFix);
      action.command = { command: TodoCommands.createTask, title: action.title, arguments: [document.uri, todo.range.line] };
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

export class TodoCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly documents: DocumentTodos) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('hubspotTasks.todo')) {
        this.changed.fire();
      }
    });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readTodoSettings().codeLens) {
      return [];
    }
    return this.documents.get(document)
      .filter(({ todo }) => !todo.linkedTaskId)
      .map(({ todo }) => new vscode.CodeLens(todoRange(document, todo), {
        command: TodoCommands.createTask,
        title: vscode.l10n.t('$(add) Create HubSpot task'),
        arguments: [document.uri, todo.range.line],
      }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

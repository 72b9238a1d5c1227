// Wires the TODO features into the extension: providers and linked-TODO statuses; the commands are in
// src/commands/todoCommands.ts. Called once from the Container; returns the parts in-host tests reach.
import * as vscode from 'vscode';
import { registerTodoCommands } from '../commands/todoCommands';
import type { FeatureHost } from '../featureHost';
import { DocumentTodos } from './documentTodos';
import { LinkedTodoHoverProvider, LinkedTodoLinkProvider, LinkedTodos } from './linkedTodos';
import { writeLinks } from './linkWriter';
import { reviewWithQuickPick } from './todoCandidates';
import type { TodoCandidate } from './creation/todoCreator';
import { TodoCreatorLoader } from './creation/todoCreatorLoader';
import { TodoCodeActionProvider, TodoCodeLensProvider } from './todoProviders';
import { readTodoSettings, secretFileMatcher } from './todoSettings';
import { UncheckedTodos } from './core/uncheckedTodos';

export interface TodoFeatures {
  readonly documents: DocumentTodos;
  readonly linked: LinkedTodos;
  /** The review step before creating; in-host tests replace it (the default shows a multi-select quick pick). */
  review: (candidates: readonly TodoCandidate[]) => Promise<TodoCandidate[] | undefined>;
  /** Whether clean-up edits need confirmation (refactor preview). Tests switch it off. */
  confirmCleanUp: boolean;
  readonly creator: TodoCreatorLoader;
}

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

export function registerTodoFeatures(container: FeatureHost): TodoFeatures {
  const documents = container.register(new DocumentTodos(() => readTodoSettings().tags, (path) => secretFileMatcher().matches(path)));
  const linked = container.register(new LinkedTodos(container, documents));
  const creator = new TodoCreatorLoader({ client: container.client, auth: container.auth, log: container.log, tasksChanged: container.tasksChanged, notify: container.notify, writeLinks, readTodoSettings }, new UncheckedTodos(container.context.workspaceState));
  const features: TodoFeatures = { documents, linked, creator, review: (candidates) => reviewWithQuickPick(container.notify, candidates), confirmCleanUp: true };

  registerTodoCommands(container, features);

  container.register(vscode.languages.registerCodeActionsProvider(SELECTOR, new TodoCodeActionProvider(documents), { providedCodeActionKinds: TodoCodeActionProvider.kinds }));
  const lenses = container.register(new TodoCodeLensProvider(documents));
  container.register(vscode.languages.registerCodeLensProvider(SELECTOR, lenses));
  container.register(vscode.languages.registerHoverProvider(SELECTOR, new LinkedTodoHoverProvider(documents, linked)));
  container.register(vscode.languages.registerDocumentLinkProvider(SELECTOR, new LinkedTodoLinkProvider(documents, linked)));
  return features;
}

// Wires the TODO features into the extension: providers and linked-TODO statuses; the commands are in
// src/commands/todoCommands.ts. Called once from the Container; returns the parts in-host tests reach.
import * as vscode from 'vscode';
import { registerTodoCommands, type TodoPrompts } from '../commands/todoCommands';
import type { FeatureHost } from '../featureHost';
import type { TestHooks } from '../testHooks';
import { DocumentTodos } from './documentTodos';
import { LinkedTodoHoverProvider, LinkedTodoLinkProvider, LinkedTodos } from './linkedTodos';
import { writeLinks } from './linkWriter';
import { TodoCreatorLoader } from './creation/todoCreatorLoader';
import { TodoCodeActionProvider, TodoCodeLensProvider } from './todoProviders';
import { readTodoSettings, secretFileMatcher } from './todoSettings';
import { TodoWorkspaceLoader } from './workspace/todoWorkspaceLoader';
import { registerCodeLinks } from './codeLinks/codeLinksLoader';
import type { CodeLinks } from './codeLinks/codeLinks';
import type { LazyFeature } from '../util/lazyFeature';

export interface TodoFeatures {
  readonly documents: DocumentTodos;
  readonly linked: LinkedTodos;
  readonly creator: TodoCreatorLoader;
  readonly workspace: TodoWorkspaceLoader;
  /** The linked-TODO index, Go to Code and the deleted-TODO prompt (dist/codeLinks.js, loaded on first use). */
  readonly codeLinks: LazyFeature<CodeLinks>;
}

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

/** `test`: only in ExtensionMode.Test (extension.ts), what the in-host tests answer instead of the user. */
export function registerTodoFeatures(container: FeatureHost, test?: TestHooks): TodoFeatures {
  const documents = container.register(new DocumentTodos(() => readTodoSettings().tags, (path) => secretFileMatcher().matches(path)));
  const linked = container.register(new LinkedTodos(container, documents));
  const creator = new TodoCreatorLoader({ client: container.client, auth: container.auth, log: container.log, tasksChanged: container.tasksChanged, notify: container.notify, writeLinks, readTodoSettings }, container.context.workspaceState, test);
  const storage = container.context.storageUri;
  const scanStorage = storage?.scheme === 'file' ? { dir: storage.fsPath, extensionVersion: String(container.context.extension.packageJSON.version) } : undefined;
  const workspace = container.register(new TodoWorkspaceLoader({ notify: container.notify, linked, log: container.log, hooks: test, scanStorage }));
  const features: TodoFeatures = { documents, linked, creator, workspace, codeLinks: registerCodeLinks(container, (folder) => workspace.folderTodos(folder), test) };
  // The user answers, unless a test has set its answer (its hooks exist only in ExtensionMode.Test).
  const prompts: TodoPrompts = {
    review: (candidates, defaultAssociations) => test?.review?.(candidates, defaultAssociations) ?? workspace.review(candidates, defaultAssociations),
    confirmCleanUp: () => test?.confirmCleanUp ?? true,
  };

  registerTodoCommands(container, features, prompts);

  container.register(vscode.languages.registerCodeActionsProvider(SELECTOR, new TodoCodeActionProvider(documents), { providedCodeActionKinds: TodoCodeActionProvider.kinds }));
  const lenses = container.register(new TodoCodeLensProvider(documents));
  container.register(vscode.languages.registerCodeLensProvider(SELECTOR, lenses));
  container.register(vscode.languages.registerHoverProvider(SELECTOR, new LinkedTodoHoverProvider(documents, linked)));
  container.register(vscode.languages.registerDocumentLinkProvider(SELECTOR, new LinkedTodoLinkProvider(documents, linked)));
  return features;
}

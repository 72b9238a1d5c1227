// Wires the TODO features into the extension: providers, linked-TODO statuses, and the commands.
// Called once from the Container; returns the parts in-host tests reach through the Container.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { FeatureHost } from '../featureHost';
import { confirmDefaultAssociations } from './associationConsent';
import { planCleanUp, type CleanUpPlan } from './cleanUp';
import { DocumentTodos } from './documentTodos';
import { LinkedTodoHoverProvider, LinkedTodoLinkProvider, LinkedTodos } from './linkedTodos';
import { writeLinks } from './linkWriter';
import { documentCandidates, reviewWithQuickPick, withText, workspaceTodos } from './todoCandidates';
import { TodoCommands } from './todoCommandIds';
import type { CreationSummary, TodoCandidate } from './todoCreator';
import { TodoCreatorLoader } from './todoCreatorLoader';
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

  const signedIn = async (): Promise<boolean> => {
    await container.auth.ready;
    if (container.auth.isSignedIn) return true;
    const signIn = vscode.l10n.t('Sign In');
    if ((await container.notify.warn(vscode.l10n.t('Sign in to HubSpot to create tasks from TODOs.'), signIn)) === signIn) {
      await vscode.commands.executeCommand(Commands.signIn);
    }
    return container.auth.isSignedIn;
  };

  const createAndReport = async (candidates: TodoCandidate[]): Promise<CreationSummary | undefined> => {
    // Associations a workspace (not the user) configured are shown for consent first (issue 13.11).
    const defaultAssociations = await confirmDefaultAssociations(container.notify, candidates.length);
    if (!defaultAssociations) return undefined;
    const summary = await creator.create(candidates, { defaultAssociations });
    creator.report(summary, new Map(candidates.map((c) => [c.key, c])));
    void linked.refresh(false);
    return summary;
  };

  const command = (id: string, run: (...args: never[]) => unknown) => container.register(vscode.commands.registerCommand(id, run));

  command(TodoCommands.createTask, async (uri?: vscode.Uri, line?: number): Promise<CreationSummary | undefined> => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const at = line ?? vscode.window.activeTextEditor?.selection.active.line ?? 0;
    const candidate = documentCandidates(documents, document).find((c) => c.todo.range.line === at || c.todo.continuation.some((l) => l.line === at));
    if (!candidate) {
      void container.notify.info(vscode.l10n.t('There is no unlinked TODO on this line.'));
      return undefined;
    }
    if (!(await signedIn())) return undefined;
    return createAndReport([candidate]);
  });

  command(TodoCommands.createFromFile, async (uri?: vscode.Uri): Promise<CreationSummary | undefined> => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const candidates = documentCandidates(documents, document);
    if (candidates.length === 0) {
      void container.notify.info(vscode.l10n.t('No unlinked TODOs in this file.'));
      return undefined;
    }
    if (!(await signedIn())) return undefined;
    const picked = await features.review(candidates);
    return picked && picked.length > 0 ? createAndReport(picked) : undefined;
  });

  command(TodoCommands.createFromWorkspace, async (): Promise<CreationSummary | undefined> => {
    if (!(await signedIn())) return undefined;
    const all = await container.notify.progress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Scanning the workspace for TODOs') },
      () => workspaceTodos(),
    );
    const candidates = all.filter((c) => !c.todo.linkedTaskId);
    if (candidates.length === 0) {
      void container.notify.info(vscode.l10n.t('No unlinked TODOs in the workspace.'));
      return undefined;
    }
    const picked = await features.review(candidates);
    return picked && picked.length > 0 ? createAndReport(await withText(picked)) : undefined;
  });

  command(TodoCommands.cleanUpCompleted, async (): Promise<CleanUpPlan | undefined> => {
    if (!(await signedIn())) return undefined;
    const all = await workspaceTodos();
    const plan = await planCleanUp(all.filter((c) => c.todo.linkedTaskId), linked, features.confirmCleanUp);
    if (plan.todos.length === 0) {
      void container.notify.info(vscode.l10n.t('No TODOs of completed tasks.'));
      return plan;
    }
    await vscode.workspace.applyEdit(plan.edit, { isRefactoring: true });
    return plan;
  });

  command(TodoCommands.refreshLinked, () => linked.refresh(true));

  command(TodoCommands.openInHubSpot, async (id: string) => {
    const url = linked.url(String(id));
    if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    else void container.notify.warn(vscode.l10n.t('Sign in to HubSpot to open the task.'));
  });

  command(TodoCommands.editTask, (id: string) => vscode.commands.executeCommand(Commands.editTask, String(id)));

  command(TodoCommands.completeTask, async (id: string) => {
    try {
      const task = await container.client.tasks.updateTask(String(id), { hs_task_status: 'COMPLETED' });
      container.tasksChanged.fire([task]);
    } catch (error) {
      // HubSpot's error text: made inert by the notifier.
      void container.notify.error(vscode.l10n.t('Could not complete task HS-{0}: {1}', String(id), error instanceof Error ? error.message : String(error)));
    }
  });

  container.register(vscode.languages.registerCodeActionsProvider(SELECTOR, new TodoCodeActionProvider(documents), { providedCodeActionKinds: TodoCodeActionProvider.kinds }));
  const lenses = container.register(new TodoCodeLensProvider(documents));
  container.register(vscode.languages.registerCodeLensProvider(SELECTOR, lenses));
  container.register(vscode.languages.registerHoverProvider(SELECTOR, new LinkedTodoHoverProvider(documents, linked)));
  container.register(vscode.languages.registerDocumentLinkProvider(SELECTOR, new LinkedTodoLinkProvider(documents, linked)));
  return features;
}

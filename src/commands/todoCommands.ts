// The TODO commands: create tasks from a line, a file or the workspace, clean up TODOs of completed
// tasks, and the linked-TODO actions (open, edit, complete, refresh). Registered by registerTodoFeatures,
// which builds the documents, linked statuses and the lazily loaded creator they work with.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { FeatureHost } from '../featureHost';
import { planCleanUp, type CleanUpPlan } from '../todo/cleanUp';
import { confirmDefaultAssociations } from '../todo/creation/associationConsent';
import type { CreationSummary, TodoCandidate } from '../todo/creation/todoCreator';
import type { DocumentTodos } from '../todo/documentTodos';
import type { LinkedTodos } from '../todo/linkedTodos';
import type { TodoCreatorLoader } from '../todo/creation/todoCreatorLoader';
import { documentCandidates, withText, workspaceTodos } from '../todo/todoCandidates';
import { TodoCommands } from '../todo/todoCommandIds';

/** What the commands work with (read at each call: in-host tests replace `review` and `confirmCleanUp`). */
export interface TodoCommandTargets {
  readonly documents: DocumentTodos;
  readonly linked: LinkedTodos;
  readonly creator: TodoCreatorLoader;
  review(candidates: readonly TodoCandidate[]): Promise<TodoCandidate[] | undefined>;
  readonly confirmCleanUp: boolean;
}

export function registerTodoCommands(host: FeatureHost, features: TodoCommandTargets): void {
  const { documents, linked, creator } = features;

  const signedIn = async (): Promise<boolean> => {
    await host.auth.ready;
    if (host.auth.isSignedIn) {
      return true;
    }
    const signIn = vscode.l10n.t('Sign In');
    if ((await host.notify.warn(vscode.l10n.t('Sign in to HubSpot to create tasks from TODOs.'), signIn)) === signIn) {
      await vscode.commands.executeCommand(Commands.signIn);
    }
    return host.auth.isSignedIn;
  };

  const createAndReport = async (candidates: TodoCandidate[]): Promise<CreationSummary | undefined> => {
    // Associations a workspace (not the user) configured are shown for consent first (issue 13.11).
    const defaultAssociations = await confirmDefaultAssociations(host.notify, candidates.length);
    if (!defaultAssociations) {
      return undefined;
    }
    const summary = await creator.create(candidates, { defaultAssociations });
    creator.report(summary, new Map(candidates.map((c) => [c.key, c])));
    void linked.refresh(false);
    return summary;
  };

  const command = (id: string, run: (...args: never[]) => unknown) => host.register(vscode.commands.registerCommand(id, run));

  command(TodoCommands.createTask, async (uri?: vscode.Uri, line?: number): Promise<CreationSummary | undefined> => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      return undefined;
    }
    const at = line ?? vscode.window.activeTextEditor?.selection.active.line ?? 0;
    const candidate = documentCandidates(documents, document).find((c) => c.todo.range.line === at || c.todo.continuation.some((l) => l.line === at));
    if (!candidate) {
      void host.notify.info(vscode.l10n.t('There is no unlinked TODO on this line.'));
      return undefined;
    }
    if (!(await signedIn())) {
      return undefined;
    }
    return createAndReport([candidate]);
  });

  command(TodoCommands.createFromFile, async (uri?: vscode.Uri): Promise<CreationSummary | undefined> => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      return undefined;
    }
    const candidates = documentCandidates(documents, document);
    if (candidates.length === 0) {
      void host.notify.info(vscode.l10n.t('No unlinked TODOs in this file.'));
      return undefined;
    }
    if (!(await signedIn())) {
      return undefined;
    }
    const picked = await features.review(candidates);
    return picked && picked.length > 0 ? createAndReport(picked) : undefined;
  });

  command(TodoCommands.createFromWorkspace, async (): Promise<CreationSummary | undefined> => {
    if (!(await signedIn())) {
      return undefined;
    }
    const all = await host.notify.progress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Scanning the workspace for TODOs') },
      () => workspaceTodos(),
    );
    const candidates = all.filter((c) => !c.todo.linkedTaskId);
    if (candidates.length === 0) {
      void host.notify.info(vscode.l10n.t('No unlinked TODOs in the workspace.'));
      return undefined;
    }
    const picked = await features.review(candidates);
    return picked && picked.length > 0 ? createAndReport(await withText(picked)) : undefined;
  });

  command(TodoCommands.cleanUpCompleted, async (): Promise<CleanUpPlan | undefined> => {
    if (!(await signedIn())) {
      return undefined;
    }
    const all = await workspaceTodos();
    const plan = await planCleanUp(all.filter((c) => c.todo.linkedTaskId), linked, features.confirmCleanUp);
    if (plan.todos.length === 0) {
      void host.notify.info(vscode.l10n.t('No TODOs of completed tasks.'));
      return plan;
    }
    await vscode.workspace.applyEdit(plan.edit, { isRefactoring: true });
    return plan;
  });

  command(TodoCommands.refreshLinked, () => linked.refresh(true));

  command(TodoCommands.openInHubSpot, async (id: string) => {
    const url = linked.url(String(id));
    if (url) {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    } else {
      void host.notify.warn(vscode.l10n.t('Sign in to HubSpot to open the task.'));
    }
  });

  command(TodoCommands.editTask, (id: string) => vscode.commands.executeCommand(Commands.editTask, String(id)));

  command(TodoCommands.completeTask, async (id: string) => {
    try {
      const task = await host.client.tasks.updateTask(String(id), { hs_task_status: 'COMPLETED' });
      host.tasksChanged.fire([task]);
    } catch (error) {
      // HubSpot's error text: made inert by the notifier.
      void host.notify.error(vscode.l10n.t('Could not complete task HS-{0}: {1}', String(id), error instanceof Error ? error.message : String(error)));
    }
  });
}

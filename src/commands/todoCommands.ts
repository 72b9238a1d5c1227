// The TODO commands: create tasks from a line, a file or the workspace, clean up TODOs of completed
// tasks, and the linked-TODO actions (open, edit, complete, refresh). Registered by registerTodoFeatures,
// which builds the documents, linked statuses and the lazily loaded creator they work with.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { FeatureHost } from '../featureHost';
import type { CreationSummary, TodoCandidate } from '../todo/creation/todoCreator';
import type { DocumentTodos } from '../todo/documentTodos';
import type { LinkedTodos } from '../todo/linkedTodos';
import type { TodoCreatorLoader } from '../todo/creation/todoCreatorLoader';
import { documentCandidates } from '../todo/todoCandidates';
import { TodoCommands } from '../todo/todoCommandIds';
import { defaultAssociationsSource } from '../todo/core/associationSource';
import { inspectDefaultAssociations } from '../todo/todoSettings';
import type { CleanUpPlan } from '../todo/workspace/cleanUp';
import type { TodoWorkspaceLoader } from '../todo/workspace/todoWorkspaceLoader';

/** What the commands work with. */
export interface TodoCommandTargets {
  readonly documents: DocumentTodos;
  readonly linked: LinkedTodos;
  readonly creator: TodoCreatorLoader;
  /** The workspace scan, the review quick pick and the clean-up plan: their own bundle, loaded on first use. */
  readonly workspace: TodoWorkspaceLoader;
}

/** The questions the TODO commands ask the user, answered by the user, or in ExtensionMode.Test by the in-host tests (registerTodoFeatures). */
export interface TodoPrompts {
  /** The review before creating (a multi-select quick pick): the candidates to create; undefined: dismissed. */
  review(candidates: readonly TodoCandidate[], defaultAssociations: readonly string[]): Promise<TodoCandidate[] | undefined>;
  /** Whether the clean-up's edits wait for the user's confirmation in VS Code's refactor preview. */
  confirmCleanUp(): boolean;
}

/** `prompts`: the review before creating and the clean-up's confirmation (registerTodoFeatures chooses who answers). */
export function registerTodoCommands(host: FeatureHost, features: TodoCommandTargets, prompts: TodoPrompts): void {
  const { documents, linked, creator, workspace } = features;

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

  /** Creates the tasks of the TODOs the user kept; nothing when the review was dismissed or emptied. */
  const createAndReport = async (candidates: TodoCandidate[] | undefined): Promise<CreationSummary | undefined> => {
    if (!candidates?.length) {
      return undefined;
    }
    // Associations a workspace (not the user) configured are shown for consent first (issue 13.11).
    const defaultAssociations = await creator.confirmDefaultAssociations(candidates.length, inspectDefaultAssociations());
    if (!defaultAssociations) {
      return undefined;
    }
    const summary = await creator.create(candidates, { defaultAssociations });
    creator.report(summary, new Map(candidates.map((c) => [c.key, c])));
    void linked.refresh(false);
    return summary;
  };

  const command = (id: string, run: (...args: never[]) => unknown) => host.register(vscode.commands.registerCommand(id, run));
  /** The document the command was run on: from the explorer or a CodeLens (`uri`), else the active editor's. */
  const documentOf = async (uri?: vscode.Uri) => (uri ? vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document);

  command(TodoCommands.createTask, async (uri?: vscode.Uri, line?: number): Promise<CreationSummary | undefined> => {
    const document = await documentOf(uri);
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
    const document = await documentOf(uri);
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
    return createAndReport(await prompts.review(candidates, defaultAssociationsSource(inspectDefaultAssociations().inspected).values));
  });

  command(TodoCommands.createFromWorkspace, async (): Promise<CreationSummary | undefined> => {
    if (!(await signedIn())) {
      return undefined;
    }
    const all = await workspace.scanWithProgress();
    if (!all) {
      return undefined; // cancelled: nothing more to say
    }
    const candidates = all.filter((c) => !c.todo.linkedTaskId);
    if (candidates.length === 0) {
      void host.notify.info(vscode.l10n.t('No unlinked TODOs in the workspace.'));
      return undefined;
    }
    const picked = await prompts.review(candidates, defaultAssociationsSource(inspectDefaultAssociations().inspected).values);
    return createAndReport(picked && (await workspace.withText(picked)));
  });

  command(TodoCommands.cleanUpCompleted, async (): Promise<CleanUpPlan | undefined> => {
    if (!(await signedIn())) {
      return undefined;
    }
    const all = await workspace.todos();
    const plan = await workspace.planCleanUp(all.filter((c) => c.todo.linkedTaskId), prompts.confirmCleanUp());
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

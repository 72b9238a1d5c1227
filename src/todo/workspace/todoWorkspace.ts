// The workspace TODO commands' lazily loaded half (its own bundle, dist/todoWorkspace.js): the workspace
// scan (honouring files.exclude, search.exclude and .gitignore), the review quick pick, and the plan of
// "Clean Up Completed TODOs". Loaded on first use by TodoWorkspaceLoader (todoWorkspaceLoader.ts), which
// passes the main bundle's TODO parser and settings in (TodoToolkit): this bundle carries no copy of them.
import type * as vscode from 'vscode';
import type { Notifier } from '../../ui/notifier';
import type { FileTodos } from '../core/treeScan';
import type { LinkedTodos } from '../linkedTodos';
import type { TodoCandidate } from '../creation/todoCreator';
import { planCleanUp, type CleanUpPlan } from './cleanUp';
import type { TodoToolkit } from './todoToolkit';
import { FolderScanCaches, reviewWithQuickPick, scanFolder, scanWithProgress, withText, workspaceTodos, type ScanStorage, type WorkspaceScanHooks } from './workspaceTodos';

export interface TodoWorkspaceDeps {
  readonly notify: Pick<Notifier, 'pick' | 'progress'>;
  readonly linked: Pick<LinkedTodos, 'read'>;
  readonly toolkit: TodoToolkit;
  /** Only in ExtensionMode.Test (the composition root's TestHooks). */
  readonly hooks?: WorkspaceScanHooks;
  /** Where scan results are kept between sessions (none without a workspace). */
  readonly scanStorage?: ScanStorage;
}

export interface TodoWorkspace {
  /**
   * All TODOs of the workspace (linked ones too); `documentText` empty for those read from disk. `signal`
   * stops the scan (an AbortError); `onProgress` hears how many files were scanned so far.
   */
  todos(signal?: AbortSignal, onProgress?: (filesDone: number) => void): Promise<TodoCandidate[]>;
  /**
   * One folder's files with TODOs as on disk, through the cache the commands' scans use: the linked-TODO
   * index's start-up scan, which so also makes the user's first command scan read only what changed.
   */
  folderTodos(folder: vscode.WorkspaceFolder): Promise<FileTodos[]>;
  /** todos() in a progress notification whose Cancel stops the scan: undefined when cancelled. */
  scanWithProgress(): Thenable<TodoCandidate[] | undefined>;
  /** The candidates with the text of their files (read only for those the user picked). */
  withText(candidates: TodoCandidate[]): Promise<TodoCandidate[]>;
  /** The multi-select review before creating: what the user kept, or undefined when cancelled. */
  review(candidates: readonly TodoCandidate[], defaultAssociations?: readonly string[]): Promise<TodoCandidate[] | undefined>;
  /** The clean-up edit of the linked TODOs whose tasks are completed. */
  planCleanUp(linkedTodos: readonly TodoCandidate[], needsConfirmation: boolean): Promise<CleanUpPlan>;
  /** Stops the file watchers that keep the scan results current. */
  dispose(): void;
}

export function createTodoWorkspace(deps: TodoWorkspaceDeps): TodoWorkspace {
  const { toolkit } = deps;
  // Kept for the session: the first scan checks every file (reads every file when nothing was kept from a
  // previous session), later ones read what the watchers reported.
  const caches = new FolderScanCaches(deps.scanStorage);
  return {
    todos: (signal, onProgress) => workspaceTodos(toolkit, caches, signal, onProgress, deps.hooks),
    folderTodos: async (folder) => (await scanFolder(toolkit, caches, folder)).files,
    scanWithProgress: () => scanWithProgress(deps.notify, (signal, onProgress) => workspaceTodos(toolkit, caches, signal, onProgress, deps.hooks)),
    withText,
    review: (candidates, defaultAssociations) => reviewWithQuickPick(deps.notify, candidates, defaultAssociations),
    planCleanUp: (linkedTodos, needsConfirmation) => planCleanUp(toolkit, linkedTodos, deps.linked, needsConfirmation),
    dispose: () => caches.dispose(),
  };
}

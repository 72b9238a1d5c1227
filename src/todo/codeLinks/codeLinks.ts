// Code and task linked both ways (lazily loaded: dist/codeLinks.js, see codeLinksLoader.ts).
// - An index of the workspace's linked TODOs (core/hsIdIndex.ts): one scan when this loads (the workspace TODO
//   commands' own scan, whose cache it so fills: the user's first command then reads only what changed), then
//   file by file as file watchers and saves report changes; "Go to Code" looks a task up there, never scanning.
//   Known limit: a folder VS Code's watcher never watches (on Linux one made inside a new folder before the
//   watcher saw that one, `mkdir -p`: parcel-bundler/watcher#97) reports nothing; a TODO that moves within a
//   file the index knows is still found (each click re-reads the index's files), one written there later is not.
// - Linked TODOs that disappear (an edit and save, a pull, a branch switch) are collected until the changes
//   settle; those whose tasks are still open are offered for completion in ONE prompt (or completed and
//   reported, when the user's setting says so), ⌈N/100⌉ batch updates.
import { promises as fs, readFileSync, statSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FeatureHost } from '../../featureHost';
import type { ApiTask } from '../../hubspot/types';
import type { PickItem } from '../../ui/notifier';
import { ExcludeMatcher } from '../core/glob';
import { GitignoreFile, GitignoreStack } from '../core/gitignore';
import { HsIdIndex, linkedSites, recordedLocation, RemovedIds, type RecordedLocation, type SiteInFile } from '../core/hsIdIndex';
import { scanTree, type FileTodos, type ScanParser } from '../core/treeScan';
import type { TodoToolkit } from '../workspace/todoToolkit';
import { excludeGlobs } from '../workspace/workspaceTodos';

export const DELETED_TODOS_SETTING = 'hubspotTasks.todo.deletedTodos';
export type DeletedTodosMode = 'ask' | 'complete' | 'ignore';

/** What "Go to Code" did, for the caller (and the in-host tests). */
export type GoToCodeResult =
  | { kind: 'opened'; uri: vscode.Uri; line: number }
  | { kind: 'notFound'; taskId: string; recorded?: RecordedLocation }
  | { kind: 'noTask' }
  | { kind: 'cancelled' };

/** One run of the deleted-TODO check, for the in-host tests. */
export interface DeletedTodosOutcome {
  /** Ids gone from the code whose tasks were open. */
  offered: string[];
  completed: string[];
  failed: string[];
}

/** In-host tests only (src/testHooks.ts): answer the deleted-TODO prompt instead of the user. */
export interface CodeLinksHooks {
  answerDeletedTodos?: (tasks: readonly { id: string; subject: string }[]) => 'complete' | 'dismiss' | undefined;
  onDeletedTodos?: (outcome: DeletedTodosOutcome) => void;
}

export interface CodeLinksDeps extends Pick<FeatureHost, 'client' | 'auth' | 'log' | 'tasksChanged' | 'notify'> {
  /** The main bundle's parser and settings (not copied into this bundle). */
  toolkit: Pick<TodoToolkit, 'findTodos' | 'languageForFile' | 'defaultTags' | 'languageOf' | 'relativePath' | 'readTodoSettings' | 'secretFileMatcher'>;
  hooks?: CodeLinksHooks;
  /** A workspace folder's files with TODOs, through the workspace TODO commands' scan cache (TodoWorkspace.folderTodos). */
  folderTodos: (folder: vscode.WorkspaceFolder) => Promise<FileTodos[]>;
  /** How long after the last change the removed ids are checked (a branch switch writes many files). */
  settleMs?: number;
}

const DEFAULT_SETTLE_MS = 2_000;
/** Watcher events arrive one per file; they are read together after this pause. */
const BATCH_EVENTS_MS = 100;
/** How long "Go to Code" waits for VS Code to reload a document that still shows an older text of its file. */
const RELOAD_WAIT_MS = 2_000;
/** Folders whose files never hold the user's TODOs and change by the thousand (an install, git's own files). */
const NEVER_WATCHED = /[\\/](node_modules|\.git)([\\/]|$)/;

export function createCodeLinks(deps: CodeLinksDeps): CodeLinks {
  return new CodeLinks(deps);
}

export class CodeLinks implements vscode.Disposable {
  readonly index = new HsIdIndex();
  /** Resolves once the first scan has filled the index. */
  readonly ready: Promise<void>;
  /** Whole-workspace scans and single files read since loading (logged; tests check clicks cost no scan). */
  readonly stats = { workspaceScans: 0, filesRead: 0 };
  private readonly removed = new RemovedIds();
  /** Ids the user was asked about and declined this session: not asked again until they come back. */
  private readonly declined = new Set<string>();
  /** Ids in a prompt the user has not answered yet. */
  private readonly asking = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new Map<string, 'changed' | 'deleted'>();
  private eventTimer: NodeJS.Timeout | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private processing: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly parser: ScanParser;
  /** Each folder's .gitignore as last read (undefined: none), for files the watchers report; cleared when one changes. */
  private readonly ignoreFiles = new Map<string, GitignoreFile | undefined>();

  constructor(private readonly deps: CodeLinksDeps) {
    const { toolkit } = deps;
    // Only linked TODOs matter here: a file without `HS-` is not parsed at all.
    this.parser = {
      findTodos: (text, language, options) => (text.includes('HS-') ? toolkit.findTodos(text, language, options) : []),
      languageForFile: toolkit.languageForFile,
      defaultTags: toolkit.defaultTags,
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.queue(uri, 'changed')),
      watcher.onDidChange((uri) => this.queue(uri, 'changed')),
      watcher.onDidDelete((uri) => this.queue(uri, 'deleted')),
      // A save is also a change on disk, but the watcher may report it late: the saved text is at hand.
      vscode.workspace.onDidSaveTextDocument((document) => this.queue(document.uri, 'changed')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.enqueue(() => this.scanAll())),
    );
    this.ready = this.enqueue(() => this.scanAll());
  }

  /** Opens the current line of the TODO linked to the task, or says it is not in the code and offers the recorded path. */
  async goToCode(arg: unknown): Promise<GoToCodeResult> {
    const taskId = taskIdOf(arg);
    if (!taskId) {
      return { kind: 'noTask' };
    }
    // The first scan of a large workspace may still run: say what the click is waiting for.
    await this.deps.notify.progress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Finding the linked TODO…') }, () => this.settled());
    const sites = await this.currentSites(taskId);
    if (sites.length > 0) {
      let site = sites[0];
      if (sites.length > 1) {
        const picked = await this.deps.notify.pick(
          sites.map((s) => ({ label: this.deps.toolkit.relativePath(vscode.Uri.file(s.file)), description: vscode.l10n.t('line {0}', s.line + 1), site: s })),
          { title: vscode.l10n.t('HS-{0} is linked from {1} places', taskId, sites.length) },
        );
        if (!picked) {
          return { kind: 'cancelled' };
        }
        site = picked.site;
      }
      return this.open(vscode.Uri.file(site.file), site.line, site.column, `HS-${taskId}`);
    }
    return this.notFound(taskId, notesOf(arg));
  }

  /** Waits until the first scan and every change reported so far are in the index. */
  async settled(): Promise<void> {
    await this.ready;
    if (this.changed.size > 0) {
      clearTimeout(this.eventTimer);
      this.eventTimer = undefined;
      void this.enqueue(() => this.readChanged());
    }
    await this.processing;
  }

  /**
   * The index's sites of `taskId`, each checked against the file's current text: an editor's with unsaved
   * edits, else the disk's. A document without unsaved edits may lag the disk: VS Code keeps documents loaded
   * after their editors close and reloads them only when its own watcher reports the change, which can come
   * after ours (measured in-host: a rewritten file was in this index ~100 ms before its document changed).
   */
  private async currentSites(taskId: string): Promise<SiteInFile[]> {
    const found: SiteInFile[] = [];
    for (const file of new Set(this.index.sites(taskId).map((s) => s.file))) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file && d.isDirty);
      const text = open ? open.getText() : await fs.readFile(file, 'utf8').catch(() => undefined);
      const language = open ? this.deps.toolkit.languageOf(open) : this.deps.toolkit.languageForFile(file);
      const sites = text !== undefined && language ? linkedSites(this.deps.toolkit.findTodos(text, language, { tags: this.deps.toolkit.readTodoSettings().tags })) : [];
      if (!open) {
        // The disk disagreed with the index (a change the watcher has not reported): correct it now.
        this.removed.add(this.index.setFile(file, sites));
      }
      found.push(...sites.filter((s) => s.id === taskId).map((s) => ({ ...s, file })));
    }
    return found;
  }

  /** Opens `uri` at `line`; with `expected`, once the document shows it there (the disk's text, see currentSites). */
  private async open(uri: vscode.Uri, line: number, column: number, expected?: string): Promise<GoToCodeResult> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (expected !== undefined && !document.isDirty) {
      await reloaded(document, () => line < document.lineCount && document.lineAt(line).text.includes(expected));
    }
    const position = new vscode.Position(Math.min(line, document.lineCount - 1), column);
    const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { kind: 'opened', uri, line: position.line };
  }

  private async notFound(taskId: string, notes: string | undefined): Promise<GoToCodeResult> {
    let body = notes;
    if (body === undefined && this.deps.auth.isSignedIn) {
      body = (await this.deps.client.tasks.getTask(taskId, ['hs_task_body']).catch(() => undefined))?.properties.hs_task_body ?? undefined;
    }
    const recorded = recordedLocation(body);
    const { notify } = this.deps;
    if (!recorded) {
      void notify.info(vscode.l10n.t('No TODO in this workspace is linked to task HS-{0}, and its notes record no code location.', taskId));
      return { kind: 'notFound', taskId };
    }
    const openRecorded = vscode.l10n.t('Open {0}', recorded.path);
    void notify.warn(vscode.l10n.t('No TODO in this workspace is linked to task HS-{0} any more. It was created from {1}, line {2}.', taskId, recorded.path, recorded.line), openRecorded).then(async (choice) => {
      if (choice !== openRecorded) {
        return;
      }
      const uri = await this.recordedUri(recorded.path);
      if (uri) {
        await this.open(uri, recorded.line - 1, 0);
      } else {
        void notify.warn(vscode.l10n.t('{0} is not in this workspace.', recorded.path));
      }
    }).then(undefined, (error: unknown) => this.deps.log.warn(`Opening the recorded path failed: ${error instanceof Error ? error.message : String(error)}`));
    return { kind: 'notFound', taskId, recorded };
  }

  /** The recorded workspace-relative path in the first folder that has it. */
  private async recordedUri(relativePath: string): Promise<vscode.Uri | undefined> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      // A multi-root workspace's relative paths start with the folder's name (asRelativePath).
      const parts = relativePath.split('/');
      const candidates = [vscode.Uri.joinPath(folder.uri, ...parts)];
      if (parts.length > 1 && parts[0] === folder.name) {
        candidates.push(vscode.Uri.joinPath(folder.uri, ...parts.slice(1)));
      }
      for (const uri of candidates) {
        if (await vscode.workspace.fs.stat(uri).then((s) => s.type === vscode.FileType.File, () => false)) {
          return uri;
        }
      }
    }
    return undefined;
  }

  // ---- keeping the index current -------------------------------------------------------------

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.processing.then(work).catch((error: unknown) => this.deps.log.warn(`Linked TODO index: ${error instanceof Error ? error.message : String(error)}`));
    this.processing = next;
    return next;
  }

  private async scanAll(): Promise<void> {
    const started = Date.now();
    this.stats.workspaceScans++;
    const seen = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file' || this.disposed) {
        continue;
      }
      for (const file of await this.deps.folderTodos(folder)) {
        seen.add(file.path);
        // A rescan (folders changed) may find ids gone: the same check as any other removal.
        this.removed.add(this.index.setFile(file.path, linkedSites(file.todos)));
      }
    }
    // A folder removed from the workspace: its TODOs were not deleted, they are just not ours to show.
    for (const file of this.index.fileNames()) {
      if (!seen.has(file) && !vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))) {
        this.index.setFile(file, []);
      }
    }
    this.deps.log.debug(`Linked TODO index: ${this.index.ids} id(s) in ${this.index.files} file(s), built in ${Date.now() - started} ms.`);
  }

  private queue(uri: vscode.Uri, kind: 'changed' | 'deleted'): void {
    if (uri.scheme !== 'file' || NEVER_WATCHED.test(uri.fsPath) || this.disposed) {
      return;
    }
    this.changed.set(uri.fsPath, kind);
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (!this.eventTimer) {
      this.eventTimer = setTimeout(() => {
        this.eventTimer = undefined;
        void this.enqueue(() => this.readChanged());
      }, BATCH_EVENTS_MS);
    }
  }

  /** Reads the files the watchers reported, updates the index, and starts the settle timer for removed ids. */
  private async readChanged(): Promise<void> {
    await this.ready;
    const batch = [...this.changed];
    this.changed.clear();
    if (batch.length === 0) {
      return;
    }
    const settings = this.deps.toolkit.readTodoSettings();
    const secretFiles = this.deps.toolkit.secretFileMatcher();
    const excludes = new Map<string, ExcludeMatcher>();
    if (batch.some(([file]) => path.basename(file) === '.gitignore')) {
      this.ignoreFiles.clear();
    }
    for (const [file, kind] of batch) {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
      if (!folder || folder.uri.scheme !== 'file') {
        continue;
      }
      const stat = kind === 'deleted' ? undefined : await fs.stat(file).catch(() => undefined);
      if (!stat) {
        // Deleted (a folder's deletion is reported for the folder only): everything under it goes.
        this.removed.add(this.index.deleteUnder(file, path.sep));
        continue;
      }
      const relative = path.relative(folder.uri.fsPath, file).split(path.sep).join('/');
      const exclude = excludes.get(folder.uri.fsPath) ?? new ExcludeMatcher(excludeGlobs(folder));
      excludes.set(folder.uri.fsPath, exclude);
      // What the first scan skipped stays out: excluded globs and git-ignored files (build output copies TODOs).
      if (exclude.matches(relative) || this.gitIgnores(folder.uri.fsPath, relative, stat.isDirectory())) {
        continue;
      }
      if (stat.isDirectory()) {
        // A folder that appeared (a branch switch, a move): its files may not be reported one by one.
        const result = await scanTree({ root: file, excludes: [], maxFileSize: settings.maxFileSize, tags: settings.tags, secretFiles }, this.parser);
        for (const found of result.files) {
          this.removed.add(this.index.setFile(found.path, linkedSites(found.todos)));
        }
        continue;
      }
      const language = this.deps.toolkit.languageForFile(file);
      const readable = stat.isFile() && stat.size <= settings.maxFileSize && language !== undefined && !secretFiles.matches(file);
      const text = readable ? await fs.readFile(file, 'utf8').catch(() => undefined) : undefined;
      this.stats.filesRead += readable ? 1 : 0;
      const sites = text !== undefined ? linkedSites(this.parser.findTodos(text, language!, { tags: settings.tags })) : [];
      this.removed.add(this.index.setFile(file, sites));
    }
    if (this.removed.size > 0) {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => {
        this.settleTimer = undefined;
        // Which ids are gone is decided in order with the index updates; the prompt runs beside them (the user
        // may answer it much later, or never: the index must not wait for that).
        void this.enqueue(async () => {
          const ids = this.goneIds();
          if (ids.length > 0) {
            this.offerCompletion(ids).catch((error: unknown) => this.deps.log.warn(`Completing the tasks of removed TODOs failed: ${error instanceof Error ? error.message : String(error)}`));
          }
        });
      }, this.deps.settleMs ?? DEFAULT_SETTLE_MS);
    }
  }

  /** Whether git ignores `relative` (or a folder above it), by the .gitignore files from the root down and .git/info/exclude. */
  private gitIgnores(root: string, relative: string, isDirectory: boolean): boolean {
    const parts = relative.split('/');
    let stack = new GitignoreStack().with(this.ignoreFile(path.join(root, '.git', 'info', 'exclude'), ''));
    for (let depth = 0; depth < parts.length; depth++) {
      const base = parts.slice(0, depth).join('/');
      stack = stack.with(this.ignoreFile(path.join(root, ...parts.slice(0, depth), '.gitignore'), base));
      const here = parts.slice(0, depth + 1).join('/');
      if (stack.ignores(here, depth < parts.length - 1 || isDirectory)) {
        return true;
      }
    }
    return false;
  }

  private ignoreFile(file: string, base: string): GitignoreFile | undefined {
    if (!this.ignoreFiles.has(file)) {
      let content: string | undefined;
      try {
        const stat = statSync(file);
        content = stat.isFile() && stat.size <= 1024 * 1024 ? readFileSync(file, 'utf8') : undefined;
      } catch {
        content = undefined;
      }
      this.ignoreFiles.set(file, content === undefined ? undefined : new GitignoreFile(base, content));
    }
    return this.ignoreFiles.get(file);
  }

  // ---- deleted linked TODOs ------------------------------------------------------------------

  /** Ids removed and still absent once the changes settled, less those declined or in a prompt still open. */
  private goneIds(): string[] {
    if (this.changed.size > 0) {
      return []; // more changes are on their way; their read restarts the settle timer
    }
    const gone = this.removed.take(this.index);
    for (const id of [...this.declined]) {
      if (this.index.has(id)) {
        this.declined.delete(id); // it came back: a later removal is a new question
      }
    }
    return gone.filter((id) => !this.declined.has(id) && !this.asking.has(id));
  }

  /** The open tasks of `ids` offered for completion in one prompt (or completed, by the setting). */
  private async offerCompletion(ids: string[]): Promise<void> {
    const mode = deletedTodosMode();
    if (mode === 'ignore' || !this.deps.auth.isSignedIn) {
      return;
    }
    for (const id of ids) {
      this.asking.add(id);
    }
    try {
      await this.offer(ids, mode);
    } finally {
      for (const id of ids) {
        this.asking.delete(id);
      }
    }
  }

  private async offer(ids: string[], mode: DeletedTodosMode): Promise<void> {
    const outcome: DeletedTodosOutcome = { offered: [], completed: [], failed: [] };
    const read = await this.deps.client.tasks.batchReadTasks(ids, ['hs_task_subject', 'hs_task_status']);
    const open = read.results.filter((task) => task.properties.hs_task_status !== 'COMPLETED' && !task.archived);
    outcome.offered = open.map((t) => t.id);
    if (open.length > 0) {
      const chosen = mode === 'complete' ? open : await this.ask(open);
      const declined = open.filter((t) => !chosen.includes(t));
      for (const task of declined) {
        this.declined.add(task.id);
      }
      if (chosen.length > 0) {
        await this.complete(chosen, mode === 'complete', outcome);
      }
    }
    this.deps.hooks?.onDeletedTodos?.(outcome);
  }

  /** The one prompt: complete all, choose some, or leave them. Returns the tasks to complete. */
  private async ask(open: ApiTask[]): Promise<ApiTask[]> {
    const subjects = open.map((t) => ({ id: t.id, subject: t.properties.hs_task_subject ?? '' }));
    const hooked = this.deps.hooks?.answerDeletedTodos?.(subjects);
    if (hooked) {
      return hooked === 'complete' ? open : [];
    }
    const completeAll = open.length === 1 ? vscode.l10n.t('Complete Task') : vscode.l10n.t('Complete {0} Tasks', open.length);
    const choose = vscode.l10n.t('Choose…');
    const first = subjects[0].subject || `HS-${subjects[0].id}`;
    const message = open.length === 1
      ? vscode.l10n.t('The linked TODO of "{0}" was removed from the code. Complete its HubSpot task?', first)
      : vscode.l10n.t('{0} linked TODOs were removed from the code (“{1}” and {2} more). Complete their HubSpot tasks?', open.length, first, open.length - 1);
    const answer = await this.deps.notify.info(message, completeAll, choose);
    if (answer === completeAll) {
      return open;
    }
    if (answer !== choose) {
      return [];
    }
    type Item = PickItem<{ task: ApiTask }>;
    const items: Item[] = open.map((task) => ({ label: task.properties.hs_task_subject || `HS-${task.id}`, description: `HS-${task.id}`, picked: true, task }));
    const picked = await this.deps.notify.pick(items, { canPickMany: true, title: vscode.l10n.t('Complete the tasks whose TODOs were removed'), ignoreFocusOut: true });
    return picked?.map((item) => item.task) ?? [];
  }

  /** ⌈N/100⌉ batch updates (the client chunks by 100); the tree and statuses hear of the result at once. */
  private async complete(tasks: ApiTask[], automatic: boolean, outcome: DeletedTodosOutcome): Promise<void> {
    const result = await this.deps.client.tasks.batchUpdateTasks(tasks.map((t) => ({ id: t.id, properties: { hs_task_status: 'COMPLETED' } })));
    outcome.completed = result.results.map((t) => t.id);
    const done = new Set(outcome.completed);
    outcome.failed = tasks.filter((t) => !done.has(t.id)).map((t) => t.id);
    if (result.results.length > 0) {
      this.deps.tasksChanged.fire(result.results);
    }
    for (const error of result.errors) {
      this.deps.log.warn(`Completing tasks of removed TODOs: ${error.message} (${error.ids.join(', ')})`);
    }
    const completed = outcome.completed.length;
    const parts = [automatic
      ? completed === 1 ? vscode.l10n.t('Completed 1 HubSpot task whose linked TODO was removed from the code.') : vscode.l10n.t('Completed {0} HubSpot tasks whose linked TODOs were removed from the code.', completed)
      : completed === 1 ? vscode.l10n.t('Completed 1 HubSpot task.') : vscode.l10n.t('Completed {0} HubSpot tasks.', completed)];
    if (outcome.failed.length > 0) {
      parts.push(vscode.l10n.t('{0} could not be completed (see the log).', outcome.failed.length));
      void this.deps.notify.warn(parts.join(' '));
    } else {
      void this.deps.notify.info(parts.join(' '));
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.eventTimer);
    clearTimeout(this.settleTimer);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

/**
 * Resolves once `holds()` is true of `document`: VS Code reloads a document without unsaved edits when its own
 * watcher reports the disk's change, shortly after ours may have. Bounded: a document VS Code does not reload
 * (its watcher excludes the path) is shown as it is.
 */
function reloaded(document: vscode.TextDocument, holds: () => boolean): Promise<void> {
  if (holds()) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listening.dispose();
      resolve();
    };
    const timer = setTimeout(done, RELOAD_WAIT_MS);
    const listening = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && holds()) {
        done();
      }
    });
  });
}

/** `hubspotTasks.todo.deletedTodos` (user settings only: a repository must not complete tasks by itself). */
function deletedTodosMode(): DeletedTodosMode {
  const value = vscode.workspace.getConfiguration().get<unknown>(DELETED_TODOS_SETTING);
  return value === 'complete' || value === 'ignore' ? value : 'ask';
}

/** The task id from what a caller passes: the id, a tree node (`{ task: { id } }`) or `{ id }` / `{ taskId }`. */
export function taskIdOf(arg: unknown): string | undefined {
  const candidate = typeof arg === 'string' ? arg
    : typeof arg === 'object' && arg !== null
      ? (arg as { task?: { id?: unknown } }).task?.id ?? (arg as { taskId?: unknown }).taskId ?? (arg as { id?: unknown }).id
      : undefined;
  const id = typeof candidate === 'string' ? candidate.replace(/^HS-/i, '') : undefined;
  return id && /^\d{1,30}$/.test(id) ? id : undefined;
}

/** A tree node carries the task's notes: no request needed for the recorded location. */
function notesOf(arg: unknown): string | undefined {
  const notes = typeof arg === 'object' && arg !== null ? (arg as { task?: { notesHtml?: unknown } }).task?.notesHtml : undefined;
  return typeof notes === 'string' ? notes : undefined;
}

// Where the TODOs of the workspace commands come from: the whole workspace (the plain-Node scanner over
// each folder, honouring files.exclude, search.exclude and .gitignore; open documents with unsaved
// changes are read from the editor instead of the disk), and the review step before creating.
// Each folder keeps a ScanCache fed by a file watcher, so only the first scan reads the whole folder; with
// workspace storage, the results are kept on disk, so even that scan reads only the files changed since.
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Notifier, PickItem } from '../../ui/notifier';
import { ScanCache } from '../core/scanCache';
import { fileScanStore, ScanCacheFile, SCAN_CACHE_FORMAT } from '../core/scanCacheFile';
import { abortError, scanTree, type ScanResult, type ScanStats } from '../core/treeScan';
import type { TodoCandidate } from '../creation/todoCreator';
import type { TodoToolkit } from './todoToolkit';

/** Paths VS Code's watcher skips by default, which the scan never reads either. */
const HARMLESS_WATCHER_EXCLUDE = /(^|\/)\.(git|hg)(\/|$)/;

/** Where scan results are kept between sessions: the extension's workspace storage, and its version. */
export interface ScanStorage {
  /** A folder of the extension's own (context.storageUri): one file per workspace folder in it. */
  readonly dir: string;
  /** The extension's version: results of another one are discarded. */
  readonly extensionVersion: string;
}

/**
 * One ScanCache per workspace folder, each fed by a FileSystemWatcher from before its first scan: a later
 * scan reads only the files the watcher reported. Where `files.watcherExclude` hides paths the scan reads,
 * the watcher cannot be trusted there, and each scan checks every file's size and mtime instead. With
 * `storage`, a folder's cache starts from the previous session's results (checked by size and mtime: files
 * changed while VS Code was closed are read again), and each whole scan's results are saved there.
 */
export class FolderScanCaches implements vscode.Disposable {
  private readonly folders = new Map<string, { cache: ScanCache; watcher: vscode.FileSystemWatcher; kept?: ScanCacheFile; restored?: Promise<unknown> }>();
  /** Each folder's scan in progress (or the last one): a cache serves one scan at a time. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly storage?: ScanStorage) {}
  /**
   * Writes through VS Code are known at once: the file watcher reports them only after its own delay (tens to
   * hundreds of ms), and a scan right after a save (the links written back, then "Clean Up") must see them.
   */
  private readonly ownWrites: vscode.Disposable[] = [
    vscode.workspace.onDidSaveTextDocument((document) => this.mark(document.uri)),
    vscode.workspace.onDidCreateFiles((event) => event.files.forEach((uri) => this.mark(uri))),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.mark(uri))),
    vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => {
      this.mark(oldUri);
      this.mark(newUri);
    })),
  ];

  /** Every folder's cache hears it; a scan ignores paths outside its root. */
  private mark(uri: vscode.Uri): void {
    if (uri.scheme === 'file') {
      for (const { cache } of this.folders.values()) {
        cache.changed(uri.fsPath);
      }
    }
  }

  get(folder: vscode.WorkspaceFolder, excludes: readonly string[]): ScanCache {
    const key = folder.uri.toString();
    let entry = this.folders.get(key);
    if (!entry) {
      const cache = new ScanCache();
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      const mark = (uri: vscode.Uri) => cache.changed(uri.fsPath);
      watcher.onDidCreate(mark);
      watcher.onDidChange(mark);
      watcher.onDidDelete(mark);
      entry = { cache, watcher };
      if (this.storage) {
        // One file per folder, named by its URI (the storage is per workspace; a multi-root one has several).
        const name = createHash('sha256').update(key).digest('hex').slice(0, 16);
        entry.kept = new ScanCacheFile({ store: fileScanStore(path.join(this.storage.dir, `todo-scan-${name}.json`)), version: `${SCAN_CACHE_FORMAT}/${this.storage.extensionVersion}` });
        entry.restored = entry.kept.restore(cache);
      }
      this.folders.set(key, entry);
    }
    const unwatched = enabledGlobs(folder, 'files.watcherExclude').filter((glob) => !HARMLESS_WATCHER_EXCLUDE.test(glob) && !excludes.includes(glob));
    if (unwatched.length === 0) {
      entry.cache.watching();
    } else {
      entry.cache.unwatched();
    }
    // Folders removed from the workspace: their watchers go.
    const open = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
    for (const [other, { watcher, kept }] of this.folders) {
      if (!open.has(other)) {
        watcher.dispose();
        kept?.dispose();
        this.folders.delete(other);
        this.running.delete(other);
      }
    }
    return entry.cache;
  }

  /** The folder's cache once the previous session's results (if kept) are loaded into it. */
  async ready(folder: vscode.WorkspaceFolder, excludes: readonly string[]): Promise<ScanCache> {
    const cache = this.get(folder, excludes);
    await this.folders.get(folder.uri.toString())?.restored;
    return cache;
  }

  /**
   * Runs `scan` once the folder's previous scan has ended: the linked-TODO index's start-up scan and a command's
   * share the cache, and the second then reads only what changed. Waiting ends early when `signal` aborts.
   */
  async exclusive<T>(folder: vscode.WorkspaceFolder, signal: AbortSignal | undefined, scan: () => Promise<T>): Promise<T> {
    const key = folder.uri.toString();
    const previous = this.running.get(key) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => {
      if (signal?.aborted) {
        throw abortError();
      }
      return scan();
    });
    this.running.set(key, mine.catch(() => undefined));
    if (!signal) {
      return mine;
    }
    return Promise.race([mine, new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(abortError()), { once: true }))]);
  }

  /** A whole scan of `folder` completed: its results are saved (debounced) for the next session. */
  scanned(folder: vscode.WorkspaceFolder): void {
    const entry = this.folders.get(folder.uri.toString());
    entry?.kept?.scheduleSave(entry.cache);
  }

  dispose(): void {
    for (const { watcher, kept } of this.folders.values()) {
      watcher.dispose();
      // A save still waiting for its delay is dropped, not raced against the host's shut-down: the next
      // session then checks the files against the previous save (or reads them all), never wrong results.
      kept?.dispose();
    }
    this.folders.clear();
    this.ownWrites.forEach((d) => d.dispose());
  }
}

/** In-host tests only (src/testHooks.ts, handed in by the composition root): the workspace scan between two slices. */
export interface WorkspaceScanHooks {
  /**
   * Hears the files scanned so far and the scan's cancel signal between two slices of its work; a promise
   * returned holds the scan there until it settles, so a test presses Cancel while the scan is at a known point.
   */
  onScanProgress?: (filesDone: number, signal: AbortSignal | undefined) => void | Promise<void>;
  /** Hears each folder's completed scan: how it used its cache (mode, files read and reused). */
  onScanned?: (root: string, stats: Readonly<ScanStats>) => void;
}

/**
 * One folder's files with TODOs, from the disk, through the folder's cache: what the commands' scans and the
 * linked-TODO index's start-up scan share (the first of them reads the folder, the next only what changed).
 */
export function scanFolder(toolkit: TodoToolkit, caches: FolderScanCaches, folder: vscode.WorkspaceFolder, signal?: AbortSignal, onProgress?: (stats: Readonly<ScanStats>) => void | Promise<void>): Promise<ScanResult> {
  const settings = toolkit.readTodoSettings();
  const excludes = excludeGlobs(folder);
  return caches.exclusive(folder, signal, async () => {
    const result = await scanTree(
      { root: folder.uri.fsPath, excludes, maxFileSize: settings.maxFileSize, tags: settings.tags, secretFiles: toolkit.secretFileMatcher(), signal, cache: await caches.ready(folder, excludes), onProgress },
      toolkit,
    );
    caches.scanned(folder);
    return result;
  });
}

/**
 * All TODOs of the workspace (linked ones too: clean-up needs them); `documentText` filled lazily.
 * `signal` stops the scan within one slice of work (≈ 12 ms); `onProgress` hears the files read so far.
 */
export async function workspaceTodos(toolkit: TodoToolkit, caches: FolderScanCaches, signal?: AbortSignal, onProgress?: (filesDone: number) => void, hooks?: WorkspaceScanHooks): Promise<TodoCandidate[]> {
  const settings = toolkit.readTodoSettings();
  const secretFiles = toolkit.secretFileMatcher();
  const out: TodoCandidate[] = [];
  const dirty = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file').map((d) => [d.uri.fsPath, d]));
  let before = 0;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') {
      continue;
    }
    const progress = (stats: Readonly<ScanStats>) => {
      const filesDone = before + stats.filesRead + stats.filesReused;
      onProgress?.(filesDone);
      return hooks?.onScanProgress?.(filesDone, signal);
    };
    const result = await scanFolder(toolkit, caches, folder, signal, progress);
    hooks?.onScanned?.(folder.uri.fsPath, result.stats);
    before += result.stats.filesRead + result.stats.filesReused;
    const seen = new Set<string>();
    for (const file of result.files) {
      seen.add(file.path);
      if (dirty.has(file.path)) {
        continue;
      }
      const uri = vscode.Uri.file(file.path);
      const relativePath = toolkit.relativePath(uri);
      const keys = toolkit.todoKeys(relativePath, file.todos);
      file.todos.forEach((todo, i) => out.push({ uri, relativePath, todo, key: keys[i], documentText: '' }));
    }
    // Unsaved editors: their text, not the disk's, is what the user sees.
    for (const [fsPath, document] of dirty) {
      if (!fsPath.startsWith(folder.uri.fsPath) || secretFiles.matches(fsPath)) {
        continue;
      }
      const language = toolkit.languageOf(document);
      if (!language) {
        continue;
      }
      const text = document.getText();
      const todos = toolkit.findTodos(text, language, { tags: settings.tags });
      const relativePath = toolkit.relativePath(document.uri);
      const keys = toolkit.todoKeys(relativePath, todos);
      todos.forEach((todo, i) => out.push({ uri: document.uri, relativePath, todo, key: keys[i], documentText: text }));
    }
  }
  return out;
}

/**
 * The workspace scan in a notification with Cancel (a first scan of a large workspace takes seconds): the
 * scan stops within one slice of its work, ≈ 12 ms. Undefined when cancelled.
 */
export function scanWithProgress(notify: Pick<Notifier, 'progress'>, scan: (signal: AbortSignal, onProgress: (filesDone: number) => void) => Promise<TodoCandidate[]>): Thenable<TodoCandidate[] | undefined> {
  return notify.progress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning the workspace for TODOs'), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let shown = 0;
      try {
        return await scan(controller.signal, (files) => {
          // A message per ~1,000 files: the count moves, the notification does not flicker.
          if (files - shown >= 1000) {
            shown = files;
            progress.report({ message: vscode.l10n.t('{0} files', files.toLocaleString()) });
          }
        });
      } catch (error) {
        if (controller.signal.aborted) {
          return undefined;
        }
        throw error;
      } finally {
        cancel.dispose();
      }
    },
  );
}

/** files.exclude and search.exclude globs that are switched on (`true`; `when` clauses are skipped). */
export function excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  return [...enabledGlobs(folder, 'files.exclude'), ...enabledGlobs(folder, 'search.exclude')];
}

function enabledGlobs(folder: vscode.WorkspaceFolder, section: string): string[] {
  const value = vscode.workspace.getConfiguration(undefined, folder.uri).get<Record<string, unknown>>(section) ?? {};
  return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
}

/** Reads the text of candidates found on disk (only for those the user picked). */
export async function withText(candidates: TodoCandidate[]): Promise<TodoCandidate[]> {
  const texts = new Map<string, string>();
  for (const candidate of candidates) {
    if (candidate.documentText !== '' || texts.has(candidate.uri.fsPath)) {
      continue;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === candidate.uri.toString());
    texts.set(candidate.uri.fsPath, open ? open.getText() : await fs.readFile(candidate.uri.fsPath, 'utf8').catch(() => ''));
  }
  return candidates.map((c) => (c.documentText !== '' ? c : { ...c, documentText: texts.get(c.uri.fsPath) ?? '' }));
}

/** The review step: a multi-select list, everything picked; nothing is created unless accepted. */
export async function reviewWithQuickPick(
  notify: Pick<Notifier, 'pick'>,
  candidates: readonly TodoCandidate[],
  /** `hubspotTasks.todo.defaultAssociations`: every task gets them, so every line says so before anything is created. */
  defaultAssociations: readonly string[] = [],
): Promise<TodoCandidate[] | undefined> {
  // TODO text, paths and hints come from the repository's files: the notifier makes them inert.
  type Item = PickItem<{ candidate: TodoCandidate }>;
  const items: Item[] = candidates.map((candidate) => {
    const { todo } = candidate;
    const hints = [
      ...todo.hints.associations.map((a) => `@${a.kind}:${a.value}`),
      ...(todo.hints.priority ? [`!${todo.hints.priority.toLowerCase()}`] : []),
      ...(todo.hints.due ? [`due:${todo.hints.due}`] : []),
      ...defaultAssociations.map((value) => vscode.l10n.t('{0} (default)', value)),
    ];
    return {
      label: todo.text || `${todo.tag} (${vscode.l10n.t('no text')})`,
      description: `${candidate.relativePath}:${todo.range.line + 1}`,
      detail: hints.length > 0 ? hints.join('  ') : undefined,
      picked: true,
      candidate,
    };
  });
  const picked = await notify.pick(items, {
    canPickMany: true,
    title: candidates.length === 1 ? vscode.l10n.t('Create a HubSpot task from 1 TODO') : vscode.l10n.t('Create HubSpot tasks from {0} TODOs', candidates.length),
    placeHolder: vscode.l10n.t('Untick the TODOs that should not become tasks, then press Enter'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.map((item) => item.candidate);
}

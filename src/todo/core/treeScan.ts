// The workspace TODO scan's engine (see workspaceScanner.ts): walks a folder tree with plain Node,
// honouring .gitignore and exclude globs, skips binary and large files, reads files in short synchronous
// slices, and runs the comment scanner only on files that contain a tag at all (a byte search first),
// which is what keeps it near ripgrep's speed. It imports none of the parser by value: the caller passes it
// (ScanParser), so the lazily loaded workspace TODO bundle can use the main bundle's parser, not a copy.
import { Dirent, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { FileReader, RACY_MS, type ReadOutcome } from './fileRead';
import { ExcludeMatcher } from './glob';
import { GitignoreFile, GitignoreStack } from './gitignore';
import { ScanCache, type ScanMode } from './scanCache';
import type { SecretFileMatcher } from './secrets';
import type { TodoItem, TodoOptions } from './todoParser';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface ScanOptions {
  /** Absolute folder to scan. */
  root: string;
  /** VS Code globs (files.exclude, search.exclude) relative to the root. */
  excludes?: readonly string[];
  /** Honour .gitignore files and .git/info/exclude (default true). */
  useGitignore?: boolean;
  /** Files larger than this are skipped (default 1 MiB). */
  maxFileSize?: number;
  tags?: readonly string[];
  /** Longest synchronous slice of work before yielding to the event loop (default 12 ms). */
  sliceMs?: number;
  signal?: AbortSignal;
  /** Language id of a file; default: by extension / name. Undefined skips the file. */
  languageOf?: (relativePath: string) => string | undefined;
  /** Secret-bearing files, never scanned (scanWorkspace's default: DEFAULT_SECRET_FILES; `new SecretFileMatcher([])` scans all). */
  secretFiles?: SecretFileMatcher;
  /**
   * Results of earlier scans of this root, reused by path, size and mtime, and the changes a watcher
   * reported since (scanCache.ts). Without one every file is read.
   */
  cache?: ScanCache;
  /**
   * Called between slices of work with the counts so far (never during a slice). A promise returned holds the
   * scan there until it settles (the in-host Cancel test presses Cancel at a known point this way).
   */
  onProgress?: (stats: Readonly<ScanStats>) => void | Promise<void>;
}

export interface FileTodos {
  /** Absolute path. */
  path: string;
  /** Relative to the root, `/`-separated. */
  relativePath: string;
  languageId: string;
  todos: TodoItem[];
}

export interface ScanStats {
  /** full: every file read; validate: a walk that reads only files whose size or mtime changed; incremental: only what the watcher reported. */
  mode: ScanMode;
  directories: number;
  filesConsidered: number;
  filesRead: number;
  /** Unchanged since the cache's scan (size and mtime): not read again. */
  filesReused: number;
  filesWithTags: number;
  skippedBinary: number;
  skippedLarge: number;
  skippedUnknownLanguage: number;
  /** `.env`, `.npmrc`, keys…: their TODOs would carry secrets into HubSpot notes. */
  skippedSecret: number;
  bytesRead: number;
  durationMs: number;
}

export interface ScanResult {
  files: FileTodos[];
  stats: ScanStats;
}

export interface Candidate {
  absolute: string;
  relative: string;
  languageId: string;
}

/**
 * The parsing a scan needs. scanWorkspace passes the parser's own functions; the lazily loaded workspace
 * TODO bundle (src/todo/workspace/) passes the main bundle's, so that bundle carries no second copy of the
 * comment scanner and the language table.
 */
export interface ScanParser {
  findTodos(text: string, language: string, options: TodoOptions): TodoItem[];
  /** A file's language by its name: ScanOptions.languageOf's default. */
  languageForFile(relativePath: string): string | undefined;
  readonly defaultTags: readonly string[];
}

/** A scan with the parser and the secret files passed in (scanWorkspace fills in the defaults). */
export async function scanTree(options: ScanOptions & { secretFiles: SecretFileMatcher }, parser: ScanParser): Promise<ScanResult> {
  const scan = new TreeScan(options, parser);
  // Synchronous reads are 2–4× faster than libuv's thread pool for many small files (measured: see
  // README "Performance"), so the scan works in short synchronous slices and yields in between,
  // keeping the extension host responsive and a cancel (the signal) effective within one slice.
  const sliceMs = options.sliceMs ?? 12;
  try {
    for (;;) {
      if (options.signal?.aborted) {
        throw abortError();
      }
      const state = scan.step(Date.now() + sliceMs);
      if (state === 'done') {
        break;
      }
      await options.onProgress?.(scan.stats);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    scan.abandon();
    throw error;
  }
  return scan.result();
}

/** One folder's entries as a scan took them (ScanCache keeps them for the next scan). */
export interface Listing {
  mtimeMs: number;
  /** The rules for its entries (its own .gitignore included). */
  ignores: GitignoreStack;
  /** Subfolders to walk (relative). */
  dirs: string[];
  files: Candidate[];
  /** Its share of the scan's counts. */
  considered: number;
  secret: number;
  unknown: number;
}

interface Directory {
  relative: string;
  /** The rules of the folders above (the folder's own .gitignore is added when it is read). */
  ignores: GitignoreStack;
}

class TreeScan {
  private readonly started = Date.now();
  readonly stats: ScanStats = {
    mode: 'full', directories: 0, filesConsidered: 0, filesRead: 0, filesReused: 0, filesWithTags: 0, skippedBinary: 0, skippedLarge: 0,
    skippedUnknownLanguage: 0, skippedSecret: 0, bytesRead: 0, durationMs: 0,
  };
  private readonly tags: readonly string[];
  private readonly maxFileSize: number;
  private readonly languageOf: (relativePath: string) => string | undefined;
  private readonly excludes: ExcludeMatcher;
  private readonly secrets: SecretFileMatcher;
  private readonly useGitignore: boolean;
  private readonly reader: FileReader;
  private readonly directories: Directory[] = [];
  private readonly candidates: Candidate[] = [];
  private readonly files: FileTodos[] = [];
  private readonly cache: ScanCache;
  private readonly changed: string[];
  private readonly watched: boolean;
  /** Changed paths (relative) to read even when size and mtime look the same. */
  private readonly forced = new Set<string>();
  /** Reuse cached results without a stat: a watcher reports changes (incremental mode). */
  private readonly trustCache: boolean;
  private readonly seenFiles = new Set<string>();
  private readonly seenDirs = new Map<string, GitignoreStack>();
  private readonly listings = new Map<string, Listing>();
  /** The root, resolved: no trailing separator, no `..`, so children's paths are plain concatenations. */
  private readonly root: string;

  constructor(options: ScanOptions & { secretFiles: SecretFileMatcher }, private readonly parser: ScanParser) {
    this.root = path.resolve(options.root);
    this.tags = options.tags && options.tags.length > 0 ? options.tags : parser.defaultTags;
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.languageOf = options.languageOf ?? parser.languageForFile;
    this.excludes = new ExcludeMatcher(options.excludes ?? []);
    this.secrets = options.secretFiles;
    this.useGitignore = options.useGitignore !== false;
    this.reader = new FileReader(this.maxFileSize, this.tags);
    let ignores = new GitignoreStack();
    if (this.useGitignore) {
      ignores = ignores.with(readIgnore(path.join(this.root, '.git', 'info', 'exclude'), ''));
    }
    // Without a cache from the caller, a private one: the same code path, nothing kept.
    this.cache = options.cache ?? new ScanCache();
    const settings = JSON.stringify([this.root, options.excludes ?? [], this.useGitignore, this.maxFileSize, this.tags]);
    const begun = this.cache.begin({ settings, identities: [this.secrets, this.languageOf, parser.findTodos] });
    this.stats.mode = begun.mode;
    this.changed = begun.changed;
    this.watched = begun.watched;
    for (const absolute of this.changed) {
      const relative = this.relativeOf(absolute);
      if (relative !== undefined) {
        this.forced.add(relative);
      }
    }
    // Every scan walks the folders (new and deleted files are seen at once, whatever the watcher's delay);
    // only what a file holds waits for the watcher's report in incremental mode.
    this.trustCache = begun.mode === 'incremental';
    this.directories.push({ relative: '', ignores });
  }

  /** Works until `deadline` (ms since epoch): done or more to do. */
  step(deadline: number): 'done' | 'more' {
    let n = 0;
    for (;;) {
      // Files first: keeps the queue short. Check the clock every few items only.
      if (this.candidates.length > 0) {
        this.scanFile(this.candidates.pop()!);
      } else if (this.directories.length > 0) {
        this.readDirectory(this.directories.pop()!);
      } else {
        return 'done';
      }
      if ((++n & 15) === 0 && Date.now() >= deadline) {
        return 'more';
      }
    }
  }

  result(): ScanResult {
    this.cache.prune('', this.seenFiles);
    this.cache.end(true, this.changed, this.watched, this.seenDirs, this.listings);
    const files = this.files;
    files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
    this.stats.durationMs = Date.now() - this.started;
    return { files, stats: this.stats };
  }

  /** Cancelled or failed: the changed paths go back to the cache for the next scan. */
  abandon(): void {
    this.cache.end(false, this.changed, this.watched);
  }

  private relativeOf(absolute: string): string | undefined {
    const relative = path.relative(this.root, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      return relative === '' ? '' : undefined;
    }
    return path.sep === '/' ? relative : relative.split(path.sep).join('/');
  }

  private skipsDirectory(relative: string, ignores: GitignoreStack): boolean {
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    return name === '.git' || (!this.excludes.empty && this.excludes.matches(relative)) || ignores.ignores(relative, true);
  }

  /** A file to read, or undefined when excluded, ignored, a secret file or of no known language (counted). */
  private fileCandidate(relative: string, name: string, ignores: GitignoreStack, absolute: string): Candidate | undefined {
    if (!this.excludes.empty && this.excludes.matches(relative)) {
      return undefined;
    }
    if (ignores.ignores(relative, false)) {
      return undefined;
    }
    this.stats.filesConsidered++;
    if (this.secrets.matches(name)) {
      this.stats.skippedSecret++;
      return undefined;
    }
    const languageId = this.languageOf(relative);
    if (!languageId) {
      this.stats.skippedUnknownLanguage++;
      return undefined;
    }
    return { absolute, relative, languageId };
  }

  private readDirectory(directory: Directory): void {
    const relativeDir = directory.relative;
    if (this.stats.mode !== 'full' && relativeDir !== '') {
      this.noteUnwatched(relativeDir);
    }
    const absoluteDir = relativeDir === '' ? this.root : `${this.root}${path.sep}${path.sep === '/' ? relativeDir : relativeDir.split('/').join(path.sep)}`;
    // A folder's mtime changes when an entry is added, removed or renamed in it: unchanged, and with the
    // watcher trusted (so no .gitignore changed), its last listing stands — one stat instead of a listing.
    const dirStat = statSync(absoluteDir, { throwIfNoEntry: false });
    const known = this.trustCache ? this.cache.listing(relativeDir) : undefined;
    if (known && dirStat && dirStat.mtimeMs === known.mtimeMs) {
      this.stats.directories++;
      this.seenDirs.set(relativeDir, known.ignores);
      this.listings.set(relativeDir, known);
      for (const relative of known.dirs) {
        this.directories.push({ relative, ignores: known.ignores });
      }
      this.candidates.push(...known.files);
      this.stats.filesConsidered += known.considered;
      this.stats.skippedSecret += known.secret;
      this.stats.skippedUnknownLanguage += known.unknown;
      return;
    }
    const listedAt = Date.now();
    let entries: Dirent[];
    try {
      entries = readdirSync(absoluteDir, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable
    }
    this.stats.directories++;
    let ignores = directory.ignores;
    if (this.useGitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      ignores = ignores.with(readIgnore(path.join(absoluteDir, '.gitignore'), relativeDir));
    }
    this.seenDirs.set(relativeDir, ignores);
    const before = { considered: this.stats.filesConsidered, secret: this.stats.skippedSecret, unknown: this.stats.skippedUnknownLanguage };
    const listing: Listing = { mtimeMs: dirStat?.mtimeMs ?? NaN, ignores, dirs: [], files: [], considered: 0, secret: 0, unknown: 0 };
    for (const entry of entries) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!this.skipsDirectory(relative, ignores)) {
          this.directories.push({ relative, ignores });
          listing.dirs.push(relative);
        }
      } else if (entry.isFile()) {
        // Plain concatenation: path.join's normalising was 3 % of a first scan, and both parts are normal already.
        const candidate = this.fileCandidate(relative, entry.name, ignores, `${absoluteDir}${path.sep}${entry.name}`);
        if (candidate) {
          this.candidates.push(candidate);
          listing.files.push(candidate);
        }
      }
      // Symbolic links are not followed (ripgrep's default too), which also rules out cycles.
    }
    listing.considered = this.stats.filesConsidered - before.considered;
    listing.secret = this.stats.skippedSecret - before.secret;
    listing.unknown = this.stats.skippedUnknownLanguage - before.unknown;
    // Changed as it was listed (same clock tick): list it again next time.
    if (dirStat && dirStat.mtimeMs < listedAt - RACY_MS) {
      this.listings.set(relativeDir, listing);
    }
  }

  /**
   * A folder that appeared unreported, or is below one, may be one the watcher never watches; one whose creation
   * the watcher reported (late, after a scan saw it) is watched from then on (ScanCache.unwatchedDirs).
   */
  private noteUnwatched(relativeDir: string): void {
    const parent = relativeDir.slice(0, Math.max(0, relativeDir.lastIndexOf('/')));
    const underUnwatched = parent !== '' && this.cache.unwatchedDir(parent);
    if (this.forced.has(relativeDir) && !underUnwatched) {
      this.cache.markUnwatched(relativeDir, false);
    } else if (underUnwatched || this.cache.isNewDir(relativeDir)) {
      this.cache.markUnwatched(relativeDir, true);
    }
  }

  private scanFile(candidate: Candidate): void {
    this.seenFiles.add(candidate.relative);
    const cached = this.cache.get(candidate.relative);
    if (cached && !cached.racy && !this.forced.has(candidate.relative) && (!cached.found || cached.found.languageId === candidate.languageId)) {
      // Reuse: unreported by the watcher (incremental), or by path, size and mtime: one stat instead of open, read and parse.
      const watched = this.trustCache && !this.cache.inUnwatchedDir(candidate.relative);
      const stat = watched ? cached : statSync(candidate.absolute, { throwIfNoEntry: false });
      if (stat && stat.size === cached.size && stat.mtimeMs === cached.mtimeMs) {
        this.stats.filesReused++;
        if (cached.found) {
          this.files.push(cached.found);
        }
        return;
      }
    }
    this.apply(candidate, this.reader.read(candidate.absolute));
  }

  /** What reading a file found: counted, cached, and parsed when it holds a tag. */
  private apply(candidate: Candidate, outcome: ReadOutcome): void {
    if (outcome.kind === 'gone') {
      this.cache.delete(candidate.relative);
      return;
    }
    const stat = { size: outcome.size, mtimeMs: outcome.mtimeMs, racy: outcome.racy };
    if (outcome.kind === 'large') {
      this.stats.skippedLarge++;
      this.cache.set(candidate.relative, { ...stat, skipped: 'large' });
      return;
    }
    this.stats.filesRead++;
    this.stats.bytesRead += outcome.length;
    if (outcome.kind === 'binary') {
      this.stats.skippedBinary++;
      this.cache.set(candidate.relative, { ...stat, skipped: 'binary' });
      return;
    }
    if (outcome.kind === 'plain') {
      this.cache.set(candidate.relative, stat);
      return;
    }
    this.stats.filesWithTags++;
    const found = fileTodos(candidate, this.parser.findTodos(textOf(outcome.bytes), candidate.languageId, { tags: this.tags }));
    this.cache.set(candidate.relative, { ...stat, found });
    if (found) {
      this.files.push(found);
    }
  }
}

function fileTodos(candidate: Candidate, todos: TodoItem[]): FileTodos | undefined {
  return todos.length === 0 ? undefined : { path: candidate.absolute, relativePath: candidate.relative, languageId: candidate.languageId, todos };
}

/** A file's text as the parser wants it: UTF-8, a byte-order mark replaced by a blank (columns stay put). */
function textOf(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

function readIgnore(file: string, base: string): GitignoreFile | undefined {
  try {
    return new GitignoreFile(base, readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** What a cancelled scan throws (its name is what callers test); a command's queued scan throws it too. */
export function abortError(): Error {
  const error = new Error('The TODO scan was cancelled.');
  error.name = 'AbortError';
  return error;
}

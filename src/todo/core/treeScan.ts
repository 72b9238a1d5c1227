// The workspace TODO scan's engine (see workspaceScanner.ts): walks a folder tree with plain Node,
// honouring .gitignore and exclude globs, skips binary and large files, reads files in short synchronous
// slices, and runs the comment scanner only on files that contain a tag at all (a byte search first),
// which is what keeps it near ripgrep's speed. It imports none of the parser by value: the caller passes it
// (ScanParser), so the lazily loaded workspace TODO bundle can use the main bundle's parser, not a copy.
import { closeSync, Dirent, openSync, readdirSync, readFileSync, readSync } from 'fs';
import * as path from 'path';
import { ExcludeMatcher } from './glob';
import { GitignoreFile, GitignoreStack } from './gitignore';
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
  directories: number;
  filesConsidered: number;
  filesRead: number;
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

interface Candidate {
  absolute: string;
  relative: string;
  languageId: string;
}

const BINARY_SNIFF_BYTES = 8000;

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
  // keeping the extension host responsive.
  const sliceMs = options.sliceMs ?? 12;
  for (;;) {
    if (options.signal?.aborted) {
      throw abortError();
    }
    if (scan.step(Date.now() + sliceMs)) {
      break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return scan.result();
}

class TreeScan {
  private readonly started = Date.now();
  private readonly stats: ScanStats = {
    directories: 0, filesConsidered: 0, filesRead: 0, filesWithTags: 0, skippedBinary: 0, skippedLarge: 0,
    skippedUnknownLanguage: 0, skippedSecret: 0, bytesRead: 0, durationMs: 0,
  };
  private readonly tags: readonly string[];
  private readonly needles: Buffer[];
  private readonly maxFileSize: number;
  private readonly languageOf: (relativePath: string) => string | undefined;
  private readonly excludes: ExcludeMatcher;
  private readonly secrets: SecretFileMatcher;
  private readonly useGitignore: boolean;
  private readonly buffer: Buffer;
  private readonly directories: { relative: string; ignores: GitignoreStack }[] = [];
  private readonly candidates: Candidate[] = [];
  private readonly files: FileTodos[] = [];

  constructor(private readonly options: ScanOptions & { secretFiles: SecretFileMatcher }, private readonly parser: ScanParser) {
    this.tags = options.tags && options.tags.length > 0 ? options.tags : parser.defaultTags;
    this.needles = this.tags.map((tag) => Buffer.from(tag, 'utf8'));
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.languageOf = options.languageOf ?? parser.languageForFile;
    this.excludes = new ExcludeMatcher(options.excludes ?? []);
    this.secrets = options.secretFiles;
    this.useGitignore = options.useGitignore !== false;
    this.buffer = Buffer.allocUnsafe(this.maxFileSize + 1);
    let ignores = new GitignoreStack();
    if (this.useGitignore) {
      ignores = ignores.with(readIgnore(path.join(options.root, '.git', 'info', 'exclude'), ''));
    }
    this.directories.push({ relative: '', ignores });
  }

  /** Works until `deadline` (ms since epoch); true when the whole tree is done. */
  step(deadline: number): boolean {
    let n = 0;
    while (this.candidates.length > 0 || this.directories.length > 0) {
      // Files first: keeps the queue short. Check the clock every few items only.
      if (this.candidates.length > 0) {
        this.scanFile(this.candidates.pop()!);
      } else {
        this.readDirectory(this.directories.pop()!);
      }
      if ((++n & 15) === 0 && Date.now() >= deadline) {
        return false;
      }
    }
    return true;
  }

  result(): ScanResult {
    const files = this.files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
    this.stats.durationMs = Date.now() - this.started;
    return { files, stats: this.stats };
  }

  private readDirectory(directory: { relative: string; ignores: GitignoreStack }): void {
    const relativeDir = directory.relative;
    const absoluteDir = relativeDir === '' ? this.options.root : path.join(this.options.root, relativeDir);
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
    for (const entry of entries) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === '.git') {
          continue;
        }
        if (!this.excludes.empty && this.excludes.matches(relative)) {
          continue;
        }
        if (ignores.ignores(relative, true)) {
          continue;
        }
        this.directories.push({ relative, ignores });
      } else if (entry.isFile()) {
        if (!this.excludes.empty && this.excludes.matches(relative)) {
          continue;
        }
        if (ignores.ignores(relative, false)) {
          continue;
        }
        this.stats.filesConsidered++;
        if (this.secrets.matches(entry.name)) {
          this.stats.skippedSecret++;
          continue;
        }
        const languageId = this.languageOf(relative);
        if (!languageId) {
          this.stats.skippedUnknownLanguage++;
          continue;
        }
        this.candidates.push({ absolute: path.join(absoluteDir, entry.name), relative, languageId });
      }
      // Symbolic links are not followed (ripgrep's default too), which also rules out cycles.
    }
  }

  private scanFile(candidate: Candidate): void {
    const buffer = this.buffer;
    let length = 0;
    let fd: number | undefined;
    try {
      fd = openSync(candidate.absolute, 'r');
      // Read up to one byte more than allowed: no fstat needed to tell a large file.
      for (;;) {
        const wanted = buffer.length - length;
        const read = readSync(fd, buffer, length, wanted, null);
        if (read === 0) {
          break;
        }
        length += read;
        if (length > this.maxFileSize) {
          break;
        }
        // A regular file's read comes back short only at its end, so most files need one read, not
        // a second one to see 0 (a third of the syscalls of a scan). A short read that stops on a
        // 4 KiB boundary could be a network or FUSE file system's chunk: ask again to be sure.
        if (read < wanted && length % 4096 !== 0) {
          break;
        }
      }
    } catch {
      return; // vanished or unreadable: nothing to report
    } finally {
      if (fd !== undefined) {
        closeSync(fd);
      }
    }
    if (length > this.maxFileSize) {
      this.stats.skippedLarge++;
      return;
    }
    this.stats.filesRead++;
    this.stats.bytesRead += length;
    const found = scanBytes(candidate, buffer.subarray(0, length), this.needles, this.tags, this.parser, this.stats);
    if (found) {
      this.files.push(found);
    }
  }
}

/** Binary sniff, tag pre-check, then the full comment scan of a file's bytes. */
function scanBytes(candidate: Candidate, bytes: Buffer, needles: Buffer[], tags: readonly string[], parser: ScanParser, stats?: ScanStats): FileTodos | undefined {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) >= 0) {
    if (stats) {
      stats.skippedBinary++;
    }
    return undefined;
  }
  if (!needles.some((needle) => bytes.indexOf(needle) >= 0)) {
    return undefined;
  }
  if (stats) {
    stats.filesWithTags++;
  }
  const text = bytes.toString('utf8');
  const todos = parser.findTodos(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, candidate.languageId, { tags });
  if (todos.length === 0) {
    return undefined;
  }
  return { path: candidate.absolute, relativePath: candidate.relative, languageId: candidate.languageId, todos };
}

function readIgnore(file: string, base: string): GitignoreFile | undefined {
  try {
    return new GitignoreFile(base, readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function abortError(): Error {
  const error = new Error('The TODO scan was cancelled.');
  error.name = 'AbortError';
  return error;
}

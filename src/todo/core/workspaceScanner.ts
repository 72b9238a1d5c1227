// Scans a folder tree for TODOs with plain Node: walks it honouring .gitignore and exclude globs,
// skips binary and large files, reads files concurrently, and runs the comment scanner only on files
// that contain a tag at all (a byte search first), which is what keeps it near ripgrep's speed.
import { promises as fs } from 'fs';
import * as path from 'path';
import { ExcludeMatcher } from './glob';
import { GitignoreFile, GitignoreStack } from './gitignore';
import { languageForFile } from './languages';
import { DEFAULT_TAGS, findTodos, TodoItem } from './todoParser';

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
  /** Parallel file reads (default 64). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Language id of a file; default: by extension / name. Undefined skips the file. */
  languageOf?: (relativePath: string) => string | undefined;
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

export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const stats: ScanStats = {
    directories: 0, filesConsidered: 0, filesRead: 0, filesWithTags: 0, skippedBinary: 0, skippedLarge: 0,
    skippedUnknownLanguage: 0, bytesRead: 0, durationMs: 0,
  };
  const tags = options.tags && options.tags.length > 0 ? options.tags : DEFAULT_TAGS;
  const needles = tags.map((tag) => Buffer.from(tag, 'utf8'));
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const languageOf = options.languageOf ?? languageForFile;
  const candidates = await walk(options, stats, languageOf);
  const files: FileTodos[] = [];
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      if (options.signal?.aborted) return;
      const candidate = candidates[next++];
      const found = await scanFile(candidate, needles, tags, maxFileSize, stats);
      if (found) files.push(found);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 64) }, worker));
  if (options.signal?.aborted) throw abortError();
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  stats.durationMs = Date.now() - started;
  return { files, stats };
}

async function scanFile(candidate: Candidate, needles: Buffer[], tags: readonly string[], maxFileSize: number, stats: ScanStats): Promise<FileTodos | undefined> {
  let handle: fs.FileHandle | undefined;
  let bytes: Buffer;
  try {
    handle = await fs.open(candidate.absolute, 'r');
    const { size } = await handle.stat();
    if (size > maxFileSize) {
      stats.skippedLarge++;
      return undefined;
    }
    bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    bytes = bytes.subarray(0, filled);
  } catch {
    return undefined; // vanished or unreadable: nothing to report
  } finally {
    await handle?.close().catch(() => undefined);
  }
  stats.filesRead++;
  stats.bytesRead += bytes.length;
  return scanBytes(candidate, bytes, needles, tags, stats);
}

/** Binary sniff, tag pre-check, then the full comment scan of a file's bytes. */
export function scanBytes(candidate: Candidate, bytes: Buffer, needles: Buffer[], tags: readonly string[], stats?: ScanStats): FileTodos | undefined {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) >= 0) {
    if (stats) stats.skippedBinary++;
    return undefined;
  }
  if (!needles.some((needle) => bytes.indexOf(needle) >= 0)) return undefined;
  if (stats) stats.filesWithTags++;
  const text = bytes.toString('utf8');
  const todos = findTodos(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, candidate.languageId, { tags });
  if (todos.length === 0) return undefined;
  return { path: candidate.absolute, relativePath: candidate.relative, languageId: candidate.languageId, todos };
}

async function walk(options: ScanOptions, stats: ScanStats, languageOf: (relativePath: string) => string | undefined): Promise<Candidate[]> {
  const excludes = new ExcludeMatcher(options.excludes ?? []);
  const useGitignore = options.useGitignore !== false;
  const out: Candidate[] = [];
  let rootStack = new GitignoreStack();
  if (useGitignore) rootStack = rootStack.with(await readIgnore(path.join(options.root, '.git', 'info', 'exclude'), ''));
  const visit = async (relativeDir: string, inherited: GitignoreStack): Promise<void> => {
    if (options.signal?.aborted) return;
    const absoluteDir = relativeDir === '' ? options.root : path.join(options.root, relativeDir);
    let entries: import('fs').Dirent[];
    try {
      entries = await fs.readdir(absoluteDir, { withFileTypes: true });
    } catch {
      return;
    }
    stats.directories++;
    let stack = inherited;
    if (useGitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      stack = stack.with(await readIgnore(path.join(absoluteDir, '.gitignore'), relativeDir));
    }
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      const isDirectory = entry.isDirectory();
      if (isDirectory) {
        if (entry.name === '.git') continue;
        if (!excludes.empty && excludes.matches(relative)) continue;
        if (stack.ignores(relative, true)) continue;
        subdirectories.push(relative);
      } else if (entry.isFile()) {
        if (!excludes.empty && excludes.matches(relative)) continue;
        if (stack.ignores(relative, false)) continue;
        stats.filesConsidered++;
        const languageId = languageOf(relative);
        if (!languageId) {
          stats.skippedUnknownLanguage++;
          continue;
        }
        out.push({ absolute: path.join(absoluteDir, entry.name), relative, languageId });
      }
      // Symbolic links are not followed (as ripgrep by default), which also avoids cycles.
    }
    await Promise.all(subdirectories.map((dir) => visit(dir, stack)));
  };
  await visit('', rootStack);
  return out;
}

async function readIgnore(file: string, base: string): Promise<GitignoreFile | undefined> {
  try {
    return new GitignoreFile(base, await fs.readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function abortError(): Error {
  const error = new Error('The TODO scan was cancelled.');
  error.name = 'AbortError';
  return error;
}

// A folder's scan results kept on disk between sessions (issue 15, point 5): a returning user's first scan
// after VS Code restarts checks each file's size and mtime against these instead of reading the whole
// workspace again. The file is untrusted input: anything malformed, of another format or scanner version, or
// of other settings is ignored (and replaced by the next save). Written after a whole scan, debounced, as
// a temporary file renamed into place (a crash mid-write leaves the old file or none, never half of one).
// Plain Node: the caller hands in where to keep it (ScanStore), e.g. the extension's workspace storage.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { CachedFile, ScanCache } from './scanCache';
import type { FileTodos } from './treeScan';

/** Where one folder's results are kept. */
export interface ScanStore {
  /** The text last written, or undefined when there is none (or it cannot be read). */
  read(): Promise<string | undefined>;
  /** Replaces the text as a whole: a reader sees the old text or the new one. */
  write(text: string): Promise<void>;
  /** Removes the text (a file that is not usable). */
  remove(): Promise<void>;
}

/** Bump when the shape of the file or what the scanner finds changes: older files are then discarded. */
export const SCAN_CACHE_FORMAT = 'scan-cache-1';
/** Results larger than this are not kept: reading them back would cost about what a scan saves. */
export const MAX_SCAN_CACHE_BYTES = 20 * 1024 * 1024;
export const SAVE_DELAY_MS = 2000;

interface ScanCacheFileOptions {
  store: ScanStore;
  /** The format and the producing extension's version, e.g. `${SCAN_CACHE_FORMAT}/0.2.0`: another discards the file. */
  version: string;
  maxBytes?: number;
  saveDelayMs?: number;
}

/** The file's shape: files as [relative path, size, mtimeMs, skipped or null, TODOs or null]. */
interface Stored {
  version: string;
  settings: string;
  files: [string, number, number, CachedFile['skipped'] | null, FileTodos | null][];
}

export class ScanCacheFile {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private pending: ScanCache | undefined;

  constructor(private readonly options: ScanCacheFileOptions) {}

  /** Loads the kept results into `cache` (before its first scan). False when there were none usable. */
  async restore(cache: ScanCache): Promise<boolean> {
    const text = await this.options.store.read().catch(() => undefined);
    if (text === undefined) {
      return false;
    }
    const stored = parseStored(text, this.options.version);
    if (!stored) {
      await this.options.store.remove().catch(() => undefined);
      return false;
    }
    cache.restore(stored.settings, stored.files.map(([relative, size, mtimeMs, skipped, found]) => {
      const file: CachedFile = { size, mtimeMs, racy: false };
      if (skipped) {
        file.skipped = skipped;
      }
      if (found) {
        file.found = found;
      }
      return [relative, file];
    }));
    return true;
  }

  /** After a whole scan: writes `cache` once no other scan followed within the delay. */
  scheduleSave(cache: ScanCache): void {
    this.pending = cache;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => void this.flush(), this.options.saveDelayMs ?? SAVE_DELAY_MS);
    this.timer.unref?.();
  }

  /** Writes a scheduled save now (and waits for a write under way). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const cache = this.pending;
    this.pending = undefined;
    if (cache) {
      this.writing = this.writing.then(() => this.save(cache)).catch(() => undefined);
    }
    return this.writing;
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private async save(cache: ScanCache): Promise<void> {
    const settings = cache.settings;
    if (settings === undefined) {
      return;
    }
    const stored: Stored = { version: this.options.version, settings, files: [] };
    for (const [relative, file] of cache.entries()) {
      stored.files.push([relative, file.size, file.mtimeMs, file.skipped ?? null, file.found ?? null]);
    }
    const text = JSON.stringify(stored);
    if (text.length > (this.options.maxBytes ?? MAX_SCAN_CACHE_BYTES)) {
      await this.options.store.remove();
      return;
    }
    await this.options.store.write(text);
  }
}

/** A ScanStore in one file (its folder created on demand); writes go to a temporary file renamed over it. */
export function fileScanStore(file: string): ScanStore {
  return {
    read: () => fs.readFile(file, 'utf8').catch(() => undefined),
    async write(text) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      try {
        await fs.writeFile(temporary, text, 'utf8');
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
    remove: () => fs.rm(file, { force: true }),
  };
}

function parseStored(text: string, version: string): Stored | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.version !== version || typeof value.settings !== 'string' || !Array.isArray(value.files)) {
    return undefined;
  }
  return value.files.every(isStoredFile) ? (value as unknown as Stored) : undefined;
}

function isStoredFile(entry: unknown): boolean {
  if (!Array.isArray(entry) || entry.length !== 5) {
    return false;
  }
  const [relative, size, mtimeMs, skipped, found] = entry as unknown[];
  return typeof relative === 'string' && relative !== '' && isCount(size) && typeof mtimeMs === 'number' && Number.isFinite(mtimeMs)
    && (skipped === null || skipped === 'binary' || skipped === 'large')
    && (found === null || isFileTodos(found, relative));
}

function isFileTodos(value: unknown, relative: string): boolean {
  return isObject(value) && value.relativePath === relative && typeof value.path === 'string' && typeof value.languageId === 'string'
    && Array.isArray(value.todos) && value.todos.length > 0 && value.todos.every(isTodoItem);
}

function isTodoItem(value: unknown): boolean {
  if (!isObject(value)) {
    return false;
  }
  const { hints } = value;
  return typeof value.tag === 'string' && typeof value.text === 'string' && typeof value.rawText === 'string'
    && (value.linkedTaskId === undefined || typeof value.linkedTaskId === 'string')
    && (value.author === undefined || typeof value.author === 'string')
    && isObject(hints) && Array.isArray(hints.associations)
    && hints.associations.every((a) => isObject(a) && (a.kind === 'contact' || a.kind === 'company' || a.kind === 'deal') && typeof a.value === 'string')
    && (hints.priority === undefined || hints.priority === 'HIGH' || hints.priority === 'MEDIUM' || hints.priority === 'LOW')
    && (hints.due === undefined || typeof hints.due === 'string')
    && isLineSpan(value.range) && isLineSpan(value.header) && isCount(value.textOffset) && isComment(value.comment)
    && Array.isArray(value.continuation) && value.continuation.every((c) => isLineSpan(c) && typeof (c as Record<string, unknown>).text === 'string' && isComment((c as Record<string, unknown>).comment));
}

function isLineSpan(value: unknown): boolean {
  return isObject(value) && isCount(value.line) && isCount(value.start) && isCount(value.end) && isCount(value.startOffset) && isCount(value.endOffset);
}

function isComment(value: unknown): boolean {
  return isObject(value) && (value.kind === 'line' || value.kind === 'block') && isCount(value.start) && isCount(value.end)
    && isCount(value.contentStart) && isCount(value.contentEnd) && typeof value.marker === 'string' && typeof value.terminated === 'boolean';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

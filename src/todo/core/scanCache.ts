// What a workspace TODO scan keeps between runs over one folder, so the second scan does not read the
// workspace again: each file's result with the size and mtime it was read at (a repeat scan stats files and
// reads only those whose size or mtime changed), the folders walked with their .gitignore rules, and the
// paths a file watcher reported since. While a watcher runs (watching()) and a whole scan completed under
// it, the next scan still walks the folders (new and deleted files are seen at once, whatever the watcher's
// delay) but reads only the files the watcher reported, with no stat of the others — except under folders
// that appeared without the watcher reporting them, which it may never watch (unwatchedDir()).
// Plain Node: the caller owns the watcher (VS Code's FileSystemWatcher in the extension) and calls changed().
import type { GitignoreStack } from './gitignore';
import type { FileTodos, Listing } from './treeScan';

export interface CachedFile {
  size: number;
  mtimeMs: number;
  /** Written to within a few ms of being read: a later write could keep size and mtime, so never reused by stat. */
  racy: boolean;
  /** The file's TODOs; undefined when it has none (or is binary or too large). */
  found?: FileTodos;
  skipped?: 'binary' | 'large';
}

/** How a scan uses the cache (ScanStats.mode). */
export type ScanMode = 'full' | 'validate' | 'incremental';

/** Everything that changes what a scan finds besides the files: a different key empties the cache. */
export interface ScanCacheKey {
  readonly settings: string;
  readonly identities: readonly unknown[];
}

export class ScanCache {
  private readonly files = new Map<string, CachedFile>();
  /** Folders walked by the last whole scan (relative, '' = root) → the ignore rules for their entries. */
  private dirs = new Map<string, GitignoreStack>();
  /** The last whole scan's folder listings, reused while a folder's mtime stands (incremental scans). */
  private listings = new Map<string, Listing>();
  private changedPaths = new Set<string>();
  private key: ScanCacheKey | undefined;
  /** The settings of results restored from a previous session (scanCacheFile.ts): kept if the first scan's match. */
  private restoredSettings: string | undefined;
  private watcher = false;
  /** A whole scan completed while the watcher ran, and nothing since needs a walk (.gitignore edits). */
  private trusted = false;
  /**
   * Folders (relative) that appeared after a whole scan without the watcher reporting their creation, and the
   * folders below them. VS Code's recursive watcher on Linux (parcel, inotify) watches a new folder from the
   * moment it sees it created: a folder made inside a new one before that (mkdir -p, a checkout, an unpacked
   * archive) is never watched, and nothing in it is ever reported (parcel-bundler/watcher#97; measured in-host:
   * 3 of 8 `mkdir -p a/b` + write rounds had no event at all, later rewrites included). Their files are checked
   * by size and mtime in every scan. Kept by clear(): it describes the watcher, not the results.
   */
  private readonly unwatchedDirs = new Set<string>();

  /** A watcher now reports every change under the root to changed() (call before the first scan). */
  watching(): void {
    this.watcher = true;
  }

  /** The watcher stopped or may have dropped events: the next scan checks every file again (size, mtime). */
  unwatched(): void {
    this.watcher = false;
    this.trusted = false;
  }

  /** A file or folder (absolute path) was created, changed or deleted. */
  changed(absolutePath: string): void {
    this.changedPaths.add(absolutePath);
    const name = absolutePath.slice(Math.max(absolutePath.lastIndexOf('/'), absolutePath.lastIndexOf('\\')) + 1);
    if (name === '.gitignore' || name === 'exclude') {
      // Ignore rules changed: which files count may change anywhere below, so walk again.
      this.trusted = false;
    }
  }

  /** Drops everything (the next scan reads every file). */
  clear(): void {
    this.files.clear();
    this.dirs.clear();
    this.listings.clear();
    this.changedPaths.clear();
    this.trusted = false;
  }

  /** The settings of the last scan (undefined before one): what restore() is given back in the next session. */
  get settings(): string | undefined {
    return this.key?.settings;
  }

  /** The files' results as kept: what a later session may restore (racy ones excluded: they are read again anyway). */
  *entries(): IterableIterator<[string, CachedFile]> {
    for (const entry of this.files) {
      if (!entry[1].racy) {
        yield entry;
      }
    }
  }

  /**
   * Results of a previous session, before the first scan: untrusted (no walk, no watcher behind them), so that
   * scan checks every file's size and mtime (mode 'validate') and reads the changed ones. Dropped unless that
   * scan's settings are `settings`.
   */
  restore(settings: string, files: Iterable<[string, CachedFile]>): void {
    if (this.key || this.files.size > 0) {
      return; // a scan of this session knows better
    }
    for (const [relative, file] of files) {
      this.files.set(relative, file);
    }
    this.restoredSettings = settings;
  }

  get size(): number {
    return this.files.size;
  }

  // --- used by TreeScan (treeScan.ts) ---

  /** Starts a scan: its mode and the changed paths it takes over (handed back by end(false) when it is abandoned). */
  begin(key: ScanCacheKey): { mode: ScanMode; changed: string[]; watched: boolean } {
    if (!this.key && this.restoredSettings !== undefined && this.restoredSettings === key.settings) {
      // Restored results: the same settings, and this process's own parser (the file's version string says so).
      this.key = key;
    } else if (!this.key || this.key.settings !== key.settings || this.key.identities.length !== key.identities.length || this.key.identities.some((x, i) => x !== key.identities[i])) {
      this.clear();
      this.key = key;
    }
    this.restoredSettings = undefined;
    const changed = [...this.changedPaths];
    this.changedPaths.clear();
    const mode: ScanMode = this.files.size === 0 ? 'full' : this.trusted && this.watcher ? 'incremental' : 'validate';
    return { mode, changed, watched: this.watcher };
  }

  /**
   * Ends a scan. `complete`: the scan ran to its end (a walk from the root, or every changed path handled);
   * false hands the changed paths back for the next scan. `newDirs`: a walk from the root replaces the folders.
   */
  end(complete: boolean, changed: readonly string[], watchedAtStart: boolean, newDirs?: Map<string, GitignoreStack>, listings?: Map<string, Listing>): void {
    if (!complete) {
      for (const p of changed) {
        this.changedPaths.add(p);
      }
      return;
    }
    if (listings) {
      this.listings = listings;
    }
    if (newDirs) {
      this.dirs = newDirs;
      for (const dir of this.unwatchedDirs) {
        if (!newDirs.has(dir)) {
          this.unwatchedDirs.delete(dir); // gone: if it comes back unreported, it is new again
        }
      }
      // Trust starts with a whole walk that had the watcher running from its start.
      this.trusted = watchedAtStart && this.watcher;
    }
  }

  /** A folder the last whole scan did not walk (false before the first one). */
  isNewDir(relative: string): boolean {
    return this.dirs.size > 0 && !this.dirs.has(relative);
  }

  /** `relative` is a folder the watcher may not watch (see unwatchedDirs), or (false) one it does. */
  markUnwatched(relative: string, unwatched: boolean): void {
    if (unwatched) {
      this.unwatchedDirs.add(relative);
    } else {
      this.unwatchedDirs.delete(relative);
    }
  }

  unwatchedDir(relative: string): boolean {
    return this.unwatchedDirs.size > 0 && this.unwatchedDirs.has(relative);
  }

  /** Whether the file `relative` is in such a folder (no work while there is none). */
  inUnwatchedDir(relative: string): boolean {
    return this.unwatchedDirs.size > 0 && this.unwatchedDirs.has(relative.slice(0, Math.max(0, relative.lastIndexOf('/'))));
  }

  get(relative: string): CachedFile | undefined {
    return this.files.get(relative);
  }

  set(relative: string, file: CachedFile): void {
    this.files.set(relative, file);
  }

  delete(relative: string): void {
    this.files.delete(relative);
  }

  listing(relative: string): Listing | undefined {
    return this.listings.get(relative);
  }

  /** Forgets files under `relativeDir` ('' = all) that `keep` does not hold (deleted, or now ignored). */
  prune(relativeDir: string, keep: ReadonlySet<string>): void {
    const prefix = relativeDir === '' ? '' : `${relativeDir}/`;
    for (const relative of this.files.keys()) {
      if (relative.startsWith(prefix) && !keep.has(relative)) {
        this.files.delete(relative);
      }
    }
  }

  /** The cached files with TODOs. */
  found(): FileTodos[] {
    const out: FileTodos[] = [];
    for (const file of this.files.values()) {
      if (file.found) {
        out.push(file.found);
      }
    }
    return out;
  }
}

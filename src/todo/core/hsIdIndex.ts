// Which file and line hold each linked TODO (`TODO(HS-123)`): the index "Go to Code" looks tasks up in and
// the deleted-TODO check compares against. Pure: the VS Code side (src/todo/codeLinks/) fills it from one
// workspace scan and then file by file as watchers report changes, so a lookup never scans the workspace.
import type { TodoItem } from './todoParser';

/** One linked TODO: zero-based line and column of its tag. */
export interface LinkedSite {
  id: string;
  line: number;
  column: number;
}

export interface SiteInFile extends LinkedSite {
  /** The file's key as the caller gave it (an absolute path). */
  file: string;
}

export function linkedSites(todos: readonly TodoItem[]): LinkedSite[] {
  const sites: LinkedSite[] = [];
  for (const todo of todos) {
    if (todo.linkedTaskId) {
      sites.push({ id: todo.linkedTaskId, line: todo.range.line, column: todo.range.start });
    }
  }
  return sites;
}

export class HsIdIndex {
  private readonly byFile = new Map<string, LinkedSite[]>();
  /** id → files holding it, with how many sites each: an id can be linked from several TODOs. */
  private readonly byId = new Map<string, Map<string, number>>();

  /**
   * Replaces what `file` holds. Returns the ids that were in the file and no longer are (they may still be
   * elsewhere: `has` tells).
   */
  setFile(file: string, sites: readonly LinkedSite[]): string[] {
    const before = this.byFile.get(file) ?? [];
    for (const site of before) {
      this.unlink(site.id, file);
    }
    if (sites.length > 0) {
      this.byFile.set(file, [...sites]);
      for (const site of sites) {
        const files = this.byId.get(site.id) ?? new Map<string, number>();
        files.set(file, (files.get(file) ?? 0) + 1);
        this.byId.set(site.id, files);
      }
    } else {
      this.byFile.delete(file);
    }
    const now = new Set(sites.map((s) => s.id));
    return [...new Set(before.map((s) => s.id))].filter((id) => !now.has(id));
  }

  /** Forgets a file, or every file under a folder (`prefix` ending in the path separator). */
  deleteUnder(fileOrFolder: string, separator = '/'): string[] {
    const folder = fileOrFolder.endsWith(separator) ? fileOrFolder : fileOrFolder + separator;
    const removed: string[] = [];
    for (const file of [...this.byFile.keys()]) {
      if (file === fileOrFolder || file.startsWith(folder)) {
        removed.push(...this.setFile(file, []));
      }
    }
    return [...new Set(removed)];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every place `id` is linked from, in file order. */
  sites(id: string): SiteInFile[] {
    const files = this.byId.get(id);
    if (!files) {
      return [];
    }
    return [...files.keys()].sort().flatMap((file) => (this.byFile.get(file) ?? []).filter((s) => s.id === id).map((s) => ({ ...s, file })));
  }

  get files(): number {
    return this.byFile.size;
  }

  /** The files holding linked TODOs. */
  fileNames(): string[] {
    return [...this.byFile.keys()];
  }

  get ids(): number {
    return this.byId.size;
  }

  private unlink(id: string, file: string): void {
    const files = this.byId.get(id);
    if (!files) {
      return;
    }
    const count = (files.get(file) ?? 0) - 1;
    if (count > 0) {
      files.set(file, count);
    } else {
      files.delete(file);
    }
    if (files.size === 0) {
      this.byId.delete(id);
    }
  }
}

/**
 * Ids that left their files wait here until the changes settle (a branch switch deletes and rewrites many
 * files; a TODO cut from one file is pasted and saved in another a moment later): only those still absent
 * from the whole index then count as deleted.
 */
export class RemovedIds {
  private readonly pending = new Set<string>();

  add(ids: Iterable<string>): void {
    for (const id of ids) {
      this.pending.add(id);
    }
  }

  get size(): number {
    return this.pending.size;
  }

  /** The pending ids no longer anywhere in `index`, sorted; clears the pending set. */
  take(index: Pick<HsIdIndex, 'has'>): string[] {
    const gone = [...this.pending].filter((id) => !index.has(id));
    this.pending.clear();
    return gone.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  }
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => HTML_ENTITIES[name]);
}

/** Where a TODO-created task's notes say its TODO was: `<p>src/a.ts, line 12 …` (taskContent.notesHtml). */
export interface RecordedLocation {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** One-based. */
  line: number;
}

/**
 * The path and line the notes recorded when the task was created, or undefined for a task that did not
 * come from a TODO. Also reads notes rewritten as plain text (an editor that keeps paragraphs as lines).
 */
export function recordedLocation(notes: string | null | undefined): RecordedLocation | undefined {
  if (!notes || !isFromTodo(notes)) {
    return undefined;
  }
  const match = /(?:^|<p>|\n)([^<>\n]{1,1000}?), line (\d{1,9})(?: —|<\/p>|\n|$)/.exec(notes);
  if (!match) {
    return undefined;
  }
  const path = unescapeHtml(match[1]).trim();
  // The notes are untrusted (anyone in the portal can edit them): a path that climbs out of the workspace
  // or is absolute is not offered.
  if (path === '' || /^([a-z]:)?[\\/]/i.test(path) || path.split(/[\\/]/).some((part) => part === '..')) {
    return undefined;
  }
  return { path, line: Number(match[2]) };
}

/** A task made from a TODO carries its marker token in the notes (taskContent.markerToken). */
export function isFromTodo(notes: string | null | undefined): boolean {
  return !!notes && /TODO key: hstodo/.test(notes);
}

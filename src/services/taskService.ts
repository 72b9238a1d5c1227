// State of the task tree: one search per group page, paging cursors per group, the offline cache,
// and optimistic placement of tasks the extension just wrote (HubSpot's search lags behind writes).
// No editor dependency: the tree and status bar are thin views over this.
import type { HubSpotApi } from '../hubspot/api';
import { isHubSpotError } from '../hubspot/errors';
import type { ApiTask } from '../hubspot/types';
import { DEFAULT_FILTERS, normalizeFilters, type TaskFilters } from '../tasks/filters';
import { ownerDisplayName } from '../tasks/owners';
import { belongsTo, buildGroupSearch, groupsFor, SEARCH_RESULT_CAP, type GroupBy, type GroupId, type TaskGroup } from '../tasks/grouping';
import { parseTask, TASK_PROPERTIES, type Task } from '../tasks/task';
import type { Logger } from '../util/logger';
import { Emitter, type KeyValueStore } from './events';
import { TaskCache, type CachedGroup } from './taskCache';

export interface GroupState {
  readonly group: TaskGroup;
  total: number;
  tasks: Task[];
  cursor?: string;
  loaded: boolean;
  loading: boolean;
  /** Paging stopped at HubSpot's 10,000-result search cap; `total` says how many exist. */
  capped: boolean;
  /** Results received from search so far (the offset of the next page). */
  offset: number;
  error?: string;
}

export interface TaskWrite {
  before?: Task;
  after: Task;
}

export type TreeStatus =
  | { kind: 'signed-out' }
  | { kind: 'needs-me' }
  | { kind: 'rejected' }
  | { kind: 'ready' }
  /** A failure every group would share (e.g. missing scopes): said once instead of per group. */
  | { kind: 'failed'; message: string }
  /** HubSpot unreachable: showing the cache of `savedAt` (or nothing when there is none). */
  | { kind: 'offline'; savedAt?: number; message: string; /** When the refresh that failed ran. */ failedAt: number };

export interface TaskServiceOptions {
  client: HubSpotApi;
  /** My owner id, or undefined when not chosen yet. */
  me(): Promise<string | undefined>;
  isSignedIn(): boolean;
  /** Told about a 401 (it shows "Sign in again" once). */
  onAuthenticationError(): void;
  /** Per-workspace state: filters, grouping and the offline cache. */
  workspaceState: KeyValueStore;
  pageSize(): number;
  logger: Logger;
  now?: () => Date;
  /**
   * The day "This week" starts on (0 = Sunday, 1 = Monday, the default): the user's locale's. A function,
   * asked when the groups are made: resolving the locale starts ICU (~20 ms), too much for activate().
   */
  weekStartsOn?: () => number;
  /** How long a write made here overrides search results that may not reflect it yet. */
  writeOverlayMs?: number;
  /** Which account the data comes from (base URL and portal): owner names are kept per account. */
  accountKey?: () => string | undefined;
}

const STATE_FILTERS = 'hubspotTasks.filters';
const STATE_GROUP_BY = 'hubspotTasks.groupBy';
const STATE_SAVED = 'hubspotTasks.savedFilters';

/** The tree's filters and grouping before "Show Due Tasks" replaced them. */
export interface SavedView {
  filters: TaskFilters;
  groupBy: GroupBy;
}

export class TaskService {
  private groupByValue: GroupBy;
  private filtersValue: TaskFilters;
  private states = new Map<GroupId, GroupState>();
  private statusValue: TreeStatus = { kind: 'ready' };
  private generation = 0;
  private rootLoad: Promise<void> | undefined;
  private meValue: string | undefined;
  private readonly recentWrites = new Map<string, { task: Task; at: number }>();
  private readonly cache: TaskCache;
  private ownerNames = new Map<string, string>();
  private ownersLoad: Promise<void> | undefined;
  /** The account `ownerNames` belong to, and a count of account changes (drops stale answers). */
  private ownersAccount: string | undefined;
  private ownersGeneration = 0;
  private lastLoadedAt: number | undefined;
  private readonly changed = new Emitter<GroupState | undefined>();
  /** A group changed (its tasks, total or paging), or everything (undefined). */
  readonly onDidChange = this.changed.event;
  private readonly read = new Emitter<{ ids: string[]; written?: boolean }>();
  /**
   * Ids of the tasks of a page just loaded from HubSpot (their associated records are read per page),
   * or of tasks written here (`written`: some may be new to the tree).
   */
  readonly onDidReadTasks = this.read.event;
  private readonly now: () => Date;

  constructor(private readonly options: TaskServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.cache = new TaskCache(options.workspaceState);
    this.groupByValue = options.workspaceState.get<GroupBy>(STATE_GROUP_BY) === 'priority' ? 'priority' : 'due';
    this.filtersValue = normalizeFilters(options.workspaceState.get<TaskFilters>(STATE_FILTERS) ?? DEFAULT_FILTERS);
  }

  /** The view "Show Due Tasks" replaced, while its filters are shown (any other change drops it). */
  get saved(): SavedView | undefined {
    return this.options.workspaceState.get<SavedView>(STATE_SAVED) ?? undefined;
  }

  /**
   * Filters (merged into the current ones; a key set to undefined clears that filter) and grouping at
   * once, with what "Restore previous filters" brings back (undefined: nothing).
   */
  async setView(change: Partial<TaskFilters>, groupBy = this.groupByValue, saved?: SavedView): Promise<void> {
    this.filtersValue = normalizeFilters({ ...this.filtersValue, ...change });
    this.groupByValue = groupBy;
    const state = this.options.workspaceState;
    await Promise.all([
      state.update(STATE_FILTERS, this.filtersValue),
      state.update(STATE_GROUP_BY, groupBy),
      (saved || this.saved) && state.update(STATE_SAVED, saved ?? null),
    ]);
    this.invalidate();
  }

  get groupBy(): GroupBy {
    return this.groupByValue;
  }
  get filters(): TaskFilters {
    return { ...this.filtersValue, statuses: [...this.filtersValue.statuses] };
  }
  get status(): TreeStatus {
    return this.statusValue;
  }
  get me(): string | undefined {
    return this.meValue;
  }
  /** When the groups were last loaded from HubSpot (not from the cache). */
  get loadedAt(): number | undefined {
    return this.lastLoadedAt;
  }

  groups(): GroupState[] {
    return [...this.states.values()];
  }

  group(id: GroupId): GroupState | undefined {
    return this.states.get(id);
  }

  ownerName(ownerId: string | undefined): string | undefined {
    return ownerId ? this.ownerNames.get(ownerId) : undefined;
  }

  findTask(id: string): Task | undefined {
    for (const state of this.states.values()) {
      const task = state.tasks.find((t) => t.id === id);
      if (task) {
        return task;
      }
    }
    return undefined;
  }

  setGroupBy(groupBy: GroupBy): Promise<void> {
    return this.setView({}, groupBy);
  }

  setFilters(change: Partial<TaskFilters>): Promise<void> {
    return this.setView(change);
  }

  /** Drop everything loaded; the next `ensureLoaded` asks HubSpot again. */
  invalidate(): void {
    this.generation++;
    this.rootLoad = undefined;
    this.states = new Map();
    this.changed.fire(undefined);
  }

  /**
   * Loads the first page of every group (ONE search each: the page also carries the group's
   * `total` for its label). Concurrent callers share one load.
   */
  ensureLoaded(): Promise<void> {
    this.rootLoad ??= this.loadRoot(this.generation);
    return this.rootLoad;
  }

  async refresh(): Promise<void> {
    this.invalidate();
    await this.ensureLoaded();
  }

  private async loadRoot(generation: number): Promise<void> {
    if (!this.options.isSignedIn()) {
      this.setStatus({ kind: 'signed-out' });
      return;
    }
    this.meValue = await this.options.me();
    if (generation !== this.generation) {
      return;
    }
    if (this.filtersValue.owner === 'mine' && !this.meValue) {
      this.setStatus({ kind: 'needs-me' });
      return;
    }
    this.useOwnersOf(this.options.accountKey?.());
    if (this.filtersValue.owner === 'all') {
      void this.loadOwnerNames(); // names show only when the tree lists everyone's tasks
    }
    const groups = groupsFor(this.groupByValue, this.now(), this.filtersValue, this.options.weekStartsOn?.());
    this.states = new Map(groups.map((group) => [group.id, emptyState(group)]));
    const [first, ...rest] = [...this.states.values()];
    // The first group alone: if HubSpot is unreachable, stop there instead of failing every group.
    const firstOutcome = await this.loadPage(first, generation);
    if (generation !== this.generation) {
      return;
    }
    if (firstOutcome === 'offline' || firstOutcome === 'rejected' || firstOutcome === 'failed') {
      return;
    }
    const outcomes = await Promise.all(rest.map((state) => this.loadPage(state, generation)));
    if (generation !== this.generation || outcomes.some((o) => o === 'offline' || o === 'rejected' || o === 'failed')) {
      return;
    }
    this.lastLoadedAt = this.now().getTime();
    this.setStatus({ kind: 'ready' });
    await this.saveCache();
  }

  /** The next page of one group: ONE search. No-op while a page is loading or at the end. */
  async loadMore(id: GroupId): Promise<void> {
    const state = this.states.get(id);
    if (!state || state.loading || state.cursor === undefined) {
      return;
    }
    await this.loadPage(state, this.generation);
    await this.saveCache();
  }

  private async loadPage(state: GroupState, generation: number): Promise<'ok' | 'offline' | 'rejected' | 'failed' | 'error' | 'empty'> {
    const pageSize = this.options.pageSize();
    const request = buildGroupSearch(state.group, this.filtersValue, this.meValue, { limit: pageSize, after: state.cursor });
    if (!request) {
      state.loaded = true;
      this.changed.fire(state);
      return 'empty';
    }
    state.loading = true;
    state.error = undefined;
    try {
      const page = await this.options.client.tasks.searchTasks(request);
      if (generation !== this.generation) {
        return 'ok';
      }
      const firstPage = state.cursor === undefined;
      const known = new Set(state.tasks.map((t) => t.id));
      let total = page.total;
      const incoming: Task[] = [];
      for (const task of page.items.map(parseTask)) {
        const written = this.overlay(task.id);
        if (written && !belongsTo(written, state.group, this.filtersValue, this.meValue)) {
          total--; // moved out of this group by a write search has not seen yet
          continue;
        }
        if (!known.has(task.id)) {
          known.add(task.id);
          incoming.push(written ?? task);
        }
      }
      if (firstPage && !this.filtersValue.record) {
        for (const written of this.overlayTasks()) {
          if (!known.has(written.id) && belongsTo(written, state.group, this.filtersValue, this.meValue)) {
            known.add(written.id);
            incoming.push(written);
            total++;
          }
        }
      }
      state.tasks = sortByDue([...state.tasks, ...incoming]);
      state.total = Math.max(total, state.tasks.length);
      state.offset += page.items.length;
      // HubSpot pages at most 10,000 results of one query (the client drops a cursor past it).
      state.capped = page.total > state.offset && (page.cursor === undefined || Number(page.cursor) >= SEARCH_RESULT_CAP) && state.offset >= SEARCH_RESULT_CAP;
      state.cursor = state.capped ? undefined : page.cursor;
      state.loaded = true;
      this.read.fire({ ids: incoming.map((task) => task.id) });
      return 'ok';
    } catch (error) {
      if (generation !== this.generation) {
        return 'ok';
      }
      return this.handleLoadError(state, error);
    } finally {
      state.loading = false;
      if (generation === this.generation) {
        this.changed.fire(state);
      }
    }
  }

  private handleLoadError(state: GroupState, error: unknown): 'offline' | 'rejected' | 'failed' | 'error' {
    if (isHubSpotError(error) && error.kind === 'authentication') {
      this.setStatus({ kind: 'rejected' });
      this.options.onAuthenticationError();
      return 'rejected';
    }
    if (isHubSpotError(error) && error.kind === 'missing-scopes') {
      this.options.logger.warn(`Loading tasks failed: ${error.message}`);
      this.setStatus({ kind: 'failed', message: error.message });
      return 'failed';
    }
    if (isHubSpotError(error) && error.kind === 'search-limit') {
      state.capped = true;
      return 'error';
    }
    if (isHubSpotError(error) && (error.kind === 'network' || error.kind === 'server' || error.kind === 'rate-limited')) {
      this.goOffline(error.message);
      return 'offline';
    }
    state.error = error instanceof Error ? error.message : String(error);
    this.options.logger.warn(`Loading tasks (${state.group.id}) failed: ${state.error}`);
    return 'error';
  }

  private goOffline(message: string): void {
    const cached = this.cache.read(this.cacheKey());
    this.options.logger.warn(`HubSpot unreachable, showing ${cached ? 'cached' : 'no'} tasks: ${message}`);
    const groups = groupsFor(this.groupByValue, this.now(), this.filtersValue, this.options.weekStartsOn?.());
    this.states = new Map(groups.map((group) => {
      const state = emptyState(group);
      const entry = cached?.groups.get(group.id);
      if (entry) {
        state.tasks = entry.tasks;
        state.total = entry.total;
      }
      state.loaded = true;
      return [group.id, state];
    }));
    this.setStatus({ kind: 'offline', savedAt: cached?.savedAt, message, failedAt: this.now().getTime() });
  }

  /**
   * Shows tasks the extension just created, updated or archived at once, in the group they now
   * belong to. Returns each task before (where one was known) and after (the status bar's delta).
   */
  applyWrites(apiTasks: ApiTask[]): TaskWrite[] {
    const writes: TaskWrite[] = [];
    const at = this.now().getTime();
    for (const apiTask of apiTasks) {
      const incoming = parseTask(apiTask);
      const before = this.recentWrites.get(incoming.id)?.task ?? this.findTask(incoming.id);
      // A write event may carry only the changed properties: keep what we knew for the rest.
      const task = before ? mergeTask(before, incoming, apiTask) : incoming;
      writes.push({ before, after: task });
      this.recentWrites.set(task.id, { task, at });
      for (const state of this.states.values()) {
        if (!state.loaded) {
          continue;
        }
        const index = state.tasks.findIndex((t) => t.id === task.id);
        const belongs = belongsTo(task, state.group, this.filtersValue, this.meValue);
        if (index >= 0 && !belongs) {
          state.tasks.splice(index, 1);
          state.total = Math.max(0, state.total - 1);
        } else if (index >= 0) {
          state.tasks[index] = task;
          state.tasks = sortByDue(state.tasks);
        } else if (belongs && !this.filtersValue.record) {
          // Under a record filter only tasks already shown stay: a write does not say which records it has.
          state.tasks = sortByDue([...state.tasks, task]);
          state.total++;
        } else {
          continue;
        }
        this.changed.fire(state);
      }
    }
    void this.saveCache();
    this.read.fire({ ids: writes.map((w) => w.after.id), written: true });
    return writes;
  }

  /**
   * Drops the local overrides of recent writes (another account signed in, or the account's data
   * was replaced): from now on only what HubSpot's search returns is shown.
   */
  forgetWrites(): void {
    this.recentWrites.clear();
  }

  private overlay(id: string): Task | undefined {
    this.pruneOverlay();
    return this.recentWrites.get(id)?.task;
  }

  private overlayTasks(): Task[] {
    this.pruneOverlay();
    return [...this.recentWrites.values()].map((w) => w.task);
  }

  private pruneOverlay(): void {
    const oldest = this.now().getTime() - (this.options.writeOverlayMs ?? 30_000);
    for (const [id, write] of this.recentWrites) {
      if (write.at < oldest) {
        this.recentWrites.delete(id);
      }
    }
  }

  /** Another account (sign-in, base URL): the owner names loaded so far are someone else's. */
  private useOwnersOf(account: string | undefined): void {
    if (account !== this.ownersAccount) {
      this.ownersAccount = account;
      this.ownersGeneration++;
      this.ownerNames = new Map();
      this.ownersLoad = undefined;
    }
  }

  private async loadOwnerNames(): Promise<void> {
    const generation = this.ownersGeneration;
    this.ownersLoad ??= (async () => {
      try {
        const owners = await this.options.client.owners.allOwners();
        if (generation !== this.ownersGeneration) {
          return; // the account changed while the names were loading
        }
        this.ownerNames = new Map(owners.map((o) => [o.id, ownerDisplayName(o)]));
        // Only task descriptions change: repaint the groups, not the whole tree (keeps scroll and focus).
        for (const state of this.states.values()) {
          this.changed.fire(state);
        }
      } catch (error) {
        if (generation === this.ownersGeneration) {
          this.ownersLoad = undefined; // try again on the next load
        }
        this.options.logger.debug(`Owner names unavailable: ${String(error)}`);
      }
    })();
    return this.ownersLoad;
  }

  private cacheKey(): string {
    return JSON.stringify([this.groupByValue, this.filtersValue, this.meValue ?? null]);
  }

  private async saveCache(): Promise<void> {
    if (this.statusValue.kind !== 'ready') {
      return;
    }
    const groups = new Map<string, CachedGroup>();
    for (const state of this.states.values()) {
      groups.set(state.group.id, { total: state.total, tasks: state.tasks });
    }
    try {
      await this.cache.write(this.cacheKey(), groups, this.lastLoadedAt ?? this.now().getTime());
    } catch (error) {
      this.options.logger.debug(`Saving the task cache failed: ${String(error)}`);
    }
  }

  private setStatus(status: TreeStatus): void {
    this.statusValue = status;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
    this.read.dispose();
  }
}

function emptyState(group: TaskGroup): GroupState {
  return { group, total: 0, tasks: [], loaded: false, loading: false, capped: false, offset: 0 };
}

function sortByDue(tasks: Task[]): Task[] {
  return tasks.sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity) || a.id.localeCompare(b.id));
}

/** `incoming` parsed from a partial write response: fill the properties it did not carry. */
function mergeTask(before: Task, incoming: Task, api: ApiTask): Task {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(api.properties ?? {}, name);
  const [subject, body, status, priority, type, timestamp, reminders, owner] = TASK_PROPERTIES;
  return {
    id: incoming.id,
    subject: has(subject) ? incoming.subject : before.subject,
    notesHtml: has(body) ? incoming.notesHtml : before.notesHtml,
    status: has(status) ? incoming.status : before.status,
    priority: has(priority) ? incoming.priority : before.priority,
    type: has(type) ? incoming.type : before.type,
    due: has(timestamp) ? incoming.due : before.due,
    reminder: has(reminders) ? incoming.reminder : before.reminder,
    ownerId: has(owner) ? incoming.ownerId : before.ownerId,
    archived: incoming.archived,
    updatedAt: incoming.updatedAt ?? before.updatedAt,
  };
}

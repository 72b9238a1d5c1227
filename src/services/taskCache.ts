// The last loaded tasks, kept (without any token: only task fields) so the tree can show them while
// HubSpot is unreachable. Keyed by what was asked, so a cache of other filters is never shown.
import type { Task } from '../tasks/task';
import type { KeyValueStore } from './events';

const CACHE_KEY = 'hubspotTasks.treeCache';
/** Bounds workspace state: the tree never shows more than this per group offline. */
const MAX_TASKS_PER_GROUP = 200;

export interface CachedGroup {
  total: number;
  tasks: Task[];
}

interface StoredTask extends Omit<Task, 'due' | 'reminder'> {
  due?: number;
  reminder?: number;
}

interface Stored {
  key: string;
  savedAt: number;
  groups: Record<string, { total: number; tasks: StoredTask[] }>;
}

export class TaskCache {
  constructor(private readonly store: KeyValueStore) {}

  read(key: string): { savedAt: number; groups: Map<string, CachedGroup> } | undefined {
    const stored = this.store.get<Stored>(CACHE_KEY);
    if (!stored || stored.key !== key || typeof stored.groups !== 'object') {
      return undefined;
    }
    const groups = new Map<string, CachedGroup>();
    for (const [id, group] of Object.entries(stored.groups)) {
      groups.set(id, { total: group.total, tasks: group.tasks.map(fromStored) });
    }
    return { savedAt: stored.savedAt, groups };
  }

  async write(key: string, groups: Map<string, CachedGroup>, savedAt: number): Promise<void> {
    const value: Stored = { key, savedAt, groups: {} };
    for (const [id, group] of groups) {
      value.groups[id] = { total: group.total, tasks: group.tasks.slice(0, MAX_TASKS_PER_GROUP).map(toStored) };
    }
    await this.store.update(CACHE_KEY, value);
  }
}

function toStored(task: Task): StoredTask {
  return { ...task, due: task.due?.getTime(), reminder: task.reminder?.getTime() };
}

function fromStored(task: StoredTask): Task {
  return {
    ...task,
    due: task.due === undefined ? undefined : new Date(task.due),
    reminder: task.reminder === undefined ? undefined : new Date(task.reminder),
  };
}

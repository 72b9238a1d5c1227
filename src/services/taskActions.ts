// Writes from the tree: one task → one update call; several → batch update, which the client sends
// as ONE request per 100 inputs. Every success is announced through `onWritten` (the container's
// `tasksChanged`), so the tree and status bar show it at once.
import type { BatchInputError, BatchOptions, HubSpotApi } from '../hubspot/api';
import type { ApiTask, Properties } from '../hubspot/types';
import { TaskProperty } from '../hubspot/types';
import { COMPLETED, NOT_STARTED, type Priority } from '../tasks/task';

export interface WriteOutcome {
  updated: ApiTask[];
  errors: BatchInputError[];
}

export class TaskActions {
  constructor(private readonly client: HubSpotApi, private readonly onWritten: (tasks: ApiTask[]) => void) {}

  complete(ids: string[], options?: BatchOptions): Promise<WriteOutcome> {
    return this.update(ids, { [TaskProperty.status]: COMPLETED }, options);
  }

  reopen(ids: string[], options?: BatchOptions): Promise<WriteOutcome> {
    return this.update(ids, { [TaskProperty.status]: NOT_STARTED }, options);
  }

  setPriority(ids: string[], priority: Priority, options?: BatchOptions): Promise<WriteOutcome> {
    // HubSpot clears a property with an empty string.
    return this.update(ids, { [TaskProperty.priority]: priority === 'NONE' ? '' : priority }, options);
  }

  setDueDate(ids: string[], due: Date, options?: BatchOptions): Promise<WriteOutcome> {
    return this.update(ids, { [TaskProperty.timestamp]: String(due.getTime()) }, options);
  }

  async update(ids: string[], properties: Properties, options?: BatchOptions): Promise<WriteOutcome> {
    if (ids.length === 0) {
      return { updated: [], errors: [] };
    }
    if (ids.length === 1) {
      const task = await this.client.tasks.updateTask(ids[0], properties);
      const updated = [withRequested(task, properties)];
      this.onWritten(updated);
      return { updated, errors: [] };
    }
    const result = await this.client.tasks.batchUpdateTasks(ids.map((id) => ({ id, properties })), options);
    const updated = result.results.map((task) => withRequested(task, properties));
    if (updated.length) {
      this.onWritten(updated);
    }
    return { updated, errors: result.errors };
  }

  /**
   * One task: one DELETE. Several: `batch/archive`, ONE request per 100 ids (HubSpot answers each with
   * 204 or fails it whole). A failed chunk does not stop the next ones; aborting stops before the next
   * chunk. Reports what was archived and the first failure.
   */
  async archive(ids: string[], options?: BatchOptions): Promise<{ archived: string[]; error?: unknown }> {
    if (ids.length === 0) {
      return { archived: [] };
    }
    if (ids.length === 1) {
      try {
        await this.client.tasks.archiveTask(ids[0]);
      } catch (error) {
        return { archived: [], error };
      }
      this.announceArchived(ids);
      options?.onProgress?.(1, 1);
      return { archived: ids };
    }
    const result = await this.client.tasks.batchArchiveTasks(ids, options);
    this.announceArchived(result.results);
    const failed = result.errors[0];
    return failed ? { archived: result.results, error: failed.cause ?? new Error(failed.message) } : { archived: result.results };
  }

  private announceArchived(ids: string[]): void {
    if (ids.length) {
      const now = new Date().toISOString();
      this.onWritten(ids.map((id) => ({ id, properties: {}, createdAt: now, updatedAt: now, archived: true })));
    }
  }
}

/** The response may omit properties it was not asked to return: the values we wrote are known. */
function withRequested(task: ApiTask, written: Properties): ApiTask {
  return { ...task, properties: { ...task.properties, ...written } };
}

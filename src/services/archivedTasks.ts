// The "Archived" list: `GET /tasks?archived=true`, paged with the list cursor (search cannot see
// archived tasks). Loaded only while the user shows it.
import type { HubSpotApi } from '../hubspot/api';
import { parseTask, TASK_PROPERTIES, type Task } from '../tasks/task';
import { Emitter } from './events';

const MAX_LIST_PAGE = 100;

export class ArchivedTasks {
  tasks: Task[] = [];
  cursor: string | undefined;
  loaded = false;
  loading = false;
  error: unknown;
  private generation = 0;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: HubSpotApi, private readonly pageSize: () => number) {}

  reset(): void {
    this.generation++;
    this.tasks = [];
    this.cursor = undefined;
    this.loaded = false;
    this.loading = false;
    this.error = undefined;
    this.changed.fire();
  }

  /** First page once; later calls reuse it. */
  async ensureLoaded(): Promise<void> {
    if (!this.loaded && !this.loading) {
      await this.loadPage();
    }
  }

  async loadMore(): Promise<void> {
    if (this.loaded && this.cursor !== undefined && !this.loading) {
      await this.loadPage();
    }
  }

  private async loadPage(): Promise<void> {
    const generation = this.generation;
    this.loading = true;
    this.error = undefined;
    try {
      const page = await this.client.tasks.listTasks({
        archived: true,
        limit: Math.min(this.pageSize(), MAX_LIST_PAGE),
        after: this.cursor,
        properties: [...TASK_PROPERTIES],
      });
      if (generation !== this.generation) {
        return;
      }
      const known = new Set(this.tasks.map((t) => t.id));
      this.tasks.push(...page.items.map(parseTask).filter((t) => !known.has(t.id)));
      this.cursor = page.cursor;
      this.loaded = true;
    } catch (error) {
      if (generation === this.generation) {
        this.error = error;
        this.loaded = true;
      }
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.changed.fire();
      }
    }
  }

  /** A task archived here shows in the list at once. */
  add(task: Task): void {
    if (this.loaded && !this.tasks.some((t) => t.id === task.id)) {
      this.tasks.unshift(task);
      this.changed.fire();
    }
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
  }
}

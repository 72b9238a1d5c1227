// The search index of tasks. HubSpot's search is eventually consistent: a write reaches search only
// after a delay. Each write is snapshotted when it happens and becomes visible `lagMs` later, so a
// search in between sees the previous version (or nothing, for a new task).
import { ColumnCache } from './searchColumns';
import { ASSOCIATED_TYPES, AssociatedType, Store, StoredObject } from './store';

export interface IndexedTask extends StoredObject {
  associations: Record<AssociatedType, string[]>;
  derived: Map<string, unknown>;
}

interface PendingWrite {
  visibleAt: number;
  doc: IndexedTask;
}

export class SearchIndex {
  private readonly docs = new Map<string, IndexedTask>();
  private pending: PendingWrite[] = [];
  /** The live docs in id order, until the next change: searches in a row do not rebuild the list. */
  private live: IndexedTask[] | undefined;
  /** Search columns of `live`: a new list (after any change) starts new columns from the snapshots' own. */
  readonly columns = new ColumnCache();

  constructor(private readonly store: Store, private readonly lagMs: () => number, private readonly now: () => number = Date.now) {
    store.onChange((type, id) => {
      if (type === 'tasks') {
        this.written(id);
      }
    });
    this.rebuild();
  }

  /** Everything visible at once (start, reset, load). */
  rebuild(): void {
    this.docs.clear();
    this.pending = [];
    this.live = undefined;
    for (const task of this.store.all('tasks')) {
      this.docs.set(task.id, this.snapshot(task));
    }
  }

  /** Live (not archived) tasks as search sees them now, in id order. */
  visible(): readonly IndexedTask[] {
    this.applyDue();
    if (!this.live) {
      const out: IndexedTask[] = [];
      for (const doc of this.docs.values()) {
        if (!doc.archived) {
          out.push(doc);
        }
      }
      this.live = out; // ids only grow and updates keep their place: Map order is id order
    }
    return this.live;
  }

  pendingCount(): number {
    this.applyDue();
    return this.pending.length;
  }

  private written(id: string): void {
    const task = this.store.get('tasks', id);
    if (!task) {
      return;
    }
    const lag = this.lagMs();
    const doc = this.snapshot(task);
    if (lag <= 0 && this.pending.length === 0) {
      this.docs.set(id, doc);
      this.live = undefined;
    } else {
      this.pending.push({ visibleAt: this.now() + Math.max(0, lag), doc });
    }
  }

  private applyDue(): void {
    if (this.pending.length === 0) {
      return;
    }
    const now = this.now();
    // Writes become visible in the order they were made (the lag may have changed in between).
    const due = this.pending.filter((p) => p.visibleAt <= now);
    if (due.length === 0) {
      return;
    }
    this.pending = this.pending.filter((p) => p.visibleAt > now);
    for (const p of due) {
      this.docs.set(p.doc.id, p.doc);
    }
    this.live = undefined;
  }

  private snapshot(task: StoredObject): IndexedTask {
    const associations = {} as Record<AssociatedType, string[]>;
    for (const t of ASSOCIATED_TYPES) {
      associations[t] = this.store.associations(task.id, t);
    }
    // A snapshot never changes (a write replaces it), so what searches derive from it can be kept on it.
    return { ...task, props: { ...task.props }, associations, derived: new Map() };
  }
}

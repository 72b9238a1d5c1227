// The account's records in memory: tasks, contacts, companies, deals, owners and task associations.
// Plain data (serialisable as is) plus the few mutations the API performs; every mutation is
// announced to listeners (persistence, search index).
import type { Owner } from '../src/hubspot/types';
import { CREATE_DATE_PROP, MODIFIED_DATE_PROP, OBJECT_TYPES, ObjectType } from './properties';

export interface StoredObject {
  id: string;
  /** Only set values; an unset property is absent (returned as null when requested). */
  props: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

export type AssociatedType = 'contacts' | 'companies' | 'deals';
export const ASSOCIATED_TYPES: readonly AssociatedType[] = ['contacts', 'companies', 'deals'];

/** The persisted form of an account. */
export interface AccountData {
  version: 1;
  nextId: Record<ObjectType, number>;
  owners: Owner[];
  objects: Record<ObjectType, StoredObject[]>;
  /** [taskId, toObjectType, toObjectId] */
  associations: [string, AssociatedType, string][];
}

export type ChangeListener = (objectType: ObjectType, id: string) => void;

export class Store {
  private readonly objects = new Map<ObjectType, Map<string, StoredObject>>();
  private readonly assoc = new Map<string, Record<AssociatedType, Set<string>>>();
  private owners: Owner[] = [];
  private nextId: Record<ObjectType, number> = { tasks: 1, contacts: 1, companies: 1, deals: 1 };
  private readonly listeners: ChangeListener[] = [];
  /** Records changed inside `change()`, announced when it ends. */
  private pendingChanges: Map<string, [ObjectType, string]> | undefined;

  constructor(data: AccountData) {
    this.load(data);
  }

  load(data: AccountData): void {
    this.objects.clear();
    this.assoc.clear();
    for (const type of OBJECT_TYPES) {
      this.objects.set(type, new Map((data.objects[type] ?? []).map((o) => [o.id, o])));
    }
    for (const [taskId, toType, toId] of data.associations) {
      this.assocOf(taskId)[toType].add(toId);
    }
    this.owners = data.owners;
    this.nextId = { ...data.nextId };
  }

  /** Ids issued so far, per type: a reset keeps counting from them (`continueIds`). */
  issuedIds(): Record<ObjectType, number> {
    return { ...this.nextId };
  }

  /**
   * HubSpot never gives an id out twice; a reset to the seed must not either: a task id from before the reset
   * may still be written in a workspace file (`TODO(HS-id)`) and would otherwise name a different new task.
   */
  continueIds(issued: Record<ObjectType, number>): void {
    for (const type of OBJECT_TYPES) {
      this.nextId[type] = Math.max(this.nextId[type], issued[type]);
    }
  }

  toData(): AccountData {
    const objects = {} as Record<ObjectType, StoredObject[]>;
    for (const type of OBJECT_TYPES) {
      objects[type] = [...this.map(type).values()];
    }
    const associations: AccountData['associations'] = [];
    for (const [taskId, byType] of this.assoc) {
      for (const toType of ASSOCIATED_TYPES) {
        for (const toId of byType[toType]) {
          associations.push([taskId, toType, toId]);
        }
      }
    }
    return { version: 1, nextId: { ...this.nextId }, owners: this.owners, objects, associations };
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Runs the mutations of one write (a task created with its associations) as one change: listeners
   * hear of each changed record once, when all of them are applied, so the search index snapshots a
   * new task once instead of once per association. What was applied is announced even on a throw.
   */
  change<T>(mutate: () => T): T {
    if (this.pendingChanges) {
      return mutate();
    }
    const changed = new Map<string, [ObjectType, string]>();
    this.pendingChanges = changed;
    try {
      return mutate();
    } finally {
      this.pendingChanges = undefined;
      for (const [type, id] of changed.values()) {
        this.emit(type, id);
      }
    }
  }

  /** All records of a type in id order (ids only grow, so insertion order is id order). */
  all(type: ObjectType): IterableIterator<StoredObject> {
    return this.map(type).values();
  }

  get(type: ObjectType, id: string): StoredObject | undefined {
    return this.map(type).get(id);
  }

  /** A live record (not archived). */
  live(type: ObjectType, id: string): StoredObject | undefined {
    const obj = this.get(type, id);
    return obj && !obj.archived ? obj : undefined;
  }

  count(type: ObjectType, archived: boolean): number {
    let n = 0;
    for (const o of this.all(type)) {
      if (o.archived === archived) {
        n++;
      }
    }
    return n;
  }

  create(type: ObjectType, values: Record<string, string | null>, now: number): StoredObject {
    const id = String(this.nextId[type]++);
    const iso = new Date(now).toISOString();
    const props: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v !== null) {
        props[k] = v;
      }
    }
    props[CREATE_DATE_PROP[type]] = iso;
    props[MODIFIED_DATE_PROP[type]] = iso;
    props.hs_object_id = id;
    const obj: StoredObject = { id, props, createdAt: now, updatedAt: now, archived: false };
    derive(type, obj, undefined, now);
    this.map(type).set(id, obj);
    this.emit(type, id);
    return obj;
  }

  update(type: ObjectType, obj: StoredObject, values: Record<string, string | null>, now: number): void {
    const before = obj.props[statusProp];
    for (const [k, v] of Object.entries(values)) {
      if (v === null) {
        delete obj.props[k];
      } else {
        obj.props[k] = v;
      }
    }
    obj.updatedAt = Math.max(now, obj.updatedAt + 1);
    obj.props[MODIFIED_DATE_PROP[type]] = new Date(obj.updatedAt).toISOString();
    derive(type, obj, before, obj.updatedAt);
    this.emit(type, obj.id);
  }

  archive(type: ObjectType, obj: StoredObject, now: number): void {
    obj.archived = true;
    obj.archivedAt = now;
    this.emit(type, obj.id);
  }

  associations(taskId: string, toType: AssociatedType): string[] {
    return [...(this.assoc.get(taskId)?.[toType] ?? [])];
  }

  associate(taskId: string, toType: AssociatedType, toId: string): void {
    this.assocOf(taskId)[toType].add(toId);
    this.emit('tasks', taskId);
  }

  dissociate(taskId: string, toType: AssociatedType, toId: string): boolean {
    const removed = this.assoc.get(taskId)?.[toType].delete(toId) ?? false;
    if (removed) {
      this.emit('tasks', taskId);
    }
    return removed;
  }

  associationCount(): number {
    let n = 0;
    for (const byType of this.assoc.values()) {
      for (const t of ASSOCIATED_TYPES) {
        n += byType[t].size;
      }
    }
    return n;
  }

  allOwners(): Owner[] {
    return this.owners;
  }

  ownerExists(id: string): boolean {
    return this.owners.some((o) => o.id === id);
  }

  private assocOf(taskId: string): Record<AssociatedType, Set<string>> {
    let byType = this.assoc.get(taskId);
    if (!byType) {
      byType = { contacts: new Set(), companies: new Set(), deals: new Set() };
      this.assoc.set(taskId, byType);
    }
    return byType;
  }

  private map(type: ObjectType): Map<string, StoredObject> {
    return this.objects.get(type) as Map<string, StoredObject>;
  }

  private emit(type: ObjectType, id: string): void {
    if (this.pendingChanges) {
      this.pendingChanges.set(`${type}:${id}`, [type, id]);
      return;
    }
    for (const l of this.listeners) {
      l(type, id);
    }
  }
}

const statusProp = 'hs_task_status';

/** Server-derived task values: HubSpot stamps the completion date when a task becomes COMPLETED. */
function derive(type: ObjectType, obj: StoredObject, statusBefore: string | undefined, now: number): void {
  if (type !== 'tasks') {
    return;
  }
  const status = obj.props[statusProp];
  if (status === 'COMPLETED' && statusBefore !== 'COMPLETED') {
    obj.props.hs_task_completion_date = new Date(now).toISOString();
  } else if (status !== 'COMPLETED') {
    delete obj.props.hs_task_completion_date;
  }
}

export function emptyAccount(): AccountData {
  return {
    version: 1,
    nextId: { tasks: 1, contacts: 1, companies: 1, deals: 1 },
    owners: [],
    objects: { tasks: [], contacts: [], companies: [], deals: [] },
    associations: [],
  };
}

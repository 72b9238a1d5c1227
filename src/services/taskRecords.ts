// The contacts, companies and deals around the tasks the tree shows, read per loaded page and never
// per task: ONE associations batch read per object type for the page's tasks, then ONE batch read per
// type for the names of the records not named yet. Names are cached per account (a tree shows the same
// companies page after page); a task's associations are kept until the tree is refreshed, and read for tasks
// written only when new (a task created here); a refresh reads them all again, e.g. after the editor
// changed a task's records. No editor dependency: the tree reads it synchronously.
import type { HubSpotApi } from '../hubspot/api';
import type { ApiObject, AssociatedObjectType } from '../hubspot/types';
import type { RecordRef } from '../tasks/filters';
import type { Logger } from '../util/logger';
import { Emitter } from './events';

/** The order a task's records are listed in: the first one is its primary record. */
export const RECORD_TYPES: readonly AssociatedObjectType[] = ['companies', 'deals', 'contacts'];

/** The properties that name a record (FACTS.md), read by the names' batch read. */
const NAME_PROPERTIES: Record<AssociatedObjectType, string[]> = {
  companies: ['name', 'domain'],
  deals: ['dealname'],
  contacts: ['firstname', 'lastname', 'email'],
};

export type RecordsClient = Pick<HubSpotApi, 'crm'> & { tasks: Pick<HubSpotApi['tasks'], 'batchReadTaskAssociations'> };

type Key = `${AssociatedObjectType}:${string}`;

export class TaskRecords {
  /** Record name by `type:id`, for the account in `account`. */
  private names = new Map<Key, string>();
  /** Each read task's records, in RECORD_TYPES order. */
  private links = new Map<string, Key[]>();
  private reading = new Set<string>();
  private account: string | undefined;
  /** Counts account changes and resets: an answer for an older generation is dropped. */
  private generation = 0;
  private readonly changed = new Emitter<string[]>();
  /** The ids of tasks whose records became known. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: () => RecordsClient,
    private readonly accountKey: () => string | undefined,
    private readonly log: Pick<Logger, 'debug'>,
  ) {}

  /** Named records of a task, primary first; undefined until its page's reads answered. */
  recordsOf(taskId: string): RecordRef[] | undefined {
    return this.links.get(taskId)?.map((key) => this.ref(key));
  }

  /** Company, else deal, else contact. */
  primary(taskId: string): RecordRef | undefined {
    const first = this.links.get(taskId)?.[0];
    return first && this.ref(first);
  }

  /** Every record named so far (the record filter's first choices), by name. */
  known(): RecordRef[] {
    return [...this.names.keys()].map((key) => this.ref(key)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The tree was refreshed: associations are read again with the next pages (names stay). */
  reset(): void {
    this.generation++;
    this.links.clear();
    this.reading.clear();
  }

  /** Reads are under way (tests wait for them to end before counting requests). */
  get busy(): boolean {
    return this.reading.size > 0;
  }

  /**
   * Reads the records of the tasks not read yet: one associations request per type (the client splits
   * past 100 tasks), then one names request per type for the records without a name. Failures are
   * logged and leave the tasks unread (the next page or refresh tries again); the tree shows no record.
   */
  async load(taskIds: string[]): Promise<void> {
    this.useAccount(this.accountKey());
    const ids = [...new Set(taskIds)].filter((id) => !this.links.has(id) && !this.reading.has(id));
    if (ids.length === 0) {
      return;
    }
    const generation = this.generation;
    ids.forEach((id) => this.reading.add(id));
    try {
      const client = this.client();
      const perType = await Promise.all(RECORD_TYPES.map((type) => client.tasks.batchReadTaskAssociations(ids, type)));
      if (generation !== this.generation) {
        return;
      }
      const unnamed = new Map<AssociatedObjectType, Set<string>>();
      const links = new Map<string, Key[]>(ids.map((id) => [id, []]));
      RECORD_TYPES.forEach((type, i) => {
        for (const [taskId, recordIds] of perType[i]) {
          for (const recordId of recordIds) {
            const key: Key = `${type}:${recordId}`;
            links.get(taskId)?.push(key);
            if (!this.names.has(key)) {
              unnamed.set(type, (unnamed.get(type) ?? new Set()).add(recordId));
            }
          }
        }
      });
      const read = await Promise.all([...unnamed].map(async ([type, recordIds]) => [type, await client.crm.readObjects(type, [...recordIds], NAME_PROPERTIES[type])] as const));
      if (generation !== this.generation) {
        return;
      }
      for (const [type, objects] of read) {
        for (const object of objects) {
          this.names.set(`${type}:${object.id}`, recordName(type, object));
        }
        // Not returned (deleted, no access): named by id, and not asked for again.
        for (const id of unnamed.get(type) ?? []) {
          if (!this.names.has(`${type}:${id}`)) {
            this.names.set(`${type}:${id}`, `#${id}`);
          }
        }
      }
      for (const [taskId, keys] of links) {
        this.links.set(taskId, keys);
      }
      this.changed.fire(ids);
    } catch (error) {
      this.log.debug(`Associated records of ${ids.length} task(s) unavailable: ${String(error)}`);
    } finally {
      if (generation === this.generation) {
        ids.forEach((id) => this.reading.delete(id));
      }
    }
  }

  private useAccount(account: string | undefined): void {
    if (account !== this.account) {
      this.account = account;
      this.names = new Map();
      this.reset();
    }
  }

  private ref(key: Key): RecordRef {
    const at = key.indexOf(':');
    const id = key.slice(at + 1);
    // A record HubSpot did not return (deleted, no access) keeps its id as its name.
    return { type: key.slice(0, at) as AssociatedObjectType, id, name: this.names.get(key) ?? `#${id}` };
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
  }
}

/** Company: name, else domain; deal: its name; contact: first and last name, else email. Else the id. */
export function recordName(type: AssociatedObjectType, object: ApiObject): string {
  const p = object.properties ?? {};
  const clean = (value: string | null | undefined) => (value ?? '').trim();
  const name = type === 'companies'
    ? clean(p.name) || clean(p.domain)
    : type === 'deals'
      ? clean(p.dealname)
      : [clean(p.firstname), clean(p.lastname)].filter(Boolean).join(' ') || clean(p.email);
  return name || `#${object.id}`;
}

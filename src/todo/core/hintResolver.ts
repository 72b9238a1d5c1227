// Turns `@contact:ann@example.com`, `@company:acme.com`, `@deal:42` into CRM record ids. Ids are checked
// with one batch read per object type, anything else with a CRM search (cached per run, so 100 TODOs
// naming the same company cost one search). What cannot be resolved is reported, never dropped silently.
import type { HubSpotApi } from '../../hubspot/api';
import { TASK_ASSOCIATION_TYPE_IDS, type AssociatedObjectType, type InlineAssociation } from '../../hubspot/types';
import type { AssociationHint, AssociationHintKind } from './hints';

const OBJECT_TYPE: Record<AssociationHintKind, AssociatedObjectType> = { contact: 'contacts', company: 'companies', deal: 'deals' };

export interface Resolution {
  associations: InlineAssociation[];
  /** Human-readable problems, e.g. `@contact:bob@x.com: no contact found`. */
  unresolved: string[];
}

/** Parses default associations from the setting: `contact:123`, `company:acme.com`, `@deal:7`. */
export function parseDefaultAssociations(values: readonly string[]): AssociationHint[] {
  const out: AssociationHint[] = [];
  for (const value of values) {
    const match = /^@?(contact|company|deal):(.+)$/i.exec(value.trim());
    if (match) {
      out.push({ kind: match[1].toLowerCase() as AssociationHintKind, value: match[2].trim() });
    }
  }
  return out;
}

const KIND_OF = Object.fromEntries(Object.entries(OBJECT_TYPE).map(([kind, type]) => [type, kind])) as Record<AssociatedObjectType, AssociationHintKind>;
const NUMERIC_ID = /^\d+$/;

export class HintResolver {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  /** What the settled look-ups gave: resolving thousands of TODOs naming the same records awaits nothing. */
  private readonly settled = new Map<string, string | undefined>();
  /** One association object per record, shared by every TODO naming it (plain data, never mutated). */
  private readonly associationOf = new Map<string, InlineAssociation>();

  constructor(private readonly api: HubSpotApi) {}

  /** Resolves all hints of many TODOs up front: ids are verified in one batch read per type. */
  async prefetch(hints: readonly AssociationHint[]): Promise<void> {
    // A set per type: a list copied for every hint made this quadratic (52–126 ms for N = 5,000 TODOs).
    const idsByType = new Map<AssociatedObjectType, Set<string>>();
    for (const hint of hints) {
      if (!NUMERIC_ID.test(hint.value) || this.cache.has(cacheKey(hint))) {
        continue;
      }
      const type = OBJECT_TYPE[hint.kind];
      let ids = idsByType.get(type);
      if (!ids) {
        idsByType.set(type, (ids = new Set()));
      }
      ids.add(hint.value);
    }
    await Promise.all([...idsByType].map(async ([type, ids]) => {
      const existing = this.api.crm.readObjects(type, [...ids], []).then((objects) => new Set(objects.map((o) => o.id)));
      const kind = KIND_OF[type];
      for (const id of ids) {
        void this.remember(cacheKey({ kind, value: id }), existing.then((set) => (set.has(id) ? id : undefined), () => undefined));
      }
      await existing.catch(() => undefined);
    }));
  }

  async resolve(hints: readonly AssociationHint[]): Promise<Resolution> {
    const associations: InlineAssociation[] = [];
    const unresolved: string[] = [];
    const seen = new Set<string>();
    for (const hint of hints) {
      const key = cacheKey(hint);
      const id = this.settled.has(key) ? this.settled.get(key) : await this.lookup(key, hint);
      const type = OBJECT_TYPE[hint.kind];
      if (!id) {
        unresolved.push(`@${hint.kind}:${hint.value}: no ${hint.kind} found`);
        continue;
      }
      const record = `${type}:${id}`;
      if (seen.has(record)) {
        continue;
      }
      seen.add(record);
      let association = this.associationOf.get(record);
      if (!association) {
        association = { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION_TYPE_IDS[type] }] };
        this.associationOf.set(record, association);
      }
      associations.push(association);
    }
    return { associations, unresolved };
  }

  private lookup(key: string, hint: AssociationHint): Promise<string | undefined> {
    return this.cache.get(key) ?? this.remember(key, this.search(hint));
  }

  private remember(key: string, pending: Promise<string | undefined>): Promise<string | undefined> {
    this.cache.set(key, pending);
    void pending.then((id) => this.settled.set(key, id), () => undefined);
    return pending;
  }

  private async search(hint: AssociationHint): Promise<string | undefined> {
    const type = OBJECT_TYPE[hint.kind];
    if (NUMERIC_ID.test(hint.value)) {
      const objects = await this.api.crm.readObjects(type, [hint.value], []).catch(() => []);
      return objects.some((o) => o.id === hint.value) ? hint.value : undefined;
    }
    try {
      const page = await this.api.crm.searchObjects(type, hint.value, { limit: 10 });
      const wanted = hint.value.toLowerCase();
      // Prefer an exact email / domain / name match over the first hit of a free-text search.
      const exact = page.items.find((o) => Object.values(o.properties).some((v) => (v ?? '').toLowerCase() === wanted));
      return (exact ?? (page.items.length === 1 ? page.items[0] : undefined))?.id;
    } catch {
      return undefined;
    }
  }
}

function cacheKey(hint: AssociationHint): string {
  return `${hint.kind}:${hint.value.toLowerCase()}`;
}

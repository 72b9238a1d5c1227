// What a search compares: each record's values of a property as keys (numbers for dates and
// numbers, lower-cased text otherwise), computed column by column for a whole record list. The
// search index's lists and snapshots never change (a write makes new ones), so it keeps the columns
// between searches: a search over 10,000 tasks then parses no date and lower-cases no text.
import { ObjectType, parseDateTime, propType, QUERY_FIELDS } from './properties';

export type Key = number | string;

/** A property's keys on one record: none, one, or (an association) a list. */
export type KeyCell = Key | readonly Key[] | undefined;

/** A column: record i's value. */
export type Column<V> = (i: number) => V;

export interface SearchRecord {
  id: string;
  props: Record<string, string>;
  associations?: Record<string, string[]>;
  /**
   * Only on records that never change once built (the index's snapshots): the values searches
   * derived from this record, by column name, so that after a write only the new snapshot is
   * parsed again. Records mutated in place (the store's contacts, companies, deals) have none.
   */
  derived?: Map<string, unknown>;
}

/** `associations.contact` → the task's associated contacts (the singular, as HubSpot spells it). */
const ASSOCIATION_FILTERS: Record<string, string> = {
  'associations.contact': 'contacts',
  'associations.company': 'companies',
  'associations.deal': 'deals',
};

/** Keeps the columns of one unchanging record list (a new list drops them). */
export class ColumnCache {
  private list: readonly SearchRecord[] | undefined;
  private readonly columns = new Map<string, readonly unknown[]>();

  column<V>(records: readonly SearchRecord[], name: string, compute: (record: SearchRecord) => V): readonly V[] {
    if (records !== this.list) {
      this.list = records;
      this.columns.clear();
    }
    let col = this.columns.get(name) as readonly V[] | undefined;
    if (!col) {
      col = records.map((r) => derived(r, name, compute));
      this.columns.set(name, col);
    }
    return col;
  }
}

function derived<V>(record: SearchRecord, name: string, compute: (record: SearchRecord) => V): V {
  const kept = record.derived;
  if (!kept) {
    return compute(record);
  }
  if (kept.has(name)) {
    return kept.get(name) as V;
  }
  const v = compute(record);
  kept.set(name, v);
  return v;
}

/** The columns one search reads, from the cache when the records have one. */
export class Columns {
  constructor(
    private readonly objectType: ObjectType,
    private readonly records: readonly SearchRecord[],
    private readonly cache?: ColumnCache,
  ) {}

  /** The key function of a property: its type is looked up once. */
  keyer(propertyName: string): (value: string) => Key {
    const type = ASSOCIATION_FILTERS[propertyName] ? 'number' : propType(this.objectType, propertyName);
    return (value) => keyOf(type, value);
  }

  keys(propertyName: string): Column<KeyCell> {
    const keyer = this.keyer(propertyName);
    const isAssociation = ASSOCIATION_FILTERS[propertyName] !== undefined;
    return this.column(`k:${propertyName}`, (r): KeyCell => {
      const values = this.values(r, propertyName);
      return isAssociation ? values.map(keyer) : values.length === 0 ? undefined : keyer(values[0]);
    });
  }

  /** Token sets of the values (CONTAINS_TOKEN without a wildcard). */
  tokenSets(propertyName: string): Column<readonly ReadonlySet<string>[]> {
    return this.column(`t:${propertyName}`, (r) => this.values(r, propertyName).map((v) => new Set(tokens(v))));
  }

  /** The words `query` matches against: the tokens of the type's default text fields. */
  queryWords(): Column<readonly string[]> {
    return this.column('q', (r) => QUERY_FIELDS[this.objectType].flatMap((p) => tokens(r.props[p] ?? '')));
  }

  values(record: SearchRecord, propertyName: string): string[] {
    const assocType = ASSOCIATION_FILTERS[propertyName];
    if (assocType) {
      return this.objectType === 'tasks' ? record.associations?.[assocType] ?? [] : [];
    }
    const v = propertyName === 'hs_object_id' ? record.id : record.props[propertyName];
    return v === undefined || v === '' ? [] : [v];
  }

  /** Record numbers as ids, for sort ties. */
  ids(): Column<number> {
    return this.column('id', (r) => Number(r.id));
  }

  private column<V>(name: string, compute: (record: SearchRecord) => V): Column<V> {
    if (this.cache) {
      const values = this.cache.column(this.records, name, compute);
      return (i) => values[i];
    }
    // Nothing kept: compute only for the records a search reaches (filters stop at the first miss).
    const values: V[] = new Array(this.records.length);
    const done = new Uint8Array(this.records.length);
    return (i) => {
      if (!done[i]) {
        values[i] = compute(this.records[i]);
        done[i] = 1;
      }
      return values[i];
    };
  }
}

/** True when some key of the cell passes. */
export function someKey(cell: KeyCell, pass: (k: Key) => boolean): boolean {
  if (cell === undefined) {
    return false;
  }
  return typeof cell === 'object' ? cell.some(pass) : pass(cell);
}

export function firstKey(cell: KeyCell): Key | undefined {
  return typeof cell === 'object' ? cell[0] : cell;
}

export function keyCount(cell: KeyCell): number {
  return cell === undefined ? 0 : typeof cell === 'object' ? cell.length : 1;
}

/** A comparable key: numbers for numeric and date properties, lower-cased text otherwise. */
function keyOf(type: string | undefined, value: string): Key {
  if (type === 'datetime') {
    const ms = parseDateTime(value);
    return ms ?? value.toLowerCase();
  }
  if (type === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value.toLowerCase();
  }
  return value.toLowerCase();
}

export function compare(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `compare(a, b) === 0`, without converting keys of the same type. */
export function equal(a: Key, b: Key): boolean {
  return typeof a === typeof b ? a === b : String(a) === String(b);
}

export function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
}

// CRM search semantics: filter groups (OR) of filters (AND), the 13 operators, one sort, `query`
// text, offset paging with HubSpot's limits (limit ≤ 200, 5 groups, 6 filters per group, 18 filters,
// at most 10,000 results reachable).
import type { FilterOperator } from '../src/hubspot/types';
import { FILTER_OPERATORS } from '../src/hubspot/types';
import { validationError } from './errors';
import { ObjectType, parseDateTime, propType, QUERY_FIELDS } from './properties';

export const SEARCH_LIMITS = { maxLimit: 200, maxGroups: 5, maxFiltersPerGroup: 6, maxFilters: 18, maxResults: 10_000 } as const;

export interface SearchRecord {
  id: string;
  props: Record<string, string>;
  associations?: Record<string, string[]>;
}

export interface SearchOutcome<T extends SearchRecord> {
  total: number;
  results: T[];
  /** Offset of the next page, when there are more results. */
  nextAfter?: number;
}

interface ParsedFilter {
  propertyName: string;
  operator: FilterOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}

interface ParsedSort {
  propertyName: string;
  descending: boolean;
}

/** `associations.contact` → the task's associated contacts (the singular, as HubSpot spells it). */
const ASSOCIATION_FILTERS: Record<string, string> = {
  'associations.contact': 'contacts',
  'associations.company': 'companies',
  'associations.deal': 'deals',
};

export function search<T extends SearchRecord>(objectType: ObjectType, records: T[], body: unknown): SearchOutcome<T> {
  const request = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const groups = parseGroups(request.filterGroups);
  const sort = parseSort(request.sorts);
  const limit = parseLimit(request.limit);
  const after = parseAfter(request.after);
  const queryTokens = typeof request.query === 'string' ? tokens(request.query) : [];

  const matched = records.filter((r) =>
    (groups.length === 0 || groups.some((g) => g.every((f) => matches(objectType, r, f))))
    && (queryTokens.length === 0 || matchesQuery(objectType, r, queryTokens)));
  if (sort) {
    sortRecords(objectType, matched, sort);
  }
  const end = Math.min(after + limit, SEARCH_LIMITS.maxResults, matched.length);
  const results = matched.slice(after, Math.max(after, end));
  const next = after + limit;
  return { total: matched.length, results, nextAfter: next < matched.length ? next : undefined };
}

function parseGroups(raw: unknown): ParsedFilter[][] {
  if (raw === undefined || raw === null) {
    return [];
  }
  if (!Array.isArray(raw)) {
    throw invalidJson('filterGroups must be an array');
  }
  if (raw.length > SEARCH_LIMITS.maxGroups) {
    throw validationError(`Too many filter groups: ${raw.length}. The maximum number of filter groups is ${SEARCH_LIMITS.maxGroups}.`, {
      errors: [{ message: `filterGroups may contain at most ${SEARCH_LIMITS.maxGroups} groups`, code: 'TOO_MANY_FILTER_GROUPS', context: { filterGroups: [String(raw.length)] } }],
    });
  }
  let total = 0;
  const groups = raw.map((group: unknown) => {
    const filters = (group as { filters?: unknown })?.filters;
    if (!Array.isArray(filters)) {
      throw invalidJson('each filter group needs a filters array');
    }
    if (filters.length > SEARCH_LIMITS.maxFiltersPerGroup) {
      throw validationError(`Too many filters in a filter group: ${filters.length}. The maximum number of filters per group is ${SEARCH_LIMITS.maxFiltersPerGroup}.`, {
        errors: [{ message: `a filter group may contain at most ${SEARCH_LIMITS.maxFiltersPerGroup} filters`, code: 'TOO_MANY_FILTERS', context: { filters: [String(filters.length)] } }],
      });
    }
    total += filters.length;
    return filters.map(parseFilter);
  });
  if (total > SEARCH_LIMITS.maxFilters) {
    throw validationError(`Too many filters: ${total}. The maximum number of filters across all filter groups is ${SEARCH_LIMITS.maxFilters}.`, {
      errors: [{ message: `at most ${SEARCH_LIMITS.maxFilters} filters in all`, code: 'TOO_MANY_FILTERS', context: { filters: [String(total)] } }],
    });
  }
  return groups;
}

function parseFilter(raw: unknown): ParsedFilter {
  const f = (raw ?? {}) as Record<string, unknown>;
  const operator = f.operator as FilterOperator;
  if (!FILTER_OPERATORS.includes(operator)) {
    throw invalidJson(`Cannot deserialize value of type \`FilterOperatorEnum\` from String ${JSON.stringify(f.operator ?? null)}: not one of the values accepted for Enum class: [${FILTER_OPERATORS.join(', ')}]`);
  }
  if (typeof f.propertyName !== 'string' || f.propertyName === '') {
    throw invalidJson('Cannot construct instance of `Filter`, problem: propertyName is required');
  }
  const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
  const filter: ParsedFilter = { propertyName: f.propertyName, operator, value: str(f.value), highValue: str(f.highValue) };
  if (Array.isArray(f.values)) {
    filter.values = f.values.map(String);
  }
  const needsValue = ['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'];
  if (needsValue.includes(operator) && filter.value === undefined) {
    throw invalidJson(`Cannot construct instance of \`Filter\`, problem: operator ${operator} requires a value`);
  }
  if (operator === 'BETWEEN' && filter.highValue === undefined) {
    throw invalidJson('Cannot construct instance of `Filter`, problem: operator BETWEEN requires a highValue');
  }
  if ((operator === 'IN' || operator === 'NOT_IN') && !filter.values) {
    throw invalidJson(`Cannot construct instance of \`Filter\`, problem: operator ${operator} requires values`);
  }
  return filter;
}

function parseSort(raw: unknown): ParsedSort | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (!Array.isArray(raw)) {
    throw invalidJson('sorts must be an array');
  }
  if (raw.length > 1) {
    throw validationError(`Too many sorts: ${raw.length}. Only one sort is allowed.`, {
      errors: [{ message: 'at most one sort', code: 'TOO_MANY_SORTS', context: { sorts: [String(raw.length)] } }],
    });
  }
  if (raw.length === 0) {
    return undefined;
  }
  const s = raw[0] as unknown;
  // HubSpot also takes a bare property name, "-name" for descending.
  if (typeof s === 'string') {
    return s.startsWith('-') ? { propertyName: s.slice(1), descending: true } : { propertyName: s, descending: false };
  }
  const o = (s ?? {}) as Record<string, unknown>;
  if (typeof o.propertyName !== 'string') {
    throw invalidJson('Cannot construct instance of `Sort`, problem: propertyName is required');
  }
  if (o.direction !== undefined && o.direction !== 'ASCENDING' && o.direction !== 'DESCENDING') {
    throw invalidJson(`Cannot deserialize value of type \`Direction\` from String ${JSON.stringify(o.direction)}: not one of the values accepted for Enum class: [ASCENDING, DESCENDING]`);
  }
  return { propertyName: o.propertyName, descending: o.direction === 'DESCENDING' };
}

function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === null) {
    return 10;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw validationError(`limit must be a non-negative integer, got ${JSON.stringify(raw)}`);
  }
  if (n > SEARCH_LIMITS.maxLimit) {
    throw validationError(`The limit must be less than or equal to ${SEARCH_LIMITS.maxLimit}. Requested limit: ${n}.`, {
      errors: [{ message: `limit must be at most ${SEARCH_LIMITS.maxLimit}`, code: 'INVALID_LIMIT', context: { limit: [String(n)] } }],
    });
  }
  return n;
}

function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') {
    return 0;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw validationError(`Invalid after value: ${JSON.stringify(raw)}`);
  }
  if (n >= SEARCH_LIMITS.maxResults) {
    throw validationError(`Cannot page beyond ${SEARCH_LIMITS.maxResults} results. Narrow the search with filters instead.`, {
      subCategory: 'SEARCH_RESULT_LIMIT_EXCEEDED',
      errors: [{ message: `after must be less than ${SEARCH_LIMITS.maxResults}`, code: 'PAGING_LIMIT_EXCEEDED', context: { after: [String(n)] } }],
    });
  }
  return n;
}

function invalidJson(problem: string) {
  return validationError(`Invalid input JSON on line 1, column 1: ${problem}`);
}

function valuesOf(objectType: ObjectType, record: SearchRecord, propertyName: string): string[] {
  const assocType = ASSOCIATION_FILTERS[propertyName];
  if (assocType) {
    return objectType === 'tasks' ? record.associations?.[assocType] ?? [] : [];
  }
  const v = propertyName === 'hs_object_id' ? record.id : record.props[propertyName];
  return v === undefined || v === '' ? [] : [v];
}

/** A comparable key: numbers for numeric and date properties, lower-cased text otherwise. */
function key(objectType: ObjectType, propertyName: string, value: string): number | string {
  const type = ASSOCIATION_FILTERS[propertyName] ? 'number' : propType(objectType, propertyName);
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

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function matches(objectType: ObjectType, record: SearchRecord, f: ParsedFilter): boolean {
  const values = valuesOf(objectType, record, f.propertyName);
  const k = (v: string) => key(objectType, f.propertyName, v);
  const cmp = (v: string, target: string) => compare(k(v), k(target));
  switch (f.operator) {
    case 'EQ': return values.some((v) => cmp(v, f.value as string) === 0);
    case 'NEQ': return !values.some((v) => cmp(v, f.value as string) === 0);
    case 'LT': return values.some((v) => cmp(v, f.value as string) < 0);
    case 'LTE': return values.some((v) => cmp(v, f.value as string) <= 0);
    case 'GT': return values.some((v) => cmp(v, f.value as string) > 0);
    case 'GTE': return values.some((v) => cmp(v, f.value as string) >= 0);
    case 'BETWEEN': return values.some((v) => cmp(v, f.value as string) >= 0 && cmp(v, f.highValue as string) <= 0);
    case 'IN': return values.some((v) => (f.values ?? []).some((x) => cmp(v, x) === 0));
    case 'NOT_IN': return !values.some((v) => (f.values ?? []).some((x) => cmp(v, x) === 0));
    case 'HAS_PROPERTY': return values.length > 0;
    case 'NOT_HAS_PROPERTY': return values.length === 0;
    case 'CONTAINS_TOKEN': return values.some((v) => containsToken(v, f.value as string));
    case 'NOT_CONTAINS_TOKEN': return !values.some((v) => containsToken(v, f.value as string));
  }
}

export function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
}

/** Whole-token match; `*` is a wildcard (e.g. `*@example.com`), matched against the value, its words and its tokens. */
function containsToken(value: string, token: string): boolean {
  const wanted = token.trim().toLowerCase();
  if (wanted.includes('*')) {
    const re = new RegExp(`^${wanted.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u');
    const lower = value.toLowerCase();
    return re.test(lower) || lower.split(/\s+/).some((w) => re.test(w)) || tokens(value).some((t) => re.test(t));
  }
  const have = new Set(tokens(value));
  const need = tokens(wanted);
  return need.length > 0 && need.every((t) => have.has(t));
}

/** Every word of the query must start a word of one of the type's default text fields. */
function matchesQuery(objectType: ObjectType, record: SearchRecord, queryTokens: string[]): boolean {
  const words = QUERY_FIELDS[objectType].flatMap((p) => tokens(record.props[p] ?? ''));
  return queryTokens.every((q) => words.some((w) => w.startsWith(q)));
}

function sortRecords(objectType: ObjectType, records: SearchRecord[], sort: ParsedSort): void {
  const keys = new Map<SearchRecord, number | string | undefined>();
  for (const r of records) {
    const v = valuesOf(objectType, r, sort.propertyName)[0];
    keys.set(r, v === undefined ? undefined : key(objectType, sort.propertyName, v));
  }
  const dir = sort.descending ? -1 : 1;
  records.sort((a, b) => {
    const ka = keys.get(a);
    const kb = keys.get(b);
    // Records without the property come last either way; ties keep id order.
    if (ka === undefined || kb === undefined) {
      return ka === kb ? Number(a.id) - Number(b.id) : ka === undefined ? 1 : -1;
    }
    return dir * compare(ka, kb) || Number(a.id) - Number(b.id);
  });
}

// CRM search semantics: filter groups (OR) of filters (AND), the 13 operators, one sort, `query`
// text, offset paging with HubSpot's limits (limit ≤ 200, 5 groups, 6 filters per group, 18 filters,
// at most 10,000 results reachable).
import type { FilterOperator } from '../src/hubspot/types';
import { FILTER_OPERATORS } from '../src/hubspot/types';
import { validationError } from './errors';
import { ObjectType } from './properties';
import { ColumnCache, Columns, compare, equal, firstKey, keyCount, SearchRecord, someKey, tokens } from './searchColumns';
import { sortedPositions } from './searchOrder';

export const SEARCH_LIMITS = { maxLimit: 200, maxGroups: 5, maxFiltersPerGroup: 6, maxFilters: 18, maxResults: 10_000 } as const;

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

/**
 * One pass over the records with compiled filters (each filter's value parsed once, the records'
 * keys read from columns, kept between searches by `cache` when the list never changes); only the
 * page is kept when unsorted, and a sort orders only the first `after + limit` matches. Same
 * results, order and total as filtering, fully sorting and slicing the whole list.
 */
export function search<T extends SearchRecord>(objectType: ObjectType, records: readonly T[], body: unknown, cache?: ColumnCache): SearchOutcome<T> {
  const request = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const groups = parseGroups(request.filterGroups);
  const sort = parseSort(request.sorts);
  const limit = parseLimit(request.limit);
  const after = parseAfter(request.after);
  // HubSpot answers a page that would reach past the 10,000th result with a 400 whatever the total
  // (not a short page): a client that pages blindly must notice and narrow its search.
  if (after + limit > SEARCH_LIMITS.maxResults) {
    throw pagingLimitError('after + limit', after + limit);
  }
  const queryTokens = typeof request.query === 'string' ? tokens(request.query) : [];

  const columns = new Columns(objectType, records, cache);
  const compiled = groups.map((g) => g.map((f) => compileFilter(columns, records, f)));
  const inQuery = queryTokens.length === 0 ? undefined : queryMatcher(columns, queryTokens);
  const pageEnd = after + limit;

  const passes = (i: number): boolean => {
    if (inQuery && !inQuery(i)) {
      return false;
    }
    if (compiled.length === 0) {
      return true;
    }
    for (const group of compiled) {
      let all = true;
      for (const f of group) {
        if (!f(i)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  };

  let total = 0;
  let results: T[] = [];
  const matched: number[] = [];
  for (let i = 0; i < records.length; i++) {
    if (passes(i)) {
      if (sort) {
        matched.push(i);
      } else if (total >= after && total < pageEnd) {
        results.push(records[i]);
      }
      total++;
    }
  }
  if (sort) {
    const sortKeys = columns.keys(sort.propertyName);
    const idOf = columns.ids();
    const keys = matched.map((i) => firstKey(sortKeys(i)));
    const ids = Float64Array.from(matched, idOf);
    results = sortedPositions(keys, ids, sort.descending, after, Math.min(pageEnd, total)).map((p) => records[matched[p]]);
  }
  const next = after + limit;
  return { total, results, nextAfter: next < total ? next : undefined };
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
    throw pagingLimitError('after', n);
  }
  return n;
}

function pagingLimitError(what: 'after' | 'after + limit', n: number) {
  const field = what === 'after' ? 'after' : 'limit';
  return validationError(`Cannot page beyond ${SEARCH_LIMITS.maxResults} results. Narrow the search with filters instead.`, {
    subCategory: 'SEARCH_RESULT_LIMIT_EXCEEDED',
    errors: [{ message: `${what} must be ${what === 'after' ? 'less than' : 'at most'} ${SEARCH_LIMITS.maxResults}`, code: 'PAGING_LIMIT_EXCEEDED', context: { [field]: [String(n)] } }],
  });
}

function invalidJson(problem: string) {
  return validationError(`Invalid input JSON on line 1, column 1: ${problem}`);
}

type Predicate = (position: number) => boolean;

function compileFilter(columns: Columns, records: readonly SearchRecord[], f: ParsedFilter): Predicate {
  const prop = f.propertyName;
  const keyer = columns.keyer(prop);
  if (f.operator === 'CONTAINS_TOKEN' || f.operator === 'NOT_CONTAINS_TOKEN') {
    const has = containsToken(columns, records, prop, f.value as string);
    return f.operator === 'CONTAINS_TOKEN' ? has : (i) => !has(i);
  }
  const keys = columns.keys(prop);
  const any = (pass: (k: ReturnType<typeof keyer>) => boolean): Predicate => (i) => someKey(keys(i), pass);
  const target = () => keyer(f.value as string);
  switch (f.operator) {
    case 'EQ': { const t = target(); return any((k) => equal(k, t)); }
    case 'NEQ': { const t = target(); const eq = any((k) => equal(k, t)); return (i) => !eq(i); }
    case 'LT': { const t = target(); return any((k) => compare(k, t) < 0); }
    case 'LTE': { const t = target(); return any((k) => compare(k, t) <= 0); }
    case 'GT': { const t = target(); return any((k) => compare(k, t) > 0); }
    case 'GTE': { const t = target(); return any((k) => compare(k, t) >= 0); }
    case 'BETWEEN': {
      const low = target();
      const high = keyer(f.highValue as string);
      return any((k) => compare(k, low) >= 0 && compare(k, high) <= 0);
    }
    case 'IN': { const ts = (f.values ?? []).map(keyer); return any((k) => ts.some((t) => equal(k, t))); }
    case 'NOT_IN': { const ts = (f.values ?? []).map(keyer); const hit = any((k) => ts.some((t) => equal(k, t))); return (i) => !hit(i); }
    case 'HAS_PROPERTY': return (i) => keyCount(keys(i)) > 0;
    case 'NOT_HAS_PROPERTY': return (i) => keyCount(keys(i)) === 0;
  }
}

/**
 * Whole-token match; `*` is a wildcard (e.g. `*@example.com`), matched against the value, its words
 * and its tokens. True when some value of the property matches.
 */
function containsToken(columns: Columns, records: readonly SearchRecord[], prop: string, token: string): Predicate {
  const wanted = token.trim().toLowerCase();
  if (wanted.includes('*')) {
    let re: RegExp | undefined;
    const matchesValue = (value: string) => {
      re ??= new RegExp(`^${wanted.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u');
      const pattern = re;
      const lower = value.toLowerCase();
      return pattern.test(lower) || lower.split(/\s+/).some((w) => pattern.test(w)) || tokens(value).some((t) => pattern.test(t));
    };
    return (i) => columns.values(records[i], prop).some(matchesValue);
  }
  const need = tokens(wanted);
  if (need.length === 0) {
    return () => false;
  }
  const sets = columns.tokenSets(prop);
  return (i) => sets(i).some((have) => need.every((t) => have.has(t)));
}

/** Every word of the query must start a word of one of the type's default text fields. */
function queryMatcher(columns: Columns, queryTokens: string[]): Predicate {
  const words = columns.queryWords();
  return (i) => queryTokens.every((q) => words(i).some((w) => w.startsWith(q)));
}

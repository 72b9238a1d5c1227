// Response shape checks at the edge: a 2xx body that is not what HubSpot documents becomes a
// MalformedResponseError here, so callers never see garbage (a missing id, results that are not an
// array, a number where a property string belongs).
import { MalformedResponseError } from './errors';
import type {
  AccountDetails,
  ApiObject,
  AssociationRef,
  BatchError,
  BatchResponse,
  CollectionResponse,
  Owner,
  Properties,
  PropertyDefinition,
  PropertyOption,
  SearchResponse,
} from './types';

export type Shape<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string): never {
  throw new MalformedResponseError(`Unexpected response from HubSpot: ${path} is not ${expected}.`);
}

export function record(v: unknown, path: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    fail(path, 'an object');
  }
  return v as Record<string, unknown>;
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string') {
    fail(path, 'a string');
  }
  return v;
}

export function optString(v: unknown, path: string): string | undefined {
  return v === undefined || v === null ? undefined : string(v, path);
}

/**
 * HubSpot object ids are decimal digits. Anything else is refused here, at the edge: ids end up in
 * source files (`TODO(HS-123)` write-back), URLs and command arguments, so a server that sends
 * `1\nrm -rf ~` or `1$'` as an id must not get that text any further.
 */
export const ID_PATTERN = /^\d{1,30}$/;

export function isValidId(v: unknown): v is string {
  return typeof v === 'string' && ID_PATTERN.test(v);
}

/** Ids are strings on the wire; a numeric id is accepted and normalised. */
export function id(v: unknown, path: string): string {
  const text = typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : v;
  if (!isValidId(text)) {
    fail(path, 'an id (decimal digits)');
  }
  return text;
}

export function array<T>(v: unknown, path: string, item: Shape<T>): T[] {
  if (!Array.isArray(v)) {
    fail(path, 'an array');
  }
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

/** Property values are strings or null (unset); numbers / booleans are normalised to strings. */
export const properties: Shape<Properties> = (v, path) => {
  const out: Properties = {};
  for (const [k, value] of Object.entries(record(v, path))) {
    if (value === null || typeof value === 'string') {
      out[k] = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      out[k] = String(value);
    } else {
      fail(`${path}.${k}`, 'a string or null');
    }
  }
  return out;
};

export const associationRef: Shape<AssociationRef> = (v, path) => {
  const r = record(v, path);
  return { id: id(r.id, `${path}.id`), type: optString(r.type, `${path}.type`) ?? '' };
};

export const apiObject: Shape<ApiObject> = (v, path) => {
  const r = record(v, path);
  const out: ApiObject = {
    id: id(r.id, `${path}.id`),
    properties: r.properties === undefined ? {} : properties(r.properties, `${path}.properties`),
    createdAt: optString(r.createdAt, `${path}.createdAt`) ?? '',
    updatedAt: optString(r.updatedAt, `${path}.updatedAt`) ?? '',
  };
  if (typeof r.archived === 'boolean') {
    out.archived = r.archived;
  }
  const archivedAt = optString(r.archivedAt, `${path}.archivedAt`);
  if (archivedAt !== undefined) {
    out.archivedAt = archivedAt;
  }
  const trace = r.objectWriteTraceId;
  if (typeof trace === 'string' || typeof trace === 'number') {
    out.objectWriteTraceId = String(trace);
  }
  if (r.associations !== undefined && r.associations !== null) {
    const assoc: Record<string, CollectionResponse<AssociationRef>> = {};
    for (const [type, coll] of Object.entries(record(r.associations, `${path}.associations`))) {
      assoc[type] = collection(associationRef)(coll, `${path}.associations.${type}`);
    }
    out.associations = assoc;
  }
  return out;
};

export function nextCursor(v: unknown, path: string): CollectionResponse<unknown>['paging'] {
  if (v === undefined || v === null) {
    return undefined;
  }
  const next = record(v, path).next;
  if (next === undefined || next === null) {
    return {};
  }
  const n = record(next, `${path}.next`);
  const after = n.after;
  if (after === undefined || after === null) {
    return {};
  }
  // HubSpot search sends `after` as a string; tolerate a number.
  const cursor = typeof after === 'number' ? String(after) : string(after, `${path}.next.after`);
  return { next: { after: cursor, link: optString(n.link, `${path}.next.link`) } };
}

export function collection<T>(item: Shape<T>): Shape<CollectionResponse<T>> {
  return (v, path) => {
    const r = record(v, path);
    return { results: array(r.results, `${path}.results`, item), paging: nextCursor(r.paging, `${path}.paging`) };
  };
}

export function searchResponse<T>(item: Shape<T>): Shape<SearchResponse<T>> {
  return (v, path) => {
    const r = record(v, path);
    const base = collection(item)(v, path);
    const total = r.total;
    if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) {
      fail(`${path}.total`, 'a count');
    }
    return { ...base, total };
  };
}

const batchError: Shape<BatchError> = (v, path) => {
  const r = record(v, path);
  const context: Record<string, string[]> = {};
  if (r.context !== undefined && r.context !== null) {
    for (const [k, list] of Object.entries(record(r.context, `${path}.context`))) {
      context[k] = Array.isArray(list) ? list.map((x) => String(x)) : [String(list)];
    }
  }
  // HubSpot puts the failing input's trace id in context or beside it; keep both spellings.
  for (const key of ['objectWriteTraceId', 'id']) {
    const value = r[key];
    if ((typeof value === 'string' || typeof value === 'number') && context[key] === undefined) {
      context[key] = [String(value)];
    }
  }
  return {
    status: optString(r.status, `${path}.status`) ?? 'error',
    category: optString(r.category, `${path}.category`) ?? 'UNKNOWN',
    message: optString(r.message, `${path}.message`) ?? 'Batch input failed.',
    subCategory: typeof r.subCategory === 'string' ? r.subCategory : undefined,
    context,
  };
};

export function batchResponse<T>(item: Shape<T>): Shape<BatchResponse<T>> {
  return (v, path) => {
    const r = record(v, path);
    const errors = r.errors === undefined || r.errors === null ? undefined : array(r.errors, `${path}.errors`, batchError);
    return {
      status: (optString(r.status, `${path}.status`) ?? 'COMPLETE') as BatchResponse<T>['status'],
      results: array(r.results, `${path}.results`, item),
      startedAt: optString(r.startedAt, `${path}.startedAt`) ?? '',
      completedAt: optString(r.completedAt, `${path}.completedAt`) ?? '',
      numErrors: typeof r.numErrors === 'number' ? r.numErrors : errors?.length,
      errors,
    };
  };
}

export const owner: Shape<Owner> = (v, path) => {
  const r = record(v, path);
  const userId = r.userId;
  return {
    id: id(r.id, `${path}.id`),
    email: optString(r.email, `${path}.email`) ?? '',
    firstName: optString(r.firstName, `${path}.firstName`) ?? '',
    lastName: optString(r.lastName, `${path}.lastName`) ?? '',
    userId: typeof userId === 'number' ? userId : null,
    type: r.type === 'QUEUE' ? 'QUEUE' : 'PERSON',
    archived: typeof r.archived === 'boolean' ? r.archived : undefined,
    createdAt: optString(r.createdAt, `${path}.createdAt`),
    updatedAt: optString(r.updatedAt, `${path}.updatedAt`),
  };
};

export const accountDetails: Shape<AccountDetails> = (v, path) => {
  const r = record(v, path);
  const portalId = typeof r.portalId === 'string' ? Number(r.portalId) : r.portalId;
  if (typeof portalId !== 'number' || !Number.isInteger(portalId)) {
    fail(`${path}.portalId`, 'a portal id');
  }
  return {
    portalId,
    timeZone: optString(r.timeZone, `${path}.timeZone`) ?? 'UTC',
    companyCurrency: optString(r.companyCurrency, `${path}.companyCurrency`),
    uiDomain: optString(r.uiDomain, `${path}.uiDomain`) ?? 'app.hubspot.com',
    dataHostingLocation: optString(r.dataHostingLocation, `${path}.dataHostingLocation`) ?? '',
    accountType: optString(r.accountType, `${path}.accountType`),
  };
};

const propertyOption: Shape<PropertyOption> = (v, path) => {
  const r = record(v, path);
  const value = string(r.value, `${path}.value`);
  return {
    value,
    label: optString(r.label, `${path}.label`) ?? value,
    displayOrder: typeof r.displayOrder === 'number' ? r.displayOrder : undefined,
    hidden: typeof r.hidden === 'boolean' ? r.hidden : undefined,
  };
};

export const propertyDefinition: Shape<PropertyDefinition> = (v, path) => {
  const r = record(v, path);
  const name = string(r.name, `${path}.name`);
  return {
    name,
    label: optString(r.label, `${path}.label`) ?? name,
    type: optString(r.type, `${path}.type`) ?? 'string',
    fieldType: optString(r.fieldType, `${path}.fieldType`) ?? 'text',
    options: r.options === undefined || r.options === null ? [] : array(r.options, `${path}.options`, propertyOption),
  };
};

// How a stored record looks on the wire: the requested properties (a default set otherwise) plus the
// system properties (id, create and modified dates), requested-but-unset ones as null, every value a string, server timestamps as ISO strings.
import type { ApiObject, AssociationRef, CollectionResponse } from '../src/hubspot/types';
import { CREATE_DATE_PROP, DEFAULT_PROPERTIES, isKnownProperty, MODIFIED_DATE_PROP, ObjectType } from './properties';
import { AssociatedType, StoredObject } from './store';

/** HubSpot's association type label from a task (`task_to_contact`). */
export const ASSOCIATION_LABELS: Record<AssociatedType, string> = {
  contacts: 'task_to_contact',
  companies: 'task_to_company',
  deals: 'task_to_deal',
};

export function toApiObject(
  objectType: ObjectType,
  obj: StoredObject,
  requested: string[] | undefined,
  associations?: Partial<Record<AssociatedType, string[]>>,
): ApiObject {
  // The system properties come back beside whatever was asked for, as at HubSpot (fidelity gap (a)).
  const names = new Set([...(requested && requested.length > 0 ? requested : DEFAULT_PROPERTIES[objectType]), ...systemProperties(objectType)]);
  const properties: Record<string, string | null> = {};
  for (const name of names) {
    const value = name === 'hs_object_id' ? obj.id : obj.props[name];
    if (value !== undefined) {
      properties[name] = value;
    } else if (isKnownProperty(objectType, name)) {
      properties[name] = null; // unknown names are silently left out, as HubSpot does
    }
  }
  const out: ApiObject = {
    id: obj.id,
    properties,
    createdAt: new Date(obj.createdAt).toISOString(),
    updatedAt: new Date(obj.updatedAt).toISOString(),
    archived: obj.archived,
  };
  if (obj.archived && obj.archivedAt !== undefined) {
    out.archivedAt = new Date(obj.archivedAt).toISOString();
  }
  if (associations) {
    const assoc: Record<string, CollectionResponse<AssociationRef>> = {};
    for (const [type, ids] of Object.entries(associations) as [AssociatedType, string[]][]) {
      if (ids.length > 0) {
        assoc[type] = { results: ids.map((id) => ({ id, type: ASSOCIATION_LABELS[type] })) };
      }
    }
    if (Object.keys(assoc).length > 0) {
      out.associations = assoc;
    }
  }
  return out;
}

/** Returned with every record whatever was requested: its id and its create / last-modified dates. */
export function systemProperties(objectType: ObjectType): string[] {
  return ['hs_object_id', CREATE_DATE_PROP[objectType], MODIFIED_DATE_PROP[objectType]];
}

/** All set properties: what HubSpot returns from create and update. */
export function allSetProperties(obj: StoredObject): string[] {
  return Object.keys(obj.props);
}

/** `properties=a,b` (and repeated `properties=a&properties=b`) from a query string. */
export function requestedFromQuery(params: URLSearchParams): string[] | undefined {
  const all = params.getAll('properties').flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  return all.length > 0 ? all : undefined;
}

export function requestedFromBody(raw: unknown): string[] | undefined {
  return Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : undefined;
}

// Contacts, companies and deals: read-only here (the extension only finds and shows them): search by
// query or filters, batch read, get and list.
import type { ApiObject, BatchError } from '../../src/hubspot/types';
import { ApiDeps } from '../deps';
import { notFound } from '../errors';
import { requestedFromBody, requestedFromQuery, toApiObject } from '../objects';
import { pageById, paging, parseListLimit } from '../paging';
import { ObjectType } from '../properties';
import { Route } from '../router';
import { search } from '../search';
import { batchInputs, batchResult } from './batch';
import { searchPaging } from './tasks';
import { ApiVersion, objectsBase } from '../versions';

const CRM_TYPES: { type: Exclude<ObjectType, 'tasks'>; name: string; label: string }[] = [
  { type: 'contacts', name: 'Contacts', label: 'CONTACT' },
  { type: 'companies', name: 'Companies', label: 'COMPANY' },
  { type: 'deals', name: 'Deals', label: 'DEAL' },
];

export function crmRoutes(deps: ApiDeps, ver: ApiVersion = 'v3'): Route[] {
  return CRM_TYPES.flatMap(({ type, name, label }): Route[] => {
    const base = objectsBase(ver, type);
    const scope = `crm.objects.${type}.read`;
    const live = () => [...deps.store.all(type)].filter((o) => !o.archived);
    const routes: Route[] = [
      {
        method: 'POST', pattern: `${base}/search`, operation: `search${name}`, scope, isSearch: true,
        handler: ({ body }) => {
          const outcome = search(type, live(), body);
          const requested = requestedFromBody((body as { properties?: unknown } | null)?.properties);
          return {
            status: 200,
            body: { total: outcome.total, results: outcome.results.map((o) => toApiObject(type, o, requested)), ...searchPaging(outcome.nextAfter) },
          };
        },
      },
      {
        method: 'POST', pattern: `${base}/batch/read`, operation: `batchRead${name}`, scope,
        handler: ({ body }) => {
          const startedAt = deps.now();
          const requested = requestedFromBody((body as { properties?: unknown }).properties);
          const results: ApiObject[] = [];
          const missing: string[] = [];
          for (const input of batchInputs(body)) {
            const id = String((input as { id?: unknown } | null)?.id ?? '');
            const obj = deps.store.live(type, id);
            if (obj) {
              results.push(toApiObject(type, obj, requested));
            } else {
              missing.push(id);
            }
          }
          const errors: BatchError[] = missing.length === 0 ? [] : [{
            status: 'error', category: 'OBJECT_NOT_FOUND',
            message: `Could not get some ${label} objects, they may be deleted or not exist. Check that ids are valid.`,
            context: { ids: missing },
          }];
          return batchResult(startedAt, results, errors, 200);
        },
      },
      {
        method: 'GET', pattern: `${base}/:id`, operation: `get${name.replace(/ies$/, 'y').replace(/s$/, '')}`, scope,
        handler: ({ params, query }) => {
          const obj = deps.store.live(type, params.id);
          if (!obj) {
            throw notFound();
          }
          return { status: 200, body: toApiObject(type, obj, requestedFromQuery(query)) };
        },
      },
      {
        method: 'GET', pattern: base, operation: `list${name}`, scope,
        handler: ({ query, path }) => {
          const limit = parseListLimit(query.get('limit'), 10, 100);
          const { page, nextAfter } = pageById(live(), query.get('after'), limit);
          const requested = requestedFromQuery(query);
          return { status: 200, body: { results: page.map((o) => toApiObject(type, o, requested)), ...paging(deps.baseUrl(), path, query, nextAfter) } };
        },
      },
    ];
    return routes.map((r) => ({ ...r, apiVersion: ver }));
  });
}

// The task endpoints of the spec: list, get, create, update, archive, search.
import { ApiDeps } from '../deps';
import { notFound, validationError } from '../errors';
import { requestedFromBody, requestedFromQuery, toApiObject } from '../objects';
import { pageById, paging, parseListLimit } from '../paging';
import { Route } from '../router';
import { search } from '../search';
import { ASSOCIATED_TYPES, AssociatedType, StoredObject } from '../store';
import { applyCreate, liveTaskOr404, prepareCreate, prepareUpdate, written } from '../taskWrites';
import { ApiVersion, objectsBase } from '../versions';

export const TASKS_PATH = '/crm/v3/objects/tasks';
export const READ_SCOPE = 'crm.objects.contacts.read';
export const WRITE_SCOPE = 'crm.objects.contacts.write';

/** `associations=contacts,deals` on GET: which association lists to include. */
export function requestedAssociations(query: URLSearchParams): AssociatedType[] {
  const names = query.getAll('associations').flatMap((a) => a.split(',')).map((a) => a.trim());
  return ASSOCIATED_TYPES.filter((t) => names.includes(t) || names.includes(t.replace(/ies$/, 'y').replace(/s$/, '')));
}

function withAssociations(deps: ApiDeps, task: StoredObject, types: AssociatedType[]) {
  if (types.length === 0) {
    return undefined;
  }
  return Object.fromEntries(types.map((t) => [t, deps.store.associations(task.id, t)]));
}

function archivedParam(query: URLSearchParams): boolean {
  const v = query.get('archived');
  if (v !== null && v !== 'true' && v !== 'false') {
    throw validationError(`archived must be true or false, got ${JSON.stringify(v)}`);
  }
  return v === 'true';
}

export function taskRoutes(deps: ApiDeps, ver: ApiVersion = 'v3'): Route[] {
  const base = objectsBase(ver, 'tasks');
  const routes: Route[] = [
    {
      method: 'GET', pattern: base, operation: 'listTasks', scope: READ_SCOPE,
      handler: ({ query, path }) => {
        const limit = parseListLimit(query.get('limit'), 10, 100);
        const archived = archivedParam(query);
        const requested = requestedFromQuery(query);
        const assocTypes = requestedAssociations(query);
        const all = [...deps.store.all('tasks')].filter((t) => t.archived === archived);
        const { page, nextAfter } = pageById(all, query.get('after'), limit);
        return {
          status: 200,
          body: {
            results: page.map((t) => toApiObject('tasks', t, requested, withAssociations(deps, t, assocTypes))),
            ...paging(deps.baseUrl(), path, query, nextAfter),
          },
        };
      },
    },
    {
      method: 'GET', pattern: `${base}/:taskId`, operation: 'getTask', scope: READ_SCOPE,
      handler: ({ params, query }) => {
        const task = deps.store.get('tasks', params.taskId);
        // An archived task is found only when asked for with archived=true.
        if (!task || task.archived !== archivedParam(query)) {
          throw notFound();
        }
        return { status: 200, body: toApiObject('tasks', task, requestedFromQuery(query), withAssociations(deps, task, requestedAssociations(query))) };
      },
    },
    {
      method: 'POST', pattern: base, operation: 'createTask', scope: WRITE_SCOPE,
      handler: ({ body }) => {
        const task = applyCreate(deps, prepareCreate(deps, body, ver));
        return { status: 201, body: written(task) };
      },
    },
    {
      method: 'PATCH', pattern: `${base}/:taskId`, operation: 'updateTask', scope: WRITE_SCOPE,
      handler: ({ params, body }) => {
        const task = liveTaskOr404(deps, params.taskId);
        const values = prepareUpdate(deps, (body as { properties?: unknown } | null)?.properties, ver);
        deps.store.update('tasks', task, values, deps.now());
        return { status: 200, body: written(task) };
      },
    },
    {
      method: 'DELETE', pattern: `${base}/:taskId`, operation: 'deleteTask', scope: WRITE_SCOPE,
      handler: ({ params }) => {
        const task = deps.store.get('tasks', params.taskId);
        if (!task) {
          throw notFound();
        }
        if (!task.archived) {
          deps.store.archive('tasks', task, deps.now());
        }
        return { status: 204 };
      },
    },
    {
      method: 'POST', pattern: `${base}/search`, operation: 'searchTasks', scope: READ_SCOPE, isSearch: true,
      handler: ({ body }) => {
        const outcome = search('tasks', deps.index.visible(), body, deps.index.columns);
        const requested = requestedFromBody((body as { properties?: unknown } | null)?.properties);
        return {
          status: 200,
          body: {
            total: outcome.total,
            results: outcome.results.map((t) => toApiObject('tasks', t, requested)),
            ...searchPaging(outcome.nextAfter),
          },
        };
      },
    },
  ];
  return routes.map((r) => ({ ...r, apiVersion: ver }));
}

export function searchPaging(nextAfter: number | undefined) {
  return nextAfter === undefined ? {} : { paging: { next: { after: String(nextAfter), link: `?after=${nextAfter}` } } };
}

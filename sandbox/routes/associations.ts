// v3 association endpoints of a task: list, create (PUT) and delete, by object type and type label
// (`task_to_contact`) or numeric type id (204).
import type { ApiObject, BatchError } from '../../src/hubspot/types';
import { TASK_ASSOCIATION_TYPE_IDS } from '../../src/hubspot/types';
import { ApiDeps } from '../deps';
import { HttpError, notFound, validationError } from '../errors';
import { ASSOCIATION_LABELS, toApiObject } from '../objects';
import { pageByOffset, paging, parseListLimit } from '../paging';
import { Route } from '../router';
import { AssociatedType } from '../store';
import { associationTarget, liveTaskOr404 } from '../taskWrites';
import { ApiVersion, associationsBatchBase, objectAssociationsBase } from '../versions';
import { batchInputs, batchResult } from './batch';
import { READ_SCOPE, TASKS_PATH, WRITE_SCOPE } from './tasks';

const OBJECT_TYPE_NAMES: Record<string, AssociatedType> = {
  contacts: 'contacts', contact: 'contacts', '0-1': 'contacts',
  companies: 'companies', company: 'companies', '0-2': 'companies',
  deals: 'deals', deal: 'deals', '0-3': 'deals',
};

function objectType(name: string): AssociatedType {
  const t = OBJECT_TYPE_NAMES[name.toLowerCase()];
  if (!t) {
    throw validationError(`Unable to infer object type from: ${name}`, { subCategory: 'UNKNOWN_OBJECT_TYPE' });
  }
  return t;
}

/** The association type must be the task's default type towards that object type. */
function checkAssociationType(toType: AssociatedType, associationType: string): void {
  const ok = associationType === ASSOCIATION_LABELS[toType]
    || (/^\d+$/.test(associationType) && associationTarget(Number(associationType)) === toType);
  if (!ok) {
    throw validationError(`${associationType} is not a valid association type between tasks and ${toType}. Use ${ASSOCIATION_LABELS[toType]}.`, {
      subCategory: 'INVALID_ASSOCIATION_TYPE',
      errors: [{ message: 'invalid association type', code: 'INVALID_ASSOCIATION_TYPE', context: { associationType: [associationType] } }],
    });
  }
}

/** Tasks are the only "from" side the sandbox stores associations for. */
function fromTasks(name: string): void {
  if (!['tasks', 'task', '0-27'].includes(name.toLowerCase())) {
    throw validationError(`The sandbox keeps associations from tasks only, not from ${name}`, { subCategory: 'UNKNOWN_OBJECT_TYPE' });
  }
}

const TYPE_IDS: Record<AssociatedType, string> = { contacts: '0-1', companies: '0-2', deals: '0-3' };

function spec(toType: AssociatedType) {
  return { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION_TYPE_IDS[toType] };
}

/** The labelled PUT's body: a non-empty array of {associationCategory, associationTypeId}, each of which
 * must be the task's HUBSPOT_DEFINED type towards `toType`. */
function checkSpecs(toType: AssociatedType, body: unknown): void {
  if (!Array.isArray(body) || body.length === 0) {
    throw validationError('Invalid input JSON on line 1, column 1: the body must be a non-empty array of association types');
  }
  for (const t of body as { associationCategory?: unknown; associationTypeId?: unknown }[]) {
    if (t?.associationCategory !== 'HUBSPOT_DEFINED' || associationTarget(Number(t?.associationTypeId)) !== toType) {
      checkAssociationType(toType, `${String(t?.associationCategory)}/${String(t?.associationTypeId)}`);
    }
  }
}

function liveTargetOr404(deps: ApiDeps, toType: AssociatedType, id: string): void {
  if (!deps.store.live(toType, id)) {
    throw new HttpError(404, 'OBJECT_NOT_FOUND', `No ${toType.replace(/ies$/, 'y').replace(/s$/, '')} with id ${id} exists`);
  }
}

/**
 * Associations as HubSpot's v4 API and its date versions serve them (associations.2026-09.json):
 * the batch read that lists many tasks' associations of one type in one request, the default
 * association PUT, and the labelled PUT / DELETE. In v3 these live under `/crm/v4/`.
 */
export function versionedAssociationRoutes(deps: ApiDeps, ver: ApiVersion): Route[] {
  const objects = objectAssociationsBase(ver);
  const routes: Route[] = [
    {
      method: 'POST', pattern: `${associationsBatchBase(ver)}/:fromObjectType/:toObjectType/batch/read`, operation: 'batchReadTaskAssociations', scope: READ_SCOPE,
      handler: ({ params, body }) => {
        fromTasks(params.fromObjectType);
        const toType = objectType(params.toObjectType);
        const startedAt = deps.now();
        const results: unknown[] = [];
        const missing: string[] = [];
        const seen = new Set<string>();
        for (const input of batchInputs(body)) {
          const id = String((input as { id?: unknown } | null)?.id ?? '');
          if (seen.has(id)) {
            continue;
          }
          seen.add(id);
          if (!deps.store.live('tasks', id)) {
            missing.push(id);
            continue;
          }
          const to = deps.store.associations(id, toType);
          // A task without associations of that type is left out, as HubSpot does.
          if (to.length > 0) {
            const types = [{ category: 'HUBSPOT_DEFINED', typeId: TASK_ASSOCIATION_TYPE_IDS[toType] }];
            results.push({ from: { id }, to: to.map((toObjectId) => ({ toObjectId, associationTypes: types })) });
          }
        }
        const errors: BatchError[] = missing.length === 0 ? [] : [{
          status: 'error', category: 'OBJECT_NOT_FOUND',
          message: 'Could not get some TASK objects, they may be deleted or not exist. Check that ids are valid.',
          context: { ids: missing },
        }];
        return batchResult(startedAt, results as ApiObject[], errors, 200);
      },
    },
    {
      method: 'PUT', pattern: `${objects}/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId`, operation: 'createTaskDefaultAssociation', scope: WRITE_SCOPE,
      handler: ({ params }) => {
        fromTasks(params.fromObjectType);
        const toType = objectType(params.toObjectType);
        const startedAt = deps.now();
        const task = liveTaskOr404(deps, params.fromObjectId);
        liveTargetOr404(deps, toType, params.toObjectId);
        deps.store.associate(task.id, toType, params.toObjectId);
        return batchResult(startedAt, [{ from: { id: task.id }, to: { id: params.toObjectId }, associationSpec: spec(toType) }] as unknown as ApiObject[], [], 200);
      },
    },
    {
      method: 'PUT', pattern: `${objects}/:fromObjectType/:fromObjectId/associations/:toObjectType/:toObjectId`, operation: 'createTaskAssociation', scope: WRITE_SCOPE,
      handler: ({ params, body }) => {
        fromTasks(params.fromObjectType);
        const toType = objectType(params.toObjectType);
        checkSpecs(toType, body);
        const task = liveTaskOr404(deps, params.fromObjectId);
        liveTargetOr404(deps, toType, params.toObjectId);
        deps.store.associate(task.id, toType, params.toObjectId);
        return {
          status: 201,
          body: { fromObjectTypeId: '0-27', fromObjectId: task.id, toObjectTypeId: TYPE_IDS[toType], toObjectId: params.toObjectId, labels: [] },
        };
      },
    },
    {
      method: 'DELETE', pattern: `${objects}/:fromObjectType/:fromObjectId/associations/:toObjectType/:toObjectId`, operation: 'deleteTaskAssociation', scope: WRITE_SCOPE,
      handler: ({ params }) => {
        fromTasks(params.fromObjectType);
        const toType = objectType(params.toObjectType);
        if (!deps.store.live('tasks', params.fromObjectId)) {
          throw notFound();
        }
        deps.store.dissociate(params.fromObjectId, toType, params.toObjectId);
        return { status: 204 };
      },
    },
  ];
  return routes.map((r) => ({ ...r, apiVersion: ver }));
}

const BASE = `${TASKS_PATH}/:taskId/associations/:toObjectType`;

/** The seed's v3 association paths (list by type, PUT / DELETE by type label or id). */
export function associationRoutes(deps: ApiDeps): Route[] {
  const routes: Route[] = [
    {
      method: 'GET', pattern: BASE, operation: 'listTaskAssociations', scope: READ_SCOPE,
      handler: ({ params, query, path }) => {
        const toType = objectType(params.toObjectType);
        liveTaskOr404(deps, params.taskId);
        const limit = parseListLimit(query.get('limit'), 500, 500);
        const rows = deps.store.associations(params.taskId, toType).map((id) => ({ id, type: ASSOCIATION_LABELS[toType] }));
        const { page, nextAfter } = pageByOffset(rows, query.get('after'), limit);
        return { status: 200, body: { results: page, ...paging(deps.baseUrl(), path, query, nextAfter) } };
      },
    },
    {
      method: 'PUT', pattern: `${BASE}/:toObjectId/:associationType`, operation: 'createTaskAssociation', scope: WRITE_SCOPE,
      handler: ({ params }) => {
        const toType = objectType(params.toObjectType);
        checkAssociationType(toType, params.associationType);
        const task = liveTaskOr404(deps, params.taskId);
        if (!deps.store.live(toType, params.toObjectId)) {
          throw new HttpError(404, 'OBJECT_NOT_FOUND', `No ${toType.replace(/ies$/, 'y').replace(/s$/, '')} with id ${params.toObjectId} exists`);
        }
        deps.store.associate(task.id, toType, params.toObjectId);
        // v3 answers with the task and its associations of that type.
        return { status: 200, body: toApiObject('tasks', task, undefined, { [toType]: deps.store.associations(task.id, toType) }) };
      },
    },
    {
      method: 'DELETE', pattern: `${BASE}/:toObjectId/:associationType`, operation: 'deleteTaskAssociation', scope: WRITE_SCOPE,
      handler: ({ params }) => {
        const toType = objectType(params.toObjectType);
        checkAssociationType(toType, params.associationType);
        if (!deps.store.live('tasks', params.taskId)) {
          throw notFound();
        }
        deps.store.dissociate(params.taskId, toType, params.toObjectId);
        return { status: 204 };
      },
    },
  ];
  return routes.map((r) => ({ ...r, apiVersion: 'v3' }));
}

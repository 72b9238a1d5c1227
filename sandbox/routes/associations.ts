// v3 association endpoints of a task: list, create (PUT) and delete, by object type and type label
// (`task_to_contact`) or numeric type id (204).
import { ApiDeps } from '../deps';
import { HttpError, notFound, validationError } from '../errors';
import { ASSOCIATION_LABELS, toApiObject } from '../objects';
import { pageByOffset, paging, parseListLimit } from '../paging';
import { Route } from '../router';
import { AssociatedType } from '../store';
import { associationTarget, liveTaskOr404 } from '../taskWrites';
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

const BASE = `${TASKS_PATH}/:taskId/associations/:toObjectType`;

export function associationRoutes(deps: ApiDeps): Route[] {
  return [
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
}

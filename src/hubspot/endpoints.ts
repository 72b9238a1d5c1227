// THE map from an operation of the client to HubSpot's method, path and body shape, per API version.
// Nothing else in the extension builds a HubSpot path: the API classes ask `endpointsFor(version)`
// for each request, so a version changes every call at once (and per request, without a reload).
//
// Sources (../shared/hubspot/official/, HubSpot's published OpenAPI files): tasks.v3.json,
// tasks.2026-03.json, tasks.2026-09.json, associations.2026-09.json (whose operationIds name the
// 2026-03 aliases too), owners.2026-09.json, account-info.2026-09.json, properties.2026-09.json,
// contacts/companies/deals.2026-09.json. v3 is the seed's API (test/fixtures/tasks-api.openapi.yml).
import type { HttpRequest } from './httpClient';
import type { AssociatedObjectType, AssociationSpec, CreateInput, UpdateInput } from './types';
import { TASK_ASSOCIATION_TYPE_IDS } from './types';

/** `v3`: the legacy numeric paths (HubSpot drops them in 2027); the others are HubSpot's date versions. */
export type ApiVersion = 'v3' | '2026-03' | '2026-09';
export const API_VERSIONS: readonly ApiVersion[] = ['v3', '2026-03', '2026-09'];
export const DEFAULT_API_VERSION: ApiVersion = 'v3';

export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === 'string' && (API_VERSIONS as readonly string[]).includes(value);
}

/** A request without a body; the caller adds the query. */
export type Endpoint = Omit<HttpRequest, 'body'>;
/** A request with its body in this version's shape. */
export type Call = HttpRequest;

/** How a task's associations of one type are listed in this version. */
export type AssociationListing =
  /** v3: `GET …/tasks/{id}/associations/{to}` → `{results: [{id, type}], paging}`. */
  | 'per-task'
  /** Date versions have no per-object GET: `POST /crm/associations/{ver}/tasks/{to}/batch/read`. */
  | 'batch-read';

export interface Endpoints {
  readonly version: ApiVersion;
  readonly associationListing: AssociationListing;
  listTasks(): Endpoint;
  getTask(id: string): Endpoint;
  createTask(input: CreateInput): Call;
  updateTask(id: string, properties: Record<string, string>): Call;
  archiveTask(id: string): Endpoint;
  batchReadTasks(ids: string[], properties: string[]): Call;
  batchCreateTasks(inputs: CreateInput[]): Call;
  batchUpdateTasks(inputs: UpdateInput[]): Call;
  /** `POST …/tasks/batch/archive`, `{inputs: [{id}]}` → 204. In every version (the seed spec omits it). */
  batchArchiveTasks(ids: string[]): Call;
  searchTasks(body: unknown): Call;
  /** Only where `associationListing` is 'per-task'. */
  listTaskAssociations(taskId: string, toObjectType: AssociatedObjectType): Endpoint;
  /**
   * Associations of many tasks to one object type in ONE request (≤ 100 inputs): v4's
   * `POST /crm/v4/associations/tasks/{to}/batch/read` under v3 (the legacy numeric API HubSpot keeps
   * for associations), `POST /crm/associations/{ver}/tasks/{to}/batch/read` in date versions. Both take
   * `{inputs: [{id, after?}]}` and answer `{results: [{from: {id}, to: [{toObjectId, associationTypes}], paging?}]}`.
   */
  batchReadTaskAssociations(toObjectType: AssociatedObjectType, inputs: { id: string; after?: string }[]): Call;
  createTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Call;
  deleteTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Endpoint;
  listOwners(): Endpoint;
  accountDetails(): Endpoint;
  taskProperty(name: string): Endpoint;
  searchObjects(objectType: AssociatedObjectType, body: unknown): Call;
  batchReadObjects(objectType: AssociatedObjectType, ids: string[], properties: string[]): Call;
}

const SEARCH_OPERATION: Record<AssociatedObjectType, string> = {
  contacts: 'searchContacts',
  companies: 'searchCompanies',
  deals: 'searchDeals',
};

function seg(value: string): string {
  return encodeURIComponent(value);
}

function capitalised(type: string): string {
  return `${type[0].toUpperCase()}${type.slice(1)}`;
}

interface VersionPaths {
  /** `/crm/v3/objects` or `/crm/objects/2026-09`. */
  objects: string;
  /** The batch associations API: `/crm/v4/associations` or `/crm/associations/2026-09`. */
  associations: string;
  owners: string;
  accountDetails: string;
  /** `/crm/v3/properties` or `/crm/properties/2026-09`. */
  properties: string;
}

const PATHS: Record<ApiVersion, VersionPaths> = {
  v3: {
    objects: '/crm/v3/objects',
    associations: '/crm/v4/associations',
    owners: '/crm/v3/owners',
    accountDetails: '/account-info/v3/details',
    properties: '/crm/v3/properties',
  },
  '2026-03': {
    objects: '/crm/objects/2026-03',
    associations: '/crm/associations/2026-03',
    // owners.2026-09.json names no 2026-03 alias (every other file does): owners were first dated in
    // 2026-09, so a 2026-03 client still reads them at the legacy path.
    owners: '/crm/v3/owners',
    accountDetails: '/account-info/2026-03/details',
    properties: '/crm/properties/2026-03',
  },
  '2026-09': {
    objects: '/crm/objects/2026-09',
    associations: '/crm/associations/2026-09',
    owners: '/crm/owners/2026-09',
    accountDetails: '/account-info/2026-09/details',
    properties: '/crm/properties/2026-09',
  },
};

function build(version: ApiVersion): Endpoints {
  const p = PATHS[version];
  const tasks = `${p.objects}/tasks`;
  const dated = version !== 'v3';
  // The official files mark these members required although HubSpot accepts requests without them;
  // date-version requests carry them (empty) so they match the files. v3 requests stay as the seed's
  // spec has them.
  const createShape = (input: CreateInput): CreateInput => (dated && !input.associations ? { ...input, associations: [] } : input);
  const readBody = (ids: string[], properties: string[]): Record<string, unknown> => ({
    properties,
    ...(dated ? { propertiesWithHistory: [] } : {}),
    inputs: ids.map((id) => ({ id })),
  });
  const defaultType = (to: AssociatedObjectType, typeId?: number): boolean => typeId === undefined || typeId === TASK_ASSOCIATION_TYPE_IDS[to];

  return {
    version,
    associationListing: dated ? 'batch-read' : 'per-task',
    listTasks: () => ({ operation: 'listTasks', method: 'GET', path: tasks, idempotent: true }),
    getTask: (id) => ({ operation: 'getTask', method: 'GET', path: `${tasks}/${seg(id)}`, idempotent: true }),
    createTask: (input) => ({ operation: 'createTask', method: 'POST', path: tasks, idempotent: false, body: createShape(input) }),
    updateTask: (id, properties) => ({ operation: 'updateTask', method: 'PATCH', path: `${tasks}/${seg(id)}`, idempotent: true, body: { properties } }),
    archiveTask: (id) => ({ operation: 'deleteTask', method: 'DELETE', path: `${tasks}/${seg(id)}`, idempotent: true }),
    batchReadTasks: (ids, properties) => ({
      operation: 'batchReadTasks', method: 'POST', path: `${tasks}/batch/read`, idempotent: true, body: readBody(ids, properties),
    }),
    batchCreateTasks: (inputs) => ({
      operation: 'batchCreateTasks', method: 'POST', path: `${tasks}/batch/create`, idempotent: false, body: { inputs: inputs.map(createShape) },
    }),
    batchUpdateTasks: (inputs) => ({ operation: 'batchUpdateTasks', method: 'POST', path: `${tasks}/batch/update`, idempotent: true, body: { inputs } }),
    // Archiving an archived task changes nothing: safe to repeat.
    batchArchiveTasks: (ids) => ({
      operation: 'batchArchiveTasks', method: 'POST', path: `${tasks}/batch/archive`, idempotent: true, body: { inputs: ids.map((id) => ({ id })) },
    }),
    searchTasks: (body) => ({ operation: 'searchTasks', method: 'POST', path: `${tasks}/search`, idempotent: true, search: true, body }),
    listTaskAssociations: (taskId, to) => {
      if (dated) {
        throw new Error(`API ${version} lists associations by batch read only.`);
      }
      return { operation: 'listTaskAssociations', method: 'GET', path: `${tasks}/${seg(taskId)}/associations/${seg(to)}`, idempotent: true };
    },
    batchReadTaskAssociations: (to, inputs) => ({
      operation: 'batchReadTaskAssociations', method: 'POST', path: `${p.associations}/tasks/${seg(to)}/batch/read`, idempotent: true,
      body: { inputs: inputs.map(({ id, after }) => (after ? { id, after } : { id })) },
    }),
    createTaskAssociation: (taskId, to, toId, typeId) => {
      if (!dated) {
        // The seed's v3 path names the type in the URL and has no body.
        const type = typeId ?? TASK_ASSOCIATION_TYPE_IDS[to];
        return { operation: 'createTaskAssociation', method: 'PUT', path: `${tasks}/${seg(taskId)}/associations/${seg(to)}/${seg(toId)}/${type}`, idempotent: true };
      }
      if (defaultType(to, typeId)) {
        return {
          operation: 'createTaskAssociation', method: 'PUT', idempotent: true,
          path: `${tasks}/${seg(taskId)}/associations/default/${seg(to)}/${seg(toId)}`,
        };
      }
      const types: AssociationSpec[] = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId as number }];
      return {
        operation: 'createTaskAssociation', method: 'PUT', idempotent: true,
        path: `${tasks}/${seg(taskId)}/associations/${seg(to)}/${seg(toId)}`, body: types,
      };
    },
    deleteTaskAssociation: (taskId, to, toId, typeId) => {
      if (!dated) {
        const type = typeId ?? TASK_ASSOCIATION_TYPE_IDS[to];
        return { operation: 'deleteTaskAssociation', method: 'DELETE', path: `${tasks}/${seg(taskId)}/associations/${seg(to)}/${seg(toId)}/${type}`, idempotent: true };
      }
      // Date versions remove every association between the two records (there is one type per pair here).
      return { operation: 'deleteTaskAssociation', method: 'DELETE', path: `${tasks}/${seg(taskId)}/associations/${seg(to)}/${seg(toId)}`, idempotent: true };
    },
    listOwners: () => ({ operation: 'listOwners', method: 'GET', path: p.owners, idempotent: true }),
    accountDetails: () => ({ operation: 'accountDetails', method: 'GET', path: p.accountDetails, idempotent: true }),
    taskProperty: (name) => ({ operation: 'taskProperty', method: 'GET', path: `${p.properties}/tasks/${seg(name)}`, idempotent: true }),
    searchObjects: (type, body) => ({
      operation: SEARCH_OPERATION[type], method: 'POST', path: `${p.objects}/${seg(type)}/search`, idempotent: true, search: true, body,
    }),
    batchReadObjects: (type, ids, properties) => ({
      operation: `batchRead${capitalised(type)}`, method: 'POST', path: `${p.objects}/${seg(type)}/batch/read`, idempotent: true,
      body: readBody(ids, properties),
    }),
  };
}

const BY_VERSION: Record<ApiVersion, Endpoints> = {
  v3: build('v3'),
  '2026-03': build('2026-03'),
  '2026-09': build('2026-09'),
};

export function endpointsFor(version: ApiVersion): Endpoints {
  return BY_VERSION[version];
}

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

function seg(value: string): string {
  return encodeURIComponent(value);
}

/** One request description; every operation is safe to repeat except the creates. */
function call(operation: string, method: HttpRequest['method'], path: string, body?: unknown, idempotent = true, search?: boolean): Call {
  return { operation, method, path, idempotent, body, search };
}

function build(version: ApiVersion): Endpoints {
  const dated = version !== 'v3';
  // v3: `/crm/v3/…` plus v4's batch associations API (the legacy numeric API HubSpot keeps for them).
  const objects = dated ? `/crm/objects/${version}` : '/crm/v3/objects';
  const tasks = `${objects}/tasks`;
  const task = (id: string): string => `${tasks}/${seg(id)}`;
  // Date versions name the pair only (`…/associations/{to}/{toId}`, `…/associations/default/{to}/{toId}`);
  // the seed's v3 path ends with the type id.
  const pair = (id: string, to: AssociatedObjectType, toId: string, typeId?: number, def = ''): string =>
    `${task(id)}/associations/${def}${seg(to)}/${seg(toId)}${dated ? '' : `/${typeId ?? TASK_ASSOCIATION_TYPE_IDS[to]}`}`;
  // The official files mark these members required although HubSpot accepts requests without them:
  // date-version requests carry them (empty) so they match the files; v3 requests stay as the seed's spec has them.
  const createShape = (input: CreateInput): CreateInput => (dated && !input.associations ? { ...input, associations: [] } : input);
  const readBody = (ids: string[], properties: string[]): unknown => ({
    properties,
    ...(dated ? { propertiesWithHistory: [] } : {}),
    inputs: ids.map((id) => ({ id })),
  });
  const typed = (type: AssociatedObjectType): string => `${type[0].toUpperCase()}${type.slice(1)}`;

  return {
    version,
    associationListing: dated ? 'batch-read' : 'per-task',
    listTasks: () => call('listTasks', 'GET', tasks),
    getTask: (id) => call('getTask', 'GET', task(id)),
    createTask: (input) => call('createTask', 'POST', tasks, createShape(input), false),
    updateTask: (id, properties) => call('updateTask', 'PATCH', task(id), { properties }),
    archiveTask: (id) => call('deleteTask', 'DELETE', task(id)),
    batchReadTasks: (ids, properties) => call('batchReadTasks', 'POST', `${tasks}/batch/read`, readBody(ids, properties)),
    batchCreateTasks: (inputs) => call('batchCreateTasks', 'POST', `${tasks}/batch/create`, { inputs: inputs.map(createShape) }, false),
    batchUpdateTasks: (inputs) => call('batchUpdateTasks', 'POST', `${tasks}/batch/update`, { inputs }),
    // Archiving an archived task changes nothing: safe to repeat.
    batchArchiveTasks: (ids) => call('batchArchiveTasks', 'POST', `${tasks}/batch/archive`, { inputs: ids.map((id) => ({ id })) }),
    searchTasks: (body) => call('searchTasks', 'POST', `${tasks}/search`, body, true, true),
    // Date versions have no per-object GET (associationListing); their callers use the batch read.
    listTaskAssociations: (id, to) => call('listTaskAssociations', 'GET', `${task(id)}/associations/${seg(to)}`),
    batchReadTaskAssociations: (to, inputs) => call('batchReadTaskAssociations', 'POST',
      `${dated ? `/crm/associations/${version}` : '/crm/v4/associations'}/tasks/${seg(to)}/batch/read`, { inputs }),
    createTaskAssociation: (id, to, toId, typeId) => (!dated || typeId === undefined || typeId === TASK_ASSOCIATION_TYPE_IDS[to]
      ? call('createTaskAssociation', 'PUT', pair(id, to, toId, typeId, dated ? 'default/' : ''))
      // A labelled association: its types go in the body.
      : call('createTaskAssociation', 'PUT', pair(id, to, toId), [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } satisfies AssociationSpec])),
    // Date versions remove every association between the two records (one type per pair here).
    deleteTaskAssociation: (id, to, toId, typeId) => call('deleteTaskAssociation', 'DELETE', pair(id, to, toId, typeId)),
    // owners.2026-09.json names no 2026-03 alias (every other file does): owners were first dated in 2026-09,
    // so a 2026-03 client still reads them at the legacy path.
    listOwners: () => call('listOwners', 'GET', version === '2026-09' ? '/crm/owners/2026-09' : '/crm/v3/owners'),
    accountDetails: () => call('accountDetails', 'GET', `/account-info/${version}/details`),
    taskProperty: (name) => call('taskProperty', 'GET', `${dated ? `/crm/properties/${version}` : '/crm/v3/properties'}/tasks/${seg(name)}`),
    searchObjects: (type, body) => call(`search${typed(type)}`, 'POST', `${objects}/${seg(type)}/search`, body, true, true),
    batchReadObjects: (type, ids, properties) => call(`batchRead${typed(type)}`, 'POST', `${objects}/${seg(type)}/batch/read`, readBody(ids, properties)),
  };
}

const BY_VERSION = Object.fromEntries(API_VERSIONS.map((v) => [v, build(v)])) as Record<ApiVersion, Endpoints>;

export function endpointsFor(version: ApiVersion): Endpoints {
  return BY_VERSION[version];
}

/**
 * HubSpot's OAuth token endpoints (official/oauth.2026-09.json, oauth.v1.json). Only 2026-09 has dated
 * OAuth paths (no 2026-03 file, as with owners): v3 and 2026-03 clients use v1's. All form-encoded, no bearer.
 */
export interface OAuthEndpoints {
  /** `POST`, grant_type=authorization_code|refresh_token → `{access_token, refresh_token, expires_in, …}`. */
  readonly token: string;
  /** Who a token belongs to: 2026-09 `POST …/token/introspect` (form `token`), v1 `GET …/access-tokens/{token}`. */
  introspect(token: string): { method: 'GET' | 'POST'; path: string };
  /** Revoking a refresh token: 2026-09 `POST …/token/revoke` (form `token`), v1 `DELETE …/refresh-tokens/{token}`. */
  revoke(refreshToken: string): { method: 'POST' | 'DELETE'; path: string };
}

export function oauthEndpointsFor(version: ApiVersion): OAuthEndpoints {
  if (version === '2026-09') {
    return {
      token: '/oauth/2026-09/token',
      introspect: () => ({ method: 'POST', path: '/oauth/2026-09/token/introspect' }),
      revoke: () => ({ method: 'POST', path: '/oauth/2026-09/token/revoke' }),
    };
  }
  return {
    token: '/oauth/v1/token',
    introspect: (token) => ({ method: 'GET', path: `/oauth/v1/access-tokens/${seg(token)}` }),
    revoke: (refreshToken) => ({ method: 'DELETE', path: `/oauth/v1/refresh-tokens/${seg(refreshToken)}` }),
  };
}

/**
 * Where the user consents: HubSpot's app (`app.hubspot.com`) for its public API host, the API host's own
 * `/oauth/authorize` otherwise (the sandbox, a proxy). EU hosts (`api-eu1.hubapi.com`) consent at `app-eu1`.
 */
export function oauthAuthorizeUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const hubapi = /^api(-[a-z0-9]+)?\.hubapi\.com$/.exec(url.hostname);
  return hubapi ? `https://app${hubapi[1] ?? ''}.hubspot.com/oauth/authorize` : `${url.origin}${url.pathname.replace(/\/+$/, '')}/oauth/authorize`;
}

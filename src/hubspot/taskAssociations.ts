// Reading tasks' associations through HubSpot's associations batch read (its own bundle,
// dist/taskAssociations.js): only the tree's records, Go to Task and, in date versions, the task editor
// list associations, so this code stays out of dist/extension.js and is `require()`d on first use.
import type { Page } from './api';
import { chunk } from './batch';
import type { Endpoints } from './endpoints';
import type { HttpClient } from './httpClient';
import { array, batchResponse, id, nextCursor, record, type Shape } from './shapes';
import type { AssociatedObjectType, AssociationRef } from './types';

/** A guard against a server whose association pages never end. */
const MAX_PAGES = 50;

/** One result of an associations batch read: the records one task is associated with (one page). */
interface AssociationMulti {
  from: string;
  to: { id: string; typeIds: number[] }[];
  after?: string;
}

/**
 * `{from: {id}, to: [{toObjectId, associationTypes: [{typeId}]}], paging?}`: v4 sends `toObjectId` as a
 * number, the date versions as a string; both become the id string.
 */
const associationMulti: Shape<AssociationMulti> = (v, path) => {
  const r = record(v, path);
  const from = id(record(r.from, `${path}.from`).id, `${path}.from.id`);
  const to = r.to === undefined || r.to === null ? [] : array(r.to, `${path}.to`, (x, p) => {
    const t = record(x, p);
    const types = Array.isArray(t.associationTypes) ? t.associationTypes : [];
    const typeIds = types.map((y) => (y && typeof y === 'object' ? (y as { typeId?: unknown }).typeId : undefined))
      .filter((n): n is number => Number.isInteger(n));
    return { id: id(t.toObjectId, `${p}.toObjectId`), typeIds };
  });
  const after = nextCursor(r.paging, `${path}.paging`)?.next?.after;
  return after === undefined ? { from, to } : { from, to, after };
};

/**
 * One associations batch read (≤ 100 inputs). HubSpot answers 207 naming the tasks that have no
 * associations of that type (or do not exist) in `errors`: those simply have none here.
 */
async function read(http: HttpClient, endpoints: Endpoints, to: AssociatedObjectType, inputs: { id: string; after?: string }[]): Promise<AssociationMulti[]> {
  // Checked here, not inside the client: this bundle's copy of MalformedResponseError is not `instanceof`
  // the client's (it is branded, so isHubSpotError still sees it), and the client would take it for a
  // network failure.
  const { data } = await http.request(endpoints.batchReadTaskAssociations(to, inputs), (v: unknown) => v);
  return batchResponse(associationMulti)(data, 'response').results;
}

/** TasksApi.batchReadTaskAssociations: one request per 100 tasks, more only for a task with more than a page. */
export async function readTaskAssociations(http: HttpClient, endpoints: Endpoints, taskIds: string[], to: AssociatedObjectType): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const unique = [...new Set(taskIds)];
  for (const taskId of unique) {
    out.set(taskId, []);
  }
  let pending: { id: string; after?: string }[] = unique.map((taskId) => ({ id: taskId }));
  for (let page = 0; pending.length > 0 && page < MAX_PAGES; page++) {
    const next: { id: string; after?: string }[] = [];
    for (const part of chunk(pending)) {
      for (const result of await read(http, endpoints, to, part)) {
        const ids = out.get(result.from);
        if (!ids) {
          continue; // not asked for: ignored rather than trusted
        }
        for (const target of result.to) {
          if (!ids.includes(target.id)) {
            ids.push(target.id);
          }
        }
        if (result.after) {
          next.push({ id: result.from, after: result.after });
        }
      }
    }
    pending = next;
  }
  return out;
}

/** TasksApi.listTaskAssociations in date versions, which have no per-task GET: a batch read of one. */
export async function listByBatchRead(http: HttpClient, endpoints: Endpoints, taskId: string, to: AssociatedObjectType, after?: string): Promise<Page<AssociationRef>> {
  const [result] = await read(http, endpoints, to, [after ? { id: taskId, after } : { id: taskId }]);
  const items = (result?.to ?? []).map((target) => ({ id: target.id, type: target.typeIds.length ? String(target.typeIds[0]) : '' }));
  return { items, cursor: result?.after };
}

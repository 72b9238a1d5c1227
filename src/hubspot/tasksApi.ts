// The 12 task operations of the spec (tasks-api.openapi.yml), one method each.
import type { BatchOptions, BatchResult, ListTasksOptions, Page, SearchPage, TasksApi } from './api';
import { runBatch } from './batch';
import type { HttpClient } from './httpClient';
import { apiObject, associationRef, batchResponse, collection, searchResponse } from './shapes';
import { searchRequestBody, toSearchPage } from './search';
import {
  ApiTask,
  AssociatedObjectType,
  AssociationRef,
  CreateInput,
  Properties,
  SearchRequest,
  TASK_ASSOCIATION_TYPE_IDS,
  UpdateInput,
} from './types';

const TASKS = '/crm/v3/objects/tasks';
export const LIST_LIMIT_MAX = 100;

/**
 * HubSpot clears a property with an empty string; `null` in our Properties type means "no value",
 * so outgoing nulls become "" (which also keeps requests within the spec: values are strings).
 */
export function toWireProperties(properties: Properties): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(properties)) {
    out[k] = v ?? '';
  }
  return out;
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

function clamp(n: number | undefined, max: number): number | undefined {
  return n === undefined ? undefined : Math.max(1, Math.min(max, Math.floor(n)));
}

function csv(properties: string[] | undefined): string | undefined {
  return properties && properties.length > 0 ? properties.join(',') : undefined;
}

export class HubSpotTasksApi implements TasksApi {
  constructor(private readonly http: HttpClient) {}

  async listTasks(options: ListTasksOptions = {}): Promise<Page<ApiTask>> {
    const { data } = await this.http.request({
      operation: 'listTasks', method: 'GET', path: TASKS, idempotent: true,
      query: {
        limit: clamp(options.limit, LIST_LIMIT_MAX),
        after: options.after,
        properties: csv(options.properties),
        archived: options.archived,
      },
    }, collection(apiObject));
    return { items: data.results, cursor: data.paging?.next?.after };
  }

  async getTask(id: string, properties?: string[]): Promise<ApiTask> {
    const { data } = await this.http.request({
      operation: 'getTask', method: 'GET', path: `${TASKS}/${seg(id)}`, idempotent: true,
      query: { properties: csv(properties) },
    }, apiObject);
    return data;
  }

  /** Never retried after an ambiguous failure: a NetworkError with `ambiguous` leaves it to the caller. */
  async createTask(input: CreateInput): Promise<ApiTask> {
    const body: Record<string, unknown> = { properties: toWireProperties(input.properties) };
    if (input.associations && input.associations.length > 0) {
      body.associations = input.associations;
    }
    const { data } = await this.http.request({ operation: 'createTask', method: 'POST', path: TASKS, body, idempotent: false }, apiObject);
    return data;
  }

  async updateTask(id: string, properties: Properties): Promise<ApiTask> {
    const { data } = await this.http.request({
      operation: 'updateTask', method: 'PATCH', path: `${TASKS}/${seg(id)}`,
      body: { properties: toWireProperties(properties) }, idempotent: true,
    }, apiObject);
    return data;
  }

  async archiveTask(id: string): Promise<void> {
    await this.http.request({ operation: 'deleteTask', method: 'DELETE', path: `${TASKS}/${seg(id)}`, idempotent: true });
  }

  async batchReadTasks(ids: string[], properties: string[], options?: BatchOptions): Promise<BatchResult<ApiTask>> {
    const unique = [...new Set(ids)];
    return runBatch(unique, (id) => id, async (part) => (await this.http.request({
      operation: 'batchReadTasks', method: 'POST', path: `${TASKS}/batch/read`, idempotent: true,
      body: { properties, inputs: part.map((id) => ({ id })) },
    }, batchResponse(apiObject))).data, options);
  }

  /**
   * Inputs without an `objectWriteTraceId` get their index in `inputs` as one, so every error can
   * be matched to its input. Never retried after an ambiguous failure (the chunk is reported failed
   * with a NetworkError cause whose `ambiguous` is true).
   */
  async batchCreateTasks(inputs: CreateInput[], options?: BatchOptions): Promise<BatchResult<ApiTask>> {
    const traced = inputs.map((input, i) => {
      const wire: CreateInput = { properties: toWireProperties(input.properties), objectWriteTraceId: input.objectWriteTraceId ?? String(i) };
      if (input.associations && input.associations.length > 0) {
        wire.associations = input.associations;
      }
      return wire;
    });
    return runBatch(traced, (input) => input.objectWriteTraceId ?? '', async (part) => (await this.http.request({
      operation: 'batchCreateTasks', method: 'POST', path: `${TASKS}/batch/create`, idempotent: false,
      body: { inputs: part },
    }, batchResponse(apiObject))).data, options);
  }

  async batchUpdateTasks(inputs: UpdateInput[], options?: BatchOptions): Promise<BatchResult<ApiTask>> {
    const wire = inputs.map((input) => ({ ...input, properties: toWireProperties(input.properties) }));
    return runBatch(wire, (input) => input.id, async (part) => (await this.http.request({
      operation: 'batchUpdateTasks', method: 'POST', path: `${TASKS}/batch/update`, idempotent: true,
      body: { inputs: part },
    }, batchResponse(apiObject))).data, options);
  }

  async searchTasks(request: SearchRequest): Promise<SearchPage<ApiTask>> {
    const { data } = await this.http.request({
      operation: 'searchTasks', method: 'POST', path: `${TASKS}/search`, idempotent: true, search: true,
      body: searchRequestBody(request),
    }, searchResponse(apiObject));
    return toSearchPage(data);
  }

  async listTaskAssociations(taskId: string, toObjectType: AssociatedObjectType, after?: string): Promise<Page<AssociationRef>> {
    const { data } = await this.http.request({
      operation: 'listTaskAssociations', method: 'GET', path: `${TASKS}/${seg(taskId)}/associations/${seg(toObjectType)}`,
      idempotent: true, query: { after },
    }, collection(associationRef));
    return { items: data.results, cursor: data.paging?.next?.after };
  }

  async createTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Promise<void> {
    await this.http.request({
      operation: 'createTaskAssociation', method: 'PUT', path: this.associationPath(taskId, toObjectType, toObjectId, associationTypeId),
      // Associating twice leaves one association: safe to repeat.
      idempotent: true,
    });
  }

  async deleteTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Promise<void> {
    await this.http.request({
      operation: 'deleteTaskAssociation', method: 'DELETE', path: this.associationPath(taskId, toObjectType, toObjectId, associationTypeId),
      idempotent: true,
    });
  }

  private associationPath(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, typeId?: number): string {
    const type = typeId ?? TASK_ASSOCIATION_TYPE_IDS[toObjectType];
    return `${TASKS}/${seg(taskId)}/associations/${seg(toObjectType)}/${seg(toObjectId)}/${type}`;
  }
}

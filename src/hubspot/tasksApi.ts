// The task operations (the seed spec's 12, batch archive, associations batch read), one method each.
// Paths and body shapes come from endpoints.ts for the version asked for at each call.
import type { BatchOptions, BatchResult, ListTasksOptions, Page, SearchPage, TasksApi } from './api';
import { runBatch } from './batch';
import type { Endpoints } from './endpoints';
import type { HttpClient } from './httpClient';
import { apiObject, associationRef, batchResponse, collection, searchResponse } from './shapes';
import { searchRequestBody, toSearchPage } from './search';
import type {
  ApiTask,
  AssociatedObjectType,
  AssociationRef,
  CreateInput,
  Properties,
  SearchRequest,
  UpdateInput,
} from './types';

import type * as TaskAssociationsModule from './taskAssociations';

export const LIST_LIMIT_MAX = 100;

/** The associations batch read lives in its own bundle (dist/taskAssociations.js), loaded on first use. */
function taskAssociations(): typeof TaskAssociationsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./taskAssociations') as typeof TaskAssociationsModule;
}

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

function clamp(n: number | undefined, max: number): number | undefined {
  return n === undefined ? undefined : Math.max(1, Math.min(max, Math.floor(n)));
}

function csv(properties: string[] | undefined): string | undefined {
  return properties && properties.length > 0 ? properties.join(',') : undefined;
}

export class HubSpotTasksApi implements TasksApi {
  /** @param endpoints read at every call: the API version may change between two requests. */
  constructor(private readonly http: HttpClient, private readonly endpoints: () => Endpoints) {}

  async listTasks(options: ListTasksOptions = {}): Promise<Page<ApiTask>> {
    const { data } = await this.http.request({
      ...this.endpoints().listTasks(),
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
      ...this.endpoints().getTask(id),
      query: { properties: csv(properties) },
    }, apiObject);
    return data;
  }

  /** Never retried after an ambiguous failure: a NetworkError with `ambiguous` leaves it to the caller. */
  async createTask(input: CreateInput): Promise<ApiTask> {
    const wire: CreateInput = { properties: toWireProperties(input.properties) };
    if (input.associations && input.associations.length > 0) {
      wire.associations = input.associations;
    }
    const { data } = await this.http.request(this.endpoints().createTask(wire), apiObject);
    return data;
  }

  async updateTask(id: string, properties: Properties): Promise<ApiTask> {
    const { data } = await this.http.request(this.endpoints().updateTask(id, toWireProperties(properties)), apiObject);
    return data;
  }

  async archiveTask(id: string): Promise<void> {
    await this.http.request(this.endpoints().archiveTask(id));
  }

  async batchReadTasks(ids: string[], properties: string[], options?: BatchOptions): Promise<BatchResult<ApiTask>> {
    const unique = [...new Set(ids)];
    return runBatch(unique, (id) => id, async (part) => (await this.http.request(
      this.endpoints().batchReadTasks(part, properties), batchResponse(apiObject))).data, options);
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
    return runBatch(traced, (input) => input.objectWriteTraceId ?? '', async (part) => (await this.http.request(
      this.endpoints().batchCreateTasks(part), batchResponse(apiObject))).data, options);
  }

  async batchUpdateTasks(inputs: UpdateInput[], options?: BatchOptions): Promise<BatchResult<ApiTask>> {
    const wire = inputs.map((input) => ({ ...input, properties: toWireProperties(input.properties) }));
    return runBatch(wire, (input) => input.id, async (part) => (await this.http.request(
      this.endpoints().batchUpdateTasks(part), batchResponse(apiObject))).data, options);
  }

  async batchArchiveTasks(ids: string[], options?: BatchOptions): Promise<BatchResult<string>> {
    const unique = [...new Set(ids)];
    return runBatch(unique, (id) => id, async (part) => {
      // 204, no body: the chunk succeeded as a whole.
      await this.http.request(this.endpoints().batchArchiveTasks(part));
      const now = new Date().toISOString();
      return { status: 'COMPLETE', results: part, startedAt: now, completedAt: now };
    }, options);
  }

  async searchTasks(request: SearchRequest): Promise<SearchPage<ApiTask>> {
    const { data } = await this.http.request(this.endpoints().searchTasks(searchRequestBody(request)), searchResponse(apiObject));
    return toSearchPage(data);
  }

  async listTaskAssociations(taskId: string, toObjectType: AssociatedObjectType, after?: string): Promise<Page<AssociationRef>> {
    const endpoints = this.endpoints();
    if (endpoints.associationListing === 'batch-read') {
      return taskAssociations().listByBatchRead(this.http, endpoints, taskId, toObjectType, after);
    }
    const { data } = await this.http.request({
      ...endpoints.listTaskAssociations(taskId, toObjectType), query: { after },
    }, collection(associationRef));
    return { items: data.results, cursor: data.paging?.next?.after };
  }

  async batchReadTaskAssociations(taskIds: string[], toObjectType: AssociatedObjectType): Promise<Map<string, string[]>> {
    return taskAssociations().readTaskAssociations(this.http, this.endpoints(), taskIds, toObjectType);
  }

  async createTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Promise<void> {
    // Associating twice leaves one association: the endpoint marks it safe to repeat.
    await this.http.request(this.endpoints().createTaskAssociation(taskId, toObjectType, toObjectId, associationTypeId));
  }

  async deleteTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Promise<void> {
    await this.http.request(this.endpoints().deleteTaskAssociation(taskId, toObjectType, toObjectId, associationTypeId));
  }
}

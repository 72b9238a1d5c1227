// The surface of the HubSpot client that the rest of the extension programs against.
// Implemented by HubSpotClient (client.ts); feature code depends on these interfaces only.
import type {
  AccountDetails,
  ApiObject,
  ApiTask,
  AssociatedObjectType,
  AssociationRef,
  CreateInput,
  Owner,
  Properties,
  PropertyDefinition,
  SearchRequest,
  UpdateInput,
} from './types';

/** A page of results and the cursor of the next page (absent on the last page). */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface SearchPage<T> extends Page<T> {
  /** Total matches reported by HubSpot (may exceed what search can page through: 10,000). */
  total: number;
}

/** One input of a batch call that HubSpot rejected (from a 207, or a whole failed chunk). */
export interface BatchInputError {
  message: string;
  category: string;
  status?: string;
  /** Ids (update/read) or objectWriteTraceIds (create) of the inputs this error names. */
  ids: string[];
  /** The error object when a whole chunk failed (network, 5xx after retries, 429…). */
  cause?: Error;
}

/** Per-input outcome of a batch call: what succeeded and what did not; never thrown away. */
export interface BatchResult<T> {
  results: T[];
  errors: BatchInputError[];
}

export interface BatchOptions {
  /** Stop before the next chunk of 100 when aborted; chunks already sent are reported. */
  signal?: AbortSignal;
  /** Called after each chunk with the cumulative number of inputs processed. */
  onProgress?: (done: number, total: number) => void;
}

export interface ListTasksOptions {
  limit?: number; // ≤ 100
  after?: string;
  properties?: string[];
  archived?: boolean;
}

export interface TasksApi {
  listTasks(options?: ListTasksOptions): Promise<Page<ApiTask>>;
  getTask(id: string, properties?: string[]): Promise<ApiTask>;
  createTask(input: CreateInput): Promise<ApiTask>;
  updateTask(id: string, properties: Properties): Promise<ApiTask>;
  archiveTask(id: string): Promise<void>;
  batchReadTasks(ids: string[], properties: string[], options?: BatchOptions): Promise<BatchResult<ApiTask>>;
  batchCreateTasks(inputs: CreateInput[], options?: BatchOptions): Promise<BatchResult<ApiTask>>;
  batchUpdateTasks(inputs: UpdateInput[], options?: BatchOptions): Promise<BatchResult<ApiTask>>;
  /**
   * `POST …/tasks/batch/archive`, one request per 100 ids. A chunk is all or nothing (HubSpot answers
   * 204 without per-input results), so `results` are the ids of the chunks that succeeded.
   */
  batchArchiveTasks(ids: string[], options?: BatchOptions): Promise<BatchResult<string>>;
  /** Throws SearchLimitError instead of asking for results past HubSpot's 10,000 cap. */
  searchTasks(request: SearchRequest): Promise<SearchPage<ApiTask>>;
  listTaskAssociations(taskId: string, toObjectType: AssociatedObjectType, after?: string): Promise<Page<AssociationRef>>;
  /**
   * The ids of the `toObjectType` records each task is associated with: ONE request per 100 tasks
   * (more only for a task with more than a page of associations). Every requested task id is a key;
   * a task with none (or unknown to HubSpot) maps to [].
   */
  batchReadTaskAssociations(taskIds: string[], toObjectType: AssociatedObjectType): Promise<Map<string, string[]>>;
  /** associationTypeId defaults to HubSpot's task → object type (204 / 192 / 216). */
  createTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Promise<void>;
  deleteTaskAssociation(taskId: string, toObjectType: AssociatedObjectType, toObjectId: string, associationTypeId?: number): Promise<void>;
}

export interface OwnersApi {
  listOwners(options?: { limit?: number; after?: string; email?: string }): Promise<Page<Owner>>;
  /** All owners, following cursors. */
  allOwners(): Promise<Owner[]>;
  findOwnerByEmail(email: string): Promise<Owner | undefined>;
}

export interface CrmApi {
  /** CRM search of contacts / companies / deals by free text (name, email, domain…). */
  searchObjects(objectType: AssociatedObjectType, query: string, options?: { limit?: number; properties?: string[]; after?: string }): Promise<SearchPage<ApiObject>>;
  /** Batch read of contacts / companies / deals by id (for showing associated records' names). */
  readObjects(objectType: AssociatedObjectType, ids: string[], properties: string[]): Promise<ApiObject[]>;
}

export interface AccountApi {
  accountDetails(): Promise<AccountDetails>;
  /** `GET …/properties/tasks/{name}` (endpoints.ts): option lists of status, priority, type. */
  taskProperty(name: string): Promise<PropertyDefinition>;
}

export interface HubSpotApi {
  readonly tasks: TasksApi;
  readonly owners: OwnersApi;
  readonly crm: CrmApi;
  readonly account: AccountApi;
}

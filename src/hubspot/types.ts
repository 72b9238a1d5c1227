// Wire types of the HubSpot APIs this extension uses. They are the contract shared by the client
// (src/hubspot) and the local sandbox (sandbox/): types only, never logic.
// Source: the seed spec (test/fixtures/tasks-api.openapi.yml, a copy of ../shared/hubspot/tasks-api.openapi.yml:
// the 12 task operations) and ../shared/hubspot/FACTS.md for the rest.

/** Every property value travels as a string, or null when the record has no value. */
export type Properties = Record<string, string | null>;

/** Well-known task properties (FACTS.md). */
export const TaskProperty = {
  timestamp: 'hs_timestamp',
  subject: 'hs_task_subject',
  body: 'hs_task_body',
  status: 'hs_task_status',
  priority: 'hs_task_priority',
  type: 'hs_task_type',
  reminders: 'hs_task_reminders',
  owner: 'hubspot_owner_id',
  createDate: 'hs_createdate',
  lastModifiedDate: 'hs_lastmodifieddate',
} as const;

export interface ApiObject {
  id: string;
  properties: Properties;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
  archivedAt?: string;
  associations?: Record<string, CollectionResponse<AssociationRef>>;
  /** On batch-create results: the input's objectWriteTraceId, to pair results with inputs. */
  objectWriteTraceId?: string;
}
export type ApiTask = ApiObject;

export interface Paging {
  next?: { after: string; link?: string };
}

export interface CollectionResponse<T> {
  results: T[];
  paging?: Paging;
}

export interface SearchResponse<T> extends CollectionResponse<T> {
  total: number;
}

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationSpec {
  associationCategory: AssociationCategory;
  associationTypeId: number;
}

/** Inline association on create: `{to: {id}, types: [...]}`. */
export interface InlineAssociation {
  to: { id: string };
  types: AssociationSpec[];
}

/** One row of `GET /tasks/{id}/associations/{toObjectType}`. */
export interface AssociationRef {
  id: string;
  type: string;
}

export type AssociatedObjectType = 'contacts' | 'companies' | 'deals';

/** Default HubSpot-defined association type ids from a task (FACTS.md). */
export const TASK_ASSOCIATION_TYPE_IDS: Record<AssociatedObjectType | 'tickets', number> = {
  contacts: 204,
  companies: 192,
  deals: 216,
  tickets: 230,
};

export interface CreateInput {
  properties: Properties;
  associations?: InlineAssociation[];
  /** Echoed back in per-input batch errors so a client can tell which input failed. */
  objectWriteTraceId?: string;
}

export interface UpdateInput {
  id: string;
  properties: Properties;
  objectWriteTraceId?: string;
}

export interface BatchReadRequest {
  properties: string[];
  inputs: { id: string }[];
  propertiesWithHistory?: string[];
}

export interface BatchError {
  status: string;
  category: string;
  message: string;
  context?: Record<string, string[]>;
  subCategory?: string;
}

export interface BatchResponse<T> {
  status: 'PENDING' | 'PROCESSING' | 'CANCELED' | 'COMPLETE';
  results: T[];
  startedAt: string;
  completedAt: string;
  numErrors?: number;
  errors?: BatchError[];
}

export type FilterOperator =
  | 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'BETWEEN' | 'IN' | 'NOT_IN'
  | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY' | 'CONTAINS_TOKEN' | 'NOT_CONTAINS_TOKEN';

export const FILTER_OPERATORS: readonly FilterOperator[] = [
  'EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN',
  'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN',
];

export interface Filter {
  propertyName: string;
  operator: FilterOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface FilterGroup {
  filters: Filter[];
}

export interface Sort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchRequest {
  filterGroups?: FilterGroup[];
  sorts?: Sort[];
  query?: string;
  properties?: string[];
  limit?: number;
  after?: string | number;
}

/** HubSpot's error body. */
export interface ApiErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  subCategory?: string;
  errors?: { message: string; code?: string; in?: string; context?: Record<string, string[]> }[];
  context?: Record<string, string[]>;
  links?: Record<string, string>;
  /** On 429 responses. */
  policyName?: string;
}

export interface Owner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number | null;
  type: 'PERSON' | 'QUEUE';
  archived?: boolean;
  createdAt?: string;
  updatedAt?: string;
}

export interface AccountDetails {
  portalId: number;
  timeZone: string;
  companyCurrency?: string;
  uiDomain: string;
  dataHostingLocation: string;
  accountType?: string;
}

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder?: number;
  hidden?: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  options: PropertyOption[];
}

/** Rate-limit headers HubSpot sends. */
export const RateLimitHeader = {
  max: 'x-hubspot-ratelimit-max',
  remaining: 'x-hubspot-ratelimit-remaining',
  intervalMs: 'x-hubspot-ratelimit-interval-milliseconds',
  daily: 'x-hubspot-ratelimit-daily',
  dailyRemaining: 'x-hubspot-ratelimit-daily-remaining',
} as const;

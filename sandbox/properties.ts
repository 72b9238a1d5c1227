// Property definitions of the object types the sandbox serves, and HubSpot's validation of written
// values (required hs_timestamp, datetimes as ms or ISO, enumeration options, owner ids, unknown names).
import type { PropertyDefinition, PropertyOption } from '../src/hubspot/types';
import { PropertyProblem } from './errors';

export type ObjectType = 'tasks' | 'contacts' | 'companies' | 'deals';
export const OBJECT_TYPES: readonly ObjectType[] = ['tasks', 'contacts', 'companies', 'deals'];

type PropType = 'string' | 'number' | 'datetime' | 'enumeration' | 'bool';

interface PropDef {
  type: PropType;
  label: string;
  /** Set by the server only; writes are ignored. */
  readOnly?: boolean;
  options?: [value: string, label: string][];
}

function opts(list: [string, string][]): [string, string][] {
  return list;
}

const TASK_PROPS: Record<string, PropDef> = {
  hs_timestamp: { type: 'datetime', label: 'Due date' },
  hs_task_subject: { type: 'string', label: 'Task Title' },
  hs_task_body: { type: 'string', label: 'Notes' },
  hs_task_status: {
    type: 'enumeration', label: 'Task Status',
    options: opts([['NOT_STARTED', 'Not started'], ['IN_PROGRESS', 'In progress'], ['WAITING', 'Waiting on someone else'], ['COMPLETED', 'Completed'], ['DEFERRED', 'Deferred']]),
  },
  hs_task_priority: {
    type: 'enumeration', label: 'Priority',
    options: opts([['NONE', 'None'], ['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High']]),
  },
  hs_task_type: {
    type: 'enumeration', label: 'Task Type',
    options: opts([['TODO', 'To-do'], ['CALL', 'Call'], ['EMAIL', 'Email'], ['LINKED_IN', 'LinkedIn'], ['MEETING', 'Meeting'],
      ['LINKED_IN_CONNECT', 'Sales Navigator - Connection Request'], ['LINKED_IN_MESSAGE', 'Sales Navigator - InMail']]),
  },
  hs_task_reminders: { type: 'string', label: 'Reminder' },
  hs_task_completion_date: { type: 'datetime', label: 'Completed at', readOnly: true },
  hs_task_is_all_day: { type: 'bool', label: 'Is all day' },
  hs_task_repeat_interval: { type: 'string', label: 'Repeat interval' },
  hs_queue_membership_ids: { type: 'string', label: 'Queue' },
  hubspot_owner_id: { type: 'enumeration', label: 'Assigned to' },
  hubspot_team_id: { type: 'enumeration', label: 'HubSpot Team' },
  hs_createdate: { type: 'datetime', label: 'Create date', readOnly: true },
  hs_lastmodifieddate: { type: 'datetime', label: 'Last modified date', readOnly: true },
  hs_object_id: { type: 'number', label: 'Record ID', readOnly: true },
};

const CONTACT_PROPS: Record<string, PropDef> = {
  firstname: { type: 'string', label: 'First Name' },
  lastname: { type: 'string', label: 'Last Name' },
  email: { type: 'string', label: 'Email' },
  phone: { type: 'string', label: 'Phone Number' },
  company: { type: 'string', label: 'Company Name' },
  jobtitle: { type: 'string', label: 'Job Title' },
  hubspot_owner_id: { type: 'enumeration', label: 'Contact owner' },
  createdate: { type: 'datetime', label: 'Create Date', readOnly: true },
  lastmodifieddate: { type: 'datetime', label: 'Last Modified Date', readOnly: true },
  hs_object_id: { type: 'number', label: 'Record ID', readOnly: true },
};

const COMPANY_PROPS: Record<string, PropDef> = {
  name: { type: 'string', label: 'Company name' },
  domain: { type: 'string', label: 'Company Domain Name' },
  city: { type: 'string', label: 'City' },
  industry: { type: 'string', label: 'Industry' },
  hubspot_owner_id: { type: 'enumeration', label: 'Company owner' },
  createdate: { type: 'datetime', label: 'Create Date', readOnly: true },
  hs_lastmodifieddate: { type: 'datetime', label: 'Last Modified Date', readOnly: true },
  hs_object_id: { type: 'number', label: 'Record ID', readOnly: true },
};

const DEAL_PROPS: Record<string, PropDef> = {
  dealname: { type: 'string', label: 'Deal Name' },
  amount: { type: 'number', label: 'Amount' },
  dealstage: { type: 'enumeration', label: 'Deal Stage' },
  pipeline: { type: 'enumeration', label: 'Pipeline' },
  closedate: { type: 'datetime', label: 'Close Date' },
  hubspot_owner_id: { type: 'enumeration', label: 'Deal owner' },
  createdate: { type: 'datetime', label: 'Create Date', readOnly: true },
  hs_lastmodifieddate: { type: 'datetime', label: 'Last Modified Date', readOnly: true },
  hs_object_id: { type: 'number', label: 'Record ID', readOnly: true },
};

export const PROPERTIES: Record<ObjectType, Record<string, PropDef>> = {
  tasks: TASK_PROPS, contacts: CONTACT_PROPS, companies: COMPANY_PROPS, deals: DEAL_PROPS,
};

/** What HubSpot returns when a request names no properties. */
export const DEFAULT_PROPERTIES: Record<ObjectType, string[]> = {
  tasks: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  deals: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
};

/** The default searchable text fields of `query`. */
export const QUERY_FIELDS: Record<ObjectType, string[]> = {
  tasks: ['hs_task_subject', 'hs_task_body'],
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company'],
  companies: ['name', 'domain'],
  deals: ['dealname', 'dealstage'],
};

export const CREATE_DATE_PROP: Record<ObjectType, string> = {
  tasks: 'hs_createdate', contacts: 'createdate', companies: 'createdate', deals: 'createdate',
};
export const MODIFIED_DATE_PROP: Record<ObjectType, string> = {
  tasks: 'hs_lastmodifieddate', contacts: 'lastmodifieddate', companies: 'hs_lastmodifieddate', deals: 'hs_lastmodifieddate',
};

export function propType(objectType: ObjectType, name: string): PropType | undefined {
  return PROPERTIES[objectType][name]?.type;
}

export function isKnownProperty(objectType: ObjectType, name: string): boolean {
  return name in PROPERTIES[objectType];
}

/** `GET /crm/v3/properties/tasks/{name}` body, or undefined for an unknown name. */
export function propertyDefinition(objectType: ObjectType, name: string, ownerOptions: PropertyOption[] = []): PropertyDefinition & Record<string, unknown> | undefined {
  const def = PROPERTIES[objectType][name];
  if (!def) {
    return undefined;
  }
  const options: PropertyOption[] = name === 'hubspot_owner_id'
    ? ownerOptions
    : (def.options ?? []).map(([value, label], i) => ({ label, value, displayOrder: i, hidden: false }));
  const fieldType = { string: 'text', number: 'number', datetime: 'date', enumeration: 'select', bool: 'booleancheckbox' }[def.type];
  return {
    name,
    label: def.label,
    type: def.type === 'bool' ? 'bool' : def.type,
    fieldType,
    description: '',
    groupName: objectType === 'tasks' ? 'task' : `${objectType.replace(/s$/, '').replace(/ie$/, 'y')}information`,
    options,
    displayOrder: -1,
    calculated: false,
    externalOptions: name === 'hubspot_owner_id',
    hasUniqueValue: false,
    hidden: false,
    hubspotDefined: true,
    modificationMetadata: { archivable: true, readOnlyDefinition: true, readOnlyValue: def.readOnly === true },
    formField: !def.readOnly,
    archived: false,
    createdAt: '2019-08-06T02:43:13.070Z',
    updatedAt: '2019-08-06T02:43:13.070Z',
  };
}

/** Parses a datetime property value (Unix ms or ISO-8601) to ms, or undefined when invalid. */
export function parseDateTime(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^-?\d+$/.test(trimmed)) {
    const ms = Number(trimmed);
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  // ISO-8601 only (Date.parse also accepts "March 3" and the like, HubSpot does not).
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) {
    return undefined;
  }
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

export interface NormalizeContext {
  objectType: ObjectType;
  /** Create requires hs_timestamp on tasks. */
  isCreate: boolean;
  ownerExists: (id: string) => boolean;
}

/**
 * Validates written properties and returns the values to store (strings; null = clear).
 * Values travel as strings but HubSpot also accepts numbers and booleans; datetimes are stored as
 * ISO strings, as HubSpot returns them.
 */
export function normalizeWrite(input: unknown, ctx: NormalizeContext): { values: Record<string, string | null>; problems: PropertyProblem[] } {
  const values: Record<string, string | null> = {};
  const problems: PropertyProblem[] = [];
  const defs = PROPERTIES[ctx.objectType];
  const props = (input && typeof input === 'object' && !Array.isArray(input)) ? input as Record<string, unknown> : {};
  for (const [name, raw] of Object.entries(props)) {
    const def = defs[name];
    if (!def) {
      problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (def.readOnly) {
      continue; // HubSpot ignores writes to server-set values.
    }
    if (raw === null || raw === '') {
      if (name === 'hs_timestamp' && ctx.objectType === 'tasks') {
        problems.push({ name, error: 'REQUIRED_FIELD', message: `${name} is required` });
      } else {
        values[name] = null;
      }
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      problems.push({ name, error: 'INVALID_VALUE', message: `${JSON.stringify(raw)} is not a valid value for ${name}` });
      continue;
    }
    const value = String(raw);
    const problem = checkValue(name, value, def, ctx);
    if (problem) {
      problems.push(problem);
    } else {
      values[name] = def.type === 'datetime' ? new Date(parseDateTime(value) as number).toISOString() : value;
    }
  }
  if (ctx.isCreate && ctx.objectType === 'tasks' && !('hs_timestamp' in props)) {
    problems.push({ name: 'hs_timestamp', error: 'REQUIRED_FIELD', message: 'hs_timestamp is required' });
  }
  return { values, problems };
}

function checkValue(name: string, value: string, def: PropDef, ctx: NormalizeContext): PropertyProblem | undefined {
  switch (def.type) {
    case 'datetime':
      return parseDateTime(value) === undefined
        ? { name, error: 'INVALID_DATE', message: `${value} was not a valid long or ISO-8601 date-time string. Format must be Unix milliseconds or YYYY-MM-DDThh:mm:ss.sssZ` }
        : undefined;
    case 'number':
      return Number.isFinite(Number(value)) ? undefined : { name, error: 'INVALID_LONG', message: `${value} was not a valid number` };
    case 'bool':
      return /^(true|false)$/i.test(value) ? undefined : { name, error: 'INVALID_BOOLEAN', message: `${value} was not a valid boolean` };
    case 'enumeration':
      if (name === 'hubspot_owner_id') {
        return ctx.ownerExists(value) ? undefined : { name, error: 'INVALID_OWNER_ID', message: `${value} is not a valid owner id` };
      }
      if (def.options && !def.options.some(([v]) => v === value)) {
        return { name, error: 'INVALID_OPTION', message: `${value} was not one of the allowed options: [${def.options.map(([v]) => v).join(', ')}]` };
      }
      return undefined;
    default:
      return undefined;
  }
}

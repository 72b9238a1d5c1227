// Translation between HubSpot's task records and the editor's form fields, and the diffs the editor
// saves (only the properties and associations the user changed). Pure: no editor, no network.
import type { ApiObject, ApiTask, AssociatedObjectType, Properties } from '../hubspot/types';
import { TaskProperty } from '../hubspot/types';
import { ownerDisplayName } from '../tasks/owners';
import { mergeNotes, sameNotes, sanitizeNotes } from '../tasks/htmlToText';
import type { AssociationItem, FieldName, Option, OwnerOption, TaskFields } from './protocol';
import { clip, FIELD_NAMES } from './protocol';

/** The task properties the editor reads (HubSpot returns only the properties asked for). */
export const EDITOR_TASK_PROPERTIES: string[] = [
  TaskProperty.subject, TaskProperty.body, TaskProperty.timestamp, TaskProperty.reminders, TaskProperty.status,
  TaskProperty.priority, TaskProperty.type, TaskProperty.owner, TaskProperty.lastModifiedDate,
];

/** Which property each form field writes; `associations` has no property. */
export const PROPERTY_OF_FIELD: Partial<Record<FieldName, string>> = {
  subject: TaskProperty.subject,
  notes: TaskProperty.body,
  dueAt: TaskProperty.timestamp,
  reminderAt: TaskProperty.reminders,
  status: TaskProperty.status,
  priority: TaskProperty.priority,
  type: TaskProperty.type,
  ownerId: TaskProperty.owner,
};

/** The form field a HubSpot property (e.g. one named in a VALIDATION_ERROR) belongs to. */
export function fieldOfProperty(property: string | undefined): FieldName | undefined {
  if (!property) {
    return undefined;
  }
  return FIELD_NAMES.find((field) => PROPERTY_OF_FIELD[field] === property);
}

/** HubSpot's documented option lists, used when the property definitions cannot be read (labels translated by the editor). */
export const FALLBACK_OPTIONS: Record<'status' | 'priority' | 'type', Option[]> = {
  status: [
    { value: 'NOT_STARTED', label: /*l10n*/ 'Not started' },
    { value: 'IN_PROGRESS', label: /*l10n*/ 'In progress' },
    { value: 'WAITING', label: /*l10n*/ 'Waiting' },
    { value: 'DEFERRED', label: /*l10n*/ 'Deferred' },
    { value: 'COMPLETED', label: /*l10n*/ 'Completed' },
  ],
  priority: [
    { value: 'LOW', label: /*l10n*/ 'Low' },
    { value: 'MEDIUM', label: /*l10n*/ 'Medium' },
    { value: 'HIGH', label: /*l10n*/ 'High' },
  ],
  type: [
    { value: 'TODO', label: /*l10n*/ 'To-do' },
    { value: 'CALL', label: /*l10n*/ 'Call' },
    { value: 'EMAIL', label: /*l10n*/ 'Email' },
  ],
};

/** Parses `hs_timestamp` / `hs_task_reminders`: Unix ms or an ISO-8601 string; the first of a list. */
export function parseTime(value: string | null | undefined): number | null {
  if (!value) {
    return null;
  }
  const first = value.split(/[;,]/)[0].trim();
  const ms = /^-?\d+$/.test(first) ? Number(first) : Date.parse(first);
  return Number.isFinite(ms) ? ms : null;
}

export function taskToFields(task: ApiTask, associations: AssociationItem[]): TaskFields {
  const p = task.properties ?? {};
  return {
    subject: p[TaskProperty.subject] ?? '',
    // The editor edits the note as allowlisted HTML (bold, links, lists…), never HubSpot's markup as is.
    notes: sanitizeNotes(p[TaskProperty.body]),
    dueAt: parseTime(p[TaskProperty.timestamp]),
    reminderAt: parseTime(p[TaskProperty.reminders]),
    status: p[TaskProperty.status] ?? '',
    priority: p[TaskProperty.priority] ?? '',
    type: p[TaskProperty.type] ?? '',
    ownerId: p[TaskProperty.owner] ?? '',
    associations,
  };
}

/** A version stamp for conflict detection: `updatedAt`, or the last-modified property. */
export function versionOf(task: ApiTask): string | undefined {
  return task.updatedAt || task.properties?.[TaskProperty.lastModifiedDate] || undefined;
}

function sameAssociations(a: AssociationItem[], b: AssociationItem[]): boolean {
  const keys = (list: AssociationItem[]) => list.map(associationKey).sort().join(',');
  return keys(a) === keys(b);
}

export function associationKey(item: Pick<AssociationItem, 'objectType' | 'id'>): string {
  return `${item.objectType}:${item.id}`;
}

/** The fields whose values differ between two versions of the form. */
export function changedFields(a: TaskFields, b: TaskFields): FieldName[] {
  return FIELD_NAMES.filter((field) => field === 'associations'
    ? !sameAssociations(a.associations, b.associations)
    // The same note written another way (<br/> or <br>, &#39; or ') is not an edit.
    : field === 'notes' ? !sameNotes(a.notes, b.notes) : a[field] !== b[field]);
}

function propertyValue(field: FieldName, fields: TaskFields, originalNotes?: string | null): string {
  switch (field) {
    case 'notes':
      // What the user did not change keeps HubSpot's bytes; the rest is the editor's, reduced to the allowlist.
      return originalNotes === undefined ? sanitizeNotes(fields.notes) : mergeNotes(originalNotes, fields.notes);
    case 'dueAt':
      return fields.dueAt === null ? '' : new Date(fields.dueAt).toISOString();
    case 'reminderAt':
      return fields.reminderAt === null ? '' : String(fields.reminderAt);
    case 'associations':
      return '';
    default:
      return fields[field];
  }
}

/**
 * The properties to send: only the fields changed from `base` (all set fields when creating).
 * `originalNotes`: the task's `hs_task_body` as HubSpot has it, which an edited note is merged into.
 */
export function propertiesToSave(draft: TaskFields, base?: TaskFields, originalNotes?: string | null): Properties {
  const properties: Properties = {};
  const fields = base ? changedFields(base, draft) : FIELD_NAMES.filter((f) => propertyValue(f, draft) !== '');
  for (const field of fields) {
    const property = PROPERTY_OF_FIELD[field];
    if (property) {
      properties[property] = propertyValue(field, draft, originalNotes);
    }
  }
  return properties;
}

export interface AssociationDiff {
  add: AssociationItem[];
  remove: AssociationItem[];
}

export function diffAssociations(base: AssociationItem[], draft: AssociationItem[]): AssociationDiff {
  const baseKeys = new Set(base.map(associationKey));
  const draftKeys = new Set(draft.map(associationKey));
  return {
    add: dedupe(draft.filter((item) => !baseKeys.has(associationKey(item)))),
    remove: dedupe(base.filter((item) => !draftKeys.has(associationKey(item)))),
  };
}

function dedupe(items: AssociationItem[]): AssociationItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = associationKey(item);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Properties read to label associated records. */
export const LABEL_PROPERTIES: Record<AssociatedObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email'],
  companies: ['name', 'domain'],
  deals: ['dealname', 'amount'],
};

export function associationItem(objectType: AssociatedObjectType, record: ApiObject): AssociationItem {
  const p = record.properties ?? {};
  const clean = (value: string | null | undefined) => (value ?? '').trim();
  let label = '';
  let detail = '';
  if (objectType === 'contacts') {
    label = [clean(p.firstname), clean(p.lastname)].filter(Boolean).join(' ');
    detail = clean(p.email);
  } else if (objectType === 'companies') {
    label = clean(p.name);
    detail = clean(p.domain);
  } else {
    label = clean(p.dealname);
    detail = clean(p.amount);
  }
  if (!label) {
    label = detail || `#${record.id}`;
    detail = detail === label ? '' : detail;
  }
  return detail ? { objectType, id: record.id, label: clip(label), detail: clip(detail) } : { objectType, id: record.id, label: clip(label) };
}

/** Property options as form options: hidden ones dropped, ordered, the current value always present. */
export function toOptions(
  definition: { options: { value: string; label: string; hidden?: boolean; displayOrder?: number }[] } | undefined,
  fallback: Option[],
): Option[] {
  const options = definition?.options
    ?.filter((o) => !o.hidden && typeof o.value === 'string')
    .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0))
    .map((o) => ({ value: o.value, label: clip(o.label || o.value) }));
  return options && options.length > 0 ? options : fallback;
}

export function ownerOption(owner: { id: string; email: string; firstName: string; lastName: string }): OwnerOption {
  return { id: owner.id, label: clip(ownerDisplayName(owner) || `#${owner.id}`), email: clip(owner.email ?? '') };
}

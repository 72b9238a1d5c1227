// The task model the views work with, parsed once from HubSpot's all-strings wire format.
import { TaskProperty, type ApiTask } from '../hubspot/types';

export type Priority = 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';

export interface Task {
  id: string;
  subject: string;
  /** Untrusted HTML from HubSpot: render only through `htmlToText`. */
  notesHtml: string;
  /** `NOT_STARTED`, `COMPLETED`, `IN_PROGRESS`, `WAITING`, `DEFERRED` or an account-specific value. */
  status: string;
  priority: Priority;
  /** `TODO`, `CALL`, `EMAIL` or an account-specific value; '' when unset. */
  type: string;
  due?: Date;
  reminder?: Date;
  ownerId?: string;
  archived: boolean;
  updatedAt: string;
}

/** Properties every task view requests (search/list bodies), so the model is always complete. */
export const TASK_PROPERTIES: readonly string[] = [
  TaskProperty.subject,
  TaskProperty.body,
  TaskProperty.status,
  TaskProperty.priority,
  TaskProperty.type,
  TaskProperty.timestamp,
  TaskProperty.reminders,
  TaskProperty.owner,
  TaskProperty.lastModifiedDate,
];

export const COMPLETED = 'COMPLETED';
export const NOT_STARTED = 'NOT_STARTED';

export function parseTask(api: ApiTask): Task {
  const p = api.properties ?? {};
  return {
    id: api.id,
    subject: (p[TaskProperty.subject] ?? '').trim(),
    notesHtml: p[TaskProperty.body] ?? '',
    status: (p[TaskProperty.status] || NOT_STARTED).toUpperCase(),
    priority: parsePriority(p[TaskProperty.priority]),
    type: (p[TaskProperty.type] ?? '').toUpperCase(),
    due: parseHubSpotDate(p[TaskProperty.timestamp]),
    reminder: parseHubSpotDate(p[TaskProperty.reminders]),
    ownerId: p[TaskProperty.owner] || undefined,
    archived: api.archived === true,
    updatedAt: api.updatedAt,
  };
}

export function isCompleted(task: Pick<Task, 'status'>): boolean {
  return task.status === COMPLETED;
}

export function parsePriority(value: string | null | undefined): Priority {
  const upper = (value ?? '').trim().toUpperCase();
  return upper === 'HIGH' || upper === 'MEDIUM' || upper === 'LOW' ? upper : 'NONE';
}

/** HubSpot datetimes arrive as Unix milliseconds or ISO-8601 strings; anything else is "no date". */
export function parseHubSpotDate(value: string | null | undefined): Date | undefined {
  if (value === null || value === undefined || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  const date = /^-?\d+$/.test(trimmed) ? new Date(Number(trimmed)) : new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

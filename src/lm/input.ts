// Validation of what a model passes to the tools: VS Code checks the JSON schema loosely (or not at all when an
// extension calls invokeTool), so every field is checked again here and a mistake comes back as a message the
// model can act on. No `vscode` import.
import { resolveDue } from '../todo/core/hints';
import { MAX_FIND_RESULTS, MAX_WRITE_TASKS } from './definitions';

export class InputError extends Error {}

export type Priority = 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';
const PRIORITIES: readonly string[] = ['HIGH', 'MEDIUM', 'LOW', 'NONE'];

export interface FindInput {
  owner: 'me' | 'anyone' | { email: string };
  text?: string;
  status: 'open' | 'completed' | 'any';
  due: 'overdue' | 'today' | 'thisWeek' | 'any';
  dueFrom?: string;
  dueTo?: string;
  associatedWith?: string;
  limit: number;
}

export interface NewTask {
  subject: string;
  notes?: string;
  /** The phrase as given, and the date it resolved to (YYYY-MM-DD). */
  due?: { phrase: string; day: string };
  priority?: Priority;
  owner: 'me' | { email: string };
  associations: string[];
}

export interface UpdateRequest {
  taskIds: string[];
  status?: 'completed' | 'open';
  due?: { phrase: string; day: string };
  priority?: Priority;
  owner?: 'me' | { email: string };
}

export interface TodosRequest {
  scope: 'file' | 'workspace';
  due?: string;
}

const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('The input must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function optionalString(input: Record<string, unknown>, key: string, max: number): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`"${key}" must be a string.`);
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    throw new InputError(`"${key}" is longer than ${max} characters.`);
  }
  return trimmed === '' ? undefined : trimmed;
}

function oneOf<T extends string>(input: Record<string, unknown>, key: string, allowed: readonly T[], fallback: T): T {
  const value = optionalString(input, key, 40);
  if (value === undefined) {
    return fallback;
  }
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) {
    throw new InputError(`"${key}" must be one of ${allowed.join(', ')} (got "${value}").`);
  }
  return found;
}

export function parseDue(phrase: string | undefined, now: Date): { phrase: string; day: string } | undefined {
  if (phrase === undefined) {
    return undefined;
  }
  const day = resolveDue(phrase, now);
  if (!day) {
    throw new InputError(`"${phrase}" is not a due date this tool understands: use today, tomorrow, a weekday, +3d / +2w / +1m or YYYY-MM-DD.`);
  }
  return { phrase, day };
}

function owner(value: string | undefined): 'me' | { email: string } | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value.toLowerCase() === 'me') {
    return 'me';
  }
  if (!EMAIL.test(value)) {
    throw new InputError(`Owner "${value}" must be "me" or an email address.`);
  }
  return { email: value };
}

/** `HS-123`, `#123` or `123` → `123`. */
export function taskId(value: unknown): string {
  const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim().replace(/^(?:hs-|#)/i, '') : '';
  if (!/^\d{1,30}$/.test(id)) {
    throw new InputError(`"${String(value).slice(0, 40)}" is not a HubSpot task id (digits, e.g. 123 or HS-123).`);
  }
  return id;
}

export function parseFindInput(raw: unknown): FindInput {
  const input = object(raw ?? {});
  const ownerText = optionalString(input, 'owner', 254);
  const dueFrom = optionalString(input, 'dueFrom', 10);
  const dueTo = optionalString(input, 'dueTo', 10);
  for (const [key, day] of [['dueFrom', dueFrom], ['dueTo', dueTo]] as const) {
    if (day !== undefined && (!DAY.test(day) || resolveDue(day, new Date()) === undefined)) {
      throw new InputError(`"${key}" must be a date YYYY-MM-DD (got "${day}").`);
    }
  }
  const limit = input.limit === undefined ? 20 : Number(input.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIND_RESULTS) {
    throw new InputError(`"limit" must be a whole number from 1 to ${MAX_FIND_RESULTS}.`);
  }
  return {
    owner: ownerText === undefined || ownerText.toLowerCase() === 'me' ? 'me' : ownerText.toLowerCase() === 'anyone' ? 'anyone' : (owner(ownerText) as { email: string }),
    text: optionalString(input, 'text', 200),
    status: oneOf(input, 'status', ['open', 'completed', 'any'] as const, 'open'),
    due: oneOf(input, 'due', ['overdue', 'today', 'thisWeek', 'any'] as const, 'any'),
    dueFrom,
    dueTo,
    associatedWith: optionalString(input, 'associatedWith', 254),
    limit,
  };
}

export function parseGetInput(raw: unknown): string {
  return taskId(object(raw).taskId);
}

function associations(value: unknown): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.length > 10 || value.some((v) => typeof v !== 'string' || v.trim() === '' || v.length > 254)) {
    throw new InputError('"associations" must be a list of at most 10 names, domains, emails or type:id references.');
  }
  return (value as string[]).map((v) => v.trim());
}

export function parseCreateInput(raw: unknown, now: Date): NewTask[] {
  const tasks = object(raw).tasks;
  if (!Array.isArray(tasks) || tasks.length === 0) {
    throw new InputError('"tasks" must be a non-empty list.');
  }
  if (tasks.length > MAX_WRITE_TASKS) {
    throw new InputError(`At most ${MAX_WRITE_TASKS} tasks per call (got ${tasks.length}).`);
  }
  return tasks.map((item, i) => {
    try {
      const task = object(item);
      const subject = optionalString(task, 'subject', 500);
      if (!subject) {
        throw new InputError('"subject" is required.');
      }
      const priority = optionalString(task, 'priority', 10)?.toUpperCase();
      if (priority !== undefined && !PRIORITIES.includes(priority)) {
        throw new InputError('"priority" must be HIGH, MEDIUM, LOW or NONE.');
      }
      return {
        subject,
        notes: optionalString(task, 'notes', 5000),
        due: parseDue(optionalString(task, 'due', 40), now),
        priority: priority as Priority | undefined,
        owner: owner(optionalString(task, 'owner', 254)) ?? 'me',
        associations: associations(task.associations),
      };
    } catch (error) {
      throw new InputError(`Task ${i + 1}: ${(error as Error).message}`);
    }
  });
}

export function parseUpdateInput(raw: unknown, now: Date): UpdateRequest {
  const input = object(raw);
  if (!Array.isArray(input.taskIds) || input.taskIds.length === 0) {
    throw new InputError('"taskIds" must be a non-empty list of task ids.');
  }
  if (input.taskIds.length > MAX_WRITE_TASKS) {
    throw new InputError(`At most ${MAX_WRITE_TASKS} tasks per call (got ${input.taskIds.length}).`);
  }
  const priority = optionalString(input, 'priority', 10)?.toUpperCase();
  if (priority !== undefined && !PRIORITIES.includes(priority)) {
    throw new InputError('"priority" must be HIGH, MEDIUM, LOW or NONE.');
  }
  const request: UpdateRequest = {
    taskIds: [...new Set(input.taskIds.map(taskId))],
    status: input.status === undefined ? undefined : oneOf(input, 'status', ['completed', 'open'] as const, 'open'),
    due: parseDue(optionalString(input, 'due', 40), now),
    priority: priority as Priority | undefined,
    owner: owner(optionalString(input, 'owner', 254)),
  };
  if (!request.status && !request.due && !request.priority && !request.owner) {
    throw new InputError('Nothing to change: give status, due, priority or owner.');
  }
  return request;
}

export function parseTodosInput(raw: unknown, now: Date): TodosRequest {
  const input = object(raw ?? {});
  const due = parseDue(optionalString(input, 'due', 40), now);
  return { scope: oneOf(input, 'scope', ['file', 'workspace'] as const, 'file'), due: due?.phrase };
}

/** 09:00 local time on `day` (YYYY-MM-DD), as TODO-created tasks get: HubSpot's hs_timestamp. */
export function dueTimestamp(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 9).toISOString();
}

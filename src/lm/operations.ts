// The tools' work against the HubSpot client: one function per tool, each returning the text for the model.
// No `vscode` import: unit tests run these against the sandbox over real sockets and count its requests.
// Request costs (README "HubSpot tasks in agent chat"): find 1 search (+1 CRM search for a named record,
// +1 owner lookup for an owner by email); get 1 read + 3 association lists + 1 read per associated type +
// 1 owners page; create ⌈N/100⌉ batch creates (+1 CRM search per distinct name, +1 per owner email);
// update ⌈N/100⌉ batch updates (the confirmation's ⌈N/100⌉ batch reads are counted separately).
import type { BatchResult, HubSpotApi } from '../hubspot/api';
import { isHubSpotError, isErrorOfKind } from '../hubspot/errors';
import { TASK_ASSOCIATION_TYPE_IDS, TaskProperty, type ApiObject, type ApiTask, type AssociatedObjectType, type CreateInput, type Filter, type Properties } from '../hubspot/types';
import { TASK_PROPERTIES } from '../tasks/task';
import { dayBoundaries } from '../tasks/dueBuckets';
import { ownerDisplayName } from '../tasks/owners';
import { dataBlock, notesLine, quoted, taskLine, type TaskLineContext } from './format';
import { dueTimestamp, InputError, type FindInput, type NewTask, type UpdateRequest } from './input';

export interface ToolContext {
  client: HubSpotApi;
  /** My owner id (the signed-in user). */
  me: () => Promise<string | undefined>;
  url?: (taskId: string) => string | undefined;
  now: () => Date;
  /** The chat's cancel: batch writes stop before their next chunk of 100. */
  signal?: AbortSignal;
}

/** Most tasks a write's answer lists (the count is always complete). */
export const RESULT_LINES_MAX = 50;

/** Thrown to stop a tool with a message for the model (not an error of ours). */
export class ToolAnswer extends Error {}

// ---- associated records ------------------------------------------------------------------------------

export type RecordMatch =
  | { kind: 'found'; type: AssociatedObjectType; id: string; label: string }
  | { kind: 'ambiguous'; query: string; candidates: { type: AssociatedObjectType; id: string; label: string }[] }
  | { kind: 'none'; query: string };

const TYPE_PREFIX: Record<string, AssociatedObjectType> = { contact: 'contacts', company: 'companies', deal: 'deals' };
const SINGULAR: Record<AssociatedObjectType, string> = { contacts: 'contact', companies: 'company', deals: 'deal' };
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function label(type: AssociatedObjectType, object: ApiObject): string {
  const p = object.properties;
  if (type === 'contacts') {
    return [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || object.id;
  }
  if (type === 'companies') {
    return p.name || p.domain || object.id;
  }
  return p.dealname || object.id;
}

/**
 * A record by `contact:123`, an email (contacts), a domain (companies) or a name (companies, then contacts,
 * then deals: the first type with hits). One exact match wins; several hits without one are ambiguous.
 */
export async function resolveRecord(client: HubSpotApi, query: string): Promise<RecordMatch> {
  const ref = /^(contact|company|deal):(\d{1,30})$/i.exec(query.trim());
  if (ref) {
    return { kind: 'found', type: TYPE_PREFIX[ref[1].toLowerCase()], id: ref[2], label: `${ref[1].toLowerCase()} ${ref[2]}` };
  }
  const types: AssociatedObjectType[] = query.includes('@') ? ['contacts'] : DOMAIN.test(query) ? ['companies'] : ['companies', 'contacts', 'deals'];
  const wanted = query.trim().toLowerCase();
  for (const type of types) {
    const page = await client.crm.searchObjects(type, query, { limit: 10 });
    if (page.items.length === 0) {
      continue;
    }
    const exact = page.items.filter((o) => label(type, o).toLowerCase() === wanted || Object.values(o.properties).some((v) => (v ?? '').toLowerCase() === wanted));
    const chosen = exact.length === 1 ? exact[0] : page.items.length === 1 ? page.items[0] : undefined;
    if (chosen) {
      return { kind: 'found', type, id: chosen.id, label: label(type, chosen) };
    }
    return { kind: 'ambiguous', query, candidates: page.items.map((o) => ({ type, id: o.id, label: label(type, o) })) };
  }
  return { kind: 'none', query };
}

/** The question back to the model when a record is ambiguous or missing (nothing was written). */
export function recordQuestion(matches: readonly RecordMatch[]): string | undefined {
  const lines: string[] = [];
  for (const match of matches) {
    if (match.kind === 'none') {
      lines.push(`- ${quoted(match.query)}: no company, contact or deal found.`);
    } else if (match.kind === 'ambiguous') {
      lines.push(`- ${quoted(match.query)} matches ${match.candidates.length} records: ${match.candidates.map((c) => `${SINGULAR[c.type]}:${c.id} ${quoted(c.label, 80)}`).join(', ')}`);
    }
  }
  if (lines.length === 0) {
    return undefined;
  }
  return `Nothing was changed in HubSpot. Ask the user which record they mean, then call the tool again with the record as contact:ID, company:ID or deal:ID.\n${dataBlock(lines)}`;
}

async function ownerByEmail(client: HubSpotApi, email: string): Promise<string> {
  const owner = await client.owners.findOwnerByEmail(email);
  if (!owner) {
    throw new ToolAnswer(`No HubSpot user has the email ${quoted(email, 254)}. Nothing was changed.`);
  }
  return owner.id;
}

async function myId(context: ToolContext): Promise<string> {
  const me = await context.me();
  if (!me) {
    throw new ToolAnswer('HubSpot did not say which user you are, so "me" cannot be used: give an owner email instead.');
  }
  return me;
}

// ---- find ----------------------------------------------------------------------------------------------

export async function findTasks(context: ToolContext, input: FindInput): Promise<string> {
  const { client } = context;
  const now = context.now();
  const filters: Filter[] = [];
  if (input.owner === 'me') {
    filters.push({ propertyName: TaskProperty.owner, operator: 'EQ', value: await myId(context) });
  } else if (input.owner !== 'anyone') {
    filters.push({ propertyName: TaskProperty.owner, operator: 'EQ', value: await ownerByEmail(client, input.owner.email) });
  }
  if (input.status === 'open') {
    filters.push({ propertyName: TaskProperty.status, operator: 'NEQ', value: 'COMPLETED' });
  } else if (input.status === 'completed') {
    filters.push({ propertyName: TaskProperty.status, operator: 'EQ', value: 'COMPLETED' });
  }
  const days = dayBoundaries(now);
  if (input.due === 'overdue') {
    filters.push({ propertyName: TaskProperty.timestamp, operator: 'LT', value: String(now.getTime()) });
  } else if (input.due === 'today') {
    filters.push({ propertyName: TaskProperty.timestamp, operator: 'BETWEEN', value: String(days.startOfToday), highValue: String(days.startOfTomorrow - 1) });
  } else if (input.due === 'thisWeek') {
    // The rest of this week (from today): what is still due this week; earlier days are overdue.
    filters.push({ propertyName: TaskProperty.timestamp, operator: 'BETWEEN', value: String(days.startOfToday), highValue: String(days.startOfNextWeek - 1) });
  }
  if (input.dueFrom) {
    filters.push({ propertyName: TaskProperty.timestamp, operator: 'GTE', value: String(localDay(input.dueFrom).getTime()) });
  }
  if (input.dueTo) {
    filters.push({ propertyName: TaskProperty.timestamp, operator: 'LT', value: String(localDay(input.dueTo, 1).getTime()) });
  }
  let about = '';
  if (input.associatedWith) {
    const match = await resolveRecord(client, input.associatedWith);
    const question = recordQuestion([match]);
    if (question || match.kind !== 'found') {
      return question!.replace('Nothing was changed in HubSpot. ', '');
    }
    filters.push({ propertyName: `associations.${SINGULAR[match.type]}`, operator: 'EQ', value: match.id });
    about = ` associated with ${SINGULAR[match.type]}:${match.id}`;
  }
  const page = await client.tasks.searchTasks({
    filterGroups: filters.length ? [{ filters }] : [],
    sorts: [{ propertyName: TaskProperty.timestamp, direction: 'ASCENDING' }],
    query: input.text,
    properties: [...TASK_PROPERTIES],
    limit: input.limit,
  });
  if (page.items.length === 0) {
    return `No tasks found${about}.`;
  }
  const shown = page.items.length < page.total ? `Showing ${page.items.length} of ${page.total} tasks${about} (the earliest due first; narrow the search for the rest).` : `${page.total} task(s)${about}:`;
  return `${shown}\n${dataBlock(page.items.map((task) => taskLine(task, { url: context.url, now })))}`;
}

function localDay(day: string, addDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + addDays);
}

// ---- get -----------------------------------------------------------------------------------------------

const ASSOCIATED: AssociatedObjectType[] = ['contacts', 'companies', 'deals'];
const LABEL_PROPERTIES: Record<AssociatedObjectType, string[]> = { contacts: ['firstname', 'lastname', 'email'], companies: ['name', 'domain'], deals: ['dealname'] };

export async function getTask(context: ToolContext, id: string): Promise<string> {
  const { client } = context;
  const task = await client.tasks.getTask(id, [...TASK_PROPERTIES]);
  const [owners, ...associated] = await Promise.all([
    task.properties[TaskProperty.owner] ? client.owners.listOwners({ limit: 100 }).then((p) => p.items).catch(() => []) : Promise.resolve([]),
    ...ASSOCIATED.map(async (type) => {
      const refs = await client.tasks.listTaskAssociations(id, type);
      const ids = refs.items.map((r) => r.id).slice(0, 20);
      const objects = ids.length ? await client.crm.readObjects(type, ids, LABEL_PROPERTIES[type]) : [];
      return objects.map((o) => `${SINGULAR[type]}:${o.id} ${quoted(label(type, o), 100)}`);
    }),
  ]);
  const names = new Map(owners.map((o) => [o.id, ownerDisplayName(o)]));
  const lineContext: TaskLineContext = { url: context.url, now: context.now(), ownerName: (ownerId) => names.get(ownerId) };
  const records = associated.flat();
  return dataBlock([
    taskLine(task, lineContext),
    notesLine(task),
    `associated records: ${records.length ? records.join(', ') : 'none'}`,
  ]);
}

// ---- create --------------------------------------------------------------------------------------------

export async function createTasks(context: ToolContext, tasks: readonly NewTask[], onCreated: (tasks: ApiTask[]) => void): Promise<string> {
  const { client } = context;
  const owners = new Map<string, string>();
  for (const task of tasks) {
    const key = task.owner === 'me' ? 'me' : task.owner.email.toLowerCase();
    if (!owners.has(key)) {
      owners.set(key, task.owner === 'me' ? await myId(context) : await ownerByEmail(client, task.owner.email));
    }
  }
  const records = new Map<string, RecordMatch>();
  for (const query of new Set(tasks.flatMap((t) => t.associations))) {
    records.set(query, await resolveRecord(client, query));
  }
  const question = recordQuestion([...records.values()]);
  if (question) {
    return question;
  }
  const inputs: CreateInput[] = tasks.map((task) => {
    const properties: Properties = {
      [TaskProperty.subject]: task.subject,
      [TaskProperty.status]: 'NOT_STARTED',
      [TaskProperty.type]: 'TODO',
      [TaskProperty.owner]: owners.get(task.owner === 'me' ? 'me' : task.owner.email.toLowerCase())!,
      [TaskProperty.timestamp]: task.due ? dueTimestamp(task.due.day) : new Date(context.now()).toISOString(),
    };
    if (task.notes) {
      properties[TaskProperty.body] = task.notes;
    }
    if (task.priority && task.priority !== 'NONE') {
      properties[TaskProperty.priority] = task.priority;
    }
    const associations = task.associations.map((query) => records.get(query) as Extract<RecordMatch, { kind: 'found' }>).map((match) => ({
      to: { id: match.id },
      types: [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId: TASK_ASSOCIATION_TYPE_IDS[match.type] }],
    }));
    return associations.length ? { properties, associations } : { properties };
  });
  const result = await client.tasks.batchCreateTasks(inputs, { signal: context.signal });
  if (result.results.length) {
    onCreated(result.results);
  }
  return writeSummary('Created', result, context, inputs.length);
}

// ---- update --------------------------------------------------------------------------------------------

export async function updateProperties(context: ToolContext, request: UpdateRequest): Promise<Properties> {
  const properties: Properties = {};
  if (request.status) {
    properties[TaskProperty.status] = request.status === 'completed' ? 'COMPLETED' : 'NOT_STARTED';
  }
  if (request.due) {
    properties[TaskProperty.timestamp] = dueTimestamp(request.due.day);
  }
  if (request.priority) {
    properties[TaskProperty.priority] = request.priority === 'NONE' ? '' : request.priority;
  }
  if (request.owner) {
    properties[TaskProperty.owner] = request.owner === 'me' ? await myId(context) : await ownerByEmail(context.client, request.owner.email);
  }
  return properties;
}

export async function updateTasks(context: ToolContext, request: UpdateRequest, onUpdated: (tasks: ApiTask[]) => void): Promise<string> {
  const properties = await updateProperties(context, request);
  const result = await context.client.tasks.batchUpdateTasks(request.taskIds.map((id) => ({ id, properties })), { signal: context.signal });
  if (result.results.length) {
    onUpdated(result.results);
  }
  return writeSummary('Updated', result, context, request.taskIds.length);
}

/** The tasks named in an update, for its confirmation: ⌈N/100⌉ batch reads. */
export async function readForConfirmation(client: HubSpotApi, ids: readonly string[]): Promise<BatchResult<ApiTask>> {
  return client.tasks.batchReadTasks([...ids], [...TASK_PROPERTIES]);
}

function writeSummary(verb: string, result: BatchResult<ApiTask>, context: ToolContext, asked: number): string {
  const lines = [`${verb} ${result.results.length} task(s).`];
  if (result.results.length) {
    // A model's context is small: the first RESULT_LINES_MAX tasks, and how many more there are.
    const shown = result.results.slice(0, RESULT_LINES_MAX).map((task) => taskLine(task, { url: context.url, now: context.now() }));
    if (result.results.length > shown.length) {
      shown.push(`- … and ${result.results.length - shown.length} more`);
    }
    lines.push(dataBlock(shown));
  }
  const failedInputs = result.errors.reduce((sum, error) => sum + error.ids.length, 0);
  const unsent = asked - result.results.length - failedInputs;
  if (context.signal?.aborted && unsent > 0) {
    lines.push(`Cancelled: ${unsent} task(s) were not sent to HubSpot.`);
  }
  for (const error of result.errors) {
    lines.push(`Failed for ${error.ids.length ? error.ids.map((id) => (/^\d+$/.test(id) ? `HS-${id}` : id)).join(', ') : 'some inputs'}: ${quoted(error.message, 300)}`);
  }
  return lines.join('\n');
}

// ---- errors --------------------------------------------------------------------------------------------

/** Any failure as a message for the model: never a raw throw. */
export function errorText(error: unknown, signInCommand: string): string {
  if (error instanceof ToolAnswer || error instanceof InputError) {
    return error.message;
  }
  if (isHubSpotError(error)) {
    switch (error.kind) {
      case 'authentication':
        return `HubSpot rejected the stored token. Ask the user to sign in again: run the command "HubSpot: Sign In" (${signInCommand}).`;
      case 'missing-scopes':
        return `The HubSpot token lacks a permission this needs (${isErrorOfKind(error, 'missing-scopes') ? (error.scopes ?? []).join(', ') : ''}). Ask the user to sign in with a token that has the crm.objects scopes.`;
      case 'not-found':
        return 'HubSpot has no such task (it may have been deleted).';
      case 'rate-limited':
        return 'HubSpot kept rate-limiting after waiting and retrying. Nothing more was sent; try again in a minute.';
      case 'network':
        return `HubSpot could not be reached (${quoted(error.message, 200)}), even after retrying. Nothing was changed unless reported above.`;
      default:
        return `HubSpot answered with an error: ${quoted(error.message, 300)}.`;
    }
  }
  return `The tool failed: ${quoted(error instanceof Error ? error.message : String(error), 300)}.`;
}

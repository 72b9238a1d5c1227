// What a TODO becomes in HubSpot: subject, HTML notes (path, line, escaped surrounding code, web
// link, the no-duplicates marker), due date, priority, owner. Pure: the caller supplies the context.
import type { CreateInput, Properties } from '../../hubspot/types';
import { resolveDue } from './hints';
import { redactSecrets } from './secrets';
import type { TodoItem } from './todoParser';

/** Token carried by the task body; found again with CONTAINS_TOKEN on hs_task_body. */
export const MARKER_PREFIX = 'hstodo';

export function markerToken(key: string): string {
  return `${MARKER_PREFIX}${key}`;
}

export interface TodoContext {
  todo: TodoItem;
  /** Workspace-relative path, `/`-separated. */
  relativePath: string;
  /** The stable key (todoKeys). */
  key: string;
  /** Full text of the document, for the surrounding code. */
  documentText: string;
  /** The line on its branch (moves with the branch). */
  webUrl?: string;
  /** The same line at the commit the TODO was read from (never moves). */
  permalink?: string;
  /** The commit of `permalink`, its short form shown in the link. */
  commit?: string;
}

export interface ContentOptions {
  now: Date;
  ownerId?: string;
  /** Days from today when the TODO has no (valid) due hint. */
  defaultDueDays: number;
  /** Lines of code shown above and below the TODO (default 3, 0 = none, at most MAX_CONTEXT_LINES). */
  contextLines?: number;
}

export const DEFAULT_CONTEXT_LINES = 3;
/** Notes are visible to the whole portal: a workspace cannot ask for more of its code than this. */
export const MAX_CONTEXT_LINES = 20;

export function clampContextLines(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(MAX_CONTEXT_LINES, Math.max(0, Math.floor(value))) : DEFAULT_CONTEXT_LINES;
}

export const SUBJECT_LIMIT = 250;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/g;

/** One pass over the text (five chained replaces scanned and copied it five times per TODO). */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (c) => HTML_ESCAPES[c]);
}

export function subjectOf(context: Pick<TodoContext, 'todo' | 'relativePath'>): string {
  const text = context.todo.text ? redactSecrets(context.todo.text) : `${context.todo.tag} in ${context.relativePath}:${context.todo.range.line + 1}`;
  return text.length > SUBJECT_LIMIT ? `${text.slice(0, SUBJECT_LIMIT - 1)}…` : text;
}

/** Due date at 09:00 local time; `problem` when the hint was not understood (the default is used). */
export function dueOf(todo: TodoItem, options: ContentOptions): { date: Date; problem?: string } {
  const fallback = () => {
    const d = new Date(options.now.getFullYear(), options.now.getMonth(), options.now.getDate() + options.defaultDueDays, 9);
    return d;
  };
  if (!todo.hints.due) {
    return { date: fallback() };
  }
  const day = resolveDue(todo.hints.due, options.now);
  if (!day) {
    return { date: fallback(), problem: `due:${todo.hints.due} is not a date this extension understands` };
  }
  const [y, m, d] = day.split('-').map(Number);
  return { date: new Date(y, m - 1, d, 9) };
}

/**
 * Bulk creation builds notes for many TODOs of the same file in a row: splitting the file once per
 * file instead of once per TODO keeps that linear (it was the top function of the P1 profile).
 */
let lastSplit: { text: string; lines: string[] } | undefined;
function linesOf(text: string): string[] {
  if (lastSplit?.text !== text) {
    lastSplit = { text, lines: text.split(/\r?\n/) };
  }
  return lastSplit.lines;
}

/**
 * The notes: the TODO's text, where it is, the code around it (`contextLines` above and below, none
 * at 0) and the marker. Every line taken from the file goes through redactSecrets first: the notes are
 * readable by everyone in the portal.
 */
export function notesHtml(context: TodoContext, contextLines = DEFAULT_CONTEXT_LINES): string {
  const { todo } = context;
  const around = clampContextLines(contextLines);
  const fullText = [todo.rawText, ...todo.continuation.map((c) => c.text)].map(redactSecrets).join('\n');
  const parts = [
    `<p>${escapeHtml(fullText).replace(/\n/g, '<br>')}</p>`,
    `<p>${escapeHtml(context.relativePath)}, line ${todo.range.line + 1}${sourceLinks(context)}</p>`,
  ];
  if (around > 0) {
    const lines = linesOf(context.documentText);
    const first = Math.max(0, todo.range.line - around);
    const last = Math.min(lines.length - 1, (todo.continuation.at(-1)?.line ?? todo.range.line) + around);
    const width = String(last + 1).length;
    const code = lines.slice(first, last + 1).map((line, i) => `${String(first + i + 1).padStart(width)}  ${redactSecrets(line)}`).join('\n');
    parts.push(`<pre><code>${escapeHtml(code)}</code></pre>`);
  }
  parts.push(`<p style="color:#99acc2;font-size:11px" data-hs-todo-key="${escapeHtml(context.key)}">TODO key: ${markerToken(context.key)}</p>`);
  return parts.join('\n');
}

/** ` — view source (branch) · at abc1234 (commit)`: the branch link follows the code, the permalink never breaks. */
function sourceLinks(context: TodoContext): string {
  const links: string[] = [];
  if (context.webUrl) {
    links.push(`<a href="${escapeHtml(context.webUrl)}">view source</a>`);
  }
  if (context.permalink) {
    const short = context.commit && /^[0-9a-f]{7,64}$/.test(context.commit) ? ` ${context.commit.slice(0, 7)}` : '';
    links.push(`<a href="${escapeHtml(context.permalink)}">permalink${short}</a>`);
  }
  return links.length > 0 ? ` — ${links.join(' · ')}` : '';
}

/**
 * The TODOs of one bulk run share `now`, the default and mostly a handful of due hints: the timestamp is
 * computed once per distinct hint instead of building several Dates per TODO.
 */
let dueMemo: { now: Date; time: number; defaultDueDays: number; byHint: Map<string | undefined, { timestamp: string; problem?: string }> } | undefined;
function dueTimestamp(todo: TodoItem, options: ContentOptions): { timestamp: string; problem?: string } {
  const { now, defaultDueDays } = options;
  // Keyed by the run's own Date object (and its value, in case it was changed): a new run starts afresh.
  if (dueMemo?.now !== now || dueMemo.time !== now.getTime() || dueMemo.defaultDueDays !== defaultDueDays) {
    dueMemo = { now, time: now.getTime(), defaultDueDays, byHint: new Map() };
  }
  let due = dueMemo.byHint.get(todo.hints.due);
  if (!due) {
    const { date, problem } = dueOf(todo, options);
    due = { timestamp: date.toISOString(), problem };
    dueMemo.byHint.set(todo.hints.due, due);
  }
  return due;
}

export function taskProperties(context: TodoContext, options: ContentOptions): { properties: Properties; problems: string[] } {
  const due = dueTimestamp(context.todo, options);
  const properties: Properties = {
    hs_task_subject: subjectOf(context),
    hs_task_body: notesHtml(context, options.contextLines),
    hs_timestamp: due.timestamp,
    hs_task_status: 'NOT_STARTED',
    hs_task_type: 'TODO',
  };
  if (context.todo.hints.priority) {
    properties.hs_task_priority = context.todo.hints.priority;
  }
  if (options.ownerId) {
    properties.hubspot_owner_id = options.ownerId;
  }
  return { properties, problems: due.problem ? [due.problem] : [] };
}

export function createInput(context: TodoContext, options: ContentOptions, associations: CreateInput['associations']): { input: CreateInput; problems: string[] } {
  const { properties, problems } = taskProperties(context, options);
  const input: CreateInput = { properties, objectWriteTraceId: context.key };
  if (associations && associations.length > 0) {
    input.associations = associations;
  }
  return { input, problems };
}

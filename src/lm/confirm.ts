// The consent text of the tools that write: exactly what will be created or changed (count, subjects, due
// dates, owner), as Markdown with every untrusted value escaped (a subject cannot render as a link or a
// heading in the confirmation). Titles are translated by the caller (lmTools.ts). No `vscode` import.
// People read it: dates in their locale (`locale`, tasks/dateFormat.ts), statuses as words, counts in the plural
// they need.
import type { ApiTask } from '../hubspot/types';
import { formatDate, formatDateTime } from '../tasks/dateFormat';
import { statusLabel } from '../tasks/filters';
import { parseTask } from '../tasks/task';
import { markdownInert } from './format';
import type { NewTask, UpdateRequest } from './input';

/** How many items a confirmation lists before "… and N more". */
export const CONFIRM_LIST_MAX = 20;

function list(lines: string[], total: number): string[] {
  const shown = lines.slice(0, CONFIRM_LIST_MAX);
  if (total > shown.length) {
    shown.push(`- … and ${total - shown.length} more`);
  }
  return shown;
}

const tasksText = (n: number) => (n === 1 ? '1 HubSpot task' : `${n} HubSpot tasks`);

/** A day the tool resolved (`YYYY-MM-DD`), as the locale writes it. */
function dayText(day: string, locale: string | undefined): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatDate(new Date(y, m - 1, d), locale);
}

function ownerText(owner: 'me' | { email: string }): string {
  return owner === 'me' ? 'you' : markdownInert(owner.email);
}

export function createConfirmation(tasks: readonly NewTask[], locale?: string): string {
  const lines = tasks.map((task) => {
    const parts = [`**${markdownInert(task.subject)}**`, `due ${task.due ? dayText(task.due.day, locale) : 'today'}`, `owner ${ownerText(task.owner)}`];
    if (task.priority && task.priority !== 'NONE') {
      parts.push(`priority ${task.priority}`);
    }
    if (task.associations.length) {
      parts.push(`associated with ${task.associations.map((a) => markdownInert(a, 60)).join(', ')}`);
    }
    return `- ${parts.join(' · ')}`;
  });
  return [`Create ${tasksText(tasks.length)}:`, '', ...list(lines, tasks.length)].join('\n');
}

export function changeText(request: UpdateRequest, locale?: string): string {
  const changes: string[] = [];
  if (request.status) {
    changes.push(request.status === 'completed' ? 'mark completed' : 'reopen');
  }
  if (request.due) {
    changes.push(`due ${dayText(request.due.day, locale)}`);
  }
  if (request.priority) {
    changes.push(`priority ${request.priority}`);
  }
  if (request.owner) {
    changes.push(`owner ${ownerText(request.owner)}`);
  }
  return changes.join(', ');
}

/** `found`: the tasks as HubSpot has them now (ids it did not return are listed as not found). */
export function updateConfirmation(request: UpdateRequest, found: readonly ApiTask[], locale?: string): string {
  const byId = new Map(found.map((task) => [task.id, parseTask(task)]));
  const lines = request.taskIds.map((id) => {
    const task = byId.get(id);
    if (!task) {
      return `- HS-${id}: not found in HubSpot`;
    }
    return `- HS-${id} **${markdownInert(task.subject)}** (now: ${statusLabel(task.status).toLowerCase()}, due ${task.due ? formatDateTime(task.due, locale) : 'none'})`;
  });
  return [`Change ${tasksText(request.taskIds.length)}: ${changeText(request, locale)}.`, '', ...list(lines, request.taskIds.length)].join('\n');
}

export interface TodoPreview {
  where: string;
  text: string;
  due?: string;
}

export function todosConfirmation(todos: readonly TodoPreview[], fallbackDue: string, workspaceAssociations: readonly string[]): string {
  const lines = todos.map((todo) => `- ${markdownInert(todo.where, 80)}: **${markdownInert(todo.text)}** (due ${todo.due ? markdownInert(todo.due, 40) : fallbackDue})`);
  const out = [`Create ${tasksText(todos.length)} from TODO comments, owned by you, and write each task's link back into its TODO:`, '', ...list(lines, todos.length)];
  if (workspaceAssociations.length) {
    out.push('', `This workspace's settings also associate every new task with: ${workspaceAssociations.map((a) => markdownInert(a, 60)).join(', ')}.`);
  }
  return out.join('\n');
}

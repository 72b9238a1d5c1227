// The consent text of the tools that write: exactly what will be created or changed (count, subjects, due
// dates, owner), as Markdown with every untrusted value escaped (a subject cannot render as a link or a
// heading in the confirmation). Titles are translated by the caller (lmTools.ts). No `vscode` import.
import type { ApiTask } from '../hubspot/types';
import { formatDate } from '../todo/core/hints';
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

function ownerText(owner: 'me' | { email: string }): string {
  return owner === 'me' ? 'you' : markdownInert(owner.email);
}

export function createConfirmation(tasks: readonly NewTask[]): string {
  const lines = tasks.map((task) => {
    const parts = [`**${markdownInert(task.subject)}**`, `due ${task.due ? task.due.day : 'today'}`, `owner ${ownerText(task.owner)}`];
    if (task.priority && task.priority !== 'NONE') {
      parts.push(`priority ${task.priority}`);
    }
    if (task.associations.length) {
      parts.push(`associated with ${task.associations.map((a) => markdownInert(a, 60)).join(', ')}`);
    }
    return `- ${parts.join(' · ')}`;
  });
  return [`Create ${tasks.length} HubSpot task(s):`, '', ...list(lines, tasks.length)].join('\n');
}

export function changeText(request: UpdateRequest): string {
  const changes: string[] = [];
  if (request.status) {
    changes.push(request.status === 'completed' ? 'mark completed' : 'reopen');
  }
  if (request.due) {
    changes.push(`due ${request.due.day}`);
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
export function updateConfirmation(request: UpdateRequest, found: readonly ApiTask[]): string {
  const byId = new Map(found.map((task) => [task.id, parseTask(task)]));
  const lines = request.taskIds.map((id) => {
    const task = byId.get(id);
    if (!task) {
      return `- HS-${id}: not found in HubSpot`;
    }
    return `- HS-${id} **${markdownInert(task.subject)}** (now: ${task.status.toLowerCase()}, due ${task.due ? formatDate(task.due) : 'none'})`;
  });
  return [`Change ${request.taskIds.length} HubSpot task(s): ${changeText(request)}.`, '', ...list(lines, request.taskIds.length)].join('\n');
}

export interface TodoPreview {
  where: string;
  text: string;
  due?: string;
}

export function todosConfirmation(todos: readonly TodoPreview[], fallbackDue: string, workspaceAssociations: readonly string[]): string {
  const lines = todos.map((todo) => `- ${markdownInert(todo.where, 80)}: **${markdownInert(todo.text)}** (due ${todo.due ? markdownInert(todo.due, 40) : fallbackDue})`);
  const out = [`Create ${todos.length} HubSpot task(s) from TODO comments, owned by you, and write each task's link back into its TODO:`, '', ...list(lines, todos.length)];
  if (workspaceAssociations.length) {
    out.push('', `This workspace's settings also associate every new task with: ${workspaceAssociations.map((a) => markdownInert(a, 60)).join(', ')}.`);
  }
  return out.join('\n');
}

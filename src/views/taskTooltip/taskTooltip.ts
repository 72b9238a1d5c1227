// The tooltip of a task row in the Tasks view, its own bundle (dist/taskTooltip.js, esbuild.js
// LAZY_BUNDLES): it converts the notes' untrusted HTML to plain text (tasks/htmlToText.ts), which only a
// hover needs, so activation and rendering the tree load none of it. TaskTooltipLoader
// (taskTooltipLoader.ts) loads it on the first hover.
import * as vscode from 'vscode';
import { statusLabel, type RecordRef } from '../../tasks/filters';
import { htmlToText } from '../../tasks/htmlToText';
import { formatDateTime } from '../../tasks/dateFormat';
import { displayLocale } from '../../ui/displayLocale';
import type { Task } from '../../tasks/task';

const t = vscode.l10n.t;

const RECORD_LABELS = { companies: /*l10n*/ 'Company: {0}', deals: /*l10n*/ 'Deal: {0}', contacts: /*l10n*/ 'Contact: {0}' } as const;

/**
 * Plain text (never MarkdownString): subject, due, status, priority, type, owner, every associated
 * record (names are portal content, shown as text), then the notes.
 */
export function taskTooltip(task: Task, ownerName: string | undefined, records?: RecordRef[]): string {
  const lines = [task.subject || t('(no subject)')];
  if (task.due) {
    lines.push(t('Due: {0}', formatDateTime(task.due, displayLocale())));
  }
  const priority = task.priority === 'NONE' ? t('no priority') : t('{0} priority', statusLabel(task.priority));
  lines.push(`${statusLabel(task.status)} · ${priority}${task.type ? ` · ${statusLabel(task.type)}` : ''}`);
  if (ownerName) {
    lines.push(t('Owner: {0}', ownerName));
  }
  for (const record of records ?? []) {
    lines.push(t(RECORD_LABELS[record.type], record.name));
  }
  const notes = htmlToText(task.notesHtml, { maxLength: 1000 });
  if (notes) {
    lines.push('', notes);
  }
  return lines.join('\n');
}

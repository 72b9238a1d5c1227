// The hover of a linked TODO (`TODO(HS-123)`), its own bundle (dist/linkedTodoHover.js, esbuild.js
// LAZY_BUNDLES): only a pointer resting on a linked TODO needs it, never activation or the decorations.
// HubSpot's text is escaped; the actions are our own command links, nothing else is trusted.
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { AuthService } from '../../auth/authService';
import type { ApiTask } from '../../hubspot/types';
import type { TaskProperties } from '../../services/taskProperties';
import { formatDateTime } from '../../tasks/dateFormat';
import { displayLocale } from '../../ui/displayLocale';
import { linkedTaskDue } from '../linkedTaskDue';
import { TodoCommands } from '../todoCommandIds';

/** What the hover reads: LinkedTodos' cache and reads, the account, the shared property definitions. */
export interface LinkedTodoHoverDeps {
  readonly auth: Pick<AuthService, 'isSignedIn' | 'account' | 'accounts'>;
  readonly taskProperties: TaskProperties;
  /** The cached task (undefined: not read yet; null: not found). */
  task(id: string): ApiTask | null | undefined;
  read(ids: string[]): Promise<unknown>;
  ownerName(id: string | null | undefined): Promise<string | undefined>;
  url(id: string): string | undefined;
}

/** The hover of a linked TODO: HubSpot's text escaped, actions limited to our own commands. */
export async function linkedTodoHover(deps: LinkedTodoHoverDeps, id: string): Promise<vscode.MarkdownString> {
  if (deps.task(id) === undefined && deps.auth.isSignedIn) {
    await deps.read([id]).catch(() => undefined);
  }
  const task = deps.task(id);
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [Commands.tasksOfRecord, TodoCommands.openInHubSpot, TodoCommands.editTask, TodoCommands.completeTask, TodoCommands.goToCode] };
  const url = deps.url(id);
  md.appendMarkdown(url ? `[HS-${id}](${url})` : `HS-${id}`);
  if (!task) {
    md.appendMarkdown('\n\n');
    md.appendText(task === null ? notFoundText(deps.auth) : vscode.l10n.t('Status unknown (not signed in or not read yet).'));
    if (task === null && deps.auth.accounts.length > 1) {
      md.isTrusted = { enabledCommands: [Commands.switchAccount] }; // the only action here
      md.appendMarkdown(`\n\n[$(organization) ${vscode.l10n.t('Switch Account')}](command:${Commands.switchAccount})`);
    }
    return md;
  }
  md.appendMarkdown(` — **${escapeMarkdown(task.properties.hs_task_subject ?? '')}**\n\n`);
  const due = linkedTaskDue(task);
  // Labels as the task editor shows them (the portal's, from the shared property definitions), not raw values.
  const label = (property: string, value: string | null | undefined) => (value ? deps.taskProperties.label(property, value) : undefined);
  const [owner, status, priority] = await Promise.all([
    deps.ownerName(task.properties.hubspot_owner_id),
    label('hs_task_status', task.properties.hs_task_status),
    label('hs_task_priority', task.properties.hs_task_priority),
  ]);
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Status'), status],
    [vscode.l10n.t('Priority'), priority],
    [vscode.l10n.t('Due'), due !== undefined ? formatDateTime(new Date(due), displayLocale()) : undefined],
    [vscode.l10n.t('Owner'), owner],
  ];
  for (const [name, value] of rows) {
    if (value) {
      md.appendMarkdown(`${name}: ${escapeMarkdown(value)}  \n`);
    }
  }
  const arg = encodeURIComponent(JSON.stringify([id]));
  md.appendMarkdown(`\n[$(link-external) ${vscode.l10n.t('Open in HubSpot')}](command:${TodoCommands.openInHubSpot}?${arg})`);
  md.appendMarkdown(` · [$(edit) ${vscode.l10n.t('Edit')}](command:${TodoCommands.editTask}?${arg})`);
  // Where the TODO is now: another file may hold it too, or the hover was opened from a stale view.
  md.appendMarkdown(` · [$(go-to-file) ${vscode.l10n.t('Go to Code')}](command:${TodoCommands.goToCode}?${arg})`);
  if (task.properties.hs_task_status !== 'COMPLETED') {
    md.appendMarkdown(` · [$(check) ${vscode.l10n.t('Mark complete')}](command:${TodoCommands.completeTask}?${arg})`);
  }
  // The tree filtered to the tasks of this task's company, deal or contact (picked when it has several).
  md.appendMarkdown(` · [$(filter) ${vscode.l10n.t('Tasks of Its Record')}](command:${Commands.tasksOfRecord}?${arg})`);
  return md;
}

/**
 * Not found is only known for the account read: with several signed in, the task may well be another
 * portal's (a TODO written while working for another client), so "deleted" would be a guess.
 */
function notFoundText(auth: LinkedTodoHoverDeps['auth']): string {
  const portal = auth.account?.portalId;
  if (portal === undefined) {
    return vscode.l10n.t('This task no longer exists in HubSpot.');
  }
  return auth.accounts.length > 1
    ? vscode.l10n.t('Not found in HubSpot portal {0} (the active account): it may belong to another of your accounts, or have been deleted.', portal)
    : vscode.l10n.t('Not found in HubSpot portal {0}: it was deleted, or belongs to another HubSpot account.', portal);
}

/** HubSpot text as literal Markdown: no emphasis, links, code, HTML or command URIs can come from it. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

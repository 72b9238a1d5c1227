// The CRM around the tree's tasks and the tree's filters, their own bundle (dist/treeCrm.js, esbuild.js
// LAZY_BUNDLES): the associated records of each loaded page (services/taskRecords.ts), the filter
// commands with their pickers (owner, status, text, record, due window), the filter rows at the top of the
// tree, and opening a task's records in HubSpot. Loaded with the tree's first page, the first filter row or
// the first filter command, never by activation (TreeCrmLoader in the main bundle stands in for it).
import * as vscode from 'vscode';
import type { FilterCommand } from '../../commands/recordCommands';
import type { TreeContext } from '../../commands/treeContext';
import { Commands, ContextKeys, Views } from '../../constants';
import type { HubSpotApi } from '../../hubspot/api';
import { TaskProperty, type AssociatedObjectType } from '../../hubspot/types';
import { recordName, TaskRecords } from '../../services/taskRecords';
import { DEFAULT_FILTERS, DUE_WINDOWS, statusLabel, type DueWindow, type RecordRef, type TaskFilters } from '../../tasks/filters';
import { uiHost } from '../../tasks/links';
import { ownerDisplayName } from '../../tasks/owners';
import type { PickItem } from '../../ui/notifier';
import type { Logger } from '../../util/logger';
import type { ArchivedTasks } from '../../services/archivedTasks';
import type { LoadMoreNode, MessageNode, TaskNode, TreeNode } from '../treeNodes';

const t = vscode.l10n.t;

export function createRecords(client: () => HubSpotApi, accountKey: () => string | undefined, log: Pick<Logger, 'debug'>): TaskRecords {
  return new TaskRecords(client, accountKey, log);
}

export function recordTypeLabel(type: AssociatedObjectType): string {
  return type === 'companies' ? t('Company') : type === 'deals' ? t('Deal') : t('Contact');
}

const RECORD_ICONS: Record<AssociatedObjectType, string> = { companies: 'organization', deals: 'briefcase', contacts: 'person' };

/** HubSpot's object type ids in record URLs (tasks are 0-27, see tasks/links.ts). */
const OBJECT_TYPE_IDS: Record<AssociatedObjectType, string> = { contacts: '0-1', companies: '0-2', deals: '0-3' };

/** `https://{uiDomain}/contacts/{portalId}/record/0-2/{id}`: only HubSpot's app hosts or loopback (links.ts). */
export function recordUrl(account: { uiDomain: string; portalId: number }, record: Pick<RecordRef, 'type' | 'id'>): string | undefined {
  if (!Number.isSafeInteger(account.portalId) || account.portalId < 0 || !/^\d{1,30}$/.test(record.id)) {
    return undefined;
  }
  return `https://${uiHost(account.uiDomain)}/contacts/${account.portalId}/record/${OBJECT_TYPE_IDS[record.type]}/${record.id}`;
}

/** Owner filter: me first, then everyone, then each teammate (the quick pick filters as you type). */
export async function pickOwner(ctx: TreeContext): Promise<Partial<TaskFilters> | undefined> {
  const current = ctx.service.filters.owner;
  const me = await ctx.auth.me();
  type Choice = { owner: string; ownerName?: string };
  const items = (async (): Promise<PickItem<Choice>[]> => {
    const fixed: PickItem<Choice>[] = [
      { label: t('My tasks'), icon: 'account', owner: 'mine', picked: current === 'mine' },
      { label: t('All owners'), icon: 'organization', owner: 'all', picked: current === 'all' },
    ];
    try {
      const owners = await ctx.client.owners.allOwners();
      const mine = owners.find((o) => o.id === me);
      if (mine) {
        fixed[0].description = ownerDisplayName(mine);
      }
      const teammates = owners.filter((o) => o.id !== me)
        .map((o) => ({ label: ownerDisplayName(o), description: o.email, owner: o.id, ownerName: ownerDisplayName(o), picked: current === o.id }))
        .sort((a, b) => a.label.localeCompare(b.label));
      return [...fixed, { label: t('Teammates'), kind: vscode.QuickPickItemKind.Separator, owner: '' }, ...teammates];
    } catch (error) {
      ctx.log.debug(`Owners unavailable for the owner filter: ${String(error)}`);
      return fixed;
    }
  })();
  const choice = await ctx.notify.pick(items, { title: t('Show tasks of'), placeHolder: t('Type a name or email'), matchOnDescription: true });
  return choice?.owner ? { owner: choice.owner, ownerName: choice.ownerName } : undefined;
}

/**
 * Record filter: the records of the tasks loaded so far (no request), or a HubSpot search of contacts,
 * companies and deals by name, email or domain (one search per type).
 */
export async function pickRecord(ctx: TreeContext, records: TaskRecords | undefined): Promise<RecordRef | undefined> {
  type Choice = { record?: RecordRef };
  const known = (records?.known() ?? []).filter((r) => !r.name.startsWith('#'));
  const first = await ctx.notify.pick<Choice>([
    { label: t('Search HubSpot for a company, deal or contact…'), icon: 'search', alwaysShow: true },
    ...known.map((record) => recordItem(record)),
  ], { title: t('Show tasks of a record'), placeHolder: t('Records of the loaded tasks; type to filter'), matchOnDescription: true });
  if (!first || first.record) {
    return first?.record;
  }
  const query = (await ctx.notify.input({ title: t('Show tasks of a record'), prompt: t('Name, email or domain of a company, deal or contact') }))?.trim();
  if (!query) {
    return undefined;
  }
  const found = (async () => {
    const pages = await Promise.all((['companies', 'deals', 'contacts'] as const).map(async (type) => {
      try {
        const page = await ctx.client.crm.searchObjects(type, query, { limit: 10 });
        return page.items.map((o) => recordItem({ type, id: o.id, name: recordName(type, o) }));
      } catch (error) {
        ctx.log.debug(`Searching ${type} for the record filter failed: ${String(error)}`);
        return [];
      }
    }));
    return pages.flat();
  })();
  return (await ctx.notify.pick<Choice>(found, { title: t('Show tasks of a record'), placeHolder: t('Matches for “{0}”', query), matchOnDescription: true }))?.record;
}

function recordItem(record: RecordRef): PickItem<{ record: RecordRef }> {
  return { label: record.name, description: `${recordTypeLabel(record.type)} ${record.id}`, icon: RECORD_ICONS[record.type], record };
}

export function dueWindowLabel(due: DueWindow): string {
  switch (due) {
    case 'overdue':
      return t('Overdue');
    case 'byToday':
      return t('Due by end of today');
    case 'next7':
      return t('Due in the next 7 days');
    default:
      return t('No due date');
  }
}

export async function pickDueWindow(ctx: TreeContext): Promise<DueWindow | '' | undefined> {
  const current = ctx.service.filters.due;
  const choice = await ctx.notify.pick<{ due: DueWindow | '' }>([
    { label: t('Any due date'), due: '', picked: !current },
    ...DUE_WINDOWS.map((due) => ({ label: dueWindowLabel(due), due, picked: current === due })),
  ], { title: t('Show tasks due') });
  return choice?.due;
}

/**
 * One of a task's records: the given one, the only one, or the user's pick. Reads the task's records
 * first if its page's read has not answered (one request per type, for this task).
 */
export async function pickTaskRecord(ctx: TreeContext, records: TaskRecords, taskId: string, title: string): Promise<RecordRef | undefined> {
  if (!records.recordsOf(taskId)) {
    await records.load([taskId]);
  }
  const list = records.recordsOf(taskId) ?? [];
  if (list.length <= 1) {
    if (list.length === 0) {
      void ctx.notify.info(t('This task has no associated contact, company or deal.'));
    }
    return list[0];
  }
  return (await ctx.notify.pick(list.map(recordItem), { title }))?.record;
}

/** Opens a record in HubSpot's web app; returns the URL opened. */
export async function openRecord(ctx: TreeContext, record: RecordRef): Promise<string | undefined> {
  const account = ctx.auth.account;
  const url = account && recordUrl(account, record);
  if (!url) {
    void ctx.notify.warn(t('The HubSpot account details are unknown: sign in again to open records in HubSpot.'));
    return undefined;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
  return url;
}

const FALLBACK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'DEFERRED', 'COMPLETED'];

async function pickStatuses(ctx: TreeContext): Promise<string[] | undefined> {
  let values = FALLBACK_STATUSES;
  const labels = new Map<string, string>();
  try {
    // The shared definitions: the editor and the TODO hover read the same ones (one request per account).
    const definition = await ctx.properties.definition(TaskProperty.status);
    const fromAccount = definition.options.filter((o) => !o.hidden).map((o) => o.value.toUpperCase());
    if (fromAccount.length) {
      values = fromAccount;
    }
    definition.options.forEach((o) => labels.set(o.value.toUpperCase(), o.label));
  } catch (error) {
    ctx.log.debug(`Task status options unavailable, using the documented ones: ${String(error)}`);
  }
  const current = new Set(ctx.service.filters.statuses);
  // Status values come from the account's property definition: the notifier makes their labels inert.
  const picked = await ctx.notify.pick(
    values.map((value) => ({ label: labels.get(value) || statusLabel(value), value, picked: current.has(value) })),
    { title: t('Show tasks with status (none selected: any)'), canPickMany: true },
  );
  return picked?.map((p) => p.value);
}

/** What clearing each filter row sets. */
const CLEARED: Record<string, Partial<TaskFilters>> = {
  owner: { owner: 'mine' }, record: { record: undefined }, due: { due: undefined }, status: { statuses: [] }, text: { text: '' }, completed: { hideCompleted: true },
};

/**
 * The filter commands, the archived list and "Load more" (recordCommands.ts registers them). Callers
 * without UI (the linked-TODO hover, the "needs me" row, tests) pass the answer: an owner ('mine', 'all' or
 * an id, then its name), statuses, text, a record, a due window ('' = any), a filter key or row; for a
 * task's records, the task (node or id) and the record as the third argument. Returns the URL "open
 * record" opened.
 */
export async function runCommand(ctx: TreeContext, id: FilterCommand, args: unknown[]): Promise<string | undefined> {
  const { service, provider } = ctx;
  const [arg, , record] = args as [unknown, unknown, RecordRef | undefined];
  const set = async (change: Partial<TaskFilters> | undefined) => change && service.setFilters(change);
  switch (id) {
    case Commands.filterOwner:
      await set(typeof arg === 'string' ? { owner: arg, ownerName: args[1] as string | undefined } : await pickOwner(ctx));
      break;
    case Commands.filterStatus: {
      const statuses = Array.isArray(arg) ? (arg as string[]) : await pickStatuses(ctx);
      await set(statuses && { statuses });
      break;
    }
    case Commands.filterText: {
      const text = typeof arg === 'string' ? arg : await ctx.notify.input({
        title: t('Search tasks'),
        prompt: t('Words to find in subjects and notes (empty: no text filter)'),
        value: service.filters.text,
      });
      await set(text === undefined ? undefined : { text });
      break;
    }
    case Commands.filterRecord: {
      const chosen = (arg as RecordRef | undefined) ?? await pickRecord(ctx, provider.crm.records);
      await set(chosen && { record: chosen });
      break;
    }
    case Commands.filterDue: {
      const due = typeof arg === 'string' ? (arg as DueWindow | '') : await pickDueWindow(ctx);
      await set(due === undefined ? undefined : { due: due || undefined });
      break;
    }
    case Commands.clearFilter: {
      const key = typeof arg === 'string' ? arg : (arg as MessageNode | undefined)?.filter ?? await pickActiveFilter(ctx);
      await set(key ? CLEARED[key] : undefined);
      break;
    }
    case Commands.showDueTasks:
      await showDueTasks(ctx);
      break;
    case Commands.toggleCompleted:
      await set({ hideCompleted: !service.filters.hideCompleted });
      break;
    case Commands.clearFilters:
      await set({ ...DEFAULT_FILTERS });
      break;
    case Commands.toggleArchived: {
      const show = !provider.showArchived;
      provider.setShowArchived(show);
      await vscode.commands.executeCommand('setContext', ContextKeys.showArchived, show);
      break;
    }
    case Commands.loadMore: {
      const node = arg as LoadMoreNode | undefined;
      await (node?.groupId ? service.loadMore(node.groupId) : ctx.archived.loadMore());
      break;
    }
    case Commands.restoreFilters: {
      const saved = service.saved;
      if (saved) {
        await service.setView({ ...DEFAULT_FILTERS, ...saved.filters }, saved.groupBy);
      }
      break;
    }
    case Commands.openRecord:
    case Commands.tasksOfRecord: {
      const node = arg as TreeNode | string | undefined;
      const taskId = typeof node === 'string' ? node : node?.kind === 'task' ? node.task.id : ctx.view.selection.find((n) => n.kind === 'task')?.task.id;
      const open = id === Commands.openRecord;
      const chosen = record ?? (taskId ? await pickTaskRecord(ctx, provider.records(), taskId, open ? t('Open in HubSpot') : t('Show tasks of')) : undefined);
      if (chosen && open) {
        return openRecord(ctx, chosen);
      }
      if (chosen) {
        await set({ record: chosen });
        await vscode.commands.executeCommand(`${Views.tasks}.focus`);
      }
      break;
    }
  }
  return undefined;
}

/** "Show or Hide Archived Tasks": a header row that goes back, the archived tasks, then a retry or "Load more". */
export async function archivedChildren(archived: ArchivedTasks): Promise<TreeNode[]> {
  await archived.ensureLoaded();
  const row = (key: string, text: string, icon: string, command: string, title: string): MessageNode => ({ kind: 'message', key, text, icon, command: { command, title } });
  const nodes: TreeNode[] = [row('archived-header', t('Archived tasks (click to go back)'), 'archive', Commands.toggleArchived, t('Back'))];
  nodes.push(...archived.tasks.map((task): TaskNode => ({ kind: 'task', task })));
  if (archived.error) {
    nodes.push(row('archived-error', t('Could not load archived tasks: {0}', String((archived.error as Error).message ?? archived.error)), 'error', Commands.refresh, t('Retry')));
  } else if (archived.cursor !== undefined) {
    nodes.push({ kind: 'loadMore', loaded: archived.tasks.length });
  }
  return nodes;
}

/** What the status bar counts (mine, open, due by the end of today), as the tree's filters. */
const DUE_COUNT_FILTERS: TaskFilters = { ...DEFAULT_FILTERS, due: 'byToday' };

/**
 * Exactly the tasks the status bar counts, whatever the filters and grouping were; those are kept for
 * "Restore previous filters" (a second click keeps the first view, not the counted one).
 */
async function showDueTasks(ctx: TreeContext): Promise<void> {
  const { service } = ctx;
  if (ctx.provider.showArchived) {
    await vscode.commands.executeCommand(Commands.toggleArchived);
  }
  await service.setView(DUE_COUNT_FILTERS, 'due', service.saved ?? { filters: service.filters, groupBy: service.groupBy });
  await vscode.commands.executeCommand(`${Views.tasks}.focus`);
  await service.ensureLoaded();
  const target = service.group('overdue')?.total ? 'overdue' : 'today';
  if (service.group(target)) {
    try {
      await ctx.view.reveal(ctx.provider.groupNode(target), { expand: true, focus: true, select: true });
    } catch (error) {
      ctx.log.debug(`Revealing the ${target} group failed: ${String(error)}`);
    }
  }
}

/**
 * The active filters at a glance, one row each above the groups (VS Code hides the view description
 * while Tasks is its container's only view): a click changes the filter, the row's inline × clears it.
 * `saved`: "Show Due Tasks" replaced the filters; a row brings them back.
 */
/**
 * Which filter "clear" means when it came without its row: from the palette, or from a row's × clicked while
 * VS Code was redrawing the tree (it forgets every row of a redrawn tree until the new rows arrive, and the
 * command then gets no row). The one active filter, else the user's choice; never silently nothing.
 */
async function pickActiveFilter(ctx: TreeContext): Promise<string | undefined> {
  const rows = filterRows(ctx.service.filters, false);
  if (rows.length <= 1) {
    return rows[0]?.filter;
  }
  return (await ctx.notify.pick(rows.map((row) => ({ label: row.text, filter: row.filter })), { title: t('Clear which filter?') }))?.filter;
}

export function filterRows(f: TaskFilters, saved: boolean): MessageNode[] {
  const rows: Array<[string, string, string, string]> = [];
  if (f.owner !== 'mine') {
    rows.push(['owner', t('Owner: {0}', f.owner === 'all' ? t('everyone') : f.ownerName ?? f.owner), 'person', Commands.filterOwner]);
  }
  if (f.record) {
    rows.push(['record', t('{0}: {1}', recordTypeLabel(f.record.type), f.record.name), RECORD_ICONS[f.record.type], Commands.filterRecord]);
  }
  if (f.due) {
    rows.push(['due', dueWindowLabel(f.due), 'calendar', Commands.filterDue]);
  }
  if (f.statuses.length) {
    rows.push(['status', t('Status: {0}', f.statuses.map(statusLabel).join('/')), 'filter', Commands.filterStatus]);
  }
  if (f.text) {
    rows.push(['text', t('Search: {0}', f.text), 'search', Commands.filterText]);
  }
  if (!f.hideCompleted) {
    rows.push(['completed', t('Completed tasks shown'), 'pass', Commands.toggleCompleted]);
  }
  const nodes = rows.map(([key, text, icon, command]): MessageNode => ({
    kind: 'message', key: `filter:${key}`, text, icon, filter: key,
    command: { command, title: t('Change') }, tooltip: t('{0}\nClick to change it; × clears it.', text),
  }));
  if (saved) {
    nodes.push({ kind: 'message', key: 'restore', text: t('Restore previous filters'), icon: 'discard', command: { command: Commands.restoreFilters, title: t('Restore') } });
  }
  return nodes;
}

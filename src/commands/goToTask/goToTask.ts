// "Go to Task…" (its own bundle, dist/goToTask.js): a quick pick that searches HubSpot as the user types
// (SearchPacer: one search when typing pauses, never two within 200 ms, so within HubSpot's 5 searches
// per second), lists subject, due, status, owner and primary record, and acts on the chosen task: open
// it in the editor, change its due date or priority, complete or reopen it, open it in HubSpot, or go to
// the TODO it came from. Empty input lists my open tasks, soonest due first.
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import type { HubSpotApi } from '../../hubspot/api';
import type { AssociatedObjectType, SearchRequest } from '../../hubspot/types';
import { TaskProperty } from '../../hubspot/types';
import { ownerDisplayName } from '../../tasks/owners';
import { formatRelativeDue } from '../../tasks/dateFormat';
import { displayLocale } from '../../ui/displayLocale';
import { COMPLETED, isCompleted, parseTask, TASK_PROPERTIES, type Task } from '../../tasks/task';
import { livePick, type LivePick } from '../../ui/livePick';
import type { Notifier, PickItem } from '../../ui/notifier';
import type { Logger } from '../../util/logger';
import { SearchPacer } from '../../util/searchPacer';

const t = vscode.l10n.t;

/** The results shown at once: a screenful. */
const RESULTS = 20;
/** A task's primary record: company, else deal, else contact (as the tree). */
const RECORD_ORDER: readonly AssociatedObjectType[] = ['companies', 'deals', 'contacts'];
const NAME_PROPERTIES: Record<AssociatedObjectType, string[]> = {
  companies: ['name', 'domain'],
  deals: ['dealname'],
  contacts: ['firstname', 'lastname', 'email'],
};
/** 15A's command (src/todo/codeLinks): opens the TODO a task was created from. */
const GO_TO_CODE = 'hubspotTasks.todo.goToCode';

export interface GoToTaskDeps {
  client: HubSpotApi;
  notify: Notifier;
  log: Logger;
  me(): Promise<string | undefined>;
  isSignedIn(): boolean;
  ownerName(ownerId: string | undefined): string | undefined;
  accountKey(): string | undefined;
}

export type TaskAction = 'open' | 'setDueDate' | 'setPriority' | 'complete' | 'reopen' | 'openInHubSpot' | 'goToCode';

type ResultItem = PickItem<{ task?: Task }>;

/** The open quick pick: what it shows, for the in-host tests. */
export interface GoToTaskSession {
  readonly pick: LivePick<{ task?: Task }>;
  readonly pacer: SearchPacer<Task[]>;
  /** The tasks listed now (after the last search answered). */
  readonly tasks: readonly Task[];
  /** Primary record names by task id, once read. */
  readonly records: ReadonlyMap<string, string>;
  /** Fires after each list shown (results, then again with their records). */
  readonly onDidUpdate: vscode.Event<void>;
}

export class GoToTask implements vscode.Disposable {
  private session: (GoToTaskSession & { dispose(): void }) | undefined;
  /** Owner names when the tree has not loaded them (its view never shown): one owners read per account. */
  private owners: { account: string | undefined; names: Promise<Map<string, string>> } | undefined;
  /** Record names by `type:id`, for the account in `namesAccount`. */
  private names = new Map<string, string>();
  private namesAccount: string | undefined;
  private readonly acted = new vscode.EventEmitter<{ taskId: string; action: TaskAction }>();
  /** Fires when an action on a chosen task was carried out. */
  readonly onDidAct = this.acted.event;

  constructor(private readonly deps: GoToTaskDeps) {}

  /** The quick pick while it is open. */
  get current(): GoToTaskSession | undefined {
    return this.session;
  }

  async show(): Promise<void> {
    if (!this.deps.isSignedIn()) {
      const signIn = t('Sign In');
      if (await this.deps.notify.info(t('Sign in to HubSpot to search your tasks.'), signIn) === signIn) {
        await vscode.commands.executeCommand(Commands.signIn);
      }
      return;
    }
    this.session?.pick.hide();
    const pick = livePick<{ task?: Task }>(vscode.window, this.deps.notify, {
      title: t('Go to HubSpot Task'),
      placeHolder: t('Type words from a task\'s subject or notes (empty: my open tasks, soonest due first)'),
    });
    const updated = new vscode.EventEmitter<void>();
    const me = await this.deps.me();
    const ownerNames = await this.ownerNames();
    let tasks: Task[] = [];
    const records = new Map<string, string>();
    const render = () => {
      pick.setItems(tasks.length > 0 ? tasks.map((task) => this.item(task, records.get(task.id), ownerNames)) : [{ label: t('No matching tasks'), task: undefined }]);
      updated.fire();
    };
    const pacer = new SearchPacer<Task[]>((query) => this.search(query, me), (_query, outcome) => {
      pick.busy = false;
      if ('error' in outcome) {
        const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
        this.deps.log.warn(`Go to Task: search failed: ${message}`);
        pick.setItems([{ label: t('HubSpot could not be searched: {0}', message), task: undefined }]);
        updated.fire();
        return;
      }
      tasks = outcome.result;
      render();
      // Then the primary records of what is shown, in batches (never a request per task).
      const shown = tasks;
      void this.primaryRecords(shown.map((task) => task.id)).then((found) => {
        if (tasks === shown && found.size > 0) {
          for (const [id, name] of found) {
            records.set(id, name);
          }
          render();
        }
      });
    });
    const disposables: vscode.Disposable[] = [updated];
    const session = {
      pick, pacer, onDidUpdate: updated.event,
      get tasks() {
        return tasks;
      },
      records,
      dispose: () => {
        pacer.dispose();
        for (const d of disposables) {
          d.dispose();
        }
        pick.dispose();
      },
    };
    this.session = session;
    disposables.push(
      pick.onDidChangeValue((value) => {
        pick.busy = true;
        pacer.request(value.trim());
      }),
      pick.onDidAccept((item) => {
        const task = item?.task;
        if (task) {
          pick.hide();
          void this.chooseAction(task);
        }
      }),
      pick.onDidTriggerItemButton(({ item, button }) => {
        const task = item.task;
        if (task) {
          pick.hide();
          void this.run(task, (button as { action?: TaskAction }).action ?? 'open');
        }
      }),
      pick.onDidHide(() => {
        if (this.session === session) {
          this.session = undefined;
        }
        session.dispose();
      }),
    );
    pick.busy = true;
    pick.show();
    pacer.request('', true);
  }

  /** One search: the words typed (any owner, any status, recently changed first), or my open tasks. */
  private async search(query: string, me: string | undefined): Promise<Task[]> {
    const request: SearchRequest = query
      ? { query, sorts: [{ propertyName: TaskProperty.lastModifiedDate, direction: 'DESCENDING' }], properties: [...TASK_PROPERTIES], limit: RESULTS }
      : {
        filterGroups: [{
          filters: [
            ...(me ? [{ propertyName: TaskProperty.owner, operator: 'EQ' as const, value: me }] : []),
            { propertyName: TaskProperty.status, operator: 'NEQ' as const, value: COMPLETED },
          ],
        }],
        sorts: [{ propertyName: TaskProperty.timestamp, direction: 'ASCENDING' }],
        properties: [...TASK_PROPERTIES],
        limit: RESULTS,
      };
    const page = await this.deps.client.tasks.searchTasks(request);
    return page.items.map(parseTask);
  }

  /** Owner names: the tree's, else read once per account (a failure shows ids). */
  private async ownerNames(): Promise<Map<string, string>> {
    const account = this.deps.accountKey();
    if (this.owners && this.owners.account === account) {
      return this.owners.names;
    }
    const names = this.deps.client.owners.allOwners().then(
      (owners) => new Map(owners.map((o) => [o.id, ownerDisplayName(o) || `#${o.id}`])),
      (error: unknown) => {
        this.deps.log.debug(`Go to Task: owner names unread: ${error instanceof Error ? error.message : String(error)}`);
        this.owners = undefined;
        return new Map<string, string>();
      });
    this.owners = { account, names };
    return names;
  }

  private item(task: Task, record: string | undefined, ownerNames: ReadonlyMap<string, string>): ResultItem {
    const done = isCompleted(task);
    const due = task.due ? formatRelativeDue(task.due, new Date(), t, displayLocale()) : t('no due date');
    const owner = task.ownerId ? this.deps.ownerName(task.ownerId) ?? ownerNames.get(task.ownerId) ?? `#${task.ownerId}` : t('Unassigned');
    return {
      task,
      icon: done ? 'pass-filled' : 'circle-large-outline',
      label: task.subject || t('(no subject)'),
      description: [due, statusLabel(task.status)].join(' · '),
      detail: record ? `${owner} · ${record}` : owner,
      buttons: [
        { iconPath: new vscode.ThemeIcon(done ? 'discard' : 'check'), tooltip: done ? t('Reopen') : t('Complete'), action: done ? 'reopen' : 'complete' } as vscode.QuickInputButton,
        { iconPath: new vscode.ThemeIcon('link-external'), tooltip: t('Open in HubSpot'), action: 'openInHubSpot' } as vscode.QuickInputButton,
      ],
    };
  }

  /** What to do with the chosen task. */
  private async chooseAction(task: Task): Promise<void> {
    const done = isCompleted(task);
    const actions: PickItem<{ action: TaskAction }>[] = [
      { label: t('Open'), description: t('in the task editor'), icon: 'edit', action: 'open' },
      { label: t('Set Due Date…'), icon: 'calendar', action: 'setDueDate' },
      { label: t('Set Priority…'), icon: 'arrow-up', action: 'setPriority' },
      done ? { label: t('Reopen'), icon: 'discard', action: 'reopen' } : { label: t('Complete'), icon: 'check', action: 'complete' },
      { label: t('Open in HubSpot'), icon: 'link-external', action: 'openInHubSpot' },
    ];
    if (linkedToCode(task) && (await vscode.commands.getCommands(true)).includes(GO_TO_CODE)) {
      actions.push({ label: t('Go to Code'), description: t('the TODO this task was created from'), icon: 'go-to-file', action: 'goToCode' });
    }
    const chosen = await this.deps.notify.pick(actions, { title: t('HubSpot task: {0}', task.subject || t('(no subject)')) });
    if (chosen) {
      await this.run(task, chosen.action);
    }
  }

  private async run(task: Task, action: TaskAction): Promise<void> {
    const command: Record<TaskAction, string> = {
      open: Commands.editTask,
      setDueDate: Commands.setDueDate,
      setPriority: Commands.setPriority,
      complete: Commands.complete,
      reopen: Commands.reopen,
      openInHubSpot: Commands.openInHubSpot,
      goToCode: GO_TO_CODE,
    };
    await vscode.commands.executeCommand(command[action], task.id);
    this.acted.fire({ taskId: task.id, action });
  }

  /**
   * Primary record names of the listed tasks: one associations read per record type for all of them,
   * then one names read per type for the records not named yet (names cached per account).
   */
  private async primaryRecords(taskIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (taskIds.length === 0) {
      return found;
    }
    const account = this.deps.accountKey();
    if (account !== this.namesAccount) {
      this.namesAccount = account;
      this.names = new Map();
    }
    try {
      const byType = await Promise.all(RECORD_ORDER.map((type) => this.deps.client.tasks.batchReadTaskAssociations(taskIds, type)));
      const primary = new Map<string, { type: AssociatedObjectType; id: string }>();
      for (const taskId of taskIds) {
        const index = byType.findIndex((links) => (links.get(taskId)?.length ?? 0) > 0);
        if (index >= 0) {
          primary.set(taskId, { type: RECORD_ORDER[index], id: (byType[index].get(taskId) as string[])[0] });
        }
      }
      await Promise.all(RECORD_ORDER.map(async (type) => {
        const unnamed = [...new Set([...primary.values()].filter((r) => r.type === type && !this.names.has(`${type}:${r.id}`)).map((r) => r.id))];
        if (unnamed.length === 0) {
          return;
        }
        for (const record of await this.deps.client.crm.readObjects(type, unnamed, NAME_PROPERTIES[type])) {
          this.names.set(`${type}:${record.id}`, recordName(type, record.properties ?? {}) || `#${record.id}`);
        }
      }));
      for (const [taskId, record] of primary) {
        found.set(taskId, this.names.get(`${record.type}:${record.id}`) ?? `#${record.id}`);
      }
    } catch (error) {
      this.deps.log.debug(`Go to Task: no records shown: ${error instanceof Error ? error.message : String(error)}`);
    }
    return found;
  }

  dispose(): void {
    this.session?.dispose();
    this.session = undefined;
    this.acted.dispose();
  }
}

function recordName(type: AssociatedObjectType, p: Record<string, string | null | undefined>): string {
  const clean = (value: string | null | undefined) => (value ?? '').trim();
  if (type === 'companies') {
    return clean(p.name) || clean(p.domain);
  }
  if (type === 'deals') {
    return clean(p.dealname);
  }
  return [clean(p.firstname), clean(p.lastname)].filter(Boolean).join(' ') || clean(p.email);
}

/** Tasks created from a TODO carry its key in their notes (src/todo/core/taskContent.ts). */
function linkedToCode(task: Task): boolean {
  return task.notesHtml.includes('data-hs-todo-key') || task.notesHtml.includes('TODO key:');
}

function statusLabel(status: string): string {
  switch (status) {
    case 'NOT_STARTED':
      return t('Not started');
    case 'IN_PROGRESS':
      return t('In progress');
    case 'WAITING':
      return t('Waiting');
    case 'DEFERRED':
      return t('Deferred');
    case 'COMPLETED':
      return t('Completed');
    default:
      return status;
  }
}

export function createGoToTask(deps: GoToTaskDeps): GoToTask {
  return new GoToTask(deps);
}

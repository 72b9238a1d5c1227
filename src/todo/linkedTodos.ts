// Linked TODOs (`TODO(HS-123)`) in visible editors stay alive: their tasks' statuses come from ONE batch
// read per 100 ids, cached, refreshed on an interval and when the window gains focus; completed and
// overdue TODOs are decorated; a hover shows the task and offers actions as our own command links.
import * as vscode from 'vscode';
import type { FeatureHost } from '../featureHost';
import { ownerDisplayName } from '../tasks/owners';
import type { ApiTask } from '../hubspot/types';
import { taskUrl } from '../tasks/links';
import { lazyFeature, type LazyFeature } from '../util/lazyFeature';
import { linkedTaskDue } from './linkedTaskDue';
import type * as HoverModule from './hover/linkedTodoHover';
import { DocumentTodos, todoRange } from './documentTodos';
import { TodoCommands } from './todoCommandIds';
import { readTodoSettings } from './todoSettings';
import { FOCUS_REFRESH_INTERVAL_MS, RefreshGate } from '../util/refreshGate';
import { DisposableStore } from '../util/disposableStore';

/** A window gaining focus re-reads the statuses at most once a minute (tabbing in and out is no request storm). */
/**
 * At most this many ids (5 batch reads) per refresh, the ones not read yet first: a file with 100,000 linked
 * TODOs must not cost 1,000 batch reads per refresh. The rest are read as they come first in a later one.
 */
export const MAX_IDS_PER_REFRESH = 500;

export const LINKED_PROPERTIES = ['hs_task_subject', 'hs_task_status', 'hs_timestamp', 'hubspot_owner_id', 'hs_task_priority'];

export class LinkedTodos implements vscode.Disposable {
  private readonly tasks = new Map<string, ApiTask | null>();
  private readonly disposables = new DisposableStore();
  private readonly completedType = vscode.window.createTextEditorDecorationType({
    textDecoration: 'line-through',
    opacity: '0.7',
    after: { contentText: ' ✓', color: new vscode.ThemeColor('descriptionForeground') },
  });
  private readonly overdueType = vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('editorError.foreground'),
    after: { contentText: ' ⏰', color: new vscode.ThemeColor('editorError.foreground') },
  });
  private timer: NodeJS.Timeout | undefined;
  private readonly gate = new RefreshGate((force) => this.readVisible(force));
  private owners: Map<string, string> | undefined;
  private readonly hoverFeature: LazyFeature<typeof HoverModule>;
  /** The account the cached tasks and owner names belong to. */
  private account: string | undefined;

  constructor(private readonly container: Pick<FeatureHost, 'client' | 'auth' | 'log' | 'tasksChanged' | 'taskProperties'>, private readonly documents: DocumentTodos) {
    // A literal relative path (esbuild.js LAZY_BUNDLES rewrites it to ./linkedTodoHover.js); the import above is type-only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.hoverFeature = lazyFeature('Linked TODO hover', () => require('./hover/linkedTodoHover') as typeof HoverModule, container.log);
    this.disposables.add(
      this.completedType,
      this.overdueType,
      vscode.window.onDidChangeVisibleTextEditors(() => void this.refresh(false)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (vscode.window.visibleTextEditors.some((e) => e.document === event.document)) {
          void this.refresh(false);
        }
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) {
          void this.gate.forced(FOCUS_REFRESH_INTERVAL_MS);
        }
      }),
      container.tasksChanged.event((changed) => {
        for (const task of changed) {
          if (this.tasks.has(task.id)) {
            this.tasks.set(task.id, { ...this.tasks.get(task.id), ...task, properties: { ...this.tasks.get(task.id)?.properties, ...task.properties } });
          }
        }
        this.decorate();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('hubspotTasks.todo')) {
          this.schedule();
        }
      }),
      // Another account (sign-in, base URL): its tasks and owners are not the ones cached.
      container.auth.onDidChange(() => {
        if (container.auth.accountKey === this.account) {
          return;
        }
        this.account = container.auth.accountKey;
        this.tasks.clear();
        this.owners = undefined;
        void this.refresh(false);
      }),
    );
    this.account = container.auth.accountKey;
    this.schedule();
    void this.refresh(false);
  }

  /** Cached task of a linked id (undefined: not read yet; null: not found). */
  task(id: string): ApiTask | null | undefined {
    return this.tasks.get(id);
  }

  /** Ids linked from the visible editors. */
  visibleIds(): string[] {
    const ids = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      for (const { todo } of this.documents.get(editor.document)) {
        if (todo.linkedTaskId) {
          ids.add(todo.linkedTaskId);
        }
      }
    }
    return [...ids];
  }

  /**
   * Reads the statuses of the visible linked ids (only the unknown ones unless `force`), then decorates. One
   * at a time (RefreshGate): a forced one is skipped while another runs, others run once after it.
   */
  refresh(force: boolean): Promise<void> {
    return force ? this.gate.forced() : this.gate.changed();
  }

  private async readVisible(force: boolean): Promise<void> {
    const visible = this.visibleIds();
    const unknown = visible.filter((id) => !this.tasks.has(id));
    const ids = (force ? [...unknown, ...visible.filter((id) => this.tasks.has(id))] : unknown).slice(0, MAX_IDS_PER_REFRESH);
    if (ids.length > 0 && this.container.auth.isSignedIn) {
      await this.read(ids).catch((error: unknown) => this.container.log.warn(`Reading linked tasks failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    this.decorate();
  }

  /** One batch read per 100 ids (the client chunks); ids HubSpot does not know are remembered as null. */
  async read(ids: string[]): Promise<Map<string, ApiTask | null>> {
    const result = await this.container.client.tasks.batchReadTasks(ids, LINKED_PROPERTIES);
    const found = new Set(result.results.map((t) => t.id));
    for (const task of result.results) {
      this.tasks.set(task.id, task);
    }
    const failedWhole = new Set(result.errors.filter((e) => e.cause !== undefined).flatMap((e) => e.ids));
    for (const id of ids) {
      if (!found.has(id) && !failedWhole.has(id)) {
        this.tasks.set(id, null);
      }
    }
    if (failedWhole.size > 0) {
      this.container.log.warn(`Could not read ${failedWhole.size} linked task(s): ${result.errors[0]?.message}`);
    }
    return new Map(ids.map((id) => [id, this.tasks.get(id) ?? null]));
  }

  decorate(): void {
    const now = Date.now();
    for (const editor of vscode.window.visibleTextEditors) {
      const completed: vscode.Range[] = [];
      const overdue: vscode.Range[] = [];
      for (const { todo } of this.documents.get(editor.document)) {
        const task = todo.linkedTaskId ? this.tasks.get(todo.linkedTaskId) : undefined;
        if (!task) {
          continue;
        }
        const range = todoRange(editor.document, todo);
        if (task.properties.hs_task_status === 'COMPLETED') {
          completed.push(range);
        } else if (linkedTaskDue(task) !== undefined && linkedTaskDue(task)! < now) {
          overdue.push(range);
        }
      }
      editor.setDecorations(this.completedType, completed);
      editor.setDecorations(this.overdueType, overdue);
    }
  }

  async ownerName(id: string | null | undefined): Promise<string | undefined> {
    if (!id) {
      return undefined;
    }
    if (!this.owners) {
      try {
        const account = this.account;
        const owners = new Map((await this.container.client.owners.allOwners()).map((o) => [o.id, ownerDisplayName(o)]));
        if (account !== this.account) {
          return id; // the account changed meanwhile
        }
        this.owners = owners;
      } catch {
        return id;
      }
    }
    return this.owners.get(id) ?? id;
  }

  /** The hover of a linked TODO (loads its bundle on the first hover). */
  hover(id: string): Promise<vscode.MarkdownString> {
    return this.hoverFeature.get().linkedTodoHover({
      auth: this.container.auth, taskProperties: this.container.taskProperties,
      task: (taskId) => this.task(taskId), read: (ids) => this.read(ids), ownerName: (owner) => this.ownerName(owner), url: (taskId) => this.url(taskId),
    }, id);
  }

  url(id: string): string | undefined {
    const account = this.container.auth.account;
    return account ? taskUrl(account, id) : undefined;
  }

  private schedule(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
    const every = readTodoSettings().statusRefreshMs;
    this.timer = every > 0 ? setInterval(() => void this.refresh(true), every) : undefined;
  }

  dispose(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
    this.disposables.dispose();
  }
}

export class LinkedTodoHoverProvider implements vscode.HoverProvider {
  constructor(private readonly documents: DocumentTodos, private readonly linked: LinkedTodos) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const hit = this.documents.get(document).find(({ todo }) => todo.linkedTaskId && todoRange(document, todo).contains(position));
    if (!hit) {
      return undefined;
    }
    return new vscode.Hover(await this.linked.hover(hit.todo.linkedTaskId!), todoRange(document, hit.todo));
  }
}

/** Makes `HS-123` in a linked TODO a link to the task. */
export class LinkedTodoLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly documents: DocumentTodos, private readonly linked: LinkedTodos) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    for (const { todo } of this.documents.get(document)) {
      if (!todo.linkedTaskId) {
        continue;
      }
      const header = document.getText(new vscode.Range(document.positionAt(todo.header.startOffset), document.positionAt(todo.header.endOffset)));
      const at = header.indexOf(`HS-${todo.linkedTaskId}`);
      if (at < 0) {
        continue;
      }
      const start = document.positionAt(todo.header.startOffset + at);
      const range = new vscode.Range(start, start.translate(0, `HS-${todo.linkedTaskId}`.length));
      const url = this.linked.url(todo.linkedTaskId);
      const target = vscode.Uri.parse(url ?? `command:${TodoCommands.openInHubSpot}?${encodeURIComponent(JSON.stringify([todo.linkedTaskId]))}`);
      const link = new vscode.DocumentLink(range, target);
      link.tooltip = vscode.l10n.t('Open task in HubSpot');
      links.push(link);
    }
    return links;
  }
}

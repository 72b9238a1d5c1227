// One webview panel editing one task (or creating one). It owns the form's baseline (the task as
// loaded), answers the page's `ready` with a full snapshot, saves through TaskEditorService and
// announces saved tasks so the tree and status bar update at once.
import * as vscode from 'vscode';
import { WebviewTypes } from '../../constants';
import { isErrorOfKind } from '../../hubspot/errors';
import type { ApiTask } from '../../hubspot/types';
import type { Logger } from '../../util/logger';
import { PanelBase, renderHtml, webviewOptions } from '../panelBase';
import type {
  ConflictMessage, FieldError, FromWebview, Option, PersistedState, ResolveConflictMessage, SearchMessage, TaskFields,
  TaskVersion, ToWebview,
} from '../protocol';
import { isFromWebview } from '../protocol';
import { TodoCommands } from '../../todo/todoCommandIds';
import { taskEditorBody, taskEditorStrings } from './taskEditorHtml';
import type { EditorChoices, TaskEditorService } from './taskEditorService';
import { describe, fieldErrorsOf } from './taskEditorService';
import { changedFields } from '../taskFields';
import { sanitizeNotes } from '../../tasks/htmlToText';

export interface TaskEditorDeps {
  extensionUri: vscode.Uri;
  service: TaskEditorService;
  log: Logger;
  /** My HubSpot owner id: the default owner of a new task. */
  me(): Promise<string | undefined>;
  /** Tell the tree and status bar about a saved task. */
  tasksChanged(tasks: ApiTask[]): void;
}

export type EditorTarget =
  | { kind: 'edit'; taskId: string }
  | { kind: 'new'; prefill?: Partial<Pick<TaskFields, 'subject' | 'notes' | 'dueAt' | 'priority' | 'associations'>> }
  | { kind: 'restore'; state: PersistedState };

const EMPTY_FIELDS: TaskFields = {
  subject: '', notes: '', dueAt: null, reminderAt: null, status: '', priority: '', type: '', ownerId: '', associations: [],
};

export class TaskEditorPanel extends PanelBase<FromWebview, ToWebview> {
  private base: TaskVersion;
  private choices: EditorChoices = { options: { status: [], priority: [], type: [] }, owners: [] };
  private loadError?: string;
  private dirty = false;
  private saving = false;
  private conflict?: ConflictMessage;
  private pendingSearch?: SearchMessage;
  private searching = false;
  /** Resolves when the first load finished (successfully or with `loadError`). */
  readonly loaded: Promise<void>;
  private readonly taskIdChanged = new vscode.EventEmitter<string>();
  /** Fires when a new task got its id (after creation): the registry re-keys the panel. */
  readonly onDidGetTaskId = this.taskIdChanged.event;

  static create(deps: TaskEditorDeps, target: EditorTarget): TaskEditorPanel {
    const panel = vscode.window.createWebviewPanel(
      WebviewTypes.taskEditor, vscode.l10n.t('New Task'), vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    return new TaskEditorPanel(panel, deps, target);
  }

  /** Re-attach to a panel VS Code restored after a reload (WebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, deps: TaskEditorDeps, target: EditorTarget): TaskEditorPanel {
    panel.webview.options = webviewOptions(deps.extensionUri);
    return new TaskEditorPanel(panel, deps, target);
  }

  private constructor(panel: vscode.WebviewPanel, private readonly deps: TaskEditorDeps, target: EditorTarget) {
    super(panel, deps.log, isFromWebview);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.png');
    this.base = initialBase(target);
    this.updateTitle();
    panel.webview.html = renderHtml(panel.webview, deps.extensionUri, {
      title: vscode.l10n.t('HubSpot task'), script: 'taskEditor.js', style: 'taskEditor.css', body: taskEditorBody(),
    });
    this.loaded = this.load(target);
  }

  get taskId(): string | undefined {
    return this.base.taskId;
  }

  /** The baseline the form compares against (for tests and diagnostics). */
  get baseline(): TaskVersion {
    return this.base;
  }

  get isSaving(): boolean {
    return this.saving;
  }

  reveal(): void {
    this.panel.reveal();
  }

  private async load(target: EditorTarget): Promise<void> {
    const choices = this.deps.service.loadChoices().then(
      (value) => (this.choices = value),
      (error: unknown) => this.deps.log.warn(`Task editor: options unavailable: ${describe(error)}`));
    try {
      this.base = await this.loadBase(target);
    } catch (error) {
      this.loadError = loadErrorText(error);
      this.deps.log.warn(`Task editor: loading failed: ${describe(error)}`);
    }
    await choices;
    this.updateTitle();
    this.postInit();
  }

  private async loadBase(target: EditorTarget): Promise<TaskVersion> {
    switch (target.kind) {
      case 'edit':
        return this.deps.service.loadTask(target.taskId);
      case 'restore': {
        const { base, draft } = target.state;
        // With unsaved edits keep the old baseline: a change made in HubSpot meanwhile then shows as a
        // conflict at save instead of being overwritten. Without edits, just show the task as it is now.
        if (base.taskId && changedFields(base.fields, draft).length === 0) {
          return this.deps.service.loadTask(base.taskId);
        }
        return base;
      }
      case 'new': {
        const me = await this.deps.me().catch(() => undefined);
        const prefill = target.prefill ?? {};
        // Prefilled notes (a selection's code and link, a caller's plain text) in the editor's allowlist.
        return { fields: { ...this.base.fields, ownerId: me ?? '', ...prefill, notes: sanitizeNotes(prefill.notes) } };
      }
    }
  }

  protected async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.loaded;
        this.postInit();
        if (this.conflict) {
          this.post(this.conflict);
        }
        return;
      case 'dirty':
        this.dirty = message.dirty;
        this.updateTitle();
        return;
      case 'save':
        return this.save(message.draft);
      case 'search':
        return this.search(message);
      case 'resolveConflict':
        return this.resolveConflict(message);
      case 'goToCode':
        if (this.base.taskId) {
          await vscode.commands.executeCommand(TodoCommands.goToCode, this.base.taskId);
        }
        return;
    }
  }

  private postInit(): void {
    this.post({
      type: 'init',
      base: this.base,
      options: {
        status: withCurrent(this.choices.options.status, this.base.fields.status || 'NOT_STARTED'),
        priority: this.choices.options.priority,
        type: withCurrent(this.choices.options.type, this.base.fields.type || 'TODO'),
      },
      owners: this.choices.owners,
      strings: taskEditorStrings(),
      ...(this.loadError ? { loadError: this.loadError } : {}),
      ...(this.saving ? { busy: true } : {}),
    });
  }

  private async save(draft: TaskFields): Promise<void> {
    if (this.saving || this.loadError) {
      this.deps.log.info('Task editor: save ignored (a save is running, or the task did not load).');
      return;
    }
    // The page validates too, but nothing from it is trusted.
    const errors: FieldError[] = [];
    if (!draft.subject.trim()) {
      errors.push({ field: 'subject', message: vscode.l10n.t('Enter a subject.') });
    }
    if (draft.dueAt === null) {
      errors.push({ field: 'dueAt', message: vscode.l10n.t('Enter a due date and time.') });
    }
    if (errors.length > 0) {
      this.post({ type: 'saveFailed', errors });
      return;
    }
    this.conflict = undefined;
    this.saving = true;
    this.post({ type: 'saving' });
    const creating = !this.base.taskId;
    try {
      const outcome = await this.deps.service.save(this.base, draft);
      if (outcome.kind === 'conflict') {
        this.conflict = { type: 'conflict', latest: outcome.latest, changed: outcome.changed };
        this.post(this.conflict);
        return;
      }
      this.base = outcome.base;
      if (creating && outcome.base.taskId) {
        this.taskIdChanged.fire(outcome.base.taskId);
      }
      this.deps.tasksChanged([outcome.task]);
      this.dirty = outcome.failures.length > 0;
      this.post({ type: 'saved', base: outcome.base, ...(this.dirty ? { draft } : {}) });
      if (outcome.failures.length > 0) {
        this.post({ type: 'saveFailed', errors: outcome.failures });
      }
    } catch (error) {
      this.deps.log.warn(`Task editor: save failed: ${describe(error)}`);
      this.post({ type: 'saveFailed', errors: saveErrors(error, creating) });
    } finally {
      this.saving = false;
      this.updateTitle();
    }
  }

  private async resolveConflict(message: ResolveConflictMessage): Promise<void> {
    const conflict = this.conflict;
    if (!conflict || this.saving) {
      this.deps.log.info('Task editor: conflict resolution ignored (no conflict pending).');
      return;
    }
    this.conflict = undefined;
    if (message.choice === 'reload') {
      this.base = conflict.latest;
      this.dirty = false;
      this.updateTitle();
      this.postInit();
      return;
    }
    // Overwrite: the user's edits (draft vs the original baseline) are written over HubSpot's version.
    this.base = { ...this.base, updatedAt: conflict.latest.updatedAt };
    await this.save(message.draft as TaskFields);
  }

  /** Runs one search at a time and only the newest waiting one: typing fast costs few searches. */
  private async search(message: SearchMessage): Promise<void> {
    this.pendingSearch = message;
    if (this.searching) {
      return;
    }
    this.searching = true;
    try {
      while (this.pendingSearch) {
        const next = this.pendingSearch;
        this.pendingSearch = undefined;
        const query = next.query.trim();
        if (!query) {
          this.post({ type: 'searchResults', requestId: next.requestId, items: [] });
          continue;
        }
        try {
          const items = await this.deps.service.search(next.objectType, query);
          this.post({ type: 'searchResults', requestId: next.requestId, items });
        } catch (error) {
          this.post({ type: 'searchResults', requestId: next.requestId, items: [], error: describe(error) });
        }
      }
    } finally {
      this.searching = false;
    }
  }

  private updateTitle(): void {
    if (this.isDisposed) {
      return; // closed while loading or saving
    }
    const subject = this.base.fields.subject.trim();
    const name = this.base.taskId
      ? vscode.l10n.t('Edit: {0}', subject.length > 40 ? `${subject.slice(0, 39)}…` : subject || this.base.taskId)
      : vscode.l10n.t('New Task');
    this.panel.title = this.dirty ? `● ${name}` : name;
  }

  protected override onDispose(): void {
    this.taskIdChanged.dispose();
  }
}

function initialBase(target: EditorTarget): TaskVersion {
  if (target.kind === 'edit') {
    return { taskId: target.taskId, fields: EMPTY_FIELDS };
  }
  if (target.kind === 'restore') {
    return target.state.base;
  }
  return { fields: { ...EMPTY_FIELDS, status: 'NOT_STARTED', type: 'TODO' } };
}

/** The option list with the current value in it, so a value HubSpot returned is never lost. */
function withCurrent(options: Option[], current: string): Option[] {
  return !current || options.some((o) => o.value === current) ? options : [...options, { value: current, label: current }];
}

function loadErrorText(error: unknown): string {
  if (isErrorOfKind(error, 'authentication')) {
    return vscode.l10n.t('Sign in to HubSpot to edit tasks. ({0})', error.message);
  }
  if (isErrorOfKind(error, 'not-found')) {
    return vscode.l10n.t('This task no longer exists in HubSpot (it was archived or deleted).');
  }
  return vscode.l10n.t('The task could not be loaded: {0}', describe(error));
}

function saveErrors(error: unknown, creating: boolean): FieldError[] {
  const fieldErrors = fieldErrorsOf(error);
  if (fieldErrors) {
    return fieldErrors;
  }
  if (creating && isErrorOfKind(error, 'network') && error.ambiguous) {
    return [{ message: vscode.l10n.t('The connection failed after the task was sent: it may have been created. Refresh the task list before saving again.') }];
  }
  if (isErrorOfKind(error, 'not-found')) {
    return [{ message: vscode.l10n.t('This task no longer exists in HubSpot (it was archived or deleted).') }];
  }
  if (isErrorOfKind(error, 'authentication')) {
    return [{ message: vscode.l10n.t('Sign in to HubSpot to save. ({0})', error.message) }];
  }
  return [{ message: vscode.l10n.t('Saving failed: {0}', describe(error)) }];
}

// The composition root: builds every service, view and command once, and owns their disposal.
import * as vscode from 'vscode';
import { Commands } from './constants';
import type { HubSpotApi } from './hubspot/api';
import type { ApiTask } from './hubspot/types';
import { AuthService } from './auth/authService';
import { createClient, SwitchableClient } from './auth/clientFactory';
import { registerTasksView, type TreeFeatures } from './views/registerTasksView';
import { registerTaskEditor, type TaskEditorsLoader } from './webviews/taskEditor/registerTaskEditor';
import { registerTodoFeatures, type TodoFeatures } from './todo/registerTodoFeatures';
import { registerLmTools } from './lm/registerLmTools';
import { registerGoToTask } from './commands/goToTaskCommand';
import { registerApiVersionCommand } from './commands/apiVersionCommand';
import { registerSelectionTask } from './commands/selectionTaskCommand';
import type { GoToTask } from './commands/goToTask/goToTask';
import type { LmTools } from './lm/lmTools';
import type { LazyFeature } from './util/lazyFeature';
import type { FeatureHost } from './featureHost';
import type { Tuning } from './tuning';
import type { TestHooks } from './testHooks';
import { Notifier } from './ui/notifier';
import { TaskProperties } from './services/taskProperties';
import { DisposableStore } from './util/disposableStore';

export class Container implements FeatureHost, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  readonly log: vscode.LogOutputChannel;
  /** The one HubSpot client (rebuilt behind this reference when `hubspotTasks.baseUrl` changes). */
  readonly client: HubSpotApi;
  readonly taskProperties: TaskProperties;
  /** Sign-in state; `auth.me()` is my HubSpot owner id. Await `auth.ready` before reading `isSignedIn`. */
  readonly auth: AuthService;
  /**
   * Fire with the tasks you created, updated or archived (`archived: true`) so the tree and status
   * bar show them at once: HubSpot's search lags behind writes.
   */
  readonly tasksChanged: vscode.EventEmitter<ApiTask[]>;
  /** Tree, status bar, reminders and their commands (TaskService lives in `tree.tasks`). */
  readonly tree: TreeFeatures;
  /** Open task editor panels (webview, loaded on first use); `taskEditors.panelFor(id)` for in-host tests. */
  readonly taskEditors: TaskEditorsLoader;
  /** TODO comments → tasks: providers, linked-TODO statuses, commands (src/todo). */
  readonly todo: TodoFeatures;
  /** "Go to Task…" (src/commands/goToTask), loaded on first use. */
  readonly goToTask: LazyFeature<GoToTask>;
  /** Agent-chat tools (src/lm), loaded on first use; undefined where the host has no `vscode.lm` tool API. */
  readonly lmTools: LazyFeature<LmTools> | undefined;
  /** Notifications, progress, quick picks, input boxes: untrusted text made inert on the way (src/ui). */
  readonly notify = new Notifier(vscode.window);

  /**
   * Timing and pacing, built by extension.ts: the product's, or in `ExtensionMode.Test` the harness's.
   * `testHooks`: only in `ExtensionMode.Test`, what the in-host tests answer or observe (src/testHooks.ts).
   */
  constructor(readonly context: vscode.ExtensionContext, readonly tuning: Tuning, testHooks?: TestHooks) {
    this.log = this.register(vscode.window.createOutputChannel('HubSpot Tasks', { log: true }));
    this.register(vscode.commands.registerCommand(Commands.showLog, () => this.log.show()));
    this.tasksChanged = this.register(new vscode.EventEmitter<ApiTask[]>());
    const client = this.register(new SwitchableClient((origin) => this.auth.getToken(origin), this.log, tuning.client,
      (origin, token) => this.auth.onUnauthorized(origin, token)));
    this.client = client;
    this.taskProperties = new TaskProperties(() => client.account, () => this.auth.accountKey);
    this.auth = this.register(new AuthService(context, (token, baseUrl) => createClient(async () => token, this.log, baseUrl, tuning.client), client, this.log, this.notify,
      testHooks && ((uri) => (testHooks.openExternal ? testHooks.openExternal(uri.toString(true)) : vscode.env.openExternal(uri)))));
    this.tree = registerTasksView(this, testHooks);
    this.taskEditors = registerTaskEditor(this);
    this.goToTask = registerGoToTask(this, this.tree.tasks);
    registerApiVersionCommand(this);
    registerSelectionTask(this, this.taskEditors);
    this.todo = registerTodoFeatures(this, testHooks);
    this.lmTools = registerLmTools(this, this.todo);
  }

  register<T extends vscode.Disposable>(disposable: T): T {
    return this.disposables.add(disposable);
  }

  dispose(): void {
    // Reverse order: later parts may depend on earlier ones while shutting down.
    this.disposables.dispose();
  }
}

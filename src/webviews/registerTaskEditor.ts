// Wires the task editor into the extension. This part is in dist/extension.js: the commands and the
// panel serializer (so `onWebviewPanel` restores editors after a reload). The editor itself (service,
// panels, markup: ≈ 27 KB minified) is its own bundle, dist/taskEditor.js, `require()`d on first use:
// activation never needs it, so loading it there only cost start-up time and the main bundle's size
// (bench P5: dist/extension.js ≤ 150 KB).
import * as vscode from 'vscode';
import { registerTaskEditorCommands } from '../commands/taskEditorCommands';
import { WebviewTypes } from '../constants';
import type { FeatureHost } from '../featureHost';
import type * as TaskEditorModule from './taskEditorFeature';
import type { TaskEditorFeature, TaskEditorFeatureDeps } from './taskEditorFeature';
import type { EditorTarget, TaskEditorPanel } from './taskEditorPanel';

/** The open task editors, loading the editor's bundle the first time one opens (or is restored). */
export class TaskEditorsLoader implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private feature: TaskEditorFeature | undefined;

  constructor(private readonly deps: TaskEditorFeatureDeps) {}

  edit(taskId: string): TaskEditorPanel {
    return this.loaded().editors.edit(taskId);
  }

  create(prefill?: Extract<EditorTarget, { kind: 'new' }>['prefill']): TaskEditorPanel {
    return this.loaded().editors.create(prefill);
  }

  /** The open editor of a task (in-host tests drive it through `receive` and `nextPosted`). */
  panelFor(taskId: string): TaskEditorPanel | undefined {
    return this.feature?.editors.panelFor(taskId);
  }

  get openPanels(): TaskEditorPanel[] {
    return this.feature?.editors.openPanels ?? [];
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.loaded().editors.deserializeWebviewPanel(panel, state);
  }

  /** The signed-in account changed. Nothing to forget when the editor never loaded. */
  forgetChoices(): void {
    this.feature?.forgetChoices();
  }

  dispose(): void {
    this.feature?.editors.dispose();
  }

  private loaded(): TaskEditorFeature {
    if (!this.feature) {
      const started = Date.now();
      // A literal relative path, so both builds resolve it: under `tsc` (out/src/webviews/) it is the
      // compiled module next to this one; esbuild.js (LAZY_BUNDLES) rewrites it to `./taskEditor.js`,
      // which Node resolves next to dist/extension.js. Type-only imports above keep it out of this bundle.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lazy = require('./taskEditorFeature') as typeof TaskEditorModule;
      this.feature = lazy.createTaskEditorFeature(this.deps);
      this.deps.log.debug(`Task editor loaded in ${Date.now() - started} ms.`);
    }
    return this.feature;
  }
}

export function registerTaskEditor(container: FeatureHost): TaskEditorsLoader {
  const editors = container.register(new TaskEditorsLoader({
    extensionUri: container.context.extensionUri,
    client: container.client,
    log: container.log,
    me: () => container.auth.me(),
    tasksChanged: (tasks) => container.tasksChanged.fire(tasks),
  }));
  container.register(vscode.window.registerWebviewPanelSerializer(WebviewTypes.taskEditor, editors));
  let account = container.auth.accountKey;
  container.register(container.auth.onDidChange(() => {
    if (container.auth.accountKey !== account) {
      account = container.auth.accountKey;
      editors.forgetChoices();
    }
  }));
  container.register(registerTaskEditorCommands(editors, container.notify));
  return editors;
}

// Wires the task editor into the extension. This part is in dist/extension.js: the commands and the
// panel serializer (so `onWebviewPanel` restores editors after a reload). The editor itself (service,
// panels, markup: ≈ 27 KB minified) is its own bundle, dist/taskEditor.js, `require()`d on first use:
// activation never needs it, so loading it there only cost start-up time and the main bundle's size
// (bench P5: dist/extension.js ≤ 150 KB).
import * as vscode from 'vscode';
import { registerTaskEditorCommands } from '../../commands/taskEditorCommands';
import { WebviewTypes } from '../../constants';
import type { FeatureHost } from '../../featureHost';
import { lazyFeature, type LazyFeature } from '../../util/lazyFeature';
import type * as TaskEditorModule from './taskEditorFeature';
import type { TaskEditorFeature, TaskEditorFeatureDeps } from './taskEditorFeature';
import type { EditorTarget, TaskEditorPanel } from './taskEditorPanel';

/** The open task editors, loading the editor's bundle the first time one opens (or is restored). */
export class TaskEditorsLoader implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly feature: LazyFeature<TaskEditorFeature>;

  constructor(deps: TaskEditorFeatureDeps) {
    // A literal relative path, so both builds resolve it: under `tsc` (out/src/webviews/taskEditor/) it is
    // the compiled module next to this one; esbuild.js (LAZY_BUNDLES) rewrites it to `./taskEditor.js`,
    // which Node resolves next to dist/extension.js. Type-only imports above keep it out of this bundle.
    this.feature = lazyFeature('Task editor', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lazy = require('./taskEditorFeature') as typeof TaskEditorModule;
      return lazy.createTaskEditorFeature(deps);
    }, deps.log);
  }

  edit(taskId: string): TaskEditorPanel {
    return this.feature.get().editors.edit(taskId);
  }

  create(prefill?: Extract<EditorTarget, { kind: 'new' }>['prefill']): TaskEditorPanel {
    return this.feature.get().editors.create(prefill);
  }

  /** The open editor of a task (in-host tests drive it through `receive` and `nextPosted`). */
  panelFor(taskId: string): TaskEditorPanel | undefined {
    return this.feature.current?.editors.panelFor(taskId);
  }

  get openPanels(): TaskEditorPanel[] {
    return this.feature.current?.editors.openPanels ?? [];
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.feature.get().editors.deserializeWebviewPanel(panel, state);
  }

  /** The signed-in account changed. Nothing to forget when the editor never loaded. */
  forgetChoices(): void {
    this.feature.current?.forgetChoices();
  }

  dispose(): void {
    this.feature.current?.editors.dispose();
  }
}

export function registerTaskEditor(container: FeatureHost): TaskEditorsLoader {
  const editors = container.register(new TaskEditorsLoader({
    extensionUri: container.context.extensionUri,
    client: container.client,
    properties: container.taskProperties,
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

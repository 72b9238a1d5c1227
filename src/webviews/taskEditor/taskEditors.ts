// The registry of open task editors: one panel per task (opening an open task focuses it), any number
// of "new task" panels, and the serializer that brings panels back after VS Code reloads (registered by
// the eager TaskEditorsLoader in registerTaskEditor.ts, which forwards to this class once loaded).
import type * as vscode from 'vscode';
import { isPersistedState } from '../protocol';
import type { EditorTarget, TaskEditorDeps } from './taskEditorPanel';
import { TaskEditorPanel } from './taskEditorPanel';

export class TaskEditors implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, TaskEditorPanel>();
  private nextNewKey = 1;

  constructor(private readonly deps: TaskEditorDeps) {}

  /** Opens the editor of a task, or focuses it when it is already open. */
  edit(taskId: string): TaskEditorPanel {
    const open = this.panels.get(taskId);
    if (open) {
      open.reveal();
      return open;
    }
    return this.track(TaskEditorPanel.create(this.deps, { kind: 'edit', taskId }));
  }

  create(prefill?: Extract<EditorTarget, { kind: 'new' }>['prefill']): TaskEditorPanel {
    return this.track(TaskEditorPanel.create(this.deps, { kind: 'new', prefill }));
  }

  /** The open editor of a task (in-host tests drive it through `receive` and `nextPosted`). */
  panelFor(taskId: string): TaskEditorPanel | undefined {
    return this.panels.get(taskId);
  }

  get openPanels(): TaskEditorPanel[] {
    return [...this.panels.values()];
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (isPersistedState(state)) {
      const existing = state.base.taskId ? this.panels.get(state.base.taskId) : undefined;
      if (!existing) {
        this.track(TaskEditorPanel.revive(panel, this.deps, { kind: 'restore', state }));
        return;
      }
    } else if (state !== undefined && state !== null) {
      this.deps.log.warn('Task editor: ignored the saved state of a restored panel (malformed).');
    }
    // Nothing usable to restore (or the task is already open elsewhere): do not leave a dead panel.
    panel.dispose();
  }

  private track(panel: TaskEditorPanel): TaskEditorPanel {
    let key = panel.taskId ?? `new:${this.nextNewKey++}`;
    this.panels.set(key, panel);
    const rekey = panel.onDidGetTaskId((taskId) => {
      this.panels.delete(key);
      key = taskId;
      this.panels.set(key, panel);
    });
    panel.panel.onDidDispose(() => {
      rekey.dispose();
      if (this.panels.get(key) === panel) {
        this.panels.delete(key);
      }
    });
    return panel;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
    this.panels.clear();
  }
}

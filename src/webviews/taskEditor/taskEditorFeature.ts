// The task editor's lazily loaded half (its own bundle, dist/taskEditor.js): everything behind an open
// editor panel. Loaded on first use by TaskEditorsLoader (registerTaskEditor.ts), which passes in the
// container's shared instances: this bundle must not build its own client, logger or services.
import * as vscode from 'vscode';
import type { HubSpotApi } from '../../hubspot/api';
import type { TaskProperties } from '../../services/taskProperties';
import { TaskEditorService } from './taskEditorService';
import type { TaskEditorDeps } from './taskEditorPanel';
import { TaskEditors } from './taskEditors';

/** What the editors need, except their service: this bundle builds it on the container's client. */
export type TaskEditorFeatureDeps = Omit<TaskEditorDeps, 'service'> & { client: HubSpotApi; properties: TaskProperties };

export interface TaskEditorFeature {
  readonly editors: TaskEditors;
  /** The signed-in account changed: drop the owner / type choices read from the old one. */
  forgetChoices(): void;
}

export function createTaskEditorFeature(deps: TaskEditorFeatureDeps): TaskEditorFeature {
  const service = new TaskEditorService(deps.client, deps.log, undefined, (english) => vscode.l10n.t(english), (name) => deps.properties.definition(name));
  const editors = new TaskEditors({ extensionUri: deps.extensionUri, service, log: deps.log, me: deps.me, tasksChanged: deps.tasksChanged });
  return { editors, forgetChoices: () => service.forgetChoices() };
}

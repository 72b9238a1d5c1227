// What the tree's commands work with, handed to each command family by registerTasksView.
import type * as vscode from 'vscode';
import type { AuthService } from '../auth/authService';
import type { HubSpotApi } from '../hubspot/api';
import type { TaskProperties } from '../services/taskProperties';
import type { ArchivedTasks } from '../services/archivedTasks';
import type { TaskActions } from '../services/taskActions';
import type { TaskService } from '../services/taskService';
import type { Notifier } from '../ui/notifier';
import type { DueStatusBar } from '../views/dueStatusBar';
import type { TasksTreeProvider } from '../views/tasksTreeProvider';
import type { TreeNode } from '../views/treeNodes';

export interface TreeContext {
  readonly client: HubSpotApi;
  /** The task properties' definitions, shared with the editor and the TODO hover. */
  readonly properties: TaskProperties;
  readonly auth: AuthService;
  readonly service: TaskService;
  readonly archived: ArchivedTasks;
  readonly actions: TaskActions;
  readonly provider: TasksTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly statusBar: DueStatusBar;
  readonly log: vscode.LogOutputChannel;
  readonly notify: Notifier;
}

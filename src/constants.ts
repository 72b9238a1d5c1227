// Ids shared with package.json: commands, views, settings, context keys. Keep both in step.
export const EXTENSION_ID = 'hubspot-tasks-community.hubspot-tasks';

export const Commands = {
  showLog: 'hubspotTasks.showLog',
  // Tree / auth (src/commands).
  signIn: 'hubspotTasks.signIn',
  signInWithKey: 'hubspotTasks.signInWithKey',
  signInWithBrowser: 'hubspotTasks.signInWithBrowser',
  setOAuthClientSecret: 'hubspotTasks.setOAuthClientSecret',
  signOut: 'hubspotTasks.signOut',
  switchAccount: 'hubspotTasks.switchAccount',
  selectMe: 'hubspotTasks.selectMe',
  refresh: 'hubspotTasks.refresh',
  groupByDue: 'hubspotTasks.groupByDue',
  groupByPriority: 'hubspotTasks.groupByPriority',
  filterOwner: 'hubspotTasks.filterOwner',
  toggleCompleted: 'hubspotTasks.toggleCompleted',
  filterStatus: 'hubspotTasks.filterStatus',
  filterText: 'hubspotTasks.filterText',
  clearFilters: 'hubspotTasks.clearFilters',
  // The CRM around the tree's tasks (src/commands/recordCommands.ts).
  filterRecord: 'hubspotTasks.filterRecord',
  filterDue: 'hubspotTasks.filterDue',
  clearFilter: 'hubspotTasks.clearFilter',
  restoreFilters: 'hubspotTasks.restoreFilters',
  openRecord: 'hubspotTasks.openRecord',
  tasksOfRecord: 'hubspotTasks.tasksOfRecord',
  toggleArchived: 'hubspotTasks.toggleArchived',
  loadMore: 'hubspotTasks.loadMore',
  complete: 'hubspotTasks.complete',
  reopen: 'hubspotTasks.reopen',
  setPriority: 'hubspotTasks.setPriority',
  setDueDate: 'hubspotTasks.setDueDate',
  archive: 'hubspotTasks.archive',
  openInHubSpot: 'hubspotTasks.openInHubSpot',
  copyLink: 'hubspotTasks.copyLink',
  showDueTasks: 'hubspotTasks.showDueTasks',
  /** Implemented by the task editor (src/webviews); the tree only calls it with a task id. */
  editTask: 'hubspotTasks.editTask',
  /** Opens an empty task editor (src/webviews). */
  newTask: 'hubspotTasks.newTask',
  /** The quick pick that searches HubSpot tasks as you type (src/commands/goToTask). */
  goToTask: 'hubspotTasks.goToTask',
  /** A task from the editor's selection (src/todo/selection/). */
  createFromSelection: 'hubspotTasks.createTaskFromSelection',
  /** Writes `hubspotTasks.apiVersion` from a quick pick (src/commands/apiVersionPick). */
  chooseApiVersion: 'hubspotTasks.chooseApiVersion',
} as const;

/** Webview panel view types (also the serializer's activation event in package.json). */
export const WebviewTypes = {
  taskEditor: 'hubspotTasks.taskEditor',
} as const;

export const Views = {
  container: 'hubspotTasks',
  tasks: 'hubspotTasks.tasks',
} as const;

export const Settings = {
  section: 'hubspotTasks',
  baseUrl: 'hubspotTasks.baseUrl',
  apiVersion: 'hubspotTasks.apiVersion',
  ownerEmail: 'hubspotTasks.ownerEmail',
  pageSize: 'hubspotTasks.pageSize',
  autoRefreshMinutes: 'hubspotTasks.autoRefreshMinutes',
  refreshOnFocus: 'hubspotTasks.refreshOnFocus',
  statusBarWhenSignedOut: 'hubspotTasks.statusBar.whenSignedOut',
  reminders: 'hubspotTasks.reminders.enabled',
} as const;

export const ContextKeys = {
  signedIn: 'hubspotTasks.signedIn',
  groupBy: 'hubspotTasks.groupBy',
  showArchived: 'hubspotTasks.showArchived',
  /** `hubspotTasks.baseUrl` is not HubSpot's own (e.g. the sandbox `npm start` set): the welcome says so. */
  customBaseUrl: 'hubspotTasks.customBaseUrl',
  /**
   * A TODO became a task in this window: the walkthrough's TODO step completes on it (its onCommand events miss
   * the CodeLens and the lightbulb, whose commands VS Code runs inside the extension host).
   */
  createdTaskFromTodo: 'hubspotTasks.createdTaskFromTodo',
} as const;

/** The `vscode.authentication` provider id (Accounts menu). */
export const AUTH_PROVIDER_ID = 'hubspot';

/** SecretStorage keys of the access tokens: `<this>@<API origin>` (auth/credentialKeys.ts). Nothing else ever holds a token. */
export const TOKEN_SECRET_KEY = 'hubspotTasks.accessToken';

/**
 * Registered only when VS Code runs the extension for its tests (`ExtensionMode.Test`), not declared in
 * package.json: the in-host tests get the Container from it. Never in the exports, which any extension reads.
 */
export const TEST_CONTAINER_COMMAND = 'hubspotTasks.test.container';

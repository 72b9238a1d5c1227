// Ids shared with package.json: commands, views, settings, context keys. Keep both in step.
export const EXTENSION_ID = 'hubspot-tasks-community.hubspot-tasks';

export const Commands = {
  showLog: 'hubspotTasks.showLog',
} as const;

export const Views = {
  container: 'hubspotTasks',
  tasks: 'hubspotTasks.tasks',
} as const;

export const Settings = {
  section: 'hubspotTasks',
  baseUrl: 'hubspotTasks.baseUrl',
} as const;

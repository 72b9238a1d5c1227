// The tools' names: all the main bundle needs to register them (the rest loads on first use, dist/lmTools.js).
export const LmToolNames = {
  find: 'hubspotTasks_findTasks',
  get: 'hubspotTasks_getTask',
  create: 'hubspotTasks_createTasks',
  update: 'hubspotTasks_updateTasks',
  todos: 'hubspotTasks_todosToTasks',
} as const;

export type LmToolName = (typeof LmToolNames)[keyof typeof LmToolNames];


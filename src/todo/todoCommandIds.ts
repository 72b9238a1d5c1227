// Command ids of the TODO features (also in package.json `contributes.commands`).
export const TodoCommands = {
  createTask: 'hubspotTasks.todo.createTask',
  createFromFile: 'hubspotTasks.todo.createFromFile',
  createFromWorkspace: 'hubspotTasks.todo.createFromWorkspace',
  cleanUpCompleted: 'hubspotTasks.todo.cleanUpCompleted',
  refreshLinked: 'hubspotTasks.todo.refreshLinked',
  openInHubSpot: 'hubspotTasks.todo.openInHubSpot',
  editTask: 'hubspotTasks.todo.editTask',
  completeTask: 'hubspotTasks.todo.completeTask',
  goToCode: 'hubspotTasks.todo.goToCode',
} as const;

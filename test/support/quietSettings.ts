// User settings that keep the extension from acting on its own during in-host and e2e tests: no reminder
// timers, no refresh on focus or on a period, a known page size, and "me" chosen by the test, not guessed
// from an email. Plain data (no vscode import): in-host tests write it with their `configure()`.
export const QUIET_SETTINGS = {
  'hubspotTasks.reminders.enabled': false,
  'hubspotTasks.refreshOnFocus': false,
  'hubspotTasks.autoRefreshMinutes': 0,
  'hubspotTasks.pageSize': 50,
  'hubspotTasks.ownerEmail': '',
} as const satisfies Record<string, unknown>;

// The `hubspotTasks.todo.*` settings, read fresh each time (they are cheap to read and may change).
import * as vscode from 'vscode';
import { DEFAULT_TAGS } from './core/todoParser';
import { DEFAULT_LINK_FORMAT, validateLinkFormat } from './core/writeBack';
import { clampContextLines } from './core/taskContent';
import { DEFAULT_SECRET_FILES, SecretFileMatcher } from './core/secrets';
import { clampSetting, SETTING_LIMITS } from '../settingLimits';
import type { InspectedSetting } from './creation/associationConsent';

export const TodoSettingKeys = {
  tags: 'hubspotTasks.todo.tags',
  codeLens: 'hubspotTasks.todo.codeLens',
  linkFormat: 'hubspotTasks.todo.linkFormat',
  defaultAssociations: 'hubspotTasks.todo.defaultAssociations',
  defaultDueInDays: 'hubspotTasks.todo.defaultDueInDays',
  cleanUpAction: 'hubspotTasks.todo.cleanUpAction',
  maxFileSizeKB: 'hubspotTasks.todo.maxFileSizeKB',
  statusRefreshMinutes: 'hubspotTasks.todo.statusRefreshMinutes',
  duplicateCheckSeconds: 'hubspotTasks.todo.duplicateCheckSeconds',
  contextLines: 'hubspotTasks.todo.contextLines',
  excludeSecretFiles: 'hubspotTasks.todo.excludeSecretFiles',
} as const;

export interface TodoSettings {
  tags: string[];
  codeLens: boolean;
  linkFormat: string;
  defaultAssociations: string[];
  defaultDueInDays: number;
  cleanUpAction: 'remove' | 'markDone';
  maxFileSize: number;
  statusRefreshMs: number;
  duplicateCheckMs: number;
  /** Lines of code above and below a TODO in its task's notes (0–20). */
  contextLines: number;
}

/** Link formats already warned about this session: settings are read on every use, warned once. */
const warnedLinkFormats = new Set<string>();

/**
 * The configured link format, or the default when it could not be read back, holds a control character
 * or a comment closer (a workspace could otherwise make the write-back put code into source files).
 */
function linkFormatOf(value: unknown): string {
  const { format, problem } = validateLinkFormat(typeof value === 'string' ? value : DEFAULT_LINK_FORMAT);
  if (problem && typeof value === 'string' && !warnedLinkFormats.has(value)) {
    warnedLinkFormats.add(value);
    // The rejected value is not quoted: it may come from the workspace, and notifications render links.
    // A free function with no Notifier in reach, and a message of our own constants only.
    // eslint-disable-next-line no-restricted-properties
    void vscode.window.showWarningMessage(vscode.l10n.t('The setting {0} is not used because {1}. TODOs are linked as "{2}" instead.', TodoSettingKeys.linkFormat, problem, DEFAULT_LINK_FORMAT));
  }
  return format;
}

export function readTodoSettings(): TodoSettings {
  const config = vscode.workspace.getConfiguration();
  // A hand-edited settings.json may hold any JSON type: wrong types fall back to the defaults.
  const strings = (key: string) => { const v = config.get<unknown>(key); return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined; };
  const linkFormat = config.get<unknown>(TodoSettingKeys.linkFormat);
  const contextLines = config.get<unknown>(TodoSettingKeys.contextLines);
  const tags = strings(TodoSettingKeys.tags)?.filter((t) => t.trim() !== '').map((t) => t.trim());
  return {
    tags: tags && tags.length > 0 ? tags : [...DEFAULT_TAGS],
    codeLens: config.get<boolean>(TodoSettingKeys.codeLens, true),
    linkFormat: linkFormatOf(linkFormat),
    contextLines: clampContextLines(contextLines),
    defaultAssociations: strings(TodoSettingKeys.defaultAssociations) ?? [],
    defaultDueInDays: clampSetting(config.get<unknown>(TodoSettingKeys.defaultDueInDays), SETTING_LIMITS.defaultDueInDays),
    cleanUpAction: config.get<string>(TodoSettingKeys.cleanUpAction) === 'markDone' ? 'markDone' : 'remove',
    // Floors and caps (settingLimits.ts): a workspace value must not become a request storm or a huge buffer.
    maxFileSize: clampSetting(config.get<unknown>(TodoSettingKeys.maxFileSizeKB), SETTING_LIMITS.maxFileSizeKB) * 1024,
    statusRefreshMs: clampSetting(config.get<unknown>(TodoSettingKeys.statusRefreshMinutes), SETTING_LIMITS.statusRefreshMinutes) * 60_000,
    duplicateCheckMs: clampSetting(config.get<unknown>(TodoSettingKeys.duplicateCheckSeconds), SETTING_LIMITS.duplicateCheckSeconds) * 1000,
  };
}

let secretFiles: { key: string; matcher: SecretFileMatcher } | undefined;

/**
 * Files never scanned for TODOs (`hubspotTasks.todo.excludeSecretFiles`, user settings only: a workspace
 * cannot switch the protection off). Asked on every document parse, so the matcher is kept per value.
 */
export function secretFileMatcher(): SecretFileMatcher {
  const value = vscode.workspace.getConfiguration().get<unknown>(TodoSettingKeys.excludeSecretFiles);
  const patterns = Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : DEFAULT_SECRET_FILES;
  const key = patterns.join('\n');
  if (secretFiles?.key !== key) {
    secretFiles = { key, matcher: new SecretFileMatcher(patterns) };
  }
  return secretFiles.matcher;
}

/**
 * `hubspotTasks.todo.defaultAssociations` by where each value was set: the creation bundle asks before
 * applying values a workspace set (creation/associationConsent.ts).
 */
export function inspectDefaultAssociations(): InspectedSetting {
  const setting = TodoSettingKeys.defaultAssociations;
  return { setting, inspected: vscode.workspace.getConfiguration().inspect<unknown>(setting) };
}

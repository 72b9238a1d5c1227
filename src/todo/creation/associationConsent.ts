// Asks before applying default associations that a workspace (not the user) configured: a multi-select
// list of them, all ticked, shown before any task is created. Escape cancels the creation. In the
// creation bundle (dist/todoBulk.js); the main bundle reads the setting (todoSettings.ts
// inspectDefaultAssociations) and passes what VS Code's inspect() returned.
import * as vscode from 'vscode';
import type { Notifier, PickItem } from '../../ui/notifier';
import { consentedAssociations, defaultAssociationsSource, type SettingInspection } from '../core/associationSource';

/** The setting, by where each of its values was set (`setting`: its name, shown beside each value). */
export interface InspectedSetting {
  readonly setting: string;
  readonly inspected: SettingInspection | undefined;
}

/**
 * The default associations to apply to the tasks about to be created, or undefined when the user
 * cancelled. Without workspace-set values nothing is asked.
 */
export async function confirmDefaultAssociations(
  notify: Pick<Notifier, 'pick'>,
  taskCount: number,
  { setting, inspected }: InspectedSetting,
): Promise<string[] | undefined> {
  const source = defaultAssociationsSource(inspected);
  if (source.fromWorkspace.length === 0) {
    return source.values;
  }
  // Values come from the repository's settings: the notifier makes them inert before VS Code renders them.
  const items: PickItem<{ value: string }>[] = source.fromWorkspace.map((value) => ({
    value,
    label: value,
    description: vscode.l10n.t('from this workspace\'s settings ({0})', setting),
    picked: true,
  }));
  const kept = await notify.pick(items, {
    canPickMany: true,
    title: taskCount === 1 ? vscode.l10n.t('Associate the new task with these records?') : vscode.l10n.t('Associate the {0} new tasks with these records?', taskCount),
    placeHolder: vscode.l10n.t('This workspace asks to attach every new task (and the code around its TODO) to these records. Untick what you do not want, then press Enter'),
    ignoreFocusOut: true,
  });
  return kept ? consentedAssociations(source, kept.map((item) => item.value)) : undefined;
}

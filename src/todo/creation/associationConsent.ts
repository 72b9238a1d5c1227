// Asks before applying default associations that a workspace (not the user) configured: a multi-select
// list of them, all ticked, shown before any task is created. Escape cancels the creation.
import * as vscode from 'vscode';
import type { Notifier, PickItem } from '../../ui/notifier';
import { consentedAssociations, defaultAssociationsSource, type SettingInspection } from '../core/associationSource';
import { TodoSettingKeys } from '../todoSettings';

export function inspectDefaultAssociations(): SettingInspection | undefined {
  return vscode.workspace.getConfiguration().inspect<unknown>(TodoSettingKeys.defaultAssociations);
}

/**
 * The default associations to apply to the tasks about to be created, or undefined when the user
 * cancelled. Without workspace-set values nothing is asked.
 */
export async function confirmDefaultAssociations(
  notify: Pick<Notifier, 'pick'>,
  taskCount: number,
  inspected: SettingInspection | undefined = inspectDefaultAssociations(),
): Promise<string[] | undefined> {
  const source = defaultAssociationsSource(inspected);
  if (source.fromWorkspace.length === 0) {
    return source.values;
  }
  // Values come from the repository's settings: the notifier makes them inert before VS Code renders them.
  const items: PickItem<{ value: string }>[] = source.fromWorkspace.map((value) => ({
    value,
    label: value,
    description: vscode.l10n.t('from this workspace\'s settings ({0})', TodoSettingKeys.defaultAssociations),
    picked: true,
  }));
  const kept = await notify.pick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Associate the {0} new task(s) with these records?', taskCount),
    placeHolder: vscode.l10n.t('This workspace asks to attach every new task (and the code around its TODO) to these records. Untick what you do not want, then press Enter'),
    ignoreFocusOut: true,
  });
  return kept ? consentedAssociations(source, kept.map((item) => item.value)) : undefined;
}

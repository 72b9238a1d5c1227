// "Create HubSpot Task from Selection" (its own bundle, dist/selectionTask.js): the selected code becomes
// a new task in the task editor — subject from the first line, notes with the code and its link, due,
// priority and associations from the hints in it (as for TODOs) plus `hubspotTasks.todo.defaultAssociations`
// — which the user reviews and saves (one create request, associations inline). The document is never
// changed: no comment is rewritten, no link inserted.
import * as vscode from 'vscode';
import type { HubSpotApi } from '../../hubspot/api';
import { TASK_ASSOCIATION_TYPE_IDS, type AssociatedObjectType } from '../../hubspot/types';
import type { AssociationItem } from '../../webviews/protocol';
import { associationItem, LABEL_PROPERTIES } from '../../webviews/taskFields';
import { HintResolver, parseDefaultAssociations } from '../core/hintResolver';
import { selectionTask } from '../core/selectionContent';
import { GitLinks } from '../creation/gitLinks';
import type { Notifier } from '../../ui/notifier';
import type { Logger } from '../../util/logger';

export interface SelectionTaskDeps {
  client: HubSpotApi;
  notify: Notifier;
  log: Logger;
  isSignedIn(): boolean;
  /** Opens the task editor for a new task with these fields. */
  openEditor(prefill: { subject: string; notes: string; dueAt?: number; priority?: string; associations: AssociationItem[] }): void;
}

const TYPE_OF_ASSOCIATION = Object.fromEntries(Object.entries(TASK_ASSOCIATION_TYPE_IDS).map(([type, id]) => [id, type])) as Record<number, AssociatedObjectType>;

export class SelectionTaskFeature {
  constructor(private readonly deps: SelectionTaskDeps) {}

  async run(editor: vscode.TextEditor | undefined): Promise<void> {
    const t = vscode.l10n.t;
    const selection = editor?.selection;
    if (!editor || !selection || selection.isEmpty) {
      void this.deps.notify.info(t('Select the code the task is about first.'));
      return;
    }
    if (!this.deps.isSignedIn()) {
      void this.deps.notify.info(t('Sign in to HubSpot to create tasks.'));
      return;
    }
    const document = editor.document;
    const lastLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
    const range = new vscode.Range(selection.start.line, 0, lastLine, document.lineAt(lastLine).text.length);
    const links = await new GitLinks().links(document.uri, selection.start.line + 1).catch(() => ({ webUrl: undefined, permalink: undefined }));
    const content = selectionTask({
      text: document.getText(range),
      relativePath: vscode.workspace.asRelativePath(document.uri, false),
      firstLine: selection.start.line + 1,
      lastLine: lastLine + 1,
      link: links.permalink ?? links.webUrl,
      now: new Date(),
    });
    const defaults = parseDefaultAssociations(vscode.workspace.getConfiguration().get<string[]>('hubspotTasks.todo.defaultAssociations') ?? []);
    const associations = await this.associations([...content.hints.associations, ...defaults]);
    this.deps.openEditor({
      subject: content.subject,
      notes: content.notes,
      associations,
      ...(content.dueAt !== undefined ? { dueAt: content.dueAt } : {}),
      ...(content.hints.priority ? { priority: content.hints.priority } : {}),
    });
  }

  /**
   * The hinted records as the editor's chips (shown before anything is created, removable there): ids
   * resolved as for TODOs, names read in one batch per type. Hints that name nothing are said so.
   */
  private async associations(hints: Parameters<HintResolver['resolve']>[0]): Promise<AssociationItem[]> {
    if (hints.length === 0) {
      return [];
    }
    const resolver = new HintResolver(this.deps.client);
    await resolver.prefetch(hints);
    const { associations, unresolved } = await resolver.resolve(hints);
    if (unresolved.length > 0) {
      void this.deps.notify.warn(vscode.l10n.t('Not associated: {0}', unresolved.join('; ')));
    }
    const idsByType = new Map<AssociatedObjectType, string[]>();
    for (const association of associations) {
      const type = TYPE_OF_ASSOCIATION[association.types[0]?.associationTypeId ?? -1];
      if (type) {
        idsByType.set(type, [...(idsByType.get(type) ?? []), association.to.id]);
      }
    }
    const items: AssociationItem[] = [];
    for (const [type, ids] of idsByType) {
      const named = await this.deps.client.crm.readObjects(type, ids, LABEL_PROPERTIES[type]).catch((error: unknown) => {
        this.deps.log.debug(`Selection task: names of ${type} unread: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      });
      const byId = new Map(named.map((record) => [record.id, associationItem(type, record)]));
      items.push(...ids.map((id) => byId.get(id) ?? { objectType: type, id, label: `#${id}` }));
    }
    return items;
  }
}

export function createSelectionTask(deps: SelectionTaskDeps): SelectionTaskFeature {
  return new SelectionTaskFeature(deps);
}

// The task editor's work against HubSpot, free of the editor: load a task with its associations,
// the option lists and owners, search records to associate, and save with conflict detection.
import type { HubSpotApi } from '../../hubspot/api';
import { isErrorOfKind, isHubSpotError } from '../../hubspot/errors';
import type { ApiTask, AssociatedObjectType, InlineAssociation, PropertyDefinition } from '../../hubspot/types';
import { TaskProperty, TASK_ASSOCIATION_TYPE_IDS } from '../../hubspot/types';
import type { Logger } from '../../util/logger';
import { sanitizeNotes } from '../../tasks/htmlToText';
import type { AssociationItem, FieldError, FieldName, Option, OwnerOption, TaskFields, TaskVersion } from '../protocol';
import { ASSOCIATION_OBJECT_TYPES } from '../protocol';
import {
  EDITOR_TASK_PROPERTIES, FALLBACK_OPTIONS, LABEL_PROPERTIES, associationItem, changedFields, diffAssociations,
  fieldOfProperty, ownerOption, propertiesToSave, taskToFields, toOptions, versionOf,
} from '../taskFields';

export interface EditorChoices {
  options: { status: Option[]; priority: Option[]; type: Option[] };
  owners: OwnerOption[];
}

export type SaveOutcome =
  | { kind: 'saved'; base: TaskVersion; task: ApiTask; /** Association changes that failed. */ failures: FieldError[] }
  | { kind: 'conflict'; latest: TaskVersion; changed: FieldName[] };

const CHOICES_TTL_MS = 5 * 60_000;
const MAX_ASSOCIATIONS_PER_TYPE = 500;

export class TaskEditorService {
  private choices?: { at: number; value: Promise<EditorChoices> };

  /** `translate` gives the documented options' English labels in the user's language (vscode.l10n.t). */
  constructor(
    private readonly client: HubSpotApi,
    private readonly log: Logger,
    private readonly now = () => Date.now(),
    private readonly translate: (english: string) => string = (english) => english,
    /** A property's definition: the extension's shared cache (services/taskProperties.ts), read by the hover too. */
    private readonly definition: (name: string) => Promise<PropertyDefinition> = (name) => client.account.taskProperty(name),
  ) {}

  /** Option lists (HubSpot's property definitions, else the documented lists) and owners; cached briefly. */
  loadChoices(): Promise<EditorChoices> {
    if (!this.choices || this.now() - this.choices.at > CHOICES_TTL_MS) {
      const value = this.fetchChoices();
      this.choices = { at: this.now(), value };
      value.catch(() => (this.choices = undefined));
    }
    return this.choices.value;
  }

  /** Another account (sign-in, base URL): its owners and option lists are not the cached ones. */
  forgetChoices(): void {
    this.choices = undefined;
  }

  private async fetchChoices(): Promise<EditorChoices> {
    const option = async (property: string, documented: Option[]) => {
      const fallback = documented.map((o) => ({ ...o, label: this.translate(o.label) }));
      try {
        return toOptions(await this.definition(property), fallback);
      } catch (error) {
        this.log.warn(`Task editor: using the documented options of ${property}: ${describe(error)}`);
        return fallback;
      }
    };
    const owners = this.client.owners.allOwners().then(
      (list) => list.filter((o) => !o.archived).map(ownerOption).sort((a, b) => a.label.localeCompare(b.label)),
      (error: unknown) => {
        this.log.warn(`Task editor: owners unavailable: ${describe(error)}`);
        return [] as OwnerOption[];
      });
    const [status, priority, type] = await Promise.all([
      option('hs_task_status', FALLBACK_OPTIONS.status),
      option('hs_task_priority', FALLBACK_OPTIONS.priority),
      option('hs_task_type', FALLBACK_OPTIONS.type),
    ]);
    return { options: { status, priority, type }, owners: await owners };
  }

  /** The task as HubSpot has it now, with its contacts, companies and deals. */
  async loadTask(taskId: string): Promise<TaskVersion> {
    const [task, associations] = await Promise.all([
      this.client.tasks.getTask(taskId, EDITOR_TASK_PROPERTIES),
      this.loadAssociations(taskId),
    ]);
    return { taskId, updatedAt: versionOf(task), fields: taskToFields(task, associations) };
  }

  async loadAssociations(taskId: string): Promise<AssociationItem[]> {
    const perType = await Promise.all(ASSOCIATION_OBJECT_TYPES.map(async (objectType) => {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await this.client.tasks.listTaskAssociations(taskId, objectType, after);
        ids.push(...page.items.map((ref) => ref.id));
        after = page.cursor;
      } while (after && ids.length < MAX_ASSOCIATIONS_PER_TYPE);
      return this.label(objectType, [...new Set(ids)]);
    }));
    return perType.flat();
  }

  /** Names for associated records; a record that cannot be read still shows, by id. */
  private async label(objectType: AssociatedObjectType, ids: string[]): Promise<AssociationItem[]> {
    if (ids.length === 0) {
      return [];
    }
    let records: Map<string, AssociationItem> = new Map();
    try {
      const read = await this.client.crm.readObjects(objectType, ids, LABEL_PROPERTIES[objectType]);
      records = new Map(read.map((record) => [record.id, associationItem(objectType, record)]));
    } catch (error) {
      this.log.warn(`Task editor: could not read ${objectType} names: ${describe(error)}`);
    }
    return ids.map((id) => records.get(id) ?? { objectType, id, label: `#${id}` });
  }

  async search(objectType: AssociatedObjectType, query: string): Promise<AssociationItem[]> {
    const page = await this.client.crm.searchObjects(objectType, query, { limit: 10, properties: LABEL_PROPERTIES[objectType] });
    return page.items.map((record) => associationItem(objectType, record));
  }

  /**
   * Saves `draft`. A new task (no `base.taskId`) is created with its associations inline. An existing
   * one is re-read first: if HubSpot's version moved and a field the form shows differs, nothing is
   * written and the conflict is returned. Otherwise only the changed properties are sent, then one
   * PUT / DELETE per changed association.
   */
  async save(base: TaskVersion, draft: TaskFields): Promise<SaveOutcome> {
    if (!base.taskId) {
      return this.create(draft);
    }
    const taskId = base.taskId;
    const current = await this.client.tasks.getTask(taskId, EDITOR_TASK_PROPERTIES);
    let baseline = base;
    if (versionOf(current) !== base.updatedAt) {
      const latest: TaskVersion = { taskId, updatedAt: versionOf(current), fields: taskToFields(current, await this.loadAssociations(taskId)) };
      const changed = changedFields(base.fields, latest.fields);
      if (changed.length > 0) {
        return { kind: 'conflict', latest, changed };
      }
      baseline = { ...base, updatedAt: latest.updatedAt };
    }
    // The note as HubSpot has it now (no conflict: the one the form loaded): an edit is merged into its bytes.
    return this.update(baseline, draft, current.properties?.[TaskProperty.body]);
  }

  private async create(draft: TaskFields): Promise<SaveOutcome> {
    const associations: InlineAssociation[] = diffAssociations([], draft.associations).add.map((item) => ({
      to: { id: item.id },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION_TYPE_IDS[item.objectType] }],
    }));
    const task = await this.client.tasks.createTask({
      properties: propertiesToSave(draft),
      ...(associations.length > 0 ? { associations } : {}),
    });
    // The create response may carry only some properties: what was sent is the new baseline.
    const fields: TaskFields = {
      ...draft,
      notes: sanitizeNotes(draft.notes),
      associations: diffAssociations([], draft.associations).add,
    };
    return { kind: 'saved', task, base: { taskId: task.id, updatedAt: versionOf(task), fields }, failures: [] };
  }

  private async update(base: TaskVersion, draft: TaskFields, originalNotes: string | null | undefined): Promise<SaveOutcome> {
    const taskId = base.taskId as string;
    const properties = propertiesToSave(draft, base.fields, originalNotes ?? '');
    if (Object.keys(properties).length > 0) {
      await this.client.tasks.updateTask(taskId, properties);
    }
    const { add, remove } = diffAssociations(base.fields.associations, draft.associations);
    const kept = new Map(base.fields.associations.map((item) => [key(item), item]));
    const failures: FieldError[] = [];
    for (const item of remove) {
      try {
        await this.client.tasks.deleteTaskAssociation(taskId, item.objectType, item.id);
        kept.delete(key(item));
      } catch (error) {
        if (isErrorOfKind(error, 'not-found')) {
          kept.delete(key(item)); // already gone: the wanted state
        } else {
          failures.push({ field: 'associations', message: `${item.label}: ${describe(error)}` });
        }
      }
    }
    for (const item of add) {
      try {
        await this.client.tasks.createTaskAssociation(taskId, item.objectType, item.id);
        kept.set(key(item), item);
      } catch (error) {
        failures.push({ field: 'associations', message: `${item.label}: ${describe(error)}` });
      }
    }
    // Re-read so the new baseline carries HubSpot's version stamp and normalised values.
    const task = await this.client.tasks.getTask(taskId, EDITOR_TASK_PROPERTIES);
    const fields = taskToFields(task, [...kept.values()]);
    return { kind: 'saved', task, base: { taskId, updatedAt: versionOf(task), fields }, failures };
  }
}

function key(item: AssociationItem): string {
  return `${item.objectType}:${item.id}`;
}

/** HubSpot's VALIDATION_ERRORs as errors next to the fields they name (others for the whole form). */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (!isErrorOfKind(error, 'validation')) {
    return undefined;
  }
  const mapped = error.fieldErrors.map((fieldError): FieldError => {
    const field = fieldOfProperty(fieldError.field);
    return field ? { field, message: fieldError.message } : { message: fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message };
  });
  return mapped.length > 0 ? mapped : [{ message: error.message }];
}

export function describe(error: unknown): string {
  if (isHubSpotError(error)) {
    return error.correlationId ? `${error.message} (correlation id ${error.correlationId})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

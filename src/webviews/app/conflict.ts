// The conflict notice: which fields changed in HubSpot since the form loaded, their values then and
// now, and the user's own edit, with Reload / Overwrite. Values are shown as text only.
import type { ConflictMessage, FieldName, Option, OwnerOption, TaskFields } from '../protocol';
import { formatDateTime } from '../../tasks/dateFormat';
import { notesToText } from '../../tasks/htmlToText';
import { byId, el } from './dom';
import { ownerLabel } from './form';

export interface ConflictContext {
  strings: Record<string, string>;
  options: { status: Option[]; priority: Option[]; type: Option[] };
  owners: OwnerOption[];
}

export function showConflict(message: ConflictMessage, base: TaskFields, draft: TaskFields, context: ConflictContext): void {
  const rows = message.changed.map((field) => {
    const edited = display(field, draft, context) !== display(field, base, context);
    return el('tr', {}, [
      el('th', { text: context.strings[`field.${field}`] ?? field, attrs: { scope: 'row' } }),
      el('td', { text: display(field, base, context) }),
      el('td', { text: display(field, message.latest.fields, context) }),
      el('td', { text: edited ? display(field, draft, context) : context.strings.notChanged ?? '' }),
    ]);
  });
  byId('conflict-changes').replaceChildren(...rows);
  const section = byId('conflict');
  section.hidden = false;
  section.focus();
}

export function hideConflict(): void {
  byId('conflict').hidden = true;
  byId('conflict-changes').replaceChildren();
}

function display(field: FieldName, fields: TaskFields, context: ConflictContext): string {
  const empty = context.strings.empty ?? '';
  const label = (options: Option[], value: string) => options.find((o) => o.value === value)?.label ?? value;
  switch (field) {
    case 'dueAt':
    case 'reminderAt': {
      const value = fields[field];
      return value === null ? empty : formatDateTime(new Date(value), context.strings.locale);
    }
    case 'status':
    case 'priority':
    case 'type':
      return fields[field] ? label(context.options[field], fields[field]) : empty;
    case 'ownerId':
      return ownerLabel(context.owners, fields.ownerId, context.strings);
    case 'associations':
      return fields.associations.map((a) => a.label).join(', ') || empty;
    case 'notes': {
      // The note's HTML as text: shown with textContent, never as markup.
      const text = notesToText(fields.notes);
      return text.length > 300 ? `${text.slice(0, 299)}…` : text || empty;
    }
    default:
      return fields[field] || empty;
  }
}

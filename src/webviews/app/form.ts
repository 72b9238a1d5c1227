// The form's plain fields: writing a task into them, reading the user's draft back (with the checks
// the page can make itself) and showing errors next to the field they concern.
import { fromLocalInput, toLocalInput } from '../localTime';
import type { FieldError, FieldName, Option, OwnerOption, TaskFields } from '../protocol';
import { byId, setOptions } from './dom';
import type { OwnerPicker } from './ownerPicker';

export interface FormContext {
  strings: Record<string, string>;
  owners: OwnerPicker;
  /** The rich-text notes (notesEditor.ts): the note's allowlisted HTML in and out. */
  notes: { set(html: string): void; readonly value: string };
  associations(): TaskFields['associations'];
}

const subject = () => byId<HTMLInputElement>('subject');
const dueAt = () => byId<HTMLInputElement>('dueAt');
const reminderAt = () => byId<HTMLInputElement>('reminderAt');
const status = () => byId<HTMLSelectElement>('status');
const priority = () => byId<HTMLSelectElement>('priority');
const type = () => byId<HTMLSelectElement>('type');

/** Fields with their own control and error slot, in the order errors are focused. */
const FIELD_CONTROLS: FieldName[] = ['subject', 'dueAt', 'reminderAt', 'status', 'priority', 'type', 'ownerId', 'notes', 'associations'];

export function setChoices(options: { status: Option[]; priority: Option[]; type: Option[] }, fields: TaskFields, strings: Record<string, string>): void {
  const notSet = strings.notSet ?? '';
  setOptions(status(), withValue(options.status, fields.status, notSet), fields.status);
  // Without a NONE option, '' is how "no priority" is chosen.
  const priorities = options.priority.some((o) => o.value === '' || o.value === 'NONE')
    ? options.priority
    : [{ value: '', label: strings.noPriority ?? 'None' }, ...options.priority];
  setOptions(priority(), withValue(priorities, fields.priority, notSet), fields.priority);
  setOptions(type(), withValue(options.type, fields.type, notSet), fields.type);
}

/** The options plus the task's current value (an unset one as "(not set)"), so loading never changes it. */
function withValue(options: Option[], value: string, notSetLabel: string): Option[] {
  if (options.some((o) => o.value === value)) {
    return options;
  }
  return value ? [...options, { value, label: value }] : [{ value: '', label: notSetLabel }, ...options];
}

export function writeFields(fields: TaskFields, context: FormContext): void {
  subject().value = fields.subject;
  context.notes.set(fields.notes);
  writeTime(dueAt(), fields.dueAt);
  writeTime(reminderAt(), fields.reminderAt);
  for (const [select, value] of [[status(), fields.status], [priority(), fields.priority], [type(), fields.type]] as const) {
    if (![...select.options].some((o) => o.value === value)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.append(option);
    }
    select.value = value;
  }
  context.owners.choose(fields.ownerId);
}

/**
 * The input shows minutes; HubSpot keeps milliseconds. The exact value is remembered so that an
 * untouched field reads back unchanged (not dirty, and not rewritten with its seconds cut off).
 */
function writeTime(input: HTMLInputElement, ms: number | null): void {
  input.value = toLocalInput(ms);
  input.dataset.exact = ms === null ? '' : String(ms);
}

function readTime(input: HTMLInputElement, required: boolean, strings: Record<string, string>, field: FieldName,
  errors: FieldError[]): number | null {
  const exact = input.dataset.exact ? Number(input.dataset.exact) : null;
  // A half-typed datetime-local reports value '' with validity.badInput.
  const value = input.validity.badInput ? undefined
    : exact !== null && input.value === toLocalInput(exact) ? exact
      : fromLocalInput(input.value);
  if (value === undefined) {
    errors.push({ field, message: strings[field === 'dueAt' ? 'dueInvalid' : 'reminderInvalid'] ?? 'Invalid date' });
    return null;
  }
  if (value === null && required) {
    errors.push({ field, message: strings.dueRequired ?? 'Required' });
  }
  return value;
}

/** The draft as typed, and what is wrong with it (empty when it can be saved). */
export function readDraft(context: FormContext): { draft: TaskFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const subjectValue = subject().value;
  if (!subjectValue.trim()) {
    errors.push({ field: 'subject', message: context.strings.subjectRequired ?? 'Required' });
  }
  const draft: TaskFields = {
    subject: subjectValue,
    notes: context.notes.value,
    dueAt: readTime(dueAt(), true, context.strings, 'dueAt', errors),
    reminderAt: readTime(reminderAt(), false, context.strings, 'reminderAt', errors),
    status: status().value,
    priority: priority().value,
    type: type().value,
    ownerId: context.owners.value,
    associations: context.associations(),
  };
  return { draft, errors };
}

export function clearErrors(): void {
  byId('form-error').hidden = true;
  byId('form-error').textContent = '';
  for (const field of FIELD_CONTROLS) {
    const slot = byId(`${field}-error`);
    slot.hidden = true;
    slot.textContent = '';
    controlOf(field)?.removeAttribute('aria-invalid');
  }
}

/** Shows each error next to its field (form-level ones at the top) and focuses the first. */
export function showErrors(errors: FieldError[], strings: Record<string, string>, focus = true): void {
  clearErrors();
  const formLevel: string[] = [];
  for (const error of errors) {
    if (!error.field) {
      formLevel.push(error.message);
      continue;
    }
    const slot = byId(`${error.field}-error`);
    slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
    slot.hidden = false;
    controlOf(error.field)?.setAttribute('aria-invalid', 'true');
  }
  if (formLevel.length === 0 && errors.length > 0) {
    formLevel.push(strings.fixErrors ?? '');
  }
  if (formLevel.length > 0) {
    const banner = byId('form-error');
    banner.textContent = formLevel.join(' ');
    banner.hidden = false;
  }
  if (focus) {
    const first = FIELD_CONTROLS.find((field) => errors.some((e) => e.field === field));
    (first ? controlOf(first) : null)?.focus();
  }
}

function controlOf(field: FieldName): HTMLElement | null {
  return document.getElementById(field === 'associations' ? 'assoc-search' : field);
}

export function ownerLabel(owners: OwnerOption[], id: string, strings: Record<string, string>): string {
  if (!id) {
    return strings.unassigned ?? '';
  }
  const owner = owners.find((o) => o.id === id);
  return owner ? `${owner.label} <${owner.email}>` : `#${id}`;
}

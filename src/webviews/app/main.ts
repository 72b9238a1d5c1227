// The task editor page. It says `ready`, then waits for `init`; it keeps its draft in the webview
// state so hiding the panel or reloading VS Code loses nothing. Every message from the extension is
// validated before use; HubSpot text is only ever set with textContent / value.
import { defaultDueAt } from '../localTime';
import type { FieldName, InitMessage, TaskFields, TaskVersion, ToWebview } from '../protocol';
import { FIELD_NAMES, isPersistedState, isToWebview } from '../protocol';
import { Associations } from './associations';
import { hideConflict, showConflict } from './conflict';
import { byId, format } from './dom';
import { clearErrors, readDraft, setChoices, showErrors, writeFields } from './form';
import { NotesEditor } from './notesEditor';
import { OwnerPicker } from './ownerPicker';
import { vscode } from './vscodeApi';

let init: InitMessage | undefined;
let base: TaskVersion | undefined;
let saving = false;
let lastDirty: boolean | undefined;
let firstInit = true;

const form = byId<HTMLFormElement>('task-form');
const saveButton = byId<HTMLButtonElement>('save');
const saveStatus = byId('save-status');
const strings = () => init?.strings ?? {};

const owners = new OwnerPicker(() => onEdited());
const associations = new Associations((message) => vscode.postMessage(message), () => onEdited());
const notes = new NotesEditor(() => strings(), () => onEdited());
const context = { strings: {} as Record<string, string>, owners, notes, associations: () => associations.value };

function sameFields(a: TaskFields, b: TaskFields): boolean {
  return FIELD_NAMES.every((field: FieldName) => field === 'associations'
    ? a.associations.map((x) => `${x.objectType}:${x.id}`).sort().join() === b.associations.map((x) => `${x.objectType}:${x.id}`).sort().join()
    : a[field] === b[field]);
}

/** After every edit: remember the draft (setState) and tell the extension whether it is unsaved. */
function onEdited(): void {
  if (!base) {
    return;
  }
  const { draft } = readDraft(context);
  vscode.setState({ base, draft });
  const dirty = !sameFields(draft, base.fields);
  if (dirty !== lastDirty) {
    lastDirty = dirty;
    vscode.postMessage({ type: 'dirty', dirty });
  }
}

function setSaving(value: boolean): void {
  saving = value;
  saveButton.disabled = value || !!init?.loadError;
  form.setAttribute('aria-busy', String(value));
  saveStatus.textContent = value ? strings().saving ?? '' : '';
}

function applyInit(message: InitMessage): void {
  init = message;
  context.strings = message.strings;
  associations.strings = message.strings;
  base = structuredClone(message.base);
  // A new task starts due tomorrow morning, in the user's own time zone.
  if (!base.taskId && base.fields.dueAt === null) {
    base.fields.dueAt = defaultDueAt();
  }
  // Restore the draft the page kept when it is a draft of this very version of the task.
  const saved = vscode.getState();
  const draft = isPersistedState(saved) && saved.base.taskId === base.taskId && saved.base.updatedAt === base.updatedAt
    ? saved.draft
    : base.fields;
  setChoices(message.options, draft, message.strings);
  owners.setOwners(message.owners, message.strings.unassigned ?? '');
  writeFields(draft, context);
  associations.set(draft.associations);
  byId('dueAt-hint').textContent = format(message.strings.timeZone ?? '{0}', Intl.DateTimeFormat().resolvedOptions().timeZone);
  hideConflict();
  clearErrors();
  setSaving(!!message.busy);
  if (message.loadError) {
    showErrors([{ message: message.loadError }], message.strings, false);
  }
  lastDirty = undefined;
  onEdited();
  showGoToCode();
  if (firstInit) {
    firstInit = false;
    byId('subject').focus();
  }
}

/** A saved task made from a TODO (its notes carry the marker, src/todo/core/taskContent.ts) can go to its code. */
function showGoToCode(): void {
  byId('go-to-code').hidden = !(base?.taskId && base.fields.notes.includes('TODO key: hstodo'));
}

function onMessage(message: ToWebview): void {
  if (message.type !== 'init' && !init) {
    return;
  }
  switch (message.type) {
    case 'init':
      applyInit(message);
      return;
    case 'saving':
      clearErrors();
      setSaving(true);
      return;
    case 'saved': {
      base = structuredClone(message.base);
      const fields = message.draft ?? base.fields;
      writeFields(fields, context);
      associations.set(fields.associations);
      hideConflict();
      clearErrors();
      setSaving(false);
      saveStatus.textContent = strings().saved ?? '';
      lastDirty = undefined;
      onEdited();
      showGoToCode();
      return;
    }
    case 'saveFailed':
      setSaving(false);
      showErrors(message.errors, strings());
      return;
    case 'conflict':
      setSaving(false);
      if (base && init) {
        showConflict(message, base.fields, readDraft(context).draft, { strings: strings(), options: init.options, owners: init.owners });
      }
      return;
    case 'searchResults':
      associations.showResults(message.requestId, message.items, message.error);
      return;
  }
}

function save(): void {
  if (saving || !init || init.loadError) {
    return;
  }
  const { draft, errors } = readDraft(context);
  if (errors.length > 0) {
    showErrors(errors, strings());
    return;
  }
  clearErrors();
  vscode.postMessage({ type: 'save', draft });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isToWebview(event.data)) {
    onMessage(event.data);
  } else {
    console.warn('[task editor] ignored a malformed message');
  }
});

// Defence in depth: the CSP blocks inline script anyway; counting violations lets tests prove that
// HubSpot text was never even parsed as markup.
document.addEventListener('securitypolicyviolation', () => {
  document.body.dataset.cspViolations = String(Number(document.body.dataset.cspViolations ?? '0') + 1);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save();
});
form.addEventListener('input', () => onEdited());
form.addEventListener('change', () => onEdited());
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'Enter')) {
    event.preventDefault();
    save();
  }
});
byId('conflict-reload').addEventListener('click', () => vscode.postMessage({ type: 'resolveConflict', choice: 'reload' }));
byId('go-to-code').addEventListener('click', () => vscode.postMessage({ type: 'goToCode' }));
byId('conflict-overwrite').addEventListener('click', () => {
  const { draft, errors } = readDraft(context);
  if (errors.length > 0) {
    showErrors(errors, strings());
    return;
  }
  vscode.postMessage({ type: 'resolveConflict', choice: 'overwrite', draft });
});

saveButton.disabled = true;
vscode.postMessage({ type: 'ready' });

// The task editor's message protocol, shared by the extension (Node) and the webview (browser).
// Neither side trusts the other's messages: each one is checked by a validator below before use,
// and anything unknown or malformed is ignored (and logged) by the receiver.
// No imports of `vscode` or the DOM here: both bundles compile this file.

export type AssociationObjectType = 'contacts' | 'companies' | 'deals';
export const ASSOCIATION_OBJECT_TYPES: readonly AssociationObjectType[] = ['contacts', 'companies', 'deals'];

/** A record associated (or associable) with a task, with a display label built from its properties. */
export interface AssociationItem {
  objectType: AssociationObjectType;
  id: string;
  label: string;
  detail?: string;
}

/** The editable fields of a task, in the form's terms (times are Unix ms; notes are HTML over the notes allowlist). */
export interface TaskFields {
  subject: string;
  notes: string;
  dueAt: number | null;
  reminderAt: number | null;
  status: string;
  /** '' = no priority. */
  priority: string;
  type: string;
  /** '' = unassigned. */
  ownerId: string;
  associations: AssociationItem[];
}

export type FieldName = keyof TaskFields;
export const FIELD_NAMES: readonly FieldName[] = [
  'subject', 'notes', 'dueAt', 'reminderAt', 'status', 'priority', 'type', 'ownerId', 'associations',
];

/** A task as loaded from HubSpot: the baseline the form compares against to find edits and conflicts. */
export interface TaskVersion {
  /** Absent for a task not created yet. */
  taskId?: string;
  /** HubSpot's `updatedAt` when loaded; a different value at save time means someone else changed it. */
  updatedAt?: string;
  fields: TaskFields;
}

export interface Option {
  value: string;
  label: string;
}

export interface OwnerOption {
  id: string;
  label: string;
  email: string;
}

export interface FieldError {
  /** Absent: the error concerns the whole form. */
  field?: FieldName;
  message: string;
}

/** What the webview keeps with setState so a reload or a hidden panel restores the user's work. */
export interface PersistedState {
  base: TaskVersion;
  draft: TaskFields;
}

// ---- extension → webview -------------------------------------------------------------------

export interface InitMessage {
  type: 'init';
  /** The page keeps its own draft (setState) and restores it when this base is the one it edited. */
  base: TaskVersion;
  options: { status: Option[]; priority: Option[]; type: Option[] };
  owners: OwnerOption[];
  /** Localised strings the script needs (the static labels are already in the HTML). */
  strings: Record<string, string>;
  /** Set when loading failed (e.g. signed out): shown as a form-level error, Save stays disabled. */
  loadError?: string;
  /** A save is in flight (the page was rebuilt meanwhile): keep Save disabled. */
  busy?: boolean;
}

export interface SearchResultsMessage {
  type: 'searchResults';
  requestId: number;
  items: AssociationItem[];
  error?: string;
}

export interface SavingMessage {
  type: 'saving';
}

export interface SavedMessage {
  type: 'saved';
  base: TaskVersion;
  /** Edits that were not saved (e.g. an association that failed) remain as the draft. */
  draft?: TaskFields;
}

export interface SaveFailedMessage {
  type: 'saveFailed';
  errors: FieldError[];
}

export interface ConflictMessage {
  type: 'conflict';
  /** The task as it is in HubSpot now. */
  latest: TaskVersion;
  /** Fields that differ between the form's baseline and `latest`. */
  changed: FieldName[];
}

export type ToWebview =
  | InitMessage
  | SearchResultsMessage
  | SavingMessage
  | SavedMessage
  | SaveFailedMessage
  | ConflictMessage;

// ---- webview → extension -------------------------------------------------------------------

export interface ReadyMessage {
  type: 'ready';
}

export interface DirtyMessage {
  type: 'dirty';
  dirty: boolean;
}

export interface SaveMessage {
  type: 'save';
  draft: TaskFields;
}

export interface SearchMessage {
  type: 'search';
  requestId: number;
  objectType: AssociationObjectType;
  query: string;
}

export interface ResolveConflictMessage {
  type: 'resolveConflict';
  choice: 'reload' | 'overwrite';
  /** With `overwrite`: the form as it is now. */
  draft?: TaskFields;
}

/** "Go to Code" on a task made from a TODO: the extension opens the TODO's current line. */
export interface GoToCodeMessage {
  type: 'goToCode';
}

export type FromWebview = ReadyMessage | DirtyMessage | SaveMessage | SearchMessage | ResolveConflictMessage | GoToCodeMessage;

// ---- validators ----------------------------------------------------------------------------

type Check<T> = (value: unknown) => value is T;

const MAX_TEXT = 200_000;
/** Longest name, email or option label the form shows; longer ones are clipped by `clip`. */
export const LABEL_MAX = 1000;

/**
 * HubSpot data is untrusted and can be of any length: clip display labels before posting them, so a
 * 100 KB contact or owner name shortens one label instead of failing validation of the whole form.
 */
export function clip(text: string, max = LABEL_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isTime(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e15);
}

function isArrayOf<T>(value: unknown, check: Check<T>, max = 1000): value is T[] {
  return Array.isArray(value) && value.length <= max && value.every(check);
}

function isOneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isObjectType = isOneOf(ASSOCIATION_OBJECT_TYPES);
export const isFieldName = isOneOf(FIELD_NAMES);

/** HubSpot ids are decimal numbers; anything else would end up in a URL path. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,30}$/.test(value);
}

export function isAssociationItem(value: unknown): value is AssociationItem {
  return isRecord(value) && isObjectType(value.objectType) && isId(value.id) && isText(value.label, LABEL_MAX)
    && (value.detail === undefined || isText(value.detail, LABEL_MAX));
}

export function isTaskFields(value: unknown): value is TaskFields {
  return isRecord(value)
    && isText(value.subject)
    && isText(value.notes)
    && isTime(value.dueAt)
    && isTime(value.reminderAt)
    && isText(value.status, 200)
    && isText(value.priority, 200)
    && isText(value.type, 200)
    && (value.ownerId === '' || isId(value.ownerId))
    && isArrayOf(value.associations, isAssociationItem);
}

export function isTaskVersion(value: unknown): value is TaskVersion {
  return isRecord(value)
    && (value.taskId === undefined || isId(value.taskId))
    && (value.updatedAt === undefined || isText(value.updatedAt, 100))
    && isTaskFields(value.fields);
}

export function isPersistedState(value: unknown): value is PersistedState {
  return isRecord(value) && isTaskVersion(value.base) && isTaskFields(value.draft);
}

function isOption(value: unknown): value is Option {
  return isRecord(value) && isText(value.value, 200) && isText(value.label, LABEL_MAX);
}

function isOwnerOption(value: unknown): value is OwnerOption {
  return isRecord(value) && isId(value.id) && isText(value.label, LABEL_MAX) && isText(value.email, LABEL_MAX);
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && (value.field === undefined || isFieldName(value.field)) && isText(value.message, 10_000);
}

function isStrings(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => isText(v, 10_000));
}

const fromWebviewChecks: { [K in FromWebview['type']]: (m: Record<string, unknown>) => boolean } = {
  ready: () => true,
  dirty: (m) => typeof m.dirty === 'boolean',
  save: (m) => isTaskFields(m.draft),
  search: (m) => Number.isSafeInteger(m.requestId) && isObjectType(m.objectType) && isText(m.query, 500),
  resolveConflict: (m) => (m.choice === 'reload' && m.draft === undefined)
    || (m.choice === 'overwrite' && isTaskFields(m.draft)),
  goToCode: () => true,
};

const toWebviewChecks: { [K in ToWebview['type']]: (m: Record<string, unknown>) => boolean } = {
  init: (m) => isTaskVersion(m.base)
    && isRecord(m.options)
    && isArrayOf(m.options.status, isOption) && isArrayOf(m.options.priority, isOption) && isArrayOf(m.options.type, isOption)
    && isArrayOf(m.owners, isOwnerOption, 100_000)
    && isStrings(m.strings)
    && (m.loadError === undefined || isText(m.loadError, 10_000))
    && (m.busy === undefined || typeof m.busy === 'boolean'),
  searchResults: (m) => Number.isSafeInteger(m.requestId) && isArrayOf(m.items, isAssociationItem)
    && (m.error === undefined || isText(m.error, 10_000)),
  saving: () => true,
  saved: (m) => isTaskVersion(m.base) && (m.draft === undefined || isTaskFields(m.draft)),
  saveFailed: (m) => isArrayOf(m.errors, isFieldError),
  conflict: (m) => isTaskVersion(m.latest) && isArrayOf(m.changed, isFieldName),
};

function validate<T extends { type: string }>(checks: Record<string, (m: Record<string, unknown>) => boolean>, value: unknown): value is T {
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.prototype.hasOwnProperty.call(checks, value.type)) {
    return false;
  }
  return checks[value.type](value);
}

export function isFromWebview(value: unknown): value is FromWebview {
  return validate<FromWebview>(fromWebviewChecks, value);
}

export function isToWebview(value: unknown): value is ToWebview {
  return validate<ToWebview>(toWebviewChecks, value);
}

/** A short description of a rejected message for the log: its type if it has one, never its content. */
export function describeMessage(value: unknown): string {
  if (isRecord(value) && typeof value.type === 'string') {
    return `type=${JSON.stringify(value.type.slice(0, 40))}`;
  }
  return Array.isArray(value) ? 'array' : typeof value;
}

// The tree's filters (remembered per workspace) and how they read in the view's description.
import type { AssociatedObjectType } from '../hubspot/types';
import { COMPLETED, type Task } from './task';

/**
 * A due-date window: overdue, due by the end of today (the status bar's count), the next 7 days, none.
 * It picks the due-date groups it covers (grouping.ts), so the tree shows due groups while one is set.
 */
export type DueWindow = 'overdue' | 'byToday' | 'next7' | 'noDue';
export const DUE_WINDOWS: readonly DueWindow[] = ['overdue', 'byToday', 'next7', 'noDue'];

/** A contact, company or deal; `name` is kept so the filter reads at a glance without a request. */
export interface RecordRef {
  type: AssociatedObjectType;
  id: string;
  name: string;
}

export interface TaskFilters {
  /** `mine`, `all`, or a teammate's owner id. */
  owner: string;
  /** The teammate's name when `owner` is an id (shown in the filter row). */
  ownerName?: string;
  /** Only tasks associated with this record. */
  record?: RecordRef;
  due?: DueWindow;
  hideCompleted: boolean;
  /** Empty: any status. */
  statuses: string[];
  /** Free text, sent as the search `query`. */
  text: string;
}

/** The optional filters are present as undefined: spread into a change, they clear them. */
export const DEFAULT_FILTERS: Readonly<TaskFilters> = { owner: 'mine', hideCompleted: true, statuses: [], text: '', ownerName: undefined, record: undefined, due: undefined };

const ID = /^\d{1,30}$/;

/** Workspace state is input: anything unexpected falls back to the default; unset optional filters are absent. */
export function normalizeFilters(value: Partial<TaskFilters> | undefined): TaskFilters {
  const { owner = '', ownerName, record, due } = value ?? {};
  const teammate = ID.test(owner);
  return {
    owner: teammate || owner === 'all' ? owner : 'mine',
    hideCompleted: value?.hideCompleted !== false,
    statuses: Array.isArray(value?.statuses) ? value.statuses.filter((s) => typeof s === 'string').map((s) => s.toUpperCase()) : [],
    text: typeof value?.text === 'string' ? value.text.trim() : '',
    ...(teammate && { ownerName: String(ownerName || owner) }),
    ...(record && ['contacts', 'companies', 'deals'].includes(record.type) && ID.test(record.id) && { record: { type: record.type, id: record.id, name: String(record.name || record.id) } }),
    ...(DUE_WINDOWS.includes(due!) && { due }),
  };
}

/** Statuses a search should accept, or undefined for "any"; [] means nothing can match. */
export function effectiveStatuses(filters: TaskFilters): string[] | undefined {
  if (filters.statuses.length === 0) {
    return undefined;
  }
  return filters.hideCompleted ? filters.statuses.filter((s) => s !== COMPLETED) : [...filters.statuses];
}

/** Client-side version of the filters, for placing a just-written task before search catches up. */
export function matchesFilters(task: Task, filters: TaskFilters, me: string | undefined): boolean {
  if (task.archived) {
    return false;
  }
  if (filters.owner === 'mine' ? !me || task.ownerId !== me : filters.owner !== 'all' && task.ownerId !== filters.owner) {
    return false;
  }
  if (filters.hideCompleted && task.status === COMPLETED) {
    return false;
  }
  const statuses = effectiveStatuses(filters);
  if (statuses && !statuses.includes(task.status)) {
    return false;
  }
  if (filters.text) {
    const haystack = `${task.subject}\n${task.notesHtml}`.toLowerCase();
    return filters.text
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => haystack.includes(word));
  }
  return true;
}

export type Translate = (message: string, ...args: Array<string | number>) => string;

const identity: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ''));

/** "Mine · open · “invoice”": the view description. */
export function describeFilters(filters: TaskFilters, t: Translate = identity): string {
  const parts = [filters.owner === 'mine' ? t('Mine') : filters.owner === 'all' ? t('All owners') : filters.ownerName ?? filters.owner];
  if (filters.record) {
    parts.push(filters.record.name);
  }

  if (!filters.hideCompleted) {
    parts.push(t('incl. completed'));
  }
  if (filters.statuses.length) {
    parts.push(filters.statuses.map(statusLabel).join('/'));
  }
  if (filters.text) {
    parts.push(`“${filters.text}”`);
  }
  return parts.join(' · ');
}

export function statusLabel(status: string): string {
  return status
    .toLowerCase()
    .split('_')
    .map((word, i) => (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

// The tree's filters (remembered per workspace) and how they read in the view's description.
import { COMPLETED, type Task } from './task';

export interface TaskFilters {
  owner: 'mine' | 'all';
  hideCompleted: boolean;
  /** Empty: any status. */
  statuses: string[];
  /** Free text, sent as the search `query`. */
  text: string;
}

export const DEFAULT_FILTERS: Readonly<TaskFilters> = { owner: 'mine', hideCompleted: true, statuses: [], text: '' };

export function normalizeFilters(value: Partial<TaskFilters> | undefined): TaskFilters {
  return {
    owner: value?.owner === 'all' ? 'all' : 'mine',
    hideCompleted: value?.hideCompleted !== false,
    statuses: Array.isArray(value?.statuses) ? value.statuses.filter((s) => typeof s === 'string').map((s) => s.toUpperCase()) : [],
    text: typeof value?.text === 'string' ? value.text.trim() : '',
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
  if (filters.owner === 'mine' && (!me || task.ownerId !== me)) {
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
  const parts = [filters.owner === 'mine' ? t('Mine') : t('All owners')];
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

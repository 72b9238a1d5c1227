// The tree's groups — due-date buckets or priorities — each one its own search query, plus the
// client-side predicate that places a just-written task in the right group before search lags in.
import { TaskProperty, type Filter, type FilterGroup, type SearchRequest } from '../hubspot/types';
import { dayBoundaries, startOfLocalDay } from './dueBuckets';
import { effectiveStatuses, matchesFilters, type TaskFilters } from './filters';
import { COMPLETED, TASK_PROPERTIES, type Task } from './task';

export type GroupBy = 'due' | 'priority';

export type GroupId =
  | 'overdue' | 'today' | 'tomorrow' | 'thisWeek' | 'later' | 'noDue' | 'completedEarlier'
  | 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';

export interface TaskGroup {
  id: GroupId;
  // English label with the l10n marker comment (scripts/l10n.js collects it); the view translates it.
  label: string;
  /** Filter groups (OR'ed) specific to this group, AND'ed with the common filters. */
  criteria: Filter[][];
  /** Same meaning as `criteria`, evaluated locally. */
  contains(task: Task): boolean;
  /** Shown expanded when the tree first opens. */
  expandedByDefault: boolean;
}

/** The largest offset HubSpot search pages to; asking past it is a 400. */
export const SEARCH_RESULT_CAP = 10_000;
export const MAX_SEARCH_PAGE = 200;

const ts = TaskProperty.timestamp;
const due = (task: Task) => task.due?.getTime();

/**
 * A due window shows the due groups it covers (whatever `groupBy`), and no search for the others.
 * `weekStartsOn` (0 = Sunday, 1 = Monday): where "This week" ends, from the user's locale (firstDayOfWeek).
 */
export function groupsFor(groupBy: GroupBy, now: Date, filters: TaskFilters, weekStartsOn = 1): TaskGroup[] {
  const keep = filters.due && WINDOW_GROUPS[filters.due];
  return groupBy === 'priority' && !keep ? priorityGroups() : dueGroups(now, filters, weekStartsOn).filter((g) => !keep || keep.includes(g.id));
}

const WINDOW_GROUPS: Record<NonNullable<TaskFilters['due']>, GroupId[]> = {
  overdue: ['overdue'],
  byToday: ['overdue', 'today', 'completedEarlier'],
  next7: ['today', 'tomorrow', 'thisWeek', 'later'], // "Later" then stops at the 7th day
  noDue: ['noDue'],
};

function dueGroups(now: Date, filters: TaskFilters, weekStartsOn: number): TaskGroup[] {
  const b = dayBoundaries(now, weekStartsOn);
  const laterFrom = Math.max(b.startOfDayAfterTomorrow, b.startOfNextWeek);
  const laterTo = filters.due === 'next7' ? startOfLocalDay(now, 7).getTime() : undefined;
  const inRange = (task: Task, from: number | undefined, to: number | undefined) => {
    const at = due(task);
    return at !== undefined && (from === undefined || at >= from) && (to === undefined || at < to);
  };
  const groups: TaskGroup[] = [
    {
      // Overdue means "still to do": completed past tasks go to "Completed earlier".
      id: 'overdue', label: /*l10n*/ 'Overdue', expandedByDefault: true,
      criteria: [[lt(ts, b.startOfToday), { propertyName: TaskProperty.status, operator: 'NEQ', value: COMPLETED }]],
      contains: (t) => inRange(t, undefined, b.startOfToday) && t.status !== COMPLETED,
    },
    {
      id: 'today', label: /*l10n*/ 'Today', expandedByDefault: true,
      criteria: [range(ts, b.startOfToday, b.startOfTomorrow)],
      contains: (t) => inRange(t, b.startOfToday, b.startOfTomorrow),
    },
    {
      id: 'tomorrow', label: /*l10n*/ 'Tomorrow', expandedByDefault: false,
      criteria: [range(ts, b.startOfTomorrow, b.startOfDayAfterTomorrow)],
      contains: (t) => inRange(t, b.startOfTomorrow, b.startOfDayAfterTomorrow),
    },
  ];
  // On the last days of the week "This week" has no days left after tomorrow.
  if (b.startOfDayAfterTomorrow < b.startOfNextWeek) {
    groups.push({
      id: 'thisWeek', label: /*l10n*/ 'This week', expandedByDefault: false,
      criteria: [range(ts, b.startOfDayAfterTomorrow, b.startOfNextWeek)],
      contains: (t) => inRange(t, b.startOfDayAfterTomorrow, b.startOfNextWeek),
    });
  }
  groups.push(
    {
      id: 'later', label: /*l10n*/ 'Later', expandedByDefault: false,
      criteria: [laterTo ? range(ts, laterFrom, laterTo) : [{ propertyName: ts, operator: 'GTE', value: String(laterFrom) }]],
      contains: (t) => inRange(t, laterFrom, laterTo),
    },
    {
      id: 'noDue', label: /*l10n*/ 'No due date', expandedByDefault: false,
      criteria: [[{ propertyName: ts, operator: 'NOT_HAS_PROPERTY' }]],
      contains: (t) => t.due === undefined,
    },
  );
  if (!filters.hideCompleted) {
    groups.push({
      id: 'completedEarlier', label: /*l10n*/ 'Completed earlier', expandedByDefault: false,
      criteria: [[lt(ts, b.startOfToday), { propertyName: TaskProperty.status, operator: 'EQ', value: COMPLETED }]],
      contains: (t) => inRange(t, undefined, b.startOfToday) && t.status === COMPLETED,
    });
  }
  return groups;
}

function priorityGroups(): TaskGroup[] {
  const p = TaskProperty.priority;
  const level = (id: 'HIGH' | 'MEDIUM' | 'LOW', label: string, expandedByDefault: boolean): TaskGroup => ({
    id, label, expandedByDefault,
    criteria: [[{ propertyName: p, operator: 'EQ', value: id }]],
    contains: (t) => t.priority === id,
  });
  return [
    level('HIGH', /*l10n*/ 'High', true),
    level('MEDIUM', /*l10n*/ 'Medium', false),
    level('LOW', /*l10n*/ 'Low', false),
    {
      id: 'NONE', label: /*l10n*/ 'None', expandedByDefault: false,
      // No value, or the explicit NONE some accounts store.
      criteria: [[{ propertyName: p, operator: 'NOT_HAS_PROPERTY' }], [{ propertyName: p, operator: 'EQ', value: 'NONE' }]],
      contains: (t) => t.priority === 'NONE',
    },
  ];
}

/** Does the task belong in this group under these filters (for optimistic placement)? */
export function belongsTo(task: Task, group: TaskGroup, filters: TaskFilters, me: string | undefined): boolean {
  return matchesFilters(task, filters, me) && group.contains(task);
}

export interface PageRequest {
  limit: number;
  after?: string;
}

/**
 * The search body of one page of one group. Returns undefined when the filters exclude everything
 * (e.g. status "Completed" while completed tasks are hidden) so no request is wasted.
 */
export function buildGroupSearch(group: TaskGroup, filters: TaskFilters, me: string | undefined, page: PageRequest): SearchRequest | undefined {
  const common = commonFilters(filters, me);
  if (!common) {
    return undefined;
  }
  const filterGroups: FilterGroup[] = group.criteria.map((criteria) => ({ filters: [...common, ...criteria] }));
  const request: SearchRequest = {
    filterGroups,
    sorts: [{ propertyName: ts, direction: 'ASCENDING' }],
    properties: [...TASK_PROPERTIES],
    limit: Math.min(Math.max(1, page.limit), MAX_SEARCH_PAGE),
  };
  if (filters.text) {
    request.query = filters.text;
  }
  if (page.after !== undefined) {
    request.after = page.after;
  }
  return request;
}

/**
 * The status bar's query: my tasks not completed, due before tomorrow (overdue + today). Sorted
 * oldest first, so the single result also says whether anything is overdue.
 */
export function buildDueCountSearch(me: string, now: Date): SearchRequest {
  const b = dayBoundaries(now);
  return {
    filterGroups: [{
      filters: [
        { propertyName: TaskProperty.owner, operator: 'EQ', value: me },
        { propertyName: TaskProperty.status, operator: 'NEQ', value: COMPLETED },
        lt(ts, b.startOfTomorrow),
      ],
    }],
    sorts: [{ propertyName: ts, direction: 'ASCENDING' }],
    properties: [ts],
    limit: 1,
  };
}

/** My open tasks with a due or reminder time in [from, to): the reminder scheduler's query. */
export function buildReminderSearch(me: string, from: number, to: number): SearchRequest {
  const base: Filter[] = [
    { propertyName: TaskProperty.owner, operator: 'EQ', value: me },
    { propertyName: TaskProperty.status, operator: 'NEQ', value: COMPLETED },
  ];
  return {
    filterGroups: [
      { filters: [...base, range(ts, from, to)[0], range(ts, from, to)[1]] },
      { filters: [...base, range(TaskProperty.reminders, from, to)[0], range(TaskProperty.reminders, from, to)[1]] },
    ],
    sorts: [{ propertyName: ts, direction: 'ASCENDING' }],
    properties: [...TASK_PROPERTIES],
    limit: MAX_SEARCH_PAGE,
  };
}

function commonFilters(filters: TaskFilters, me: string | undefined): Filter[] | undefined {
  const result: Filter[] = [];
  const owner = filters.owner === 'mine' ? me : filters.owner === 'all' ? '' : filters.owner;
  if (owner === undefined) {
    return undefined;
  }
  if (owner) {
    result.push({ propertyName: TaskProperty.owner, operator: 'EQ', value: owner });
  }
  if (filters.record) {
    // FACTS.md: tasks of a record are searched as `associations.contact|company|deal`.
    result.push({ propertyName: `associations.${RECORD_SEARCH_NAME[filters.record.type]}`, operator: 'EQ', value: filters.record.id });
  }
  const statuses = effectiveStatuses(filters);
  if (statuses) {
    if (statuses.length === 0) {
      return undefined;
    }
    result.push(statuses.length === 1
      ? { propertyName: TaskProperty.status, operator: 'EQ', value: statuses[0] }
      : { propertyName: TaskProperty.status, operator: 'IN', values: statuses });
  } else if (filters.hideCompleted) {
    result.push({ propertyName: TaskProperty.status, operator: 'NEQ', value: COMPLETED });
  }
  return result;
}

const RECORD_SEARCH_NAME = { contacts: 'contact', companies: 'company', deals: 'deal' } as const;

function lt(propertyName: string, value: number): Filter {
  return { propertyName, operator: 'LT', value: String(value) };
}

/** [from, to) as two filters: HubSpot's BETWEEN is inclusive at both ends. */
function range(propertyName: string, from: number, to: number): [Filter, Filter] {
  return [
    { propertyName, operator: 'GTE', value: String(from) },
    { propertyName, operator: 'LT', value: String(to) },
  ];
}

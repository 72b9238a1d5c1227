import * as assert from 'assert';
import type { ApiTask, Filter, SearchRequest } from '../../../src/hubspot/types';
import { DEFAULT_FILTERS, describeFilters, matchesFilters, type TaskFilters } from '../../../src/tasks/filters';
import { belongsTo, buildDueCountSearch, buildGroupSearch, groupsFor, type TaskGroup } from '../../../src/tasks/grouping';
import { parseTask, type Task } from '../../../src/tasks/task';

const NOW = new Date(2026, 10, 25, 10, 0); // Wednesday
const ME = '101';

function task(props: Record<string, string | null> = {}, { id = '1', archived }: { id?: string; archived?: boolean } = {}): Task {
  const api: ApiTask = {
    id,
    properties: { hs_task_subject: 'Call Ada', hs_task_status: 'NOT_STARTED', hubspot_owner_id: ME, hs_timestamp: String(NOW.getTime()), ...props },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    archived,
  };
  return parseTask(api);
}

const filters = (change: Partial<TaskFilters> = {}): TaskFilters => ({ ...DEFAULT_FILTERS, ...change });
const find = (groups: TaskGroup[], id: string) => {
  const group = groups.find((g) => g.id === id);
  assert.ok(group, `group ${id}`);
  return group;
};
const at = (days: number, hours = 10) => String(new Date(2026, 10, 25 + days, hours).getTime());
const allFilters = (request: SearchRequest | undefined): Filter[][] => (request?.filterGroups ?? []).map((g) => g.filters);

describe('grouping', () => {
  it('due grouping: Overdue, Today, Tomorrow, This week, Later, No due date', () => {
    assert.deepStrictEqual(groupsFor('due', NOW, filters()).map((g) => g.label), ['Overdue', 'Today', 'Tomorrow', 'This week', 'Later', 'No due date']);
  });

  it('"This week" disappears when no day of the week is left after tomorrow', () => {
    const saturday = new Date(2026, 10, 28, 10);
    assert.deepStrictEqual(groupsFor('due', saturday, filters()).map((g) => g.id), ['overdue', 'today', 'tomorrow', 'later', 'noDue']);
  });

  it('completed tasks from the past have their own group when completed tasks are shown', () => {
    const groups = groupsFor('due', NOW, filters({ hideCompleted: false }));
    assert.ok(groups.some((g) => g.id === 'completedEarlier'));
    const done = task({ hs_timestamp: at(-3), hs_task_status: 'COMPLETED' });
    assert.deepStrictEqual(groups.filter((g) => belongsTo(done, g, filters({ hideCompleted: false }), ME)).map((g) => g.id), ['completedEarlier']);
  });

  it('each task lands in exactly one due group', () => {
    const groups = groupsFor('due', NOW, filters());
    const cases: Array<[string | null, string]> = [
      [at(-1), 'overdue'], [String(new Date(2026, 10, 25, 0, 0).getTime()), 'today'], [at(0, 23), 'today'],
      [at(1, 0), 'tomorrow'], [at(2), 'thisWeek'], [at(4, 23), 'thisWeek'], [at(5, 0), 'later'], [null, 'noDue'],
    ];
    for (const [due, expected] of cases) {
      const t = task({ hs_timestamp: due });
      const hits = groups.filter((g) => belongsTo(t, g, filters(), ME)).map((g) => g.id);
      assert.deepStrictEqual(hits, [expected], `due ${due}`);
    }
  });

  it('priority grouping, with empty and NONE both in "None"', () => {
    const groups = groupsFor('priority', NOW, filters());
    assert.deepStrictEqual(groups.map((g) => g.label), ['High', 'Medium', 'Low', 'None']);
    for (const [value, expected] of [['HIGH', 'HIGH'], ['low', 'LOW'], ['', 'NONE'], [null, 'NONE'], ['NONE', 'NONE']] as const) {
      const t = task({ hs_task_priority: value });
      assert.deepStrictEqual(groups.filter((g) => belongsTo(t, g, filters(), ME)).map((g) => g.id), [expected]);
    }
    const none = find(groups, 'NONE');
    assert.strictEqual(buildGroupSearch(none, filters(), ME, { limit: 10 })?.filterGroups?.length, 2, 'two OR-ed groups');
  });

  it('builds one search per group: mine, open, half-open date range, sorted by due date', () => {
    const today = find(groupsFor('due', NOW, filters()), 'today');
    const request = buildGroupSearch(today, filters(), ME, { limit: 50 });
    assert.deepStrictEqual(allFilters(request), [[
      { propertyName: 'hubspot_owner_id', operator: 'EQ', value: ME },
      { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
      { propertyName: 'hs_timestamp', operator: 'GTE', value: String(new Date(2026, 10, 25).getTime()) },
      { propertyName: 'hs_timestamp', operator: 'LT', value: String(new Date(2026, 10, 26).getTime()) },
    ]]);
    assert.deepStrictEqual(request?.sorts, [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }]);
    assert.strictEqual(request?.limit, 50);
    assert.strictEqual(request?.after, undefined);
    assert.ok(request?.properties?.includes('hs_task_body'));
  });

  it('the page cursor, the text query, all owners and status filters go into the body', () => {
    const later = find(groupsFor('due', NOW, filters()), 'later');
    const request = buildGroupSearch(later, filters({ owner: 'all', statuses: ['WAITING', 'IN_PROGRESS'], text: 'invoice' }), undefined, { limit: 500, after: '50' });
    assert.strictEqual(request?.after, '50');
    assert.strictEqual(request?.query, 'invoice');
    assert.strictEqual(request?.limit, 200, 'HubSpot search pages hold 200 at most');
    const flat = allFilters(request)[0];
    assert.ok(!flat.some((f) => f.propertyName === 'hubspot_owner_id'));
    assert.deepStrictEqual(flat[0], { propertyName: 'hs_task_status', operator: 'IN', values: ['WAITING', 'IN_PROGRESS'] });
  });

  it('no request when the filters exclude everything, or "mine" is unknown', () => {
    const today = find(groupsFor('due', NOW, filters()), 'today');
    assert.strictEqual(buildGroupSearch(today, filters({ statuses: ['COMPLETED'] }), ME, { limit: 10 }), undefined);
    assert.strictEqual(buildGroupSearch(today, filters(), undefined, { limit: 10 }), undefined);
  });

  it('stays within HubSpot filter limits (≤ 6 per group, ≤ 18 in all)', () => {
    const busy = filters({ statuses: ['WAITING', 'IN_PROGRESS'], hideCompleted: true, text: 'x' });
    for (const groupBy of ['due', 'priority'] as const) {
      for (const group of groupsFor(groupBy, NOW, filters({ hideCompleted: false }))) {
        const groups = allFilters(buildGroupSearch(group, busy, ME, { limit: 1 }));
        assert.ok(groups.length <= 5);
        assert.ok(groups.every((g) => g.length <= 6), group.id);
        assert.ok(groups.flat().length <= 18);
      }
    }
  });

  it('status bar: ONE search, limit 1, mine, open, due before tomorrow, oldest first', () => {
    const request = buildDueCountSearch(ME, NOW);
    assert.strictEqual(request.limit, 1);
    assert.deepStrictEqual(request.sorts, [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }]);
    assert.deepStrictEqual(allFilters(request)[0].map((f) => `${f.propertyName} ${f.operator} ${f.value}`), [
      `hubspot_owner_id EQ ${ME}`, 'hs_task_status NEQ COMPLETED', `hs_timestamp LT ${new Date(2026, 10, 26).getTime()}`,
    ]);
  });
});

describe('filters', () => {
  it('matches locally what the search asks', () => {
    assert.ok(matchesFilters(task(), filters(), ME));
    assert.ok(!matchesFilters(task({ hubspot_owner_id: '7' }), filters(), ME));
    assert.ok(matchesFilters(task({ hubspot_owner_id: '7' }), filters({ owner: 'all' }), ME));
    assert.ok(!matchesFilters(task({ hs_task_status: 'COMPLETED' }), filters(), ME));
    assert.ok(matchesFilters(task({ hs_task_status: 'COMPLETED' }), filters({ hideCompleted: false }), ME));
    assert.ok(!matchesFilters(task({}, { archived: true }), filters(), ME));
    assert.ok(matchesFilters(task({ hs_task_body: '<p>Send the <b>Invoice</b></p>' }), filters({ text: 'invoice' }), ME));
    assert.ok(!matchesFilters(task(), filters({ text: 'invoice' }), ME));
    assert.ok(!matchesFilters(task(), filters({ statuses: ['WAITING'] }), ME));
  });

  it('describes itself for the view', () => {
    assert.strictEqual(describeFilters(filters()), 'Mine');
    assert.strictEqual(describeFilters(filters({ owner: 'all', hideCompleted: false, statuses: ['IN_PROGRESS'], text: 'acme' })), 'All owners · incl. completed · In progress · “acme”');
  });
});

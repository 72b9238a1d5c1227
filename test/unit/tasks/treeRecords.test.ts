// The CRM around the tree's tasks, against the sandbox over HTTP: a page's associated records come from
// one associations read per object type and one names read per type (never a request per task), names
// are cached per account; the record / teammate / due-window filters reach the search and pick the groups;
// "Show Due Tasks" keeps the previous view for one-click restore.
import * as assert from 'assert';
import type { KeyValueStore } from '../../../src/services/events';
import { recordName, RECORD_TYPES, TaskRecords } from '../../../src/services/taskRecords';
import { TaskService } from '../../../src/services/taskService';
import { DEFAULT_FILTERS, normalizeFilters, type TaskFilters } from '../../../src/tasks/filters';
import { buildGroupSearch, groupsFor } from '../../../src/tasks/grouping';
import { parseTask, TASK_PROPERTIES } from '../../../src/tasks/task';
import { silentLogger } from '../../../src/util/logger';
import { testClient } from '../client/support/clients';
import { useSandbox } from '../client/support/sandbox';
import { DEMO_OWNER_ID } from '../../support/demo';

class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

const filters = (change: Partial<TaskFilters> = {}): TaskFilters => normalizeFilters({ ...DEFAULT_FILTERS, ...change });

describe('Tree records and filters (against the sandbox)', function () {
  this.timeout(20_000);
  const ref = useSandbox({ seed: 'demo' });

  it('reads a page of 50 tasks\' records with one associations read and at most one names read per type, never per task', async () => {
    const { client } = testClient(ref.sandbox.url);
    const page = await client.tasks.listTasks({ limit: 50, properties: [...TASK_PROPERTIES] });
    const ids = page.items.map((t) => t.id);
    assert.strictEqual(ids.length, 50);
    let account = 'portal-1';
    const records = new TaskRecords(() => client, () => account, silentLogger);
    const changed: string[][] = [];
    records.onDidChange((c) => changed.push(c));
    ref.sandbox.clearRequests();
    await records.load(ids);
    const ops = ref.sandbox.requests().map((r) => r.operation);
    assert.strictEqual(ops.filter((o) => o === 'batchReadTaskAssociations').length, 3, `one per type: ${ops.join(', ')}`);
    const nameReads = ops.filter((o) => o?.startsWith('batchRead') && o !== 'batchReadTaskAssociations');
    assert.ok(nameReads.length >= 1 && nameReads.length <= 3, `names: ${nameReads.join(', ')}`);
    assert.strictEqual(ops.length, 3 + nameReads.length, 'nothing else, nothing per task');
    assert.deepStrictEqual(changed, [ids]);

    // The same answer as the per-task listing, and the primary record is a company, else a deal, else a contact.
    let withRecords = 0;
    for (const id of ids.slice(0, 12)) {
      const expected = [];
      for (const type of RECORD_TYPES) {
        const refs = (await client.tasks.listTaskAssociations(id, type)).items;
        const objects = refs.length ? await client.crm.readObjects(type, refs.map((r) => r.id), []) : [];
        expected.push(...refs.map((r) => ({ type, id: r.id, name: recordName(type, objects.find((o) => o.id === r.id) ?? { id: r.id, properties: {}, createdAt: '', updatedAt: '' }) })));
      }
      const got = records.recordsOf(id)!;
      assert.deepStrictEqual([...got].sort((a, b) => a.id.localeCompare(b.id)), [...expected].sort((a, b) => a.id.localeCompare(b.id)), `records of task ${id}`);
      assert.deepStrictEqual(records.primary(id), got[0]);
      if (got.length) {
        withRecords++;
        assert.strictEqual(got[0].type, RECORD_TYPES.find((type) => got.some((r) => r.type === type)));
      }
    }
    assert.ok(withRecords > 0, 'the demo seed associates tasks with records');

    // Known tasks: no request. Another page: associations again, names only for records not seen yet.
    ref.sandbox.clearRequests();
    await records.load(ids);
    assert.strictEqual(ref.sandbox.requests().length, 0);
    const next = await client.tasks.listTasks({ limit: 50, after: page.cursor, properties: [...TASK_PROPERTIES] });
    ref.sandbox.clearRequests();
    await records.load(next.items.map((t) => t.id));
    const second = ref.sandbox.requests();
    assert.strictEqual(second.filter((r) => r.operation === 'batchReadTaskAssociations').length, 3);
    const named = new Set(records.known().map((r) => `${r.type}:${r.id}`));
    for (const read of second.filter((r) => r.operation !== 'batchReadTaskAssociations')) {
      assert.ok(read.operation?.startsWith('batchRead'));
    }
    assert.ok(named.size > 0);

    // Another account: nothing of the first is shown, names are read again.
    account = 'portal-2';
    ref.sandbox.clearRequests();
    await records.load(ids.slice(0, 5));
    assert.strictEqual(records.recordsOf(ids[10]), undefined, 'the other account\'s associations are dropped');
    assert.strictEqual(ref.sandbox.requests().filter((r) => r.operation === 'batchReadTaskAssociations').length, 3);
  });

  it('filters: a teammate, a record and a due window reach the search; a due window picks the groups it covers', () => {
    const now = new Date(2026, 11, 2, 10, 0); // a Wednesday
    const f = filters({ owner: '75000002', ownerName: 'Sam', record: { type: 'companies', id: '52000003', name: 'Fabrikam' } });
    const today = groupsFor('due', now, f).find((g) => g.id === 'today')!;
    const body = buildGroupSearch(today, f, DEMO_OWNER_ID, { limit: 50 })!;
    const common = body.filterGroups![0].filters;
    assert.deepStrictEqual(common.find((x) => x.propertyName === 'hubspot_owner_id'), { propertyName: 'hubspot_owner_id', operator: 'EQ', value: '75000002' });
    assert.deepStrictEqual(common.find((x) => x.propertyName.startsWith('associations.')), { propertyName: 'associations.company', operator: 'EQ', value: '52000003' });
    const ids = (due: TaskFilters['due'], groupBy: 'due' | 'priority' = 'due') => groupsFor(groupBy, now, filters({ due })).map((g) => g.id);
    assert.deepStrictEqual(ids('overdue'), ['overdue']);
    assert.deepStrictEqual(ids('byToday'), ['overdue', 'today']);
    assert.deepStrictEqual(ids('byToday', 'priority'), ['overdue', 'today'], 'a window shows due groups whatever the grouping');
    assert.deepStrictEqual(ids('next7'), ['today', 'tomorrow', 'thisWeek', 'later']);
    assert.deepStrictEqual(ids('noDue'), ['noDue']);
    assert.deepStrictEqual(ids(undefined, 'priority'), ['HIGH', 'MEDIUM', 'LOW', 'NONE']);
    const later = groupsFor('due', now, filters({ due: 'next7' })).find((g) => g.id === 'later')!;
    const to = new Date(2026, 11, 9).getTime();
    assert.ok(later.contains(parseTask({ id: '1', properties: { hs_timestamp: String(to - 1) }, createdAt: '', updatedAt: '' })));
    assert.ok(!later.contains(parseTask({ id: '2', properties: { hs_timestamp: String(to) }, createdAt: '', updatedAt: '' })), '"Later" stops at the 7th day');
    // State from workspace storage is input: junk falls back to the defaults.
    assert.deepStrictEqual(normalizeFilters({ owner: 'x; drop', due: 'someday' as never, record: { type: 'tickets' as never, id: '1', name: 'n' } }), { owner: 'mine', hideCompleted: true, statuses: [], text: '' });
    assert.deepStrictEqual(normalizeFilters({ owner: '42' }).ownerName, '42');
  });

  it('the tree under a record filter and a teammate shows exactly that search; setView keeps the previous view to restore', async () => {
    const { client } = testClient(ref.sandbox.url);
    const store = new MemoryStore();
    const service = new TaskService({ client, me: async () => DEMO_OWNER_ID, isSignedIn: () => true, onAuthenticationError: () => undefined, workspaceState: store, pageSize: () => 50, logger: silentLogger });
    const page = await client.tasks.listTasks({ limit: 50, properties: [...TASK_PROPERTIES] });
    const probe = new TaskRecords(() => client, () => 'a', silentLogger);
    await probe.load(page.items.map((t) => t.id));
    const company = page.items.map((t) => probe.recordsOf(t.id)!.find((r) => r.type === 'companies')).find(Boolean)!;
    assert.ok(company, 'a task with a company');
    await service.setFilters({ owner: 'all', record: company });
    await service.ensureLoaded();
    const shown = service.groups().flatMap((g) => g.tasks);
    assert.ok(shown.length > 0, `tasks of ${company.name}`);
    const check = new TaskRecords(() => client, () => 'a', silentLogger);
    await check.load(shown.map((t) => t.id));
    assert.ok(shown.every((t) => check.recordsOf(t.id)!.some((r) => r.id === company.id && r.type === 'companies')), 'every task shown is associated with the company');

    const before = service.filters;
    await service.setView({ ...DEFAULT_FILTERS, due: 'byToday' }, 'due', { filters: before, groupBy: 'priority' });
    assert.deepStrictEqual(service.filters, { owner: 'mine', hideCompleted: true, statuses: [], text: '', due: 'byToday' });
    assert.deepStrictEqual(service.saved, { filters: before, groupBy: 'priority' });
    await service.setFilters({ text: 'x' });
    assert.strictEqual(service.saved, undefined, 'another change drops the saved view');
    service.dispose();
  });
});

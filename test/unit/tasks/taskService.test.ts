// TaskService against the real sandbox over HTTP: one search per group page, paging to the end and to
// HubSpot's 10,000 cap, optimistic writes while search lags, batch writes per 100, offline cache, 401.
import * as assert from 'assert';
import type { HubSpotApi } from '../../../src/hubspot/api';
import { ArchivedTasks } from '../../../src/services/archivedTasks';
import type { KeyValueStore } from '../../../src/services/events';
import { TaskActions } from '../../../src/services/taskActions';
import { TaskService, type TaskServiceOptions } from '../../../src/services/taskService';
import { DEFAULT_FILTERS, type TaskFilters } from '../../../src/tasks/filters';
import { belongsTo, groupsFor } from '../../../src/tasks/grouping';
import { parseTask, TASK_PROPERTIES, type Task } from '../../../src/tasks/task';
import { silentLogger } from '../../../src/util/logger';
import { testClient } from '../client/support/clients';
import { useSandbox } from '../client/support/sandbox';
import { DEMO_OWNER_ID, SANDBOX_NO_SCOPE_TOKEN, SANDBOX_TOKEN } from '../../support/demo';


class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

function makeService(client: HubSpotApi, overrides: Partial<TaskServiceOptions> & { filters?: Partial<TaskFilters> } = {}) {
  const store = (overrides.workspaceState as MemoryStore | undefined) ?? new MemoryStore();
  if (overrides.filters) {
    store.values.set('hubspotTasks.filters', { ...DEFAULT_FILTERS, ...overrides.filters });
  }
  let authErrors = 0;
  const service = new TaskService({
    client,
    me: async () => DEMO_OWNER_ID,
    isSignedIn: () => true,
    onAuthenticationError: () => authErrors++,
    workspaceState: store,
    pageSize: () => 50,
    logger: silentLogger,
    ...overrides,
  });
  return { service, store, authErrors: () => authErrors };
}

async function allTasks(client: HubSpotApi): Promise<Task[]> {
  const tasks: Task[] = [];
  let after: string | undefined;
  do {
    const page = await client.tasks.listTasks({ limit: 100, after, properties: [...TASK_PROPERTIES] });
    tasks.push(...page.items.map(parseTask));
    after = page.cursor;
  } while (after);
  return tasks;
}

describe('TaskService against the sandbox', function () {
  this.timeout(60_000);
  const ref = useSandbox({ seed: 'demo' });
  const searches = () => ref.sandbox.requests().filter((r) => r.operation === 'searchTasks');

  it('loads every group with ONE search each, and each total matches the tasks that belong there', async () => {
    const { client } = testClient(ref.sandbox.url);
    for (const groupBy of ['due', 'priority'] as const) {
      const { service } = makeService(client);
      await service.setGroupBy(groupBy);
      ref.sandbox.clearRequests();
      await service.ensureLoaded();
      const groups = service.groups();
      assert.strictEqual(service.status.kind, 'ready');
      assert.strictEqual(searches().length, groups.length, `${groupBy}: one search per group`);
      ref.sandbox.clearRequests();
      const everything = await allTasks(client);
      for (const state of groups) {
        const expected = everything.filter((t) => belongsTo(t, state.group, DEFAULT_FILTERS, DEMO_OWNER_ID));
        assert.strictEqual(state.total, expected.length, `${groupBy}/${state.group.id} total`);
        assert.ok(state.tasks.every((t) => belongsTo(t, state.group, DEFAULT_FILTERS, DEMO_OWNER_ID)));
        assert.strictEqual(state.tasks.length, Math.min(50, expected.length));
      }
      assert.ok(groups.some((g) => g.total > 0), 'the demo seed has my tasks');
    }
  });

  it('loads more: exactly one search per page, until exactly the remaining tasks are loaded', async () => {
    ref.sandbox.reset({ tasks: 1200 });
    const { client } = testClient(ref.sandbox.url);
    const { service } = makeService(client, { filters: { owner: 'all' } });
    await service.ensureLoaded();
    const later = service.group('later');
    assert.ok(later && later.total > 150, `later has ${later?.total}`);
    ref.sandbox.clearRequests();
    let pages = 0;
    while (later.cursor !== undefined) {
      const loadedBefore: number = later.tasks.length;
      await service.loadMore('later');
      pages++;
      assert.strictEqual(searches().length, pages, 'one search per Load more');
      assert.strictEqual(later.tasks.length, Math.min(loadedBefore + 50, later.total));
    }
    assert.strictEqual(pages, Math.ceil(later.total / 50) - 1);
    assert.strictEqual(new Set(later.tasks.map((t) => t.id)).size, later.total, 'no duplicates, nothing missing');
    const dues = later.tasks.map((t) => t.due!.getTime());
    assert.deepStrictEqual(dues, [...dues].sort((a, b) => a - b), 'sorted by due date');
    await service.loadMore('later');
    assert.strictEqual(searches().length, pages, 'no request past the last page');
  });

  it('stops at the 10,000-result search cap and says so instead of failing', async function () {
    this.timeout(120_000);
    ref.sandbox.reset({ tasks: 36_000 });
    const { client } = testClient(ref.sandbox.url);
    const { service } = makeService(client, { filters: { owner: 'all', hideCompleted: false }, pageSize: () => 200 });
    await service.ensureLoaded();
    const later = service.group('later')!;
    assert.ok(later.total > 10_000, `later has ${later.total}`);
    ref.sandbox.clearRequests();
    while (later.cursor !== undefined) {
      await service.loadMore('later');
    }
    assert.strictEqual(searches().length, 10_000 / 200 - 1);
    assert.ok(searches().every((r) => r.status === 200), 'never asked past the cap');
    assert.strictEqual(later.tasks.length, 10_000);
    assert.strictEqual(later.capped, true);
    assert.ok(later.total > later.tasks.length);
  });

  it('shows a write at once while search lags, and keeps it through a refresh', async () => {
    ref.sandbox.configure({ searchLagMs: 600_000 });
    const { client } = testClient(ref.sandbox.url);
    const { service } = makeService(client);
    const actions = new TaskActions(client, (tasks) => service.applyWrites(tasks));
    await service.ensureLoaded();
    const today = service.group('today')!;
    const totalBefore = today.total;
    const target = today.tasks[0];
    assert.ok(target, 'a task due today');
    await actions.complete([target.id]);
    assert.strictEqual(today.tasks.some((t) => t.id === target.id), false, 'gone from Today at once');
    assert.strictEqual(today.total, totalBefore - 1);
    assert.strictEqual((await client.tasks.getTask(target.id, ['hs_task_status'])).properties.hs_task_status, 'COMPLETED');

    await service.setGroupBy('priority');
    await service.setGroupBy('due');
    await service.ensureLoaded();
    const reloaded = service.group('today')!;
    assert.strictEqual(reloaded.tasks.some((t) => t.id === target.id), false, 'search still lists it; the overlay does not');
    assert.strictEqual(reloaded.total, totalBefore - 1);

    // Moving a task to tomorrow puts it there at once, with the counts following.
    const tomorrowBefore = reloaded.total && service.group('tomorrow')!.total;
    const mover = reloaded.tasks[0];
    const tomorrowNoon = new Date();
    tomorrowNoon.setDate(tomorrowNoon.getDate() + 1);
    tomorrowNoon.setHours(12, 0, 0, 0);
    await actions.setDueDate([mover.id], tomorrowNoon);
    assert.ok(service.group('tomorrow')!.tasks.some((t) => t.id === mover.id));
    assert.strictEqual(service.group('tomorrow')!.total, tomorrowBefore + 1);
  });

  it('multi-select: ONE batch update per 100 tasks', async () => {
    ref.sandbox.reset({ tasks: 400 });
    const { client } = testClient(ref.sandbox.url);
    const written: string[] = [];
    const actions = new TaskActions(client, (tasks) => written.push(...tasks.map((t) => t.id)));
    const ids = (await allTasks(client)).slice(0, 250).map((t) => t.id);
    ref.sandbox.clearRequests();
    const outcome = await actions.setPriority(ids, 'HIGH');
    const batches = ref.sandbox.requests().filter((r) => r.operation === 'batchUpdateTasks');
    assert.strictEqual(ref.sandbox.requests().length, 3, 'nothing but the batches');
    assert.deepStrictEqual(batches.map((r) => (r.body as { inputs: unknown[] }).inputs.length), [100, 100, 50]);
    assert.strictEqual(outcome.updated.length, 250);
    assert.deepStrictEqual(outcome.errors, []);
    assert.deepStrictEqual(written.sort(), [...ids].sort());
    const check = await client.tasks.batchReadTasks(ids, ['hs_task_priority']);
    assert.ok(check.results.every((t) => t.properties.hs_task_priority === 'HIGH'));
  });

  it('offline: shows the cached tasks with their time after ONE failed attempt', async () => {
    const { client } = testClient(ref.sandbox.url);
    const online = makeService(client);
    await online.service.ensureLoaded();
    const cachedToday = online.service.group('today')!.tasks.map((t) => t.id);

    let attempts = 0;
    const dead = testClient('http://127.0.0.1:9', { maxRetries: 0, timeoutMs: 1_000 }).client;
    const counting: HubSpotApi = {
      ...dead,
      owners: dead.owners,
      crm: dead.crm,
      account: dead.account,
      tasks: { ...dead.tasks, searchTasks: (request) => (attempts++, dead.tasks.searchTasks(request)) } as HubSpotApi['tasks'],
    };
    const offline = makeService(counting, { workspaceState: online.store });
    await offline.service.ensureLoaded();
    const status = offline.service.status;
    assert.strictEqual(status.kind, 'offline');
    assert.ok(status.kind === 'offline' && status.savedAt !== undefined && status.savedAt <= Date.now());
    assert.deepStrictEqual(offline.service.group('today')!.tasks.map((t) => t.id), cachedToday);
    assert.strictEqual(attempts, 1, 'no request storm: the other groups are not tried');
    const cache = JSON.stringify([...online.store.values.values()]);
    assert.ok(!cache.includes(SANDBOX_TOKEN), 'the cache never holds the token');
  });

  it('a rejected token: status "rejected", reported once, one request', async () => {
    const { client } = testClient(ref.sandbox.url, { getToken: async () => 'wrong-token' });
    const { service, authErrors } = makeService(client);
    await service.ensureLoaded();
    assert.strictEqual(service.status.kind, 'rejected');
    assert.strictEqual(authErrors(), 1);
    assert.strictEqual(searches().length, 1);
  });

  it('a token without scopes: one message naming the scope, one request', async () => {
    const { client } = testClient(ref.sandbox.url, { getToken: async () => SANDBOX_NO_SCOPE_TOKEN });
    const { service } = makeService(client);
    await service.ensureLoaded();
    const status = service.status;
    assert.strictEqual(status.kind, 'failed');
    assert.match(status.kind === 'failed' ? status.message : '', /crm\.objects\.contacts\.read/);
    assert.strictEqual(searches().length, 1);
  });

  it('archived tasks: listed through listTasks?archived=true, one request per page', async () => {
    const { client } = testClient(ref.sandbox.url);
    const actions = new TaskActions(client, () => undefined);
    const ids = (await allTasks(client)).slice(0, 3).map((t) => t.id);
    const outcome = await actions.archive(ids);
    assert.deepStrictEqual(outcome.archived, ids);
    ref.sandbox.clearRequests();
    const archived = new ArchivedTasks(client, () => 50);
    await archived.ensureLoaded();
    assert.deepStrictEqual(ref.sandbox.requests().map((r) => `${r.operation} ${r.query.archived}`), ['listTasks true']);
    assert.deepStrictEqual(archived.tasks.map((t) => t.id).sort(), [...ids].sort());
    assert.ok(archived.tasks.every((t) => t.archived));
  });

  it('groups agree with the domain predicates when completed tasks are shown too', async () => {
    const { client } = testClient(ref.sandbox.url);
    const filters = { ...DEFAULT_FILTERS, hideCompleted: false };
    const { service } = makeService(client, { filters });
    await service.ensureLoaded();
    const everything = await allTasks(client);
    const mine = everything.filter((t) => t.ownerId === DEMO_OWNER_ID);
    const placed = service.groups().reduce((n, g) => n + g.total, 0);
    assert.strictEqual(placed, mine.length, 'every one of my tasks is in exactly one group');
    assert.deepStrictEqual(groupsFor('due', new Date(), filters).map((g) => g.id), service.groups().map((g) => g.group.id));
  });
});

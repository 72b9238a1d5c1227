// The duplicate-safe bulk create under the worst ambiguity: HubSpot applies a batch create, the answer
// is lost, and the connection stays broken while the extension tries to find out what happened (every
// marker look-up fails). Re-sending then creates the tasks a second (and third) time. The TODOs must
// instead be reported as not confirmed, and HubSpot must hold each task once — also on the next run of
// the command, which must look such TODOs up by marker before sending anything.
import * as assert from 'assert';
import { HubSpotClient } from '../../../src/hubspot/client';
import { markerToken } from '../../../src/todo/core/taskContent';
import { createTasksForTodos, type CreationOptions, type CreationResult, type TodoInput } from '../../../src/todo/core/taskCreation';
import { UncheckedTodos } from '../../../src/todo/core/uncheckedTodos';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import type { FaultKind } from '../../../sandbox/types';
import { allTasks, MemoryStore, tasksByMarker } from './support/todoChaos';
import { SANDBOX_TOKEN } from '../../support/demo';

function inputs(n: number): TodoInput[] {
  return Array.from({ length: n }, (_, i) => {
    const key = `feed${String(i).padStart(16, '0')}`;
    return { key, input: { properties: { hs_task_subject: `TODO ${i}`, hs_timestamp: '2026-12-24T09:00:00.000Z', hs_task_body: `<p>TODO key: ${markerToken(key)}</p>` } } };
  });
}

describe('Reliability: no duplicate when the marker look-up itself keeps failing', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ seed: 'empty' });
  });
  after(async () => sandbox?.close());

  it('an applied create whose answer is lost, then every look-up fails: not sent again, reported, one task each', async () => {
    const client = new HubSpotClient({ baseUrl: sandbox.url, getToken: async () => SANDBOX_TOKEN, timeoutMs: 1000, retryBaseDelayMs: 5, maxRetryDelayMs: 20, requestsPer10s: 100_000, searchesPerSecond: 100_000 });
    const items = inputs(5);
    // Every request is applied, then its connection reset: the create lands, no answer ever arrives.
    sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['reset'] } });
    let result;
    try {
      result = await createTasksForTodos(client, items, { lookupWindowMs: 300, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) });
    } finally {
      sandbox.configure({ faults: null });
      client.dispose();
    }
    const tasks = await allTasks(sandbox);
    const byMarker = tasksByMarker(tasks, items.map((i) => i.key));
    const creates = sandbox.requests().filter((r) => r.operation === 'batchCreateTasks').length;
    assert.deepStrictEqual([...byMarker.values()].map((ids) => ids.length), [1, 1, 1, 1, 1], `each TODO's task exists once (${creates} create request(s) sent)`);
    assert.strictEqual(result.created.size, 0, 'nothing confirmed');
    assert.strictEqual(result.failed.size, 5, 'all five reported, so their TODOs stay unchanged');
  });
});

describe('Reliability: a TODO left "could not be checked" is looked up first on the next run', function () {
  this.timeout(60_000);
  const ACCOUNT = 'test-account';
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ seed: 'empty' });
  });
  beforeEach(() => {
    sandbox.configure({ faults: null });
    sandbox.reset('empty');
    sandbox.clearRequests();
  });
  after(async () => sandbox?.close());

  const fastSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 50)));

  /** One run of the command: the remembered unchecked TODOs go first through the marker look-up. */
  async function run(store: UncheckedTodos, items: TodoInput[], faults: FaultKind[] | null, extra: CreationOptions = {}): Promise<{ result: CreationResult; creates: number; searches: number }> {
    const client = new HubSpotClient({ baseUrl: sandbox.url, getToken: async () => SANDBOX_TOKEN, timeoutMs: 1000, retryBaseDelayMs: 5, maxRetryDelayMs: 20, requestsPer10s: 100_000, searchesPerSecond: 100_000 });
    sandbox.clearRequests();
    sandbox.configure({ faults: faults ? { rate: 1, seed: 1, kinds: faults } : null });
    try {
      const result = await createTasksForTodos(client, items, { lookupWindowMs: 300, sleep: fastSleep, checkFirst: store.get(ACCOUNT, items.map((i) => i.key)), ...extra });
      await store.settle(ACCOUNT, items, result);
      const log = sandbox.requests();
      return { result, creates: log.filter((r) => r.operation === 'batchCreateTasks').length, searches: log.filter((r) => r.operation === 'searchTasks').length };
    } finally {
      sandbox.configure({ faults: null });
      client.dispose();
    }
  }

  async function counts(items: TodoInput[]): Promise<number[]> {
    return [...tasksByMarker(await allTasks(sandbox), items.map((i) => i.key)).values()].map((ids) => ids.length);
  }

  it('the first create had landed: the next run finds the tasks by marker and links them, sending no create', async () => {
    const store = new UncheckedTodos(new MemoryStore());
    const items = inputs(5);
    const first = await run(store, items, ['reset']);
    assert.strictEqual(first.result.failed.size, 5);
    assert.deepStrictEqual([...first.result.unchecked].sort(), items.map((i) => i.key), 'all five left to check');
    assert.deepStrictEqual(await counts(items), [1, 1, 1, 1, 1], 'the first run applied each create once');
    const second = await run(store, items, null);
    assert.strictEqual(second.creates, 0, 'nothing sent again');
    assert.ok(second.searches >= 1, 'looked up by marker');
    assert.strictEqual(second.result.created.size, 5, 'all five found, so their TODOs get linked');
    assert.strictEqual(second.result.recovered, 5);
    assert.deepStrictEqual(await counts(items), [1, 1, 1, 1, 1], 'still one task per TODO');
    assert.deepStrictEqual(store.get(ACCOUNT, items.map((i) => i.key)).size, 0, 'nothing left to check');
  });

  it('the first create had NOT landed (503): the next run finds nothing by marker and creates each once', async () => {
    const store = new UncheckedTodos(new MemoryStore());
    const items = inputs(5);
    const first = await run(store, items, ['503']);
    assert.strictEqual(first.result.unchecked.size, 5);
    assert.deepStrictEqual(await counts(items), [0, 0, 0, 0, 0]);
    const second = await run(store, items, null);
    assert.strictEqual(second.creates, 1);
    assert.strictEqual(second.result.created.size, 5);
    assert.strictEqual(second.result.recovered, 0);
    assert.deepStrictEqual(await counts(items), [1, 1, 1, 1, 1]);
    assert.deepStrictEqual(store.get(ACCOUNT, items.map((i) => i.key)).size, 0);
  });

  it('while the look-up still fails, the next run sends nothing and keeps them to check; the run after settles it', async () => {
    const store = new UncheckedTodos(new MemoryStore());
    // A sixth TODO joins on the second run: it is sent at once, only the unchecked ones wait.
    const [items, fresh] = ((all) => [all.slice(0, 5), all.slice(5)])(inputs(6));
    await run(store, items, ['reset']);
    const second = await run(store, [...items, ...fresh], ['reset']);
    assert.strictEqual(second.creates, 1, 'only the new TODO was sent');
    for (const item of items) {
      assert.match(second.result.failed.get(item.key) ?? '', /could not be checked/, 'reported, its TODO left unchanged');
    }
    assert.deepStrictEqual([...second.result.unchecked].sort(), [...items.map((i) => i.key), fresh[0].key].sort(), 'the new one was reset too: it joins the list');
    const third = await run(store, [...items, ...fresh], null);
    assert.strictEqual(third.creates, 0);
    assert.strictEqual(third.result.created.size, 6);
    assert.deepStrictEqual(await counts([...items, ...fresh]), [1, 1, 1, 1, 1, 1], 'one task per TODO after three runs');
  });

  it('is remembered per account: another account\'s unchecked TODOs are not looked up here', async () => {
    const memory = new MemoryStore();
    const store = new UncheckedTodos(memory);
    const items = inputs(3);
    await store.settle('other-account', items, { created: new Map(), failed: new Map(), cancelled: [], recovered: 0, unchecked: new Set(items.map((i) => i.key)) });
    const run1 = await run(store, items, null);
    assert.strictEqual(run1.searches, 0, 'no look-up for this account');
    assert.strictEqual(run1.result.created.size, 3);
    assert.strictEqual(store.get('other-account', items.map((i) => i.key)).size, 3, 'the other account still has them to check');
  });
});

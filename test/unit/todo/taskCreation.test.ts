// Bulk creation against the sandbox over real sockets: chunking, inline associations, 207 partial
// failures, cancellation, and NO DUPLICATES under injected faults (reset after apply, 5xx, truncated
// answers) with search lag.
import * as assert from 'assert';
import type { HubSpotClient } from '../../../src/hubspot/client';
import type { ApiTask } from '../../../src/hubspot/types';
import { markerToken } from '../../../src/todo/core/taskContent';
import { createTasksForTodos, type TodoInput } from '../../../src/todo/core/taskCreation';
import { testClient } from '../client/support/clients';
import { useSandbox } from '../client/support/sandbox';

const DUE = '2026-12-24T09:00:00.000Z';

function todoInputs(n: number, prefix = 'k'): TodoInput[] {
  return Array.from({ length: n }, (_, i) => {
    const key = `${prefix}${String(i).padStart(5, '0')}`;
    return { key, input: { properties: { hs_timestamp: DUE, hs_task_subject: `TODO ${i}`, hs_task_body: `<p>x</p><p>TODO key: ${markerToken(key)}</p>` } } };
  });
}

/** All tasks in the sandbox, listed page by page (no search, so no lag). */
async function allTasks(client: HubSpotClient): Promise<ApiTask[]> {
  const out: ApiTask[] = [];
  let after: string | undefined;
  do {
    const page = await client.tasks.listTasks({ limit: 100, after, properties: ['hs_task_body', 'hs_task_subject'] });
    out.push(...page.items);
    after = page.cursor;
  } while (after);
  return out;
}

/** How many tasks carry each marker. */
async function markerCounts(client: HubSpotClient, keys: string[]): Promise<Map<string, number>> {
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const task of await allTasks(client)) {
    const match = /hstodo([a-z0-9]+)/.exec(task.properties.hs_task_body ?? '');
    if (match && counts.has(match[1])) {
      counts.set(match[1], counts.get(match[1])! + 1);
    }
  }
  return counts;
}

const fastSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 100)));

describe('createTasksForTodos against the sandbox', function () {
  this.timeout(60_000);
  const ref = useSandbox({ seed: 'empty', timeoutHangMs: 2_000 });
  let client: HubSpotClient;
  beforeEach(() => { client = testClient(ref.sandbox.url).client; });
  afterEach(() => client.dispose());

  const creates = () => ref.sandbox.requests().filter((r) => r.operation === 'batchCreateTasks');

  it('creates N tasks with ⌈N/100⌉ create requests and pairs results by key', async () => {
    const items = todoInputs(250);
    const progress: number[] = [];
    const result = await createTasksForTodos(client, items, { onChunk: (_c, done) => { progress.push(done); } });
    assert.strictEqual(result.created.size, 250);
    assert.strictEqual(result.failed.size, 0);
    assert.strictEqual(creates().length, 3);
    assert.deepStrictEqual(progress, [100, 200, 250]);
    assert.strictEqual(result.created.get('k00007')!.properties.hs_task_subject, 'TODO 7');
    assert.ok(ref.sandbox.requests().every((r) => r.operation === 'batchCreateTasks'), 'nothing per TODO');
  });

  it('reports a 207 partial failure per TODO and creates the rest', async () => {
    const items = todoInputs(5);
    items[2].input.properties.hs_task_priority = 'URGENT';
    const result = await createTasksForTodos(client, items);
    assert.deepStrictEqual([...result.created.keys()].sort(), ['k00000', 'k00001', 'k00003', 'k00004']);
    assert.deepStrictEqual([...result.failed.keys()], ['k00002']);
    assert.match(result.failed.get('k00002')!, /URGENT/);
  });

  it('stops before the next chunk when cancelled; what was created is reported', async () => {
    const controller = new AbortController();
    const result = await createTasksForTodos(client, todoInputs(250), { signal: controller.signal, onChunk: () => controller.abort() });
    assert.strictEqual(result.created.size, 100);
    assert.strictEqual(result.cancelled.length, 150);
    assert.strictEqual(creates().length, 1);
  });

  it("links a chunk while the next chunk is sent, one chunk's links at a time and in order", async () => {
    const events: string[] = [];
    let linkingNow = 0;
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const observed = (async () => {
      // The first chunk's links are held until the second chunk's create has reached HubSpot.
      const deadline = Date.now() + 5_000;
      while (creates().length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      events.push(creates().length >= 2 ? 'second create sent' : 'second create NOT sent while the first chunk was linked');
      releaseFirst();
    })();
    const result = await createTasksForTodos(client, todoInputs(250), {
      onChunk: async (_created, done) => {
        linkingNow++;
        assert.strictEqual(linkingNow, 1, 'links of two chunks are never written at once');
        events.push(`link ${done} start`);
        if (done === 100) {
          await firstHeld;
        }
        events.push(`link ${done} end`);
        linkingNow--;
      },
    });
    await observed;
    assert.strictEqual(result.created.size, 250);
    assert.deepStrictEqual(events, ['link 100 start', 'second create sent', 'link 100 end', 'link 200 start', 'link 200 end', 'link 250 start', 'link 250 end']);
  });

  it('does not return before the links are written, and a failing link write is reported', async () => {
    let written = 0;
    await assert.rejects(createTasksForTodos(client, todoInputs(150), {
      onChunk: async (_created, done) => {
        await new Promise((resolve) => setImmediate(resolve));
        if (done === 150) {
          throw new Error('disk full');
        }
        written++;
      },
    }), /disk full/);
    assert.strictEqual(written, 1);
    assert.strictEqual(creates().length, 2);
  });

  it('a connection reset after HubSpot applied the create: found by marker despite search lag, not created twice', async () => {
    ref.sandbox.configure({ searchLagMs: 600, faults: { rate: 1, seed: 3, kinds: ['reset'] } });
    let first = true;
    const items = todoInputs(30);
    const result = await createTasksForTodos(client, items, {
      lookupWindowMs: 8_000,
      sleep: async (ms) => {
        if (first) { first = false; ref.sandbox.configure({ faults: null }); }
        await fastSleep(ms);
      },
    });
    assert.strictEqual(result.created.size, 30);
    assert.strictEqual(result.recovered, 30);
    assert.strictEqual(creates().length, 1, 'never sent again');
    assert.ok(ref.sandbox.requests().some((r) => r.operation === 'searchTasks'));
    assert.ok([...(await markerCounts(client, items.map((i) => i.key))).values()].every((n) => n === 1));
  });

  it('a 503 (not applied): the marker look-up finds nothing, the TODOs are sent again once', async () => {
    ref.sandbox.configure({ faults: { rate: 1, seed: 3, kinds: ['503'] } });
    const client2 = testClient(ref.sandbox.url, { maxRetries: 0, onExchange: () => ref.sandbox.configure({ faults: null }) }).client;
    try {
      const items = todoInputs(10);
      const result = await createTasksForTodos(client2, items, { lookupWindowMs: 300, sleep: fastSleep });
      assert.strictEqual(result.created.size, 10);
      assert.strictEqual(result.recovered, 0);
      assert.strictEqual(creates().length, 2);
      assert.ok([...(await markerCounts(client, items.map((i) => i.key))).values()].every((n) => n === 1));
    } finally {
      client2.dispose();
    }
  });

  for (const seed of [11, 12, 13]) {
    it(`random faults (seed ${seed}, 35 % of requests: reset, 500, 502, 503, malformed) with search lag: every TODO exactly once`, async () => {
      ref.sandbox.configure({ searchLagMs: 300, faults: { rate: 0.35, seed, kinds: ['reset', '500', '502', '503', 'malformed'] } });
      const items = todoInputs(320, `s${seed}x`);
      const result = await createTasksForTodos(client, items, { lookupWindowMs: 4_000, maxAttempts: 6, sleep: fastSleep });
      ref.sandbox.configure({ faults: null });
      const counts = await markerCounts(client, items.map((i) => i.key));
      const duplicates = [...counts].filter(([, n]) => n > 1);
      assert.deepStrictEqual(duplicates, [], 'no TODO has two tasks');
      for (const [key, n] of counts) {
        // Created or reported failed; a reported failure never has a task behind it.
        if (result.created.has(key)) {
          assert.strictEqual(n, 1, key);
        } else {
          assert.ok(result.failed.has(key) && n === 0, `${key}: ${n} task(s), failed=${result.failed.has(key)}`);
        }
      }
      assert.ok(result.created.size > 250, `created ${result.created.size}`);
      assert.ok(ref.sandbox.requests().some((r) => r.fault !== undefined && r.operation === 'batchCreateTasks'), 'faults hit creates');
    });
  }
});

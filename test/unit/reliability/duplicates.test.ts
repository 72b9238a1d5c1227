// The duplicate-safe bulk create under the worst ambiguity: HubSpot applies a batch create, the answer
// is lost, and the connection stays broken while the extension tries to find out what happened (every
// marker look-up fails). Re-sending then creates the tasks a second (and third) time. The TODOs must
// instead be reported as not confirmed, and HubSpot must hold each task once.
import * as assert from 'assert';
import { HubSpotClient } from '../../../src/hubspot/client';
import { markerToken } from '../../../src/todo/core/taskContent';
import { createTasksForTodos, type TodoInput } from '../../../src/todo/taskCreation';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { allTasks, tasksByMarker } from './support/todoChaos';

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
    const client = new HubSpotClient({ baseUrl: sandbox.url, getToken: async () => 'sandbox-token', timeoutMs: 1000, retryBaseDelayMs: 5, maxRetryDelayMs: 20, requestsPer10s: 100_000, searchesPerSecond: 100_000 });
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

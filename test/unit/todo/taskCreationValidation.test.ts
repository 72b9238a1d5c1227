// TODO bulk creation under HubSpot's write validation (2026-09 rules), against the sandbox over real
// sockets, in both ways HubSpot may answer a batch with invalid inputs: a whole-batch 400 with nothing
// created (the invalid inputs are isolated by split-and-resend), and a 207 listing each invalid input.
import * as assert from 'assert';
import type { HubSpotClient } from '../../../src/hubspot/client';
import { readableValidationMessage } from '../../../src/hubspot/errorMapping';
import { markerToken } from '../../../src/todo/core/taskContent';
import { createTasksForTodos, type TodoInput } from '../../../src/todo/core/taskCreation';
import { testClient } from '../client/support/clients';
import { useSandbox } from '../client/support/sandbox';

const DUE = '2026-12-24T09:00:00.000Z';
const RULE_TEXT = /hs_task_subject must be at most 30 characters long/;
const RULES = { tasks: { hs_task_subject: [{ ruleType: 'MAX_LENGTH' as const, ruleArguments: ['30'] }] } };

function todoInputs(n: number, invalid: ReadonlySet<number>): TodoInput[] {
  return Array.from({ length: n }, (_, i) => {
    const key = `v${String(i).padStart(5, '0')}`;
    const subject = invalid.has(i) ? `TODO ${i} with a subject far longer than thirty characters` : `TODO ${i}`;
    return { key, input: { properties: { hs_timestamp: DUE, hs_task_subject: subject, hs_task_body: `<p>TODO key: ${markerToken(key)}</p>` } } };
  });
}

/** How many tasks in the account carry each TODO's marker. */
async function markerCounts(client: HubSpotClient): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let after: string | undefined;
  do {
    const page = await client.tasks.listTasks({ limit: 100, after, properties: ['hs_task_body'] });
    for (const task of page.items) {
      const key = /hstodo([a-z0-9]+)/.exec(task.properties.hs_task_body ?? '')?.[1];
      if (key) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    after = page.cursor;
  } while (after);
  return counts;
}

describe('createTasksForTodos under write validation (2026-09)', function () {
  this.timeout(60_000);
  const ref = useSandbox({ seed: 'empty', validationRules: RULES });
  let client: HubSpotClient;
  beforeEach(() => {
    client = testClient(ref.sandbox.url, { apiVersion: '2026-09' }).client;
  });
  afterEach(() => {
    ref.sandbox.configure({ batchCreateErrors: 'by-version', faults: null, searchLagMs: 0 });
    client.dispose();
  });

  const creates = () => ref.sandbox.requests().filter((r) => r.operation === 'batchCreateTasks');

  for (const mode of ['whole-batch', 'per-input'] as const) {
    it(`${mode}: every valid TODO is created exactly once, each invalid one is reported with the rule's message`, async () => {
      ref.sandbox.configure({ batchCreateErrors: mode });
      const invalid = new Set([3, 77, 78, 140]);
      const items = todoInputs(150, invalid);
      const result = await createTasksForTodos(client, items);

      const invalidKeys = items.filter((_, i) => invalid.has(i)).map((item) => item.key);
      assert.deepStrictEqual([...result.failed.keys()].sort(), invalidKeys);
      for (const key of invalidKeys) {
        assert.match(result.failed.get(key)!, /hs_task_subject must be at most 30 characters long/, key);
        assert.doesNotMatch(result.failed.get(key)!, /\[\{/, 'words, not HubSpot\'s JSON list');
      }
      assert.strictEqual(result.created.size, 146);
      assert.strictEqual(result.unchecked.size, 0);
      const counts = await markerCounts(client);
      for (const [i, item] of items.entries()) {
        assert.strictEqual(counts.get(item.key) ?? 0, invalid.has(i) ? 0 : 1, `${item.key} exists ${invalid.has(i) ? 'never' : 'once'}`);
      }
      assert.ok(creates().every((r) => r.apiVersion === '2026-09' && r.path === '/crm/objects/2026-09/tasks/batch/create'));
      if (mode === 'per-input') {
        assert.strictEqual(creates().length, 2, 'a 207 names its invalid inputs: nothing to split');
      } else {
        // Split-and-resend: far fewer requests than one per TODO (150), more than the 2 chunks.
        assert.ok(creates().length > 2 && creates().length <= 33, `${creates().length} create requests (33 measured)`);
        assert.ok(creates().filter((r) => r.status === 400).length >= invalid.size, 'each invalid input was refused on its own');
      }
    });
  }

  for (const seed of [31]) {
    it(`whole-batch with random faults (seed ${seed}, 30 %: reset, 503, malformed) and search lag: valid TODOs once, invalid ones never`, async () => {
      ref.sandbox.configure({ batchCreateErrors: 'whole-batch', searchLagMs: 300, faults: { rate: 0.3, seed, kinds: ['reset', '503', 'malformed'] } });
      const invalid = new Set([5, 60, 61, 130, 190]);
      const items = todoInputs(200, invalid);
      const fastSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 100)));
      const result = await createTasksForTodos(client, items, { lookupWindowMs: 4_000, maxAttempts: 6, sleep: fastSleep });
      ref.sandbox.configure({ faults: null, searchLagMs: 0 });
      const counts = await markerCounts(client);
      for (const [i, item] of items.entries()) {
        const n = counts.get(item.key) ?? 0;
        if (invalid.has(i)) {
          assert.ok(n === 0 && result.failed.has(item.key), `invalid ${item.key}: ${n} task(s), failed=${result.failed.has(item.key)}`);
        } else if (result.created.has(item.key)) {
          assert.strictEqual(n, 1, `${item.key} exactly once`);
        } else {
          assert.ok(result.failed.has(item.key) && n === 0, `${item.key}: ${n} task(s), failed=${result.failed.has(item.key)}`);
        }
      }
      assert.ok(result.created.size > 180, `created ${result.created.size}`);
      // Each invalid TODO is reported with the rule's message, unless the faults kept the answer from
      // coming back in every attempt (then: not confirmed), or truncated its 400 (then: HubSpot's status
      // alone) — never as created.
      for (const i of invalid) {
        const message = result.failed.get(items[i].key) ?? '';
        assert.ok(RULE_TEXT.test(message) || /did not confirm|could not be checked|rejected the request \(400\)/.test(message), `${items[i].key}: ${message}`);
      }
      assert.ok(ref.sandbox.requests().some((r) => r.fault !== undefined && r.operation === 'batchCreateTasks'), 'faults hit creates');
    });
  }

  it('whole-batch: a batch with no valid input at all creates nothing and reports each', async () => {
    ref.sandbox.configure({ batchCreateErrors: 'whole-batch' });
    const items = todoInputs(3, new Set([0, 1, 2]));
    const result = await createTasksForTodos(client, items);
    assert.strictEqual(result.created.size, 0);
    assert.deepStrictEqual([...result.failed.keys()].sort(), items.map((i) => i.key));
    assert.strictEqual(ref.sandbox.state().tasks, 0);
  });
});

describe('readableValidationMessage', () => {
  it('puts HubSpot\'s JSON property list into words and leaves other messages alone', () => {
    const listed = [
      { isValid: false, message: 'hs_task_subject must be at most 30 characters long (it has 41).', error: 'MAX_LENGTH_RULE_VIOLATED', name: 'hs_task_subject' },
      { isValid: false, message: 'INVALID_OPTION', error: 'INVALID_OPTION', name: 'hs_task_priority' },
    ];
    assert.strictEqual(readableValidationMessage(`Property values were not valid: ${JSON.stringify(listed)}`),
      'Property values were not valid: hs_task_subject must be at most 30 characters long (it has 41).; hs_task_priority: INVALID_OPTION');
    assert.strictEqual(readableValidationMessage('limit must be at most 200'), 'limit must be at most 200');
    assert.strictEqual(readableValidationMessage('Broken: [{not json'), 'Broken: [{not json');
  });
});

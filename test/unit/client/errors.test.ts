// Every error type against the sandbox: HubSpot's error bodies, and injected faults (seeded, switched
// off by the test after the attempts it wants to fail) to check what is retried and what is not.
import * as assert from 'assert';
import type { HubSpotClient, HubSpotClientOptions } from '../../../src/hubspot/client';
import {
  AuthenticationError,
  isHubSpotError,
  MalformedResponseError,
  MissingScopesError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../../../src/hubspot/errors';
import type { FaultKind, Sandbox } from '../../../sandbox/types';
import { NO_SCOPE_TOKEN, rejection, testClient, TestClient, TOKEN } from './support/clients';
import { operations, useSandbox } from './support/sandbox';

const CREATE = { properties: { hs_timestamp: '2026-12-24T09:00:00Z', hs_task_subject: 'Fault' } };

/** Every API request gets `kind` until `failures` attempts have failed; then faults are switched off. */
function faulty(sandbox: Sandbox, kind: FaultKind, failures: number, overrides: Partial<HubSpotClientOptions> = {}): TestClient {
  sandbox.configure({ faults: { rate: 1, seed: 7, kinds: [kind] } });
  let seen = 0;
  const t = testClient(sandbox.url, {
    ...overrides,
    onExchange: (e) => {
      t.exchanges.push(e);
      if (++seen === failures) {
        sandbox.configure({ faults: null });
      }
    },
  });
  return t;
}

describe('typed errors against the sandbox', () => {
  const ref = useSandbox({ timeoutHangMs: 5_000 });
  const clients: HubSpotClient[] = [];
  const make = (t: TestClient) => { clients.push(t.client); return t; };
  afterEach(() => { clients.splice(0).forEach((c) => c.dispose()); });

  it('401 → AuthenticationError with HubSpot message and correlationId, not retried', async () => {
    const { client } = make(testClient(ref.sandbox.url, { getToken: async () => 'pat-na1-wrong' }));
    const e = await rejection(client.tasks.listTasks());
    assert.ok(e instanceof AuthenticationError && isHubSpotError(e), String(e));
    assert.strictEqual(e.status, 401);
    assert.strictEqual(e.category, 'INVALID_AUTHENTICATION');
    assert.match(e.message, /Authentication credentials not found/);
    assert.match(e.correlationId ?? '', /^[0-9a-f-]{36}$/);
    assert.strictEqual(ref.sandbox.requests().length, 1);
  });

  it('403 → MissingScopesError naming the scope', async () => {
    const { client } = make(testClient(ref.sandbox.url, { getToken: async () => NO_SCOPE_TOKEN }));
    const e = await rejection(client.tasks.searchTasks({}));
    assert.ok(e instanceof MissingScopesError, String(e));
    assert.strictEqual(e.kind, 'missing-scopes');
    assert.deepStrictEqual(e.scopes, ['crm.objects.contacts.read']);
    assert.match(e.message, /crm\.objects\.contacts\.read/);
    const owners = await rejection(client.owners.allOwners());
    assert.ok(owners instanceof MissingScopesError && owners.scopes.includes('crm.objects.owners.read'), String(owners));
  });

  it('404 → NotFoundError', async () => {
    const { client } = make(testClient(ref.sandbox.url));
    const e = await rejection(client.tasks.updateTask('777', { hs_task_subject: 'x' }));
    assert.ok(e instanceof NotFoundError && e.category === 'OBJECT_NOT_FOUND', String(e));
  });

  it('400 → ValidationError naming the field', async () => {
    const { client } = make(testClient(ref.sandbox.url));
    const e = await rejection(client.tasks.createTask({ properties: { hs_timestamp: 'next tuesday', hs_task_subject: 'x' } }));
    assert.ok(e instanceof ValidationError, String(e));
    assert.strictEqual(e.category, 'VALIDATION_ERROR');
    assert.strictEqual(e.fieldErrors[0].field, 'hs_timestamp');
    assert.match(e.fieldErrors[0].message, /next tuesday/);
    assert.strictEqual(ref.sandbox.requests().length, 1, 'a 400 is not retried');
  });

  it('429 → waits and retries (even a create: nothing was applied), then succeeds', async () => {
    const { client, exchanges } = make(faulty(ref.sandbox, '429', 1));
    const task = await client.tasks.createTask(CREATE);
    assert.ok(task.id);
    assert.deepStrictEqual(exchanges.map((e) => e.status), [429, 201]);
    assert.strictEqual(ref.sandbox.state().tasks, 201);
  });

  it('429 that outlasts the retries → RateLimitError with the policy', async () => {
    const { client } = make(faulty(ref.sandbox, '429', 99, { maxRetries: 1 }));
    const e = await rejection(client.tasks.getTask('1'));
    assert.ok(e instanceof RateLimitError, String(e));
    assert.strictEqual(e.policyName, 'TEN_SECONDLY_ROLLING');
    assert.ok(e.retryAfterMs > 0);
    assert.strictEqual(ref.sandbox.requests().length, 2);
  });

  it('5xx on reads, searches and updates is retried until it succeeds', async () => {
    const { client, exchanges } = make(faulty(ref.sandbox, '503', 2));
    const page = await client.tasks.searchTasks({ limit: 3 });
    assert.strictEqual(page.items.length, 3);
    assert.deepStrictEqual(exchanges.map((e) => e.status), [503, 503, 200]);
    ref.sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['502'] } });
    const e = await rejection(client.tasks.getTask(page.items[0].id));
    assert.ok(e instanceof ServerError && e.status === 502, String(e));
    assert.strictEqual(exchanges.length, 3 + 4, 'first attempt + 3 retries');
  });

  it('5xx on a create is NOT retried: ServerError after one request', async () => {
    const { client } = make(faulty(ref.sandbox, '500', 99));
    const e = await rejection(client.tasks.createTask(CREATE));
    assert.ok(e instanceof ServerError && e.status === 500, String(e));
    assert.deepStrictEqual(operations(ref.sandbox), ['createTask']);
  });

  it('a 5xx chunk of a batch create is reported per input, not retried, not thrown', async () => {
    const { client } = make(faulty(ref.sandbox, '503', 1));
    const inputs = Array.from({ length: 130 }, (_, i) => ({ ...CREATE, objectWriteTraceId: `t${i}` }));
    const result = await client.tasks.batchCreateTasks(inputs);
    assert.strictEqual(result.results.length, 30);
    assert.strictEqual(result.errors.length, 1);
    assert.strictEqual(result.errors[0].ids.length, 100);
    assert.strictEqual(result.errors[0].ids[0], 't0');
    assert.ok(result.errors[0].cause instanceof ServerError);
    assert.strictEqual(result.errors[0].status, '503');
    assert.deepStrictEqual(operations(ref.sandbox), ['batchCreateTasks', 'batchCreateTasks']);
  });

  it('a batch read chunk that keeps failing is reported for all its ids', async () => {
    const { client } = make(faulty(ref.sandbox, '500', 99, { maxRetries: 1 }));
    const result = await client.tasks.batchReadTasks(['1', '2', '3'], ['hs_task_subject']);
    assert.deepStrictEqual(result.results, []);
    assert.deepStrictEqual(result.errors.map((e) => e.ids), [['1', '2', '3']]);
    assert.strictEqual(ref.sandbox.requests().length, 2);
  });

  it('connection reset after a create was applied → ambiguous NetworkError, not retried', async () => {
    const { client } = make(faulty(ref.sandbox, 'reset', 1));
    const e = await rejection(client.tasks.createTask(CREATE));
    assert.ok(e instanceof NetworkError && e.ambiguous && !e.timedOut, String(e));
    assert.strictEqual(ref.sandbox.state().tasks, 201, 'HubSpot did create it: the caller must look before repeating');
    assert.deepStrictEqual(operations(ref.sandbox), ['createTask']);
  });

  it('connection reset on an update is retried with the same body', async () => {
    const { client } = make(faulty(ref.sandbox, 'reset', 1));
    const updated = await client.tasks.updateTask('60000000001', { hs_task_subject: 'Again' });
    assert.strictEqual(updated.properties.hs_task_subject, 'Again');
    const bodies = ref.sandbox.requests().map((r) => JSON.stringify(r.body));
    assert.strictEqual(bodies.length, 2);
    assert.strictEqual(bodies[0], bodies[1]);
  });

  it('a hang past the timeout → NetworkError.timedOut; a read is retried and succeeds', async () => {
    const { client, exchanges } = make(faulty(ref.sandbox, 'hang', 1, { timeoutMs: 150 }));
    const page = await client.tasks.listTasks({ limit: 2 });
    assert.strictEqual(page.items.length, 2);
    assert.ok(exchanges[0].error instanceof NetworkError && exchanges[0].error.timedOut && exchanges[0].error.ambiguous);
    ref.sandbox.configure({ faults: { rate: 1, seed: 3, kinds: ['hang'] } });
    const e = await rejection(client.tasks.createTask(CREATE));
    assert.ok(e instanceof NetworkError && e.timedOut && e.ambiguous, String(e));
  });

  it('malformed JSON: a read is retried; a create is not (status 201 says it was applied)', async () => {
    const { client } = make(faulty(ref.sandbox, 'malformed', 1));
    const owners = await client.owners.listOwners();
    assert.ok(owners.items.length > 0);
    assert.deepStrictEqual(operations(ref.sandbox), ['listOwners', 'listOwners']);
    ref.sandbox.configure({ faults: { rate: 1, seed: 3, kinds: ['malformed'] } });
    const e = await rejection(client.tasks.createTask(CREATE));
    assert.ok(e instanceof MalformedResponseError && e.status === 201, String(e));
    assert.strictEqual(ref.sandbox.requests().filter((r) => r.operation === 'createTask').length, 1);
  });

  it('the token never appears in logs, errors or the sandbox request log', async () => {
    const t = make(faulty(ref.sandbox, '503', 1));
    await t.client.tasks.listTasks({ limit: 1 });
    await rejection(t.client.tasks.getTask('0'));
    const everything = [...t.logger.lines, ...t.exchanges.map((e) => JSON.stringify(e) + String(e.error?.message)), JSON.stringify(ref.sandbox.requests())].join('\n');
    assert.ok(t.logger.lines.some((l) => l.includes('Bearer [redacted]')));
    assert.ok(!everything.includes(TOKEN), 'token leaked');
  });
});

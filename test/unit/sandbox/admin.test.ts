// The request log and the admin endpoints (no token, not logged).
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { RequestLogEntry, Sandbox } from '../../../sandbox/types';
import { call, taskInput } from './helpers';

async function admin(sandbox: Sandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}/__sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('sandbox: request log and admin endpoints', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  after(() => sandbox.close());

  it('logs each API request with operation, query, status, duration and body', async () => {
    sandbox.clearRequests();
    await call(sandbox, 'GET', '/crm/v3/objects/tasks?limit=5&properties=hs_task_subject');
    await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('logged'));
    await call(sandbox, 'GET', '/crm/v3/objects/tasks/1');
    const log = sandbox.requests();
    assert.deepEqual(log.map((e) => [e.method, e.path, e.operation, e.status]), [
      ['GET', '/crm/v3/objects/tasks', 'listTasks', 200],
      ['POST', '/crm/v3/objects/tasks', 'createTask', 201],
      ['GET', '/crm/v3/objects/tasks/1', 'getTask', 404],
    ]);
    assert.deepEqual(log[0].query, { limit: '5', properties: 'hs_task_subject' });
    assert.deepEqual(log[1].body, taskInput('logged'));
    assert.ok(log.every((e) => e.durationMs >= 0));
  });

  it('serves the log over HTTP without logging admin calls, and clears it', async () => {
    sandbox.clearRequests();
    await call(sandbox, 'GET', '/crm/v3/owners');
    const got = await admin(sandbox, 'GET', 'requests');
    assert.equal(got.status, 200);
    assert.deepEqual(got.body.requests.map((e: RequestLogEntry) => e.operation), ['listOwners']);
    assert.equal((await admin(sandbox, 'DELETE', 'requests')).status, 204);
    assert.deepEqual(sandbox.requests(), []);
  });

  it('changes knobs through POST /__sandbox/config and validates them', async () => {
    const r = await admin(sandbox, 'POST', 'config', { latencyMs: 5, searchLagMs: 10, faults: { rate: 0.5, seed: 3, kinds: ['503'] } });
    assert.equal(r.status, 200);
    assert.equal(sandbox.knobs().latencyMs, 5);
    assert.deepEqual(sandbox.knobs().faults, { rate: 0.5, seed: 3, kinds: ['503'] });
    assert.equal((await admin(sandbox, 'POST', 'config', { faults: { rate: 2, seed: 1 } })).status, 400);
    assert.equal((await admin(sandbox, 'POST', 'config', { faults: { rate: 0.1, seed: 1, kinds: ['boom'] } })).status, 400);
    await admin(sandbox, 'POST', 'config', { latencyMs: 0, searchLagMs: 0, faults: null });
    assert.equal(sandbox.knobs().faults, null);
    assert.equal((await admin(sandbox, 'GET', 'config')).body.latencyMs, 0);
    assert.equal((await admin(sandbox, 'POST', 'config', { rateLimitPer10s: 190 })).body.rateLimitPer10s, 190);
    assert.equal((await admin(sandbox, 'POST', 'config', { rateLimitPer10s: -1 })).status, 400);
    assert.equal(sandbox.knobs().rateLimitPer10s, 190);
  });

  it('reports state and resets to a seed', async () => {
    await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('extra'));
    const state = await admin(sandbox, 'GET', 'state');
    assert.ok(state.body.tasks > 200);
    const reset = await admin(sandbox, 'POST', 'reset', { seed: 'empty' });
    assert.equal(reset.status, 200);
    assert.equal(reset.body.tasks, 0);
    assert.equal(reset.body.contacts, 50);
    assert.equal((await admin(sandbox, 'POST', 'reset', { seed: { tasks: 12 } })).body.tasks, 12);
    assert.equal((await admin(sandbox, 'POST', 'reset', { seed: 'bogus' })).status, 400);
    sandbox.reset();
    assert.equal(sandbox.state().tasks, 200, 'reset() without a seed returns to the start seed');
    assert.deepEqual((await admin(sandbox, 'GET', 'health')).body, { ok: true });
  });

  it('never gives an id out twice: a reset to the seed keeps counting from the ids issued before it', async () => {
    const before = await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('before the reset'));
    sandbox.reset();
    const after = await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('after the reset'));
    assert.equal(before.status, 201);
    assert.equal(after.status, 201);
    assert.ok(BigInt(after.body.id) > BigInt(before.body.id), `${after.body.id} comes after ${before.body.id}`);
    assert.equal((await call(sandbox, 'GET', `/crm/v3/objects/tasks/${before.body.id}`)).status, 404, 'the task from before the reset is gone');
  });

  it('adds latency to API requests', async () => {
    sandbox.configure({ latencyMs: 120 });
    const started = Date.now();
    await call(sandbox, 'GET', '/crm/v3/owners');
    assert.ok(Date.now() - started >= 115);
    sandbox.configure({ latencyMs: 0 });
  });
});

// Batch read / create / update: the 100-input limit, full success, 207 partial results.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { asked, call, taskInput } from './helpers';

const BATCH = '/crm/v3/objects/tasks/batch';

describe('sandbox: batch', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
  });
  after(() => sandbox.close());

  it('refuses more than 100 inputs in every batch operation, applying nothing', async () => {
    const before = sandbox.state().tasks;
    const create = await call(sandbox, 'POST', `${BATCH}/create`, { inputs: Array.from({ length: 101 }, (_, i) => taskInput(`t${i}`)) });
    assert.equal(create.status, 400);
    assert.equal(create.body.category, 'VALIDATION_ERROR');
    assert.equal(sandbox.state().tasks, before);
    const read = await call(sandbox, 'POST', `${BATCH}/read`, { properties: [], inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })) });
    assert.equal(read.status, 400);
    const update = await call(sandbox, 'POST', `${BATCH}/update`, { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i), properties: {} })) });
    assert.equal(update.status, 400);
  });

  it('creates 100 inputs at once: 201 COMPLETE with timestamps', async () => {
    const r = await call(sandbox, 'POST', `${BATCH}/create`, { inputs: Array.from({ length: 100 }, (_, i) => taskInput(`bulk ${i}`)) });
    assert.equal(r.status, 201);
    assert.equal(r.body.status, 'COMPLETE');
    assert.equal(r.body.results.length, 100);
    assert.ok(Date.parse(r.body.startedAt) <= Date.parse(r.body.completedAt));
    assert.equal(r.body.errors, undefined);
  });

  it('answers 207 for a partial create, echoing objectWriteTraceId in the failed input\'s error', async () => {
    const r = await call(sandbox, 'POST', `${BATCH}/create`, { inputs: [
      { ...taskInput('good'), objectWriteTraceId: 'good-1' },
      { properties: { hs_task_subject: 'no due date' }, objectWriteTraceId: 'bad-1' },
      { ...taskInput('bad option', { hs_task_priority: 'URGENT' }), objectWriteTraceId: 'bad-2' },
    ] });
    assert.equal(r.status, 207);
    assert.equal(r.body.numErrors, 2);
    assert.deepEqual(r.body.results.map((t: { objectWriteTraceId: string }) => t.objectWriteTraceId), ['good-1']);
    assert.deepEqual(r.body.errors.map((e: { context: { objectWriteTraceId: string[] } }) => e.context.objectWriteTraceId[0]), ['bad-1', 'bad-2']);
    assert.deepEqual(r.body.errors[0].context.propertyName, ['hs_timestamp']);
    assert.deepEqual(r.body.errors[1].context.propertyName, ['hs_task_priority']);
    assert.equal(r.body.errors[0].category, 'VALIDATION_ERROR');
    assert.equal(r.body.errors[0].status, 'error');
  });

  it('reads a batch: 200 with only requested properties, 207 naming missing ids', async () => {
    const created = await call(sandbox, 'POST', `${BATCH}/create`, { inputs: [taskInput('r1'), taskInput('r2')] });
    const [a, b] = created.body.results.map((t: { id: string }) => t.id);
    const ok = await call(sandbox, 'POST', `${BATCH}/read`, { properties: ['hs_task_subject'], inputs: [{ id: a }, { id: b }] });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.results.map((t: { properties: Record<string, string> }) => asked(t.properties)), [{ hs_task_subject: 'r1' }, { hs_task_subject: 'r2' }]);
    await call(sandbox, 'DELETE', `/crm/v3/objects/tasks/${b}`);
    const partial = await call(sandbox, 'POST', `${BATCH}/read`, { properties: ['hs_task_subject'], inputs: [{ id: a }, { id: b }, { id: '777' }] });
    assert.equal(partial.status, 207);
    assert.equal(partial.body.results.length, 1);
    assert.equal(partial.body.errors[0].category, 'OBJECT_NOT_FOUND');
    assert.deepEqual(partial.body.errors[0].context.ids, [b, '777']);
  });

  it('updates a batch: 200, 207 per failed input, 400 on duplicate ids', async () => {
    const created = await call(sandbox, 'POST', `${BATCH}/create`, { inputs: [taskInput('u1'), taskInput('u2')] });
    const [a, b] = created.body.results.map((t: { id: string }) => t.id);
    const ok = await call(sandbox, 'POST', `${BATCH}/update`, { inputs: [{ id: a, properties: { hs_task_status: 'WAITING' } }, { id: b, properties: { hs_task_status: 'DEFERRED' } }] });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.results.map((t: { properties: { hs_task_status: string } }) => t.properties.hs_task_status), ['WAITING', 'DEFERRED']);
    const partial = await call(sandbox, 'POST', `${BATCH}/update`, { inputs: [
      { id: a, properties: { hs_task_subject: 'renamed' } },
      { id: b, properties: { hs_timestamp: 'soon' }, objectWriteTraceId: 'u2-trace' },
      { id: '999', properties: { hs_task_subject: 'ghost' } },
    ] });
    assert.equal(partial.status, 207);
    assert.equal(partial.body.results.length, 1);
    assert.deepEqual(partial.body.errors.map((e: { context: { ids: string[] } }) => e.context.ids[0]), [b, '999']);
    assert.deepEqual(partial.body.errors[0].context.objectWriteTraceId, ['u2-trace']);
    assert.equal(partial.body.errors[1].category, 'OBJECT_NOT_FOUND');
    const unchanged = await call(sandbox, 'GET', `/crm/v3/objects/tasks/${b}?properties=hs_timestamp`);
    assert.equal(unchanged.body.properties.hs_timestamp, '2030-01-01T12:00:00.000Z');
    const dupes = await call(sandbox, 'POST', `${BATCH}/update`, { inputs: [{ id: a, properties: {} }, { id: a, properties: {} }] });
    assert.equal(dupes.status, 400);
  });
});

// Eventual consistency: writes reach search only after searchLagMs, reads see them at once.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { waitFor } from '../../support/waitFor';
import { call, taskInput } from './helpers';

describe('sandbox: search lag', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', searchLagMs: 300 });
  });
  after(() => sandbox.close());

  const bySubject = async (subject: string) => (await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', {
    properties: ['hs_task_subject', 'hs_task_status'],
    filterGroups: [{ filters: [{ propertyName: 'hs_task_subject', operator: 'EQ', value: subject }] }],
  })).body.results as { id: string; properties: Record<string, string> }[];

  it('finds a new task by search only after the lag, by GET at once', async () => {
    const created = Date.now();
    const task = (await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('lagging'))).body;
    assert.equal((await call(sandbox, 'GET', `/crm/v3/objects/tasks/${task.id}`)).status, 200);
    assert.deepEqual(await bySubject('lagging'), []);
    assert.equal(sandbox.state().pendingIndex, 1);
    const found = await waitFor(async () => {
      const r = await bySubject('lagging');
      return r.length > 0 ? r : undefined;
    }, { timeoutMs: 3000, what: 'the task in search', intervalMs: 10 });
    assert.ok(Date.now() - created >= 300);
    assert.equal(found[0].id, task.id);
  });

  it('shows the previous version of an updated task until the lag has passed', async () => {
    sandbox.configure({ searchLagMs: 0 });
    const task = (await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('versioned'))).body;
    assert.equal((await bySubject('versioned')).length, 1);
    sandbox.configure({ searchLagMs: 250 });
    await call(sandbox, 'PATCH', `/crm/v3/objects/tasks/${task.id}`, { properties: { hs_task_status: 'COMPLETED' } });
    const stale = await bySubject('versioned');
    assert.equal(stale[0].properties.hs_task_status, null);
    await waitFor(async () => ((await bySubject('versioned'))[0]?.properties.hs_task_status === 'COMPLETED' ? true : undefined), { timeoutMs: 3000, what: 'the update in search', intervalMs: 10 });
  });

  it('keeps an archived task in search until the lag has passed', async () => {
    sandbox.configure({ searchLagMs: 0 });
    const task = (await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('going'))).body;
    sandbox.configure({ searchLagMs: 200 });
    await call(sandbox, 'DELETE', `/crm/v3/objects/tasks/${task.id}`);
    assert.equal((await bySubject('going')).length, 1);
    await waitFor(async () => ((await bySubject('going')).length === 0 ? true : undefined), { timeoutMs: 3000, what: 'the archive in search', intervalMs: 10 });
  });
});

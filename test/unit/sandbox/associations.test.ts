// v3 task associations: inline on create (type ids 204 / 192 / 216), list, PUT, DELETE.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call, taskInput } from './helpers';

const TASKS = '/crm/v3/objects/tasks';
const assoc = (id: string, typeId: number) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] });

describe('sandbox: associations', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
  });
  after(() => sandbox.close());

  it('creates inline associations to a contact, a company and a deal', async () => {
    const r = await call(sandbox, 'POST', TASKS, { ...taskInput('linked'), associations: [assoc('51000001', 204), assoc('52000001', 192), assoc('53000001', 216)] });
    assert.equal(r.status, 201);
    for (const [type, id, label] of [['contacts', '51000001', 'task_to_contact'], ['companies', '52000001', 'task_to_company'], ['deals', '53000001', 'task_to_deal']]) {
      const list = await call(sandbox, 'GET', `${TASKS}/${r.body.id}/associations/${type}`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.results, [{ id, type: label }]);
    }
    const withAssoc = await call(sandbox, 'GET', `${TASKS}/${r.body.id}?associations=contacts,deals`);
    assert.deepEqual(Object.keys(withAssoc.body.associations).sort(), ['contacts', 'deals']);
  });

  it('rejects a wrong type id or a missing target with 400, creating nothing', async () => {
    const before = sandbox.state().tasks;
    const wrong = await call(sandbox, 'POST', TASKS, { ...taskInput('x'), associations: [assoc('51000001', 192)] });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.category, 'VALIDATION_ERROR');
    const unknown = await call(sandbox, 'POST', TASKS, { ...taskInput('x'), associations: [assoc('51000001', 1)] });
    assert.equal(unknown.status, 400);
    const missing = await call(sandbox, 'POST', TASKS, { ...taskInput('x'), associations: [assoc('1', 204)] });
    assert.equal(missing.status, 400);
    assert.equal(sandbox.state().tasks, before);
  });

  it('adds and removes associations by label or numeric type', async () => {
    const task = (await call(sandbox, 'POST', TASKS, taskInput('later linked'))).body.id as string;
    const put = await call(sandbox, 'PUT', `${TASKS}/${task}/associations/contacts/51000002/task_to_contact`);
    assert.equal(put.status, 200);
    assert.equal(put.body.id, task);
    assert.deepEqual(put.body.associations.contacts.results, [{ id: '51000002', type: 'task_to_contact' }]);
    assert.equal((await call(sandbox, 'PUT', `${TASKS}/${task}/associations/deals/53000003/216`)).status, 200);
    const found = await call(sandbox, 'POST', `${TASKS}/search`, { filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: '51000002' }] }] });
    assert.deepEqual(found.body.results.map((t: { id: string }) => t.id), [task]);
    assert.equal((await call(sandbox, 'DELETE', `${TASKS}/${task}/associations/contacts/51000002/task_to_contact`)).status, 204);
    assert.deepEqual((await call(sandbox, 'GET', `${TASKS}/${task}/associations/contacts`)).body.results, []);
    assert.equal((await call(sandbox, 'GET', `${TASKS}/${task}/associations/deals`)).body.results.length, 1);
  });

  it('answers 400 for a mismatched type, 404 for a missing task or target', async () => {
    const task = (await call(sandbox, 'POST', TASKS, taskInput('t'))).body.id as string;
    assert.equal((await call(sandbox, 'PUT', `${TASKS}/${task}/associations/contacts/51000002/task_to_deal`)).status, 400);
    assert.equal((await call(sandbox, 'PUT', `${TASKS}/${task}/associations/contacts/999/task_to_contact`)).status, 404);
    assert.equal((await call(sandbox, 'PUT', `${TASKS}/1/associations/contacts/51000002/task_to_contact`)).status, 404);
    assert.equal((await call(sandbox, 'GET', `${TASKS}/1/associations/contacts`)).status, 404);
    assert.equal((await call(sandbox, 'GET', `${TASKS}/${task}/associations/widgets`)).status, 400);
  });
});

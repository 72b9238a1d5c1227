// The sandbox serves v3, 2026-03 and 2026-09 side by side at HubSpot's real paths over ONE account:
// what is written through one version is read through the others.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call, taskInput } from './helpers';

const TASKS = { v3: '/crm/v3/objects/tasks', '2026-03': '/crm/objects/2026-03/tasks', '2026-09': '/crm/objects/2026-09/tasks' } as const;
const VERSIONS = ['v3', '2026-03', '2026-09'] as const;
const contactAssoc = (id: string) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] });

describe('sandbox: API versions side by side', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  after(() => sandbox.close());

  it('reads through 2026-09 and 2026-03 a task created through v3, and the other way round', async () => {
    const v3 = await call(sandbox, 'POST', TASKS.v3, taskInput('made in v3'));
    assert.equal(v3.status, 201);
    for (const ver of ['2026-03', '2026-09'] as const) {
      const got = await call(sandbox, 'GET', `${TASKS[ver]}/${v3.body.id}?properties=hs_task_subject`);
      assert.equal(got.status, 200, ver);
      assert.equal(got.body.properties.hs_task_subject, 'made in v3');
    }
    const dated = await call(sandbox, 'POST', TASKS['2026-09'], taskInput('made in 2026-09'));
    assert.equal(dated.status, 201);
    const back = await call(sandbox, 'PATCH', `${TASKS['2026-03']}/${dated.body.id}`, { properties: { hs_task_status: 'COMPLETED' } });
    assert.equal(back.status, 200);
    const v3read = await call(sandbox, 'GET', `${TASKS.v3}/${dated.body.id}?properties=hs_task_subject,hs_task_status`);
    assert.deepEqual([v3read.body.properties.hs_task_subject, v3read.body.properties.hs_task_status], ['made in 2026-09', 'COMPLETED']);
    const logged = sandbox.requests().slice(-6).map((r) => `${r.operation}@${r.apiVersion}`);
    assert.deepEqual(logged, ['createTask@v3', 'getTask@2026-03', 'getTask@2026-09', 'createTask@2026-09', 'updateTask@2026-03', 'getTask@v3']);
  });

  for (const ver of VERSIONS) {
    it(`${ver}: lists, searches, and batch reads / creates / updates / upserts / archives tasks`, async () => {
      const base = TASKS[ver];
      const created = await call(sandbox, 'POST', `${base}/batch/create`, { inputs: [taskInput(`${ver} one`), taskInput(`${ver} two`)] });
      assert.equal(created.status, 201);
      const [a, b] = created.body.results.map((t: { id: string }) => t.id);
      const read = await call(sandbox, 'POST', `${base}/batch/read`, { properties: ['hs_task_subject'], inputs: [{ id: a }, { id: b }] });
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.results.map((t: { properties: { hs_task_subject: string } }) => t.properties.hs_task_subject), [`${ver} one`, `${ver} two`]);
      const updated = await call(sandbox, 'POST', `${base}/batch/update`, { inputs: [{ id: a, properties: { hs_task_priority: 'HIGH' } }] });
      assert.equal(updated.status, 200);
      assert.equal(updated.body.results[0].properties.hs_task_priority, 'HIGH');
      const upserted = await call(sandbox, 'POST', `${base}/batch/upsert`, { inputs: [{ id: b, idProperty: 'hs_object_id', properties: { hs_task_subject: `${ver} two, upserted` } }] });
      assert.equal(upserted.status, 200);
      assert.equal(upserted.body.results[0].new, false);
      assert.equal(upserted.body.results[0].properties.hs_task_subject, `${ver} two, upserted`);
      const search = await call(sandbox, 'POST', `${base}/search`, {
        filterGroups: [{ filters: [{ propertyName: 'hs_task_subject', operator: 'CONTAINS_TOKEN', value: 'upserted' }] }], properties: ['hs_task_subject'],
      });
      assert.equal(search.status, 200);
      assert.ok(search.body.results.some((t: { id: string }) => t.id === b), `${ver} search finds the upserted task`);
      const list = await call(sandbox, 'GET', `${base}?limit=100&properties=hs_task_subject`);
      assert.equal(list.status, 200);
      assert.ok(list.body.results.length > 0);
      const archived = await call(sandbox, 'POST', `${base}/batch/archive`, { inputs: [{ id: a }, { id: b }, { id: '999999999' }] });
      assert.equal(archived.status, 204);
      assert.equal((await call(sandbox, 'GET', `${TASKS.v3}/${a}`)).status, 404, 'archived for every version');
      assert.equal((await call(sandbox, 'GET', `${TASKS.v3}/${b}?archived=true`)).status, 200);
      assert.ok(sandbox.requests().filter((r) => r.operation === 'batchArchiveTasks').every((r) => r.apiVersion !== undefined));
    });
  }

  it('lists many tasks\' associations of one type in one request: /crm/v4/associations (v3) and /crm/associations/{ver}', async () => {
    const one = await call(sandbox, 'POST', TASKS.v3, { ...taskInput('assoc one'), associations: [contactAssoc('51000001'), contactAssoc('51000002')] });
    const two = await call(sandbox, 'POST', TASKS.v3, { ...taskInput('assoc two'), associations: [contactAssoc('51000003')] });
    const bare = await call(sandbox, 'POST', TASKS.v3, taskInput('no associations'));
    for (const prefix of ['/crm/v4/associations', '/crm/associations/2026-03', '/crm/associations/2026-09']) {
      const r = await call(sandbox, 'POST', `${prefix}/tasks/contacts/batch/read`, { inputs: [{ id: one.body.id }, { id: two.body.id }, { id: bare.body.id }] });
      assert.equal(r.status, 200, prefix);
      assert.equal(r.body.status, 'COMPLETE');
      assert.deepEqual(r.body.results, [
        { from: { id: one.body.id }, to: [51000001, 51000002].map((id) => ({ toObjectId: String(id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 204 }] })) },
        { from: { id: two.body.id }, to: [{ toObjectId: '51000003', associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 204 }] }] },
      ]);
    }
    await call(sandbox, 'GET', `/crm/v3/objects/tasks/${one.body.id}/associations/contacts`);
    assert.deepEqual(sandbox.requests().slice(-4).map((r) => `${r.operation}@${r.apiVersion}`), [
      'batchReadTaskAssociations@v3', 'batchReadTaskAssociations@2026-03', 'batchReadTaskAssociations@2026-09', 'listTaskAssociations@v3',
    ], 'every API request names its version');
    const missing = await call(sandbox, 'POST', '/crm/associations/2026-09/tasks/companies/batch/read', { inputs: [{ id: one.body.id }, { id: '424242' }] });
    assert.equal(missing.status, 207);
    assert.deepEqual(missing.body.errors[0].context.ids, ['424242']);
  });

  it('associates and dissociates through the date versions\' default and labelled paths', async () => {
    const task = await call(sandbox, 'POST', TASKS['2026-09'], taskInput('to associate'));
    const id = task.body.id;
    const def = await call(sandbox, 'PUT', `/crm/objects/2026-09/tasks/${id}/associations/default/companies/52000001`);
    assert.equal(def.status, 200);
    assert.deepEqual(def.body.results, [{ from: { id }, to: { id: '52000001' }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 } }]);
    const labelled = await call(sandbox, 'PUT', `/crm/objects/2026-03/tasks/${id}/associations/deals/53000001`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }]);
    assert.equal(labelled.status, 201);
    assert.equal(labelled.body.toObjectTypeId, '0-3');
    const wrongType = await call(sandbox, 'PUT', `/crm/objects/2026-09/tasks/${id}/associations/deals/53000001`, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }]);
    assert.equal(wrongType.status, 400);
    const seen = await call(sandbox, 'GET', `${TASKS.v3}/${id}?associations=companies,deals`);
    assert.deepEqual(seen.body.associations.companies.results.map((r: { id: string }) => r.id), ['52000001']);
    assert.deepEqual(seen.body.associations.deals.results.map((r: { id: string }) => r.id), ['53000001']);
    assert.equal((await call(sandbox, 'DELETE', `/crm/objects/2026-09/tasks/${id}/associations/deals/53000001`)).status, 204);
    const after = await call(sandbox, 'POST', '/crm/associations/2026-09/tasks/deals/batch/read', { inputs: [{ id }] });
    assert.deepEqual(after.body.results, []);
  });

  it('serves owners, account details, property definitions and contacts / companies / deals at the date paths', async () => {
    for (const ver of ['2026-03', '2026-09']) {
      const owners = await call(sandbox, 'GET', `/crm/owners/${ver}?limit=5`);
      assert.equal(owners.status, 200, ver);
      assert.ok(owners.body.results.length > 0);
      assert.equal((await call(sandbox, 'GET', `/crm/owners/${ver}/${owners.body.results[0].id}`)).body.email, owners.body.results[0].email);
      assert.equal((await call(sandbox, 'GET', `/account-info/${ver}/details`)).body.portalId, 24681357);
      const status = await call(sandbox, 'GET', `/crm/properties/${ver}/tasks/hs_task_status`);
      assert.ok(status.body.options.some((o: { value: string }) => o.value === 'COMPLETED'));
      assert.ok((await call(sandbox, 'GET', `/crm/properties/${ver}/tasks`)).body.results.length > 5);
      for (const type of ['contacts', 'companies', 'deals']) {
        const found = await call(sandbox, 'POST', `/crm/objects/${ver}/${type}/search`, { query: '', limit: 2 });
        assert.equal(found.status, 200, `${ver} ${type} search`);
        assert.ok(found.body.results.length > 0);
        const ids = found.body.results.map((o: { id: string }) => ({ id: o.id }));
        const read = await call(sandbox, 'POST', `/crm/objects/${ver}/${type}/batch/read`, { properties: [], inputs: ids });
        assert.equal(read.status, 200);
        assert.equal(read.body.results.length, ids.length);
      }
    }
  });
});

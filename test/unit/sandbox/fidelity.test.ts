// Fidelity gap (a): HubSpot returns the system properties (id, create and last-modified dates) beside
// the requested ones on every read, and a known but unset requested property as null.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call, taskInput } from './helpers';

describe('sandbox: system properties come back beside the requested ones', () => {
  let sandbox: Sandbox;
  let id: string;
  let created: { createdAt: string; updatedAt: string };
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
    const r = await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('fidelity', { hs_task_priority: 'HIGH' }));
    id = r.body.id;
    created = r.body;
  });
  after(() => sandbox.close());

  const expected = () => ({
    hs_task_priority: 'HIGH', hs_task_body: null,
    hs_object_id: id, hs_createdate: created.createdAt, hs_lastmodifieddate: created.updatedAt,
  });

  for (const ver of ['v3', '2026-09'] as const) {
    const base = ver === 'v3' ? '/crm/v3/objects/tasks' : `/crm/objects/${ver}/tasks`;
    it(`${ver}: get, list, search and batch read all add hs_object_id, hs_createdate, hs_lastmodifieddate`, async () => {
      const got = await call(sandbox, 'GET', `${base}/${id}?properties=hs_task_priority,hs_task_body`);
      assert.deepEqual(got.body.properties, expected());
      const list = await call(sandbox, 'GET', `${base}?limit=1&after=${id}&properties=hs_task_priority,hs_task_body`);
      const listed = list.body.results.find((t: { id: string }) => t.id === id);
      assert.deepEqual(listed?.properties, expected());
      const search = await call(sandbox, 'POST', `${base}/search`, {
        properties: ['hs_task_priority', 'hs_task_body'], filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: id }] }],
      });
      assert.deepEqual(search.body.results[0]?.properties, expected());
      const read = await call(sandbox, 'POST', `${base}/batch/read`, { properties: ['hs_task_priority', 'hs_task_body'], inputs: [{ id }] });
      assert.deepEqual(read.body.results[0]?.properties, expected());
    });
  }

  it('adds each object type\'s own system properties to contacts, companies and deals', async () => {
    const cases = [['contacts', 'email', ['createdate', 'lastmodifieddate']], ['companies', 'name', ['createdate', 'hs_lastmodifieddate']], ['deals', 'dealname', ['createdate', 'hs_lastmodifieddate']]] as const;
    for (const [type, prop, dates] of cases) {
      const r = await call(sandbox, 'POST', `/crm/objects/2026-09/${type}/search`, { query: '', limit: 1, properties: [prop] });
      assert.deepEqual(Object.keys(r.body.results[0].properties).sort(), [prop, ...dates, 'hs_object_id'].sort(), type);
      assert.equal(r.body.results[0].properties.hs_object_id, r.body.results[0].id);
    }
  });
});

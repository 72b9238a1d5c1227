// Task CRUD, property semantics, archive and list paging.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { asked, call, taskInput } from './helpers';

const TASKS = '/crm/v3/objects/tasks';

describe('sandbox: tasks', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  after(() => sandbox.close());

  it('creates a task with server-set values, all values strings', async () => {
    const ms = Date.UTC(2030, 0, 2, 9, 30);
    const r = await call(sandbox, 'POST', TASKS, { properties: { hs_task_subject: 'Call Ada', hs_timestamp: String(ms), hs_task_priority: 'HIGH' } });
    assert.equal(r.status, 201);
    assert.match(r.body.id, /^\d+$/);
    assert.equal(r.body.properties.hs_timestamp, new Date(ms).toISOString());
    assert.equal(r.body.properties.hs_object_id, r.body.id);
    assert.equal(r.body.properties.hs_createdate, r.body.createdAt);
    assert.equal(r.body.properties.hs_lastmodifieddate, r.body.updatedAt);
    assert.equal(r.body.archived, false);
    for (const v of Object.values(r.body.properties)) {
      assert.equal(typeof v, 'string');
    }
  });

  it('accepts hs_timestamp as ISO and rejects other formats naming the property', async () => {
    const ok = await call(sandbox, 'POST', TASKS, taskInput('iso', { hs_timestamp: '2030-03-04T05:06:07Z' }));
    assert.equal(ok.body.properties.hs_timestamp, '2030-03-04T05:06:07.000Z');
    const bad = await call(sandbox, 'POST', TASKS, taskInput('bad', { hs_timestamp: 'next tuesday' }));
    assert.equal(bad.status, 400);
    assert.equal(bad.body.category, 'VALIDATION_ERROR');
    assert.deepEqual(bad.body.errors[0].context.propertyName, ['hs_timestamp']);
    assert.equal(bad.body.errors[0].code, 'INVALID_DATE');
  });

  it('requires hs_timestamp on create', async () => {
    const r = await call(sandbox, 'POST', TASKS, { properties: { hs_task_subject: 'no due' } });
    assert.equal(r.status, 400);
    assert.equal(r.body.status, 'error');
    assert.match(r.body.correlationId, /^[0-9a-f-]{36}$/);
    assert.equal(r.body.errors[0].code, 'REQUIRED_FIELD');
    assert.deepEqual(r.body.errors[0].context.propertyName, ['hs_timestamp']);
    assert.match(r.body.message, /Property values were not valid/);
  });

  it('rejects an invalid option, an unknown owner and an unknown property', async () => {
    for (const [props, code, name] of [
      [{ hs_task_status: 'DONE' }, 'INVALID_OPTION', 'hs_task_status'],
      [{ hubspot_owner_id: '999' }, 'INVALID_OWNER_ID', 'hubspot_owner_id'],
      [{ my_custom: 'x' }, 'PROPERTY_DOESNT_EXIST', 'my_custom'],
    ] as const) {
      const r = await call(sandbox, 'POST', TASKS, taskInput('x', props));
      assert.equal(r.status, 400, JSON.stringify(props));
      assert.equal(r.body.errors[0].code, code);
      assert.deepEqual(r.body.errors[0].context.propertyName, [name]);
    }
  });

  it('returns the default properties, or only the requested ones with null for unset', async () => {
    const created = await call(sandbox, 'POST', TASKS, taskInput('props'));
    const id = created.body.id as string;
    const plain = await call(sandbox, 'GET', `${TASKS}/${id}`);
    assert.deepEqual(Object.keys(plain.body.properties).sort(), ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']);
    const some = await call(sandbox, 'GET', `${TASKS}/${id}?properties=hs_task_subject,hs_task_body,not_a_property`);
    assert.deepEqual(asked(some.body.properties), { hs_task_subject: 'props', hs_task_body: null });
  });

  it('updates a task partially, stamps hs_lastmodifieddate and clears with ""', async () => {
    const created = await call(sandbox, 'POST', TASKS, taskInput('upd', { hs_task_body: '<p>x</p>' }));
    const id = created.body.id as string;
    const r = await call(sandbox, 'PATCH', `${TASKS}/${id}`, { properties: { hs_task_status: 'COMPLETED', hs_task_body: '' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.properties.hs_task_status, 'COMPLETED');
    assert.equal(r.body.properties.hs_task_subject, 'upd');
    assert.equal(r.body.properties.hs_task_body, undefined);
    assert.ok(r.body.properties.hs_task_completion_date);
    assert.ok(Date.parse(r.body.updatedAt) > Date.parse(created.body.updatedAt));
    assert.equal(r.body.properties.hs_lastmodifieddate, r.body.updatedAt);
    const missing = await call(sandbox, 'PATCH', `${TASKS}/1`, { properties: { hs_task_subject: 'x' } });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.category, 'OBJECT_NOT_FOUND');
  });

  it('archives softly: 404 afterwards, visible with archived=true, gone from lists', async () => {
    const created = await call(sandbox, 'POST', TASKS, taskInput('to archive'));
    const id = created.body.id as string;
    const del = await call(sandbox, 'DELETE', `${TASKS}/${id}`);
    assert.equal(del.status, 204);
    assert.equal((await call(sandbox, 'GET', `${TASKS}/${id}`)).status, 404);
    const archived = await call(sandbox, 'GET', `${TASKS}/${id}?archived=true`);
    assert.equal(archived.status, 200);
    assert.equal(archived.body.archived, true);
    assert.ok(archived.body.archivedAt);
    const list = await call(sandbox, 'GET', `${TASKS}?archived=true&limit=100`);
    assert.ok(list.body.results.some((t: { id: string }) => t.id === id));
    assert.ok(list.body.results.every((t: { archived: boolean }) => t.archived));
    assert.equal((await call(sandbox, 'DELETE', `${TASKS}/${id}`)).status, 204, 'archiving twice is idempotent');
    assert.equal((await call(sandbox, 'DELETE', `${TASKS}/424242`)).status, 404);
    assert.equal((await call(sandbox, 'PATCH', `${TASKS}/${id}`, { properties: { hs_task_subject: 'x' } })).status, 404);
  });

  it('pages the list with cursors: every live task once, no paging on the last page', async () => {
    const expected = sandbox.state().tasks;
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const r = await call(sandbox, 'GET', `${TASKS}?limit=37&properties=hs_task_subject${after ? `&after=${after}` : ''}`);
      assert.equal(r.status, 200);
      pages++;
      for (const t of r.body.results as { id: string; archived: boolean }[]) {
        assert.ok(!seen.has(t.id), `duplicate ${t.id}`);
        assert.equal(t.archived, false);
        seen.add(t.id);
      }
      if (!r.body.paging) {
        break;
      }
      assert.ok(r.body.results.length === 37);
      after = r.body.paging.next.after;
      assert.ok(r.body.paging.next.link.startsWith(sandbox.url));
      assert.ok(r.body.paging.next.link.includes(`after=${after}`));
    }
    assert.equal(seen.size, expected);
    assert.equal(pages, Math.ceil(expected / 37));
  });

  it('limits list pages to 100 and rejects a bad cursor', async () => {
    assert.equal((await call(sandbox, 'GET', `${TASKS}?limit=100`)).body.results.length, 100);
    const r = await call(sandbox, 'GET', `${TASKS}?limit=101`);
    assert.equal(r.status, 400);
    assert.equal(r.body.category, 'VALIDATION_ERROR');
    assert.equal((await call(sandbox, 'GET', `${TASKS}?after=abc`)).status, 400);
  });

  it('answers HubSpot-shaped errors for unknown routes and bad JSON', async () => {
    const route = await call(sandbox, 'GET', '/crm/v3/nothing');
    assert.equal(route.status, 404);
    assert.equal(route.body.status, 'error');
    const res = await fetch(`${sandbox.url}${TASKS}`, { method: 'POST', headers: { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' }, body: '{"properties":' });
    assert.equal(res.status, 400);
    const body = await res.json() as { category: string; message: string };
    assert.equal(body.category, 'VALIDATION_ERROR');
    assert.match(body.message, /Invalid input JSON/);
  });
});

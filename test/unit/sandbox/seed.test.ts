// The demo seed (deterministic, relative to today, covering every bucket and value) and the large
// generator for benchmarks.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { seedAccount } from '../../../sandbox/seed';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call } from './helpers';

const DAY = 86_400_000;

describe('sandbox: seeds', () => {
  const now = new Date(2026, 10, 29, 15, 0).getTime();
  const demo = seedAccount('demo', now);
  const tasks = demo.objects.tasks;

  it('is deterministic for a given day', () => {
    assert.deepEqual(seedAccount('demo', now), demo);
    assert.notDeepEqual(seedAccount('demo', now + DAY).objects.tasks[0].props.hs_timestamp, tasks[0].props.hs_timestamp);
  });

  it('has a realistic account: owners with the demo user, 50 contacts / companies / deals, 200 tasks', () => {
    assert.ok(demo.owners.length >= 3 && demo.owners.length <= 6);
    assert.ok(demo.owners.some((o) => o.email === 'demo@example.com'));
    assert.equal(demo.objects.contacts.length, 50);
    assert.equal(demo.objects.companies.length, 50);
    assert.equal(demo.objects.deals.length, 50);
    assert.equal(tasks.length, 200);
    assert.equal(new Set(demo.objects.contacts.map((c) => c.props.email)).size, 50, 'unique emails');
    assert.ok(demo.objects.contacts.every((c) => /^[a-z.]+@[a-z-]+\.example$/.test(c.props.email)));
    assert.ok(demo.associations.length > 200);
  });

  it('spreads tasks over due buckets relative to today, and every status, priority and type', () => {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    const today = midnight.getTime();
    const bucket = (ts?: string) => {
      if (!ts) {
        return 'none';
      }
      const days = Math.floor((Date.parse(ts) - today) / DAY);
      return days < 0 ? 'overdue' : days === 0 ? 'today' : days === 1 ? 'tomorrow' : days < 7 ? 'week' : 'later';
    };
    const count = (f: (p: Record<string, string>) => string | undefined) => {
      const m = new Map<string | undefined, number>();
      for (const t of tasks) {
        m.set(f(t.props), (m.get(f(t.props)) ?? 0) + 1);
      }
      return m;
    };
    const buckets = count((p) => bucket(p.hs_timestamp));
    for (const b of ['overdue', 'today', 'tomorrow', 'week', 'later', 'none']) {
      assert.ok((buckets.get(b) ?? 0) >= 10, `${b}: ${buckets.get(b)}`);
    }
    for (const s of ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']) {
      assert.ok(count((p) => p.hs_task_status).get(s), s);
    }
    for (const p of ['HIGH', 'MEDIUM', 'LOW', 'NONE', undefined]) {
      assert.ok(count((q) => q.hs_task_priority).get(p), String(p));
    }
    for (const t of ['TODO', 'CALL', 'EMAIL']) {
      assert.ok(count((p) => p.hs_task_type).get(t), t);
    }
    const demoId = demo.owners.find((o) => o.email === 'demo@example.com')?.id;
    const mine = count((p) => p.hubspot_owner_id).get(demoId) ?? 0;
    assert.ok(mine >= 60 && mine <= 140, `demo user's tasks: ${mine}`);
    assert.ok(tasks.some((t) => /<script|onerror=/.test(t.props.hs_task_body ?? '')), 'hostile markup to escape');
  });

  it('generates 10,000 tasks quickly', () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const big = seedAccount({ tasks: 10_000 }, now);
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const wallMs = performance.now() - started;
    assert.equal(big.objects.tasks.length, 10_000);
    assert.equal(new Set(big.objects.tasks.map((t) => t.id)).size, 10_000);
    // CPU time, not wall time: the machine may be shared.
    assert.ok(cpuMs < 1500, `took ${cpuMs.toFixed(0)} ms of CPU`);
    console.log(`      (10,000 tasks generated in ${wallMs.toFixed(0)} ms, ${cpuMs.toFixed(0)} ms CPU)`);
  });
});

describe('sandbox: demo account over HTTP', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  after(() => sandbox.close());

  it('finds the demo user by email and pages owners', async () => {
    const r = await call(sandbox, 'GET', '/crm/v3/owners?email=DEMO@example.com');
    assert.equal(r.body.results.length, 1);
    assert.deepEqual(Object.keys(r.body.results[0]).sort(), ['archived', 'createdAt', 'email', 'firstName', 'id', 'lastName', 'type', 'updatedAt', 'userId']);
    const page1 = await call(sandbox, 'GET', '/crm/v3/owners?limit=3');
    assert.equal(page1.body.results.length, 3);
    const page2 = await call(sandbox, 'GET', `/crm/v3/owners?limit=3&after=${page1.body.paging.next.after}`);
    assert.equal(page2.body.paging, undefined);
    assert.equal(page1.body.results.length + page2.body.results.length, sandbox.state().owners);
    assert.equal((await call(sandbox, 'GET', `/crm/v3/owners/${r.body.results[0].id}`)).body.email, 'demo@example.com');
  });

  it('searches contacts, companies and deals by query and reads them in batch', async () => {
    const contacts = await call(sandbox, 'POST', '/crm/v3/objects/contacts/search', { query: 'olivia', properties: ['firstname', 'email'] });
    assert.ok(contacts.body.total >= 1);
    assert.ok(contacts.body.results.every((c: { properties: { firstname: string } }) => c.properties.firstname === 'Olivia'));
    const byDomain = await call(sandbox, 'POST', '/crm/v3/objects/companies/search', { query: 'fabrikam' });
    assert.equal(byDomain.body.results[0].properties.name, 'Fabrikam Robotics');
    const deals = await call(sandbox, 'POST', '/crm/v3/objects/deals/search', { query: 'northwind', limit: 2 });
    assert.ok(deals.body.results.every((d: { properties: { dealname: string } }) => d.properties.dealname.startsWith('Northwind')));
    const read = await call(sandbox, 'POST', '/crm/v3/objects/contacts/batch/read', { properties: ['email'], inputs: [{ id: contacts.body.results[0].id }, { id: '1' }] });
    assert.equal(read.status, 207);
    assert.equal(read.body.results.length, 1);
    assert.deepEqual(read.body.errors[0].context.ids, ['1']);
  });

  it('serves task property definitions with option lists', async () => {
    const status = await call(sandbox, 'GET', '/crm/v3/properties/tasks/hs_task_status');
    assert.deepEqual(status.body.options.map((o: { value: string }) => o.value), ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']);
    const priority = await call(sandbox, 'GET', '/crm/v3/properties/tasks/hs_task_priority');
    assert.deepEqual(priority.body.options.map((o: { value: string }) => o.value), ['NONE', 'LOW', 'MEDIUM', 'HIGH']);
    const type = await call(sandbox, 'GET', '/crm/v3/properties/tasks/hs_task_type');
    assert.ok(['TODO', 'CALL', 'EMAIL'].every((v) => type.body.options.some((o: { value: string; label: string }) => o.value === v && o.label)));
    assert.equal((await call(sandbox, 'GET', '/crm/v3/properties/tasks/nope')).status, 404);
  });

  it('serves account details', async () => {
    const r = await call(sandbox, 'GET', '/account-info/v3/details');
    assert.equal(r.body.uiDomain, 'app.hubspot.com');
    assert.ok(r.body.portalId > 0);
    assert.ok(r.body.timeZone);
    assert.ok(r.body.dataHostingLocation);
  });
});

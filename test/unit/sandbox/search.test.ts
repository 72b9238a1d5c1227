// Search semantics: each of the 13 operators, OR'ed groups / AND'ed filters, sort, query text,
// paging, the request limits and the 10,000-result cap.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { asked, call } from './helpers';
import { DEMO_OWNER_ID } from '../../support/demo';

const SEARCH = '/crm/v3/objects/tasks/search';
type Filter = { propertyName: string; operator: string; value?: string; highValue?: string; values?: string[] };

describe('sandbox: search', () => {
  let sandbox: Sandbox;
  const ids: Record<string, string> = {};

  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
    const tasks: [string, Record<string, string>][] = [
      ['T1', { hs_task_subject: 'Call Ada Lovelace', hs_task_priority: 'HIGH', hs_timestamp: '2030-01-01T10:00:00Z', hubspot_owner_id: DEMO_OWNER_ID, hs_task_body: '<p>renewal terms</p>' }],
      ['T2', { hs_task_subject: 'Email Bob the proposal', hs_task_priority: 'LOW', hs_timestamp: '2030-01-05T10:00:00Z', hubspot_owner_id: '75000002' }],
      ['T3', { hs_task_subject: 'Prepare deck', hs_task_priority: 'MEDIUM', hs_timestamp: '2030-01-10T10:00:00Z', hs_task_body: 'ping ada@example.com first' }],
      ['T4', { hs_task_subject: 'Review contract', hs_timestamp: '2030-01-20T10:00:00Z', hubspot_owner_id: DEMO_OWNER_ID }],
    ];
    const r = await call(sandbox, 'POST', '/crm/v3/objects/tasks/batch/create', {
      inputs: tasks.map(([name, properties]) => ({ properties, objectWriteTraceId: name })),
    });
    assert.equal(r.status, 201);
    for (const t of r.body.results) {
      ids[t.objectWriteTraceId] = t.id;
    }
  });
  after(() => sandbox.close());

  async function names(body: Record<string, unknown>): Promise<string[]> {
    const r = await call(sandbox, 'POST', SEARCH, body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const byId = Object.fromEntries(Object.entries(ids).map(([n, id]) => [id, n]));
    return (r.body.results as { id: string }[]).map((t) => byId[t.id]);
  }
  const one = (filter: Filter) => names({ filterGroups: [{ filters: [filter] }] });
  const ts = (iso: string) => String(Date.parse(iso));

  const operatorCases: [string, Filter, string[]][] = [
    ['EQ (case-insensitive)', { propertyName: 'hs_task_priority', operator: 'EQ', value: 'high' }, ['T1']],
    ['NEQ (includes unset)', { propertyName: 'hs_task_priority', operator: 'NEQ', value: 'HIGH' }, ['T2', 'T3', 'T4']],
    ['LT (ISO value)', { propertyName: 'hs_timestamp', operator: 'LT', value: '2030-01-05T10:00:00Z' }, ['T1']],
    ['LTE (ms value)', { propertyName: 'hs_timestamp', operator: 'LTE', value: ts('2030-01-05T10:00:00Z') }, ['T1', 'T2']],
    ['GT', { propertyName: 'hs_timestamp', operator: 'GT', value: ts('2030-01-10T10:00:00Z') }, ['T4']],
    ['GTE', { propertyName: 'hs_timestamp', operator: 'GTE', value: ts('2030-01-10T10:00:00Z') }, ['T3', 'T4']],
    ['BETWEEN (inclusive)', { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: ts('2030-01-02T00:00:00Z'), highValue: ts('2030-01-10T10:00:00Z') }, ['T2', 'T3']],
    ['IN', { propertyName: 'hs_task_priority', operator: 'IN', values: ['HIGH', 'LOW'] }, ['T1', 'T2']],
    ['NOT_IN', { propertyName: 'hs_task_priority', operator: 'NOT_IN', values: ['HIGH', 'LOW'] }, ['T3', 'T4']],
    ['HAS_PROPERTY', { propertyName: 'hubspot_owner_id', operator: 'HAS_PROPERTY' }, ['T1', 'T2', 'T4']],
    ['NOT_HAS_PROPERTY', { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }, ['T3']],
    ['CONTAINS_TOKEN (word)', { propertyName: 'hs_task_subject', operator: 'CONTAINS_TOKEN', value: 'ada' }, ['T1']],
    ['NOT_CONTAINS_TOKEN', { propertyName: 'hs_task_subject', operator: 'NOT_CONTAINS_TOKEN', value: 'call' }, ['T2', 'T3', 'T4']],
  ];
  for (const [label, filter, expected] of operatorCases) {
    it(`operator ${label}`, async () => {
      assert.deepEqual(await one(filter), expected);
    });
  }

  it('CONTAINS_TOKEN takes * wildcards and does not match word parts', async () => {
    assert.deepEqual(await one({ propertyName: 'hs_task_body', operator: 'CONTAINS_TOKEN', value: '*@example.com' }), ['T3']);
    assert.deepEqual(await one({ propertyName: 'hs_task_subject', operator: 'CONTAINS_TOKEN', value: 'propos' }), []);
  });

  it('ORs filter groups and ANDs the filters of a group', async () => {
    assert.deepEqual(await names({ filterGroups: [
      { filters: [{ propertyName: 'hs_task_priority', operator: 'EQ', value: 'HIGH' }] },
      { filters: [{ propertyName: 'hs_task_priority', operator: 'EQ', value: 'MEDIUM' }] },
    ] }), ['T1', 'T3']);
    assert.deepEqual(await names({ filterGroups: [{ filters: [
      { propertyName: 'hubspot_owner_id', operator: 'EQ', value: DEMO_OWNER_ID },
      { propertyName: 'hs_task_priority', operator: 'HAS_PROPERTY' },
    ] }] }), ['T1']);
  });

  it('sorts by one property, both directions, unset values last', async () => {
    assert.deepEqual(await names({ sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }] }), ['T4', 'T3', 'T2', 'T1']);
    assert.deepEqual(await names({ sorts: [{ propertyName: 'hs_task_subject', direction: 'ASCENDING' }] }), ['T1', 'T2', 'T3', 'T4']);
    assert.deepEqual(await names({ sorts: [{ propertyName: 'hubspot_owner_id', direction: 'DESCENDING' }] }), ['T2', 'T1', 'T4', 'T3']);
  });

  it('matches query words as prefixes of subject and body words', async () => {
    assert.deepEqual(await names({ query: 'ada' }), ['T1', 'T3']);
    assert.deepEqual(await names({ query: 'prop' }), ['T2']);
    assert.deepEqual(await names({ query: 'renewal call' }), ['T1']);
  });

  it('returns only the requested properties, null when unset', async () => {
    const r = await call(sandbox, 'POST', SEARCH, { properties: ['hs_task_subject', 'hubspot_owner_id'], filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: ids.T3 }] }] });
    assert.deepEqual(asked(r.body.results[0].properties), { hs_task_subject: 'Prepare deck', hubspot_owner_id: null });
  });

  it('pages with after/limit and reports total', async () => {
    const first = await call(sandbox, 'POST', SEARCH, { limit: 3, sorts: [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }] });
    assert.equal(first.body.total, 4);
    assert.equal(first.body.results.length, 3);
    assert.equal(first.body.paging.next.after, '3');
    const second = await call(sandbox, 'POST', SEARCH, { limit: 3, after: first.body.paging.next.after, sorts: [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }] });
    assert.deepEqual(second.body.results.map((t: { id: string }) => t.id), [ids.T4]);
    assert.equal(second.body.paging, undefined);
  });

  it('enforces limit ≤ 200, 5 groups, 6 filters per group, 18 filters, 1 sort', async () => {
    const f = { propertyName: 'hs_task_priority', operator: 'HAS_PROPERTY' };
    const group = (n: number) => ({ filters: Array(n).fill(f) });
    const cases: [Record<string, unknown>, number][] = [
      [{ limit: 200 }, 200],
      [{ limit: 201 }, 400],
      [{ filterGroups: Array(5).fill(group(1)) }, 200],
      [{ filterGroups: Array(6).fill(group(1)) }, 400],
      [{ filterGroups: [group(6)] }, 200],
      [{ filterGroups: [group(7)] }, 400],
      [{ filterGroups: Array(3).fill(group(6)) }, 200],
      [{ filterGroups: [group(6), group(6), group(6), group(1)] }, 400],
      [{ sorts: [{ propertyName: 'hs_timestamp' }, { propertyName: 'hs_task_subject' }] }, 400],
      [{ filterGroups: [{ filters: [{ propertyName: 'hs_timestamp', operator: 'BETWEEN', value: '1' }] }] }, 400],
      [{ filterGroups: [{ filters: [{ propertyName: 'hs_timestamp', operator: 'SIMILAR', value: '1' }] }] }, 400],
    ];
    for (const [body, status] of cases) {
      const r = await call(sandbox, 'POST', SEARCH, body);
      assert.equal(r.status, status, JSON.stringify(body));
      if (status === 400) {
        assert.equal(r.body.status, 'error');
        assert.equal(r.body.category, 'VALIDATION_ERROR');
        assert.ok(r.body.correlationId);
      }
    }
  });

  it('filters tasks by associated contact, company and deal', async () => {
    const contact = '51000003';
    const created = await call(sandbox, 'POST', '/crm/v3/objects/tasks', {
      properties: { hs_task_subject: 'linked', hs_timestamp: '1900000000000' },
      associations: [
        { to: { id: contact }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] },
        { to: { id: '53000002' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }] },
      ],
    });
    assert.equal(created.status, 201);
    const find = async (prop: string, value: string) => (await call(sandbox, 'POST', SEARCH, { filterGroups: [{ filters: [{ propertyName: prop, operator: 'EQ', value }] }] })).body.results.map((t: { id: string }) => t.id);
    assert.deepEqual(await find('associations.contact', contact), [created.body.id]);
    assert.deepEqual(await find('associations.deal', '53000002'), [created.body.id]);
    assert.deepEqual(await find('associations.company', '52000001'), []);
  });
});

describe('sandbox: search over 10,000 results', function () {
  this.timeout(20_000); // generating the account takes a while on a loaded machine
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: { tasks: 10_050 } });
  });
  after(() => sandbox.close());

  it('reports the full total but serves no page reaching past result 10,000', async () => {
    const near = await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', { limit: 200, after: 9800 });
    assert.equal(near.status, 200);
    assert.equal(near.body.total, 10_050);
    assert.equal(near.body.results.length, 200);
    assert.equal(near.body.paging.next.after, '10000');
    const last = await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', { limit: 50, after: 9950 });
    assert.equal(last.status, 200);
    assert.equal(last.body.results.length, 50, 'a page ending exactly at result 10,000 is served');
    // HubSpot: a page that would reach past the 10,000th result is a 400, not a short page.
    const straddling = await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', { limit: 100, after: 9950 });
    assert.equal(straddling.status, 400);
    assert.equal(straddling.body.category, 'VALIDATION_ERROR');
    assert.equal(straddling.body.subCategory, 'SEARCH_RESULT_LIMIT_EXCEEDED');
    assert.match(straddling.body.message, /10000/);
    assert.deepEqual(straddling.body.errors[0].context, { limit: ['10050'] });
    const beyond = await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', { limit: 100, after: '10000' });
    assert.equal(beyond.status, 400);
    assert.equal(beyond.body.category, 'VALIDATION_ERROR');
    assert.match(beyond.body.message, /10000/);
  });
});

// Owners, CRM search / read and account endpoints against the sandbox.
import * as assert from 'assert';
import type { HubSpotClient } from '../../../src/hubspot/client';
import { NotFoundError } from '../../../src/hubspot/errors';
import { rejection, testClient } from './support/clients';
import { operations, useSandbox } from './support/sandbox';

describe('owners, CRM and account APIs against the sandbox', () => {
  const ref = useSandbox();
  let client: HubSpotClient;
  beforeEach(() => { client = testClient(ref.sandbox.url).client; });
  afterEach(() => client.dispose());

  it('listOwners pages with a cursor', async () => {
    const first = await client.owners.listOwners({ limit: 3 });
    assert.strictEqual(first.items.length, 3);
    assert.ok(first.cursor);
    const second = await client.owners.listOwners({ limit: 3, after: first.cursor });
    assert.strictEqual(second.cursor, undefined);
    const all = [...first.items, ...second.items];
    assert.strictEqual(all.length, ref.sandbox.state().owners);
    assert.ok(all.every((o) => /^\d+$/.test(o.id) && o.email.includes('@') && (o.type === 'PERSON' || o.type === 'QUEUE')));
  });

  it('allOwners follows cursors; findOwnerByEmail is exact and case-insensitive', async () => {
    const all = await client.owners.allOwners();
    assert.strictEqual(all.length, ref.sandbox.state().owners);
    const demo = await client.owners.findOwnerByEmail('Demo@Example.com');
    assert.strictEqual(demo?.email, 'demo@example.com');
    assert.strictEqual(demo?.firstName, 'Dana');
    assert.strictEqual(await client.owners.findOwnerByEmail('nobody@example.com'), undefined);
    assert.strictEqual(await client.owners.findOwnerByEmail('  '), undefined);
    const queries = ref.sandbox.requests().filter((r) => r.query.email).map((r) => r.query.email);
    assert.deepStrictEqual(queries, ['Demo@Example.com', 'nobody@example.com']);
  });

  it('searchObjects finds contacts, companies and deals by query, with default properties', async () => {
    const contacts = await client.crm.searchObjects('contacts', 'olivia');
    assert.ok(contacts.total >= 1 && contacts.items.length >= 1);
    assert.match(`${contacts.items[0].properties.firstname} ${contacts.items[0].properties.email}`, /olivia/i);
    const companies = await client.crm.searchObjects('companies', '', { limit: 5 });
    assert.strictEqual(companies.items.length, 5);
    assert.ok('name' in companies.items[0].properties && 'domain' in companies.items[0].properties);
    const deals = await client.crm.searchObjects('deals', '', { limit: 2, properties: ['dealname'] });
    // The requested property, and the system properties HubSpot always adds.
    assert.deepStrictEqual(Object.keys(deals.items[0].properties).sort(), ['createdate', 'dealname', 'hs_lastmodifieddate', 'hs_object_id']);
    assert.deepStrictEqual(operations(ref.sandbox), ['searchContacts', 'searchCompanies', 'searchDeals']);
    assert.deepStrictEqual((ref.sandbox.requests()[0].body as { properties: string[] }).properties, ['firstname', 'lastname', 'email', 'company']);
  });

  it('readObjects reads by id, skipping ids that do not exist', async () => {
    const ids = (await client.crm.searchObjects('companies', '', { limit: 3 })).items.map((o) => o.id);
    const read = await client.crm.readObjects('companies', [...ids, '999'], ['name']);
    assert.deepStrictEqual(read.map((o) => o.id).sort(), [...ids].sort());
    assert.ok(read.every((o) => typeof o.properties.name === 'string'));
    assert.strictEqual(operations(ref.sandbox)[1], 'batchReadCompanies');
  });

  it('accountDetails gives portal id and UI domain', async () => {
    const details = await client.account.accountDetails();
    assert.ok(Number.isInteger(details.portalId) && details.portalId > 0);
    assert.strictEqual(details.uiDomain, 'app.hubspot.com');
    assert.ok(details.timeZone && details.dataHostingLocation);
  });

  it('taskProperty gives the option lists (status includes IN_PROGRESS, WAITING, DEFERRED)', async () => {
    const status = await client.account.taskProperty('hs_task_status');
    assert.strictEqual(status.name, 'hs_task_status');
    const values = status.options.map((o) => o.value);
    for (const v of ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']) {
      assert.ok(values.includes(v), v);
    }
    assert.deepStrictEqual((await client.account.taskProperty('hs_task_priority')).options.map((o) => o.value).filter((v) => v !== 'NONE'), ['LOW', 'MEDIUM', 'HIGH']);
    assert.ok(await rejection(client.account.taskProperty('no_such_property')) instanceof NotFoundError);
  });
});

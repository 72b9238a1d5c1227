import * as assert from 'assert';
import { SearchLimitError } from '../../../src/hubspot/errors';
import { searchRequestBody, toSearchPage } from '../../../src/hubspot/search';
import { call } from '../sandbox/helpers';
import { testClient } from './support/clients';
import { useSandbox } from './support/sandbox';

describe('search request rules', () => {
  it('clamps limit to 200 and sends after as a string', () => {
    assert.deepStrictEqual(searchRequestBody({ limit: 500, after: 200 }), { limit: 200, after: '200' });
  });
  it('accepts a page that ends exactly at 10,000', () => {
    assert.deepStrictEqual(searchRequestBody({ limit: 200, after: '9800' }), { limit: 200, after: '9800' });
  });
  it('refuses a page that would pass 10,000 with SearchLimitError', () => {
    assert.throws(() => searchRequestBody({ limit: 200, after: '9900' }), (e: unknown) =>
      e instanceof SearchLimitError && e.kind === 'search-limit' && e.requestedEnd === 10_100 && /10000/.test(e.message));
  });
  it('uses HubSpot\'s default page size of 10 when limit is absent', () => {
    assert.throws(() => searchRequestBody({ after: '9991' }), SearchLimitError);
    assert.doesNotThrow(() => searchRequestBody({ after: '9990' }));
  });
  it('drops a cursor that points past the cap, keeps total', () => {
    assert.deepStrictEqual(toSearchPage({ results: [], total: 25_000, paging: { next: { after: '10000' } } }), { items: [], cursor: undefined, total: 25_000 });
    assert.deepStrictEqual(toSearchPage({ results: [], total: 25_000, paging: { next: { after: '9800' } } }), { items: [], cursor: '9800', total: 25_000 });
  });
});

describe('search near the 10,000-result cap, against the sandbox', function () {
  this.timeout(20_000); // generating 10,050 tasks takes a while on a loaded machine
  const ref = useSandbox({ seed: { tasks: 10_050 } });

  it('reads the last page up to result 10,000 and never sends the page HubSpot would answer 400', async () => {
    const { client, exchanges } = testClient(ref.sandbox.url);
    try {
      const last = await client.tasks.searchTasks({ limit: 200, after: '9800' });
      assert.strictEqual(last.items.length, 200);
      assert.strictEqual(last.total, 10_050);
      assert.strictEqual(last.cursor, undefined, 'no "load more" past the cap');
      await assert.rejects(client.tasks.searchTasks({ limit: 200, after: '9900' }), SearchLimitError);
      assert.deepStrictEqual(exchanges.map((e) => e.status), [200], 'the refused page was not sent');
      // The sandbox (as HubSpot) would have refused it: the client's rule is not stricter than needed.
      ref.sandbox.clearRequests();
      const raw = await call(ref.sandbox, 'POST', '/crm/v3/objects/tasks/search', { limit: 200, after: '9900' });
      assert.strictEqual(raw.status, 400);
      assert.strictEqual(raw.headers.get('x-hubspot-ratelimit-max'), null, 'search answers announce no limit');
    } finally {
      client.dispose();
    }
  });
});

import * as assert from 'assert';
import { SearchLimitError } from '../../../src/hubspot/errors';
import { searchRequestBody, toSearchPage } from '../../../src/hubspot/search';

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

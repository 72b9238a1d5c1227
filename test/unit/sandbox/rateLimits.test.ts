// HubSpot's rate limits: headers on every non-search response (none on search, as at HubSpot), the
// account's limit from --rate-limit, 429 bodies naming the policy when enforced.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call } from './helpers';

describe('sandbox: rate limits', function () {
  this.timeout(20_000); // 100+ requests at once: slow on a loaded machine (same as test/unit/.mocharc.json)
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', rateLimits: true });
  });
  afterEach(() => sandbox.close());

  it('sends X-HubSpot-RateLimit-* headers counting down', async () => {
    const first = await call(sandbox, 'GET', '/crm/v3/owners');
    const second = await call(sandbox, 'GET', '/crm/v3/owners');
    assert.equal(first.headers.get('x-hubspot-ratelimit-max'), '100');
    assert.equal(first.headers.get('x-hubspot-ratelimit-interval-milliseconds'), '10000');
    assert.equal(first.headers.get('x-hubspot-ratelimit-remaining'), '99');
    assert.equal(second.headers.get('x-hubspot-ratelimit-remaining'), '98');
    assert.equal(first.headers.get('x-hubspot-ratelimit-daily'), '250000');
    assert.equal(second.headers.get('x-hubspot-ratelimit-daily-remaining'), '249998');
  });

  it('sends the headers on error responses too, and counts them', async () => {
    const notFound = await call(sandbox, 'GET', '/crm/v3/objects/tasks/1');
    const invalid = await call(sandbox, 'POST', '/crm/v3/objects/tasks', { properties: {} });
    assert.equal(notFound.status, 404);
    assert.equal(invalid.status, 400);
    assert.equal(notFound.headers.get('x-hubspot-ratelimit-remaining'), '99');
    assert.equal(invalid.headers.get('x-hubspot-ratelimit-remaining'), '98');
  });

  it('sends no X-HubSpot-RateLimit-* header on search responses, but counts them', async () => {
    for (const path of ['/crm/v3/objects/tasks/search', '/crm/v3/objects/contacts/search', '/crm/objects/2026-09/tasks/search', '/crm/objects/2026-03/deals/search']) {
      const search = await call(sandbox, 'POST', path, {});
      assert.equal(search.status, 200);
      assert.deepEqual([...search.headers.keys()].filter((h) => h.startsWith('x-hubspot-ratelimit')), [], path);
    }
    const bad = await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', { limit: 500 });
    assert.equal(bad.status, 400);
    assert.deepEqual([...bad.headers.keys()].filter((h) => h.startsWith('x-hubspot-ratelimit')), [], 'an error from search neither');
    const owners = await call(sandbox, 'GET', '/crm/v3/owners');
    assert.equal(owners.headers.get('x-hubspot-ratelimit-remaining'), '94', 'the five searches counted in the 10 s window');
  });

  it('announces and enforces the account limit it is given (190 for Professional)', async () => {
    await sandbox.close();
    sandbox = await startSandbox({ port: 0, seed: 'empty', rateLimits: true, rateLimitPer10s: 190 });
    const replies = await Promise.all(Array.from({ length: 191 }, () => call(sandbox, 'GET', '/crm/v3/owners')));
    assert.equal(replies.filter((r) => r.status === 200).length, 190);
    const limited = replies.filter((r) => r.status === 429);
    assert.equal(limited.length, 1);
    assert.equal(limited[0].body.policyName, 'TEN_SECONDLY_ROLLING');
    assert.ok(replies.every((r) => r.headers.get('x-hubspot-ratelimit-max') === '190'));
    assert.equal(replies[0].headers.get('x-hubspot-ratelimit-interval-milliseconds'), '10000');
    sandbox.configure({ rateLimitPer10s: 250 });
    const more = await call(sandbox, 'GET', '/crm/v3/owners');
    assert.equal(more.status, 200, 'a raised limit applies at once');
    assert.equal(more.headers.get('x-hubspot-ratelimit-max'), '250');
    assert.equal(more.headers.get('x-hubspot-ratelimit-remaining'), '59');
  });

  it('answers the 101st request in 10 s with 429 TEN_SECONDLY_ROLLING', async () => {
    const replies = await Promise.all(Array.from({ length: 101 }, () => call(sandbox, 'GET', '/crm/v3/owners')));
    const limited = replies.filter((r) => r.status === 429);
    assert.equal(limited.length, 1);
    assert.equal(replies.filter((r) => r.status === 200).length, 100);
    assert.equal(limited[0].body.category, 'RATE_LIMITS');
    assert.equal(limited[0].body.policyName, 'TEN_SECONDLY_ROLLING');
    assert.equal(limited[0].body.status, 'error');
    assert.equal(limited[0].headers.get('x-hubspot-ratelimit-remaining'), '0');
    assert.equal(limited[0].headers.get('retry-after'), null);
  });

  it('answers the 6th search in a second with 429 SECONDLY', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, () => call(sandbox, 'POST', '/crm/v3/objects/tasks/search', {})));
    const limited = replies.filter((r) => r.status === 429);
    assert.equal(limited.length, 1);
    assert.equal(limited[0].body.policyName, 'SECONDLY');
    assert.equal((await call(sandbox, 'GET', '/crm/v3/owners')).status, 200, 'the search limit does not block other calls');
  });

  it('only reports usage when not enforcing', async () => {
    sandbox.configure({ rateLimits: false });
    const replies = await Promise.all(Array.from({ length: 110 }, () => call(sandbox, 'GET', '/crm/v3/owners')));
    assert.ok(replies.every((r) => r.status === 200));
    assert.equal(replies.map((r) => Number(r.headers.get('x-hubspot-ratelimit-remaining'))).sort((a, b) => a - b)[0], 0);
  });
});

// HubSpot's rate limits: headers on every response, 429 bodies naming the policy when enforced.
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
    const search = await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', {});
    assert.equal(search.headers.get('x-hubspot-ratelimit-secondly'), '5');
    assert.equal(search.headers.get('x-hubspot-ratelimit-secondly-remaining'), '4');
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

// Bearer-token check (401), the no-scope token (403 MISSING_SCOPES), and what the log keeps.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call, NO_SCOPE_TOKEN } from './helpers';

describe('sandbox: authentication', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', tokens: ['pat-na1-secret', 'svc-key-2'] });
  });
  after(() => sandbox.close());

  it('answers 401 INVALID_AUTHENTICATION without a token or with an unknown one', async () => {
    for (const token of [null, 'wrong']) {
      const r = await call(sandbox, 'GET', '/crm/v3/objects/tasks', undefined, token);
      assert.equal(r.status, 401);
      assert.equal(r.body.status, 'error');
      assert.equal(r.body.category, 'INVALID_AUTHENTICATION');
      assert.match(r.body.correlationId, /^[0-9a-f-]{36}$/);
      assert.ok(r.body.message.length > 0);
    }
  });

  it('accepts every configured token, whatever its prefix', async () => {
    assert.equal((await call(sandbox, 'GET', '/crm/v3/objects/tasks', undefined, 'pat-na1-secret')).status, 200);
    assert.equal((await call(sandbox, 'GET', '/crm/v3/objects/tasks', undefined, 'svc-key-2')).status, 200);
    assert.equal((await call(sandbox, 'GET', '/crm/v3/objects/tasks', undefined, 'sandbox-token')).status, 401, 'the default token is replaced');
  });

  it('answers 403 MISSING_SCOPES naming the scope for a token without scopes', async () => {
    const cases: [string, string, string][] = [
      ['GET', '/crm/v3/objects/tasks', 'crm.objects.contacts.read'],
      ['POST', '/crm/v3/objects/tasks', 'crm.objects.contacts.write'],
      ['GET', '/crm/v3/owners', 'crm.objects.owners.read'],
      ['POST', '/crm/v3/objects/deals/search', 'crm.objects.deals.read'],
      ['GET', '/crm/v3/properties/tasks/hs_task_status', 'crm.objects.contacts.read'],
    ];
    for (const [method, path, scope] of cases) {
      const r = await call(sandbox, method, path, method === 'POST' ? {} : undefined, NO_SCOPE_TOKEN);
      assert.equal(r.status, 403, path);
      assert.equal(r.body.category, 'MISSING_SCOPES');
      assert.deepEqual(r.body.errors[0].context.requiredGranularScopes, [scope]);
    }
  });

  it('lets a token without scopes read the account details', async () => {
    const r = await call(sandbox, 'GET', '/account-info/v3/details', undefined, NO_SCOPE_TOKEN);
    assert.equal(r.status, 200);
    assert.equal(r.body.uiDomain, 'app.hubspot.com');
    assert.equal(typeof r.body.portalId, 'number');
  });

  it('never keeps a header or a token in the request log', async () => {
    sandbox.clearRequests();
    await call(sandbox, 'POST', '/crm/v3/objects/tasks/search', { query: 'x' }, 'pat-na1-secret');
    const log = sandbox.requests();
    assert.equal(log.length, 1);
    assert.deepEqual(Object.keys(log[0]).sort(), ['apiVersion', 'body', 'credential', 'durationMs', 'method', 'operation', 'path', 'portalId', 'query', 'status']);
    assert.ok(!JSON.stringify(log).includes('pat-na1-secret'));
    assert.ok(!JSON.stringify(log).toLowerCase().includes('authorization'));
  });
});

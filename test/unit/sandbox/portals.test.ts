// The second demo portal over real sockets: its key token and OAuth tokens granted for it reach its own
// records through every route, never the demo portal's (and back); its own account details and owners.
import * as assert from 'node:assert/strict';
import { parseArgs } from '../../../sandbox/cli';
import { DEMO_PORTAL_ID, SECOND_PORTAL_DEMO_OWNER_ID, SECOND_PORTAL_ID, SECOND_PORTAL_TOKEN, startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call, taskInput, TOKEN } from './helpers';

describe('sandbox: second demo portal', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  after(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    sandbox.clearRequests();
  });

  it('has its own portal id, account details, owners and tasks behind its key token', async () => {
    const details = await call(sandbox, 'GET', '/account-info/2026-09/details', undefined, SECOND_PORTAL_TOKEN);
    assert.equal(details.body.portalId, SECOND_PORTAL_ID);
    assert.equal(details.body.timeZone, 'Europe/Berlin');
    assert.equal((await call(sandbox, 'GET', '/account-info/v3/details')).body.portalId, DEMO_PORTAL_ID);

    const owners = (await call(sandbox, 'GET', '/crm/v3/owners', undefined, SECOND_PORTAL_TOKEN)).body.results as { id: string; email: string; userId: number }[];
    const demoOwners = (await call(sandbox, 'GET', '/crm/v3/owners')).body.results as { id: string; email: string; userId: number }[];
    assert.equal(owners.find((o) => o.email === 'demo@example.com')?.id, SECOND_PORTAL_DEMO_OWNER_ID);
    assert.equal(owners.find((o) => o.email === 'demo@example.com')?.userId, demoOwners.find((o) => o.email === 'demo@example.com')?.userId, 'the same HubSpot user');
    assert.deepEqual(owners.filter((o) => demoOwners.some((d) => d.id === o.id)), [], 'owner ids are per account');

    const search = (token: string) => call(sandbox, 'POST', '/crm/objects/2026-09/tasks/search', { limit: 200, properties: ['hs_task_subject'] }, token);
    const theirs = (await search(SECOND_PORTAL_TOKEN)).body;
    const ours = (await search(TOKEN)).body;
    assert.equal(theirs.total, 60);
    assert.equal(ours.total, 200);
    assert.equal(sandbox.state(SECOND_PORTAL_ID).tasks, 60);
    assert.ok((theirs.results as { id: string }[]).every((t) => t.id.startsWith('70000000')));
    // A task of one portal is not found in the other, by any version's path.
    const ourTask = (ours.results as { id: string }[])[0].id;
    assert.equal((await call(sandbox, 'GET', `/crm/v3/objects/tasks/${ourTask}`, undefined, SECOND_PORTAL_TOKEN)).status, 404);
    assert.equal((await call(sandbox, 'GET', `/crm/objects/2026-09/tasks/${(theirs.results as { id: string }[])[0].id}`)).status, 404);
  });

  it('writes through the second portal stay in it, and a reset restores its seed', async () => {
    const created = await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('Globex only', { hubspot_owner_id: SECOND_PORTAL_DEMO_OWNER_ID }), SECOND_PORTAL_TOKEN);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(sandbox.state(SECOND_PORTAL_ID).tasks, 61);
    assert.equal(sandbox.state().tasks, 200);
    assert.equal((await call(sandbox, 'GET', `/crm/v3/objects/tasks/${created.body.id}`)).status, 404);
    // The owner must exist in the portal written to.
    const foreignOwner = await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('x', { hubspot_owner_id: '75000002' }), SECOND_PORTAL_TOKEN);
    assert.equal(foreignOwner.status, 400);
    sandbox.reset();
    assert.equal(sandbox.state(SECOND_PORTAL_ID).tasks, 60);
    const log = sandbox.requests().filter((e) => e.operation === 'createTask');
    assert.deepEqual(log.map((e) => [e.portalId, e.credential]), [[SECOND_PORTAL_ID, 'key'], [SECOND_PORTAL_ID, 'key']]);
  });

  it('an OAuth token granted for the second portal reads the second portal', async () => {
    const t = sandbox.oauth.mint(SECOND_PORTAL_ID, 'demo@example.com');
    assert.equal(t.hub_id, SECOND_PORTAL_ID);
    const list = await call(sandbox, 'GET', '/crm/v3/objects/tasks?limit=100', undefined, t.access_token);
    assert.equal(list.status, 200);
    assert.ok((list.body.results as { id: string }[]).length > 0);
    assert.ok((list.body.results as { id: string }[]).every((r) => r.id.startsWith('70000000')));
    assert.throws(() => sandbox.oauth.mint(SECOND_PORTAL_ID, 'priya.shah@example.com'), /not a user/);
  });

  it('lists both portals on the admin endpoint, and mints tokens there', async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/portals`);
    const { portals } = await res.json() as { portals: { portalId: number; tokens: string[]; state: { tasks: number } }[] };
    assert.deepEqual(portals.map((p) => [p.portalId, p.tokens, p.state.tasks]), [[DEMO_PORTAL_ID, [TOKEN], 200], [SECOND_PORTAL_ID, [SECOND_PORTAL_TOKEN], 60]]);
    const mint = await fetch(`${sandbox.url}/__sandbox/oauth/mint`, { method: 'POST', body: JSON.stringify({ portalId: SECOND_PORTAL_ID, email: 'akira.sato@globex.example', scopes: ['crm.objects.contacts.read'] }) });
    const minted = await mint.json() as { access_token: string; user_id: number; scopes: string[] };
    assert.equal(minted.user_id, 9_300_002);
    assert.deepEqual(minted.scopes, ['crm.objects.contacts.read']);
    assert.equal((await call(sandbox, 'GET', '/crm/v3/owners', undefined, minted.access_token)).status, 403);
    const bad = await fetch(`${sandbox.url}/__sandbox/oauth/mint`, { method: 'POST', body: JSON.stringify({ portalId: 'x' }) });
    assert.equal(bad.status, 400);
    const badKnob = await fetch(`${sandbox.url}/__sandbox/config`, { method: 'POST', body: JSON.stringify({ accessTokenLifetimeSec: -1 }) });
    assert.equal(badKnob.status, 400);
  });

  it('takes its flags from the command line', () => {
    assert.deepEqual(parseArgs(['--access-token-lifetime', '5', '--no-refresh-rotation', '--oauth-client-id', 'org-app', '--oauth-client-secret', 's3',
      '--oauth-require-secret', '--portal2-token', 'p2a', '--portal2-token', 'p2b']), {
      port: 4010, accessTokenLifetimeSec: 5, rotateRefreshTokens: false, oauthClientId: 'org-app', oauthClientSecret: 's3', oauthRequireSecret: true,
      secondPortalTokens: ['p2a', 'p2b'],
    });
    assert.throws(() => parseArgs(['--access-token-lifetime', '1.5']), /whole number/);
  });
});

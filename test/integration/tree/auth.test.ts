// Sign-in in the extension host: the token is checked with HubSpot BEFORE it is stored, refusals say
// why (invalid, missing scopes by name, network), sign-out removes it, and the Accounts menu knows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { AUTH_PROVIDER_ID } from '../../../src/constants';
import { tokenKeyFor, useHost } from '../support/hosts';
import { SANDBOX_TOKEN, sandbox, sandboxUrl } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { configure, requests } from './treeSupport';
import { activateExtension } from '../support/extension';
import { DEMO_OWNER_ID, SANDBOX_NO_SCOPE_TOKEN } from '../../support/demo';
import { QUIET_SETTINGS } from '../../support/quietSettings';

describe('Sign-in (in the extension host, against the sandbox)', function () {
  this.timeout(60_000);
  let c: Container;

  before(async () => {
    c = await activateExtension();
    await configure(QUIET_SETTINGS);
    await c.auth.ready;
  });
  after(async () => {
    await configure({ 'hubspotTasks.baseUrl': sandboxUrl() });
    await c.auth.signIn(SANDBOX_TOKEN);
    await c.auth.setMe(DEMO_OWNER_ID);
  });

  async function refusal(token: string): Promise<{ reason: string; message: string }> {
    try {
      await c.auth.signIn(token);
    } catch (error) {
      return error as { reason: string; message: string };
    }
    throw new Error('sign-in should have been refused');
  }

  it('refuses an invalid token, stores nothing, and never echoes it', async () => {
    await c.auth.signOut();
    assert.strictEqual(c.auth.isSignedIn, false);
    const error = await refusal('pat-na1-not-a-real-token');
    assert.strictEqual(error.reason, 'invalid');
    assert.match(error.message, /refused this token/);
    assert.ok(!error.message.includes('pat-na1-not-a-real-token'));
    assert.strictEqual(await c.context.secrets.get(tokenKeyFor(sandboxUrl())), undefined);
    assert.strictEqual(c.auth.isSignedIn, false);
  });

  it('names the missing scopes', async () => {
    const error = await refusal(SANDBOX_NO_SCOPE_TOKEN);
    assert.strictEqual(error.reason, 'missing-scopes');
    assert.match(error.message, /crm\.objects\.contacts\.read/);
    assert.strictEqual(await c.context.secrets.get(tokenKeyFor(sandboxUrl())), undefined);
  });

  it('says when HubSpot cannot be reached', async () => {
    // A closed port. Other suites sign in there to test offline behaviour and leave their token behind (the
    // whole run goes through this file twice): start from a host where nothing is stored, as a first visit.
    const unreachable = 'http://127.0.0.1:9';
    await c.context.secrets.delete(tokenKeyFor(unreachable));
    await useHost(c, unreachable);
    try {
      const error = await refusal(SANDBOX_TOKEN);
      assert.strictEqual(error.reason, 'network');
      assert.match(error.message, /Could not reach HubSpot/);
      assert.strictEqual(await c.context.secrets.get(tokenKeyFor(unreachable)), undefined, 'nothing stored for that host');
    } finally {
      await useHost(c, sandboxUrl());
    }
  });

  it('validates with HubSpot before storing, then shows the account in the Accounts menu', async () => {
    await sandbox.clearRequests();
    const account = await c.auth.signIn(SANDBOX_TOKEN);
    const operations = (await requests()).map((r) => r.operation).sort();
    assert.deepStrictEqual(operations.slice(0, 2), ['accountDetails', 'listTasks']);
    assert.strictEqual(await c.context.secrets.get(tokenKeyFor(sandboxUrl())), SANDBOX_TOKEN);
    assert.ok(account.portalId > 0 && account.uiDomain);
    assert.strictEqual(c.auth.isSignedIn, true);
    const accounts = await waitFor(async () => {
      const list = await vscode.authentication.getAccounts(AUTH_PROVIDER_ID);
      return list.length > 0 && list;
    }, { what: 'the account in the Accounts menu' });
    assert.deepStrictEqual(accounts.map((a) => a.label), [`HubSpot portal ${account.portalId}`]);
    // "me" is remembered per account.
    await c.auth.setMe(DEMO_OWNER_ID);
    assert.strictEqual(await c.auth.me(), DEMO_OWNER_ID);
    assert.strictEqual(c.context.globalState.get<{ id: string }>(`hubspotTasks.me.${account.portalId}`)?.id, DEMO_OWNER_ID);
  });

  it('finds "me" from the ownerEmail setting', async () => {
    await c.context.globalState.update(`hubspotTasks.me.${c.auth.account!.portalId}`, undefined);
    await configure({ 'hubspotTasks.ownerEmail': 'priya.shah@example.com' });
    try {
      await waitFor(async () => (await c.auth.me()) === '75000002', { what: 'me from the setting' });
    } finally {
      await configure({ 'hubspotTasks.ownerEmail': '' });
    }
  });

  it('follows a sign-out made elsewhere (secrets.onDidChange) and the welcome view takes over', async () => {
    await c.context.secrets.delete(tokenKeyFor(sandboxUrl()));
    await waitFor(() => !c.auth.isSignedIn, { what: 'signed out' });
    assert.deepStrictEqual(await c.tree.provider.getChildren(), []);
    await waitFor(async () => (await vscode.authentication.getAccounts(AUTH_PROVIDER_ID)).length === 0, { what: 'the account to leave the Accounts menu' });
    await c.tree.statusBar.refresh();
    assert.match(c.tree.statusBar.text, /Sign in to HubSpot/);
    await c.context.secrets.store(tokenKeyFor(sandboxUrl()), SANDBOX_TOKEN);
    await waitFor(() => c.auth.isSignedIn, { what: 'signed in again from the secret' });
  });
});

// Several HubSpot accounts at one host, in the extension host: a key for the demo portal and an OAuth sign-in
// for the sandbox's second portal side by side. The Accounts menu's provider lists both; the workspace works
// in one (remembered in workspace state); the tree, "me", linked TODOs follow it; a TODO linked to the other
// portal's task says it was not found in the active account (not "deleted"); and one account's token is never
// sent for the other, nor written anywhere but the secret store.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeAccountKey, apiOrigin } from '../../../src/auth/credentialKeys';
import type { OAuthCredential } from '../../../src/auth/credential';
import { DEMO_CLIENT_ID, DEMO_PORTAL_ID, SECOND_PORTAL_DEMO_OWNER_ID, SECOND_PORTAL_ID } from '../../../sandbox/server';
import { DEMO_OWNER_EMAIL, DEMO_OWNER_ID } from '../../support/demo';
import { waitFor } from '../../support/waitFor';
import { filesContaining } from './tokenHygiene.test';
import { configure, ownSandbox, reload, type OwnSandbox } from './support';

const KEY_A = 'sbx-ACCOUNT-A-KEY-5d1e90';
const KEY_B = 'sbx-ACCOUNT-B-KEY-77c2ab';

describe('Reliability: several HubSpot accounts (keys and OAuth mixed), one active per workspace', function () {
  this.timeout(180_000);
  let own: OwnSandbox;

  before(async () => {
    own = await ownSandbox({ seed: 'demo', tokens: [KEY_A], secondPortalTokens: [KEY_B] });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const c = own?.container;
    if (c) {
      for (const account of [...c.auth.accounts]) {
        await c.auth.signOutAccount(account.portalId);
      }
      await c.tree.tasks.setFilters({ owner: 'mine', hideCompleted: true, statuses: [], text: '' });
      const origin = apiOrigin(own.sandbox.url);
      await c.context.workspaceState.update(activeAccountKey(origin!), undefined);
    }
    await configure({ 'hubspotTasks.oauth.clientId': undefined });
    await own?.restore();
  });

  it('switches between a key account and an OAuth account; everything follows; tokens stay apart', async () => {
    const c = own.container;
    const origin = apiOrigin(own.sandbox.url)!;
    const ids = () => c.tree.tasks.groups().flatMap((g) => g.tasks.map((t) => t.id));
    await configure({ 'hubspotTasks.oauth.clientId': DEMO_CLIENT_ID });
    await vscode.commands.executeCommand('hubspotTasks.tasks.focus');

    // 1. A key for the demo portal.
    assert.strictEqual((await c.auth.signIn(KEY_A)).portalId, DEMO_PORTAL_ID);
    await c.auth.setMe(DEMO_OWNER_ID);
    await c.tree.tasks.setFilters({ owner: 'all', hideCompleted: true, statuses: [], text: '' });
    await reload(c);
    assert.ok(ids().length > 0 && ids().every((id) => id.startsWith('6')), `demo portal tasks: ${ids().slice(0, 3).join()}`);

    // 2. OAuth for the second portal (a token pair as the browser sign-in would have brought): one more account.
    const pair = own.sandbox.oauth.mint(SECOND_PORTAL_ID, DEMO_OWNER_EMAIL);
    const oauth: OAuthCredential = {
      kind: 'oauth', accessToken: pair.access_token, refreshToken: pair.refresh_token, clientId: DEMO_CLIENT_ID,
      issuedAt: Date.now(), expiresAt: Date.now() + pair.expires_in * 1000, grant: `accounts-test-${Date.now()}`,
    };
    assert.strictEqual((await c.auth.signIn(oauth)).portalId, SECOND_PORTAL_ID);
    assert.deepStrictEqual(c.auth.accounts.map((a) => a.portalId).sort(), [DEMO_PORTAL_ID, SECOND_PORTAL_ID].sort(), 'both accounts kept');
    assert.strictEqual(c.auth.account?.portalId, SECOND_PORTAL_ID, 'the new sign-in is the active account');
    assert.strictEqual(c.auth.tokenKind, 'oauth');
    assert.strictEqual(c.context.workspaceState.get(activeAccountKey(origin)), SECOND_PORTAL_ID, 'remembered for this workspace');
    assert.strictEqual(await c.auth.me(), SECOND_PORTAL_DEMO_OWNER_ID, '"me" of the second portal, from the OAuth user');
    await reload(c);
    await waitFor(() => ids().length > 0 && ids().every((id) => id.startsWith('7')), { what: "the second portal's tasks in the tree" });

    // 3. The Accounts menu lists both (the provider's sessions carry no token).
    const listed = await waitFor(async () => {
      const accounts = await vscode.authentication.getAccounts('hubspot');
      return accounts.length === 2 && accounts;
    }, { what: 'both accounts in the Accounts menu' });
    assert.deepStrictEqual(listed.map((a) => a.id).sort(), [String(DEMO_PORTAL_ID), String(SECOND_PORTAL_ID)].sort());
    assert.ok(listed.find((a) => a.id === String(SECOND_PORTAL_ID))?.label.includes('(active)'), 'the active one is marked');

    // 4. Back to the key account: the tree, "me", and requests follow; the OAuth token is not sent.
    await own.sandbox.clearRequests();
    assert.strictEqual(await c.auth.switchAccount(DEMO_PORTAL_ID), true);
    assert.strictEqual(c.context.workspaceState.get(activeAccountKey(origin)), DEMO_PORTAL_ID);
    assert.strictEqual(c.auth.tokenKind, 'key');
    assert.strictEqual(await c.auth.me(), DEMO_OWNER_ID, 'the demo portal\'s "me" was kept for it');
    await reload(c);
    await waitFor(() => ids().length > 0 && ids().every((id) => id.startsWith('6')), { what: "the demo portal's tasks after switching back" });
    await c.tree.statusBar.refresh(true);

    // 5. A TODO linked to the second portal's task, read in the demo portal: "not found in the active account".
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: '// TODO(HS-70000000001): from the Globex project\n' });
    await vscode.window.showTextDocument(document);
    await waitFor(() => c.todo.linked.task('70000000001') === null, { what: 'the linked id looked up in the active account' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 5));
    const ours = hovers.flatMap((h) => h.contents).find((m): m is vscode.MarkdownString => m instanceof vscode.MarkdownString && m.value.includes('HS-70000000001'));
    assert.ok(ours, 'hover of the linked TODO');
    const text = ours.value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.ok(text.includes(`Not found in HubSpot portal ${DEMO_PORTAL_ID} (the active account)`), text);
    assert.ok(!text.includes('no longer exists'), 'not called deleted');
    assert.ok(ours.value.includes('command:hubspotTasks.switchAccount'), 'offers to switch account');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const sentWhileA = own.sandbox.requests().filter((r) => r.portalId !== undefined);
    assert.ok(sentWhileA.length > 3, 'the features talked to HubSpot');
    assert.deepStrictEqual([...new Set(sentWhileA.map((r) => `${r.portalId}/${r.credential}`))], [`${DEMO_PORTAL_ID}/key`], 'only the key, only the demo portal');

    // 6. And to the OAuth account again, without entering anything: the linked TODO is found there.
    assert.strictEqual(await c.auth.switchAccount(SECOND_PORTAL_ID), true);
    assert.strictEqual(await c.auth.me(), SECOND_PORTAL_DEMO_OWNER_ID);
    await c.todo.linked.refresh(true);
    assert.notStrictEqual(c.todo.linked.task('70000000001'), null);

    // 7. Signing out of the active account leaves the other one, now active.
    await c.auth.signOut();
    assert.deepStrictEqual(c.auth.accounts.map((a) => a.portalId), [DEMO_PORTAL_ID]);
    assert.strictEqual(c.auth.isSignedIn, true);
    assert.strictEqual(c.auth.account?.portalId, DEMO_PORTAL_ID);
    assert.strictEqual(own.sandbox.oauth.stats().activeRefreshTokens, 0, 'the OAuth sign-out revoked its refresh token');

    // 8. No token of either account in a log, setting or state file, nor in the request log.
    const userData = path.resolve(c.context.globalStorageUri.fsPath, '..', '..', '..');
    assert.ok(fs.existsSync(path.join(userData, 'User')), `the run's user-data folder: ${userData}`);
    const marker = `accounts-flush-${Date.now()}`;
    c.log.info(marker);
    await waitFor(() => filesContaining(path.join(userData, 'logs'), marker).length > 0, { what: 'the log file to be written', timeoutMs: 20_000 });
    const log = JSON.stringify(own.sandbox.requests());
    for (const secret of [KEY_A, KEY_B, pair.access_token, pair.refresh_token]) {
      assert.ok(!log.includes(secret), 'not in the sandbox request log');
      assert.deepStrictEqual(filesContaining(userData, secret).map((h) => path.relative(userData, h)), [], 'files holding a token');
    }
  });
});

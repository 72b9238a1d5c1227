// "Sign in with HubSpot (browser)" in the real extension host, against a private sandbox that demands the
// client secret: the command's whole flow (the test plays the browser through the consent page: Deny, then
// Grant), "me" found from the token without asking, the tree; then tokens that expire: 20 concurrent requests at
// expiry → ONE refresh (sandbox log), expiry in the middle of a bulk TODO creation (nothing lost, nothing
// duplicated), a revoked refresh token → signed out once with "Sign in again"; and hygiene: the access token,
// the refresh token and the client secret are in no log, setting or state file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PORTAL_ID } from '../../../sandbox/server';
import type { Shown } from '../../../src/ui/notifier';
import { tokenKeyFor } from '../support/hosts';
import { waitFor } from '../support/waitFor';
import { DEMO_OWNER_ID } from '../../support/demo';
import { configure, ownSandbox, reload, type OwnSandbox } from './support';
import { filesContaining } from './tokenHygiene.test';

const CLIENT_ID_SETTING = 'hubspotTasks.oauth.clientId';

/** The browser: the consent page, the user's answer, the redirect back to the extension's loopback. */
function browser(decision: 'grant' | 'deny', opened: string[]): (url: string) => Promise<boolean> {
  return async (url) => {
    opened.push(url);
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(requestId, `a consent page (${page.status})`);
    const answer = await fetch(new URL('/oauth/authorize', url), {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: requestId, decision, portal: String(DEMO_PORTAL_ID) }).toString(), redirect: 'manual',
    });
    const back = await fetch(answer.headers.get('location') ?? '');
    await back.text();
    return true;
  };
}

describe('OAuth sign-in and expiring tokens in the extension host', function () {
  this.timeout(180_000);
  let own: OwnSandbox;
  let dir: string;
  const shown: Shown[] = [];
  let listening: vscode.Disposable | undefined;
  const refreshes = () => own.sandbox.requests().filter((e) => e.operation === 'oauthToken' && (e.body as { grant_type?: string })?.grant_type === 'refresh_token').length;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-oauth-host-'));
    own = await ownSandbox({ seed: 'demo', oauthRequireSecret: true, dataFile: path.join(dir, 'account.json') });
    await configure({ [CLIENT_ID_SETTING]: DEMO_CLIENT_ID });
    await own.container.auth.signOut();
    // What "HubSpot: Set OAuth Client Secret" keeps (its input box is not answerable here).
    await own.container.context.secrets.store(`hubspotTasks.oauth.clientSecret@${DEMO_CLIENT_ID}`, DEMO_CLIENT_SECRET);
    listening = own.container.notify.onDidShow((s) => shown.push(s));
  });
  after(async () => {
    listening?.dispose();
    await own?.container.context.secrets.delete(`hubspotTasks.oauth.clientSecret@${DEMO_CLIENT_ID}`);
    await configure({ [CLIENT_ID_SETTING]: undefined });
    await own?.restore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Deny leaves the user signed out with a clear message; Grant signs in, finds "me" from the token, loads the tree', async () => {
    const c = own.container;
    const opened: string[] = [];
    own.hooks.openExternal = browser('deny', opened);
    assert.strictEqual(await vscode.commands.executeCommand('hubspotTasks.signInWithBrowser'), false);
    assert.strictEqual(c.auth.isSignedIn, false);
    assert.ok(shown.some((s) => s.kind === 'message' && /denied/.test(s.message)), 'said that access was denied');
    const authorize = new URL(opened[0]);
    assert.strictEqual(authorize.searchParams.get('code_challenge_method'), 'S256');
    // Through asExternalUri: code-server forwards the loopback as /proxy/<port>/ of its own origin.
    assert.match(authorize.searchParams.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/(proxy\/\d+\/)?callback$/);

    own.hooks.openExternal = browser('grant', opened);
    await c.context.globalState.update(`hubspotTasks.me.${DEMO_PORTAL_ID}`, undefined);
    own.sandbox.clearRequests();
    assert.strictEqual(await vscode.commands.executeCommand('hubspotTasks.signInWithBrowser'), true);
    assert.strictEqual(c.auth.tokenKind, 'oauth');
    assert.strictEqual(c.auth.account?.portalId, DEMO_PORTAL_ID);
    assert.strictEqual(await c.auth.me(), DEMO_OWNER_ID, 'me found by the token\'s email, nobody asked');
    assert.ok(!shown.some((s) => s.kind === 'quickPick'), 'no owner pick');
    assert.ok(own.sandbox.requests().some((e) => e.operation === 'oauthIntrospect' || e.operation === 'oauthAccessTokenInfo'));
    await reload(c);
    assert.ok(c.tree.tasks.groups().some((g) => g.tasks.length > 0), 'my tasks in the tree');
  });

  it('20 concurrent requests at expiry → exactly one refresh request, all succeed', async () => {
    const c = own.container;
    assert.strictEqual(c.auth.tokenKind, 'oauth');
    own.sandbox.oauth.expireAccessTokens();
    own.sandbox.clearRequests();
    const tasks = await Promise.all(Array.from({ length: 20 }, () => c.client.tasks.getTask('60000000001')));
    assert.strictEqual(tasks.length, 20);
    assert.strictEqual(refreshes(), 1, 'one refresh shared by 20 requests');
    assert.ok(own.sandbox.requests().filter((e) => e.operation === 'getTask' && e.status === 200).length === 20);
  });

  it('expiry in the middle of a bulk TODO creation: every TODO becomes exactly one task', async () => {
    assert.strictEqual(own.container.auth.tokenKind, 'oauth');
    const before = own.sandbox.state().tasks;
    const count = 150; // two chunks of creation (100 + 50): the token expires between them
    const folder = vscode.workspace.workspaceFolders![0];
    const file = vscode.Uri.joinPath(folder.uri, 'oauth-expiry-bulk.py');
    await vscode.workspace.fs.writeFile(file, Buffer.from(Array.from({ length: count }, (_, i) => `# TODO: oauth bulk ${i + 1}\nx${i} = ${i}\n`).join('')));
    let expired = 0;
    try {
      own.hooks.review = async (candidates) => [...candidates];
      own.hooks.afterChunk = (done) => {
        if (done > 0 && expired === 0) {
          expired = own.sandbox.oauth.expireAccessTokens();
        }
      };
      own.sandbox.clearRequests();
      const summary = await vscode.commands.executeCommand<{ created: unknown[] }>('hubspotTasks.todo.createFromFile', file);
      assert.ok(expired > 0, 'the access token expired between chunks');
      assert.strictEqual(summary?.created.length, count, 'every TODO created');
      assert.strictEqual(own.sandbox.state().tasks, before + count, 'none lost, none duplicated');
      assert.strictEqual(refreshes(), 1);
      const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
      assert.strictEqual((text.match(/TODO\(HS-\d+\)/g) ?? []).length, count, 'every TODO linked');
    } finally {
      own.hooks.review = undefined;
      own.hooks.afterChunk = undefined;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('a revoked refresh token signs out ONCE with "Sign in again"; the tokens and the secret are nowhere on disk', async () => {
    const c = own.container;
    const stored = JSON.parse((await c.context.secrets.get(tokenKeyFor(own.sandbox.url))) ?? '{}') as { accessToken?: string; refreshToken?: string };
    assert.ok(stored.accessToken && stored.refreshToken, 'the pair is in the secret store');
    own.sandbox.oauth.revokeAll();
    own.sandbox.oauth.expireAccessTokens();
    shown.length = 0;
    own.sandbox.clearRequests();
    await Promise.allSettled([c.tree.refresh(), c.tree.statusBar.refresh(true), ...Array.from({ length: 5 }, () => c.client.tasks.getTask('60000000001'))]);
    await waitFor(() => !c.auth.isSignedIn, { what: 'signed out', timeoutMs: 20_000 });
    await Promise.allSettled(Array.from({ length: 5 }, () => c.client.tasks.getTask('60000000001')));
    const expiredMessages = shown.filter((s) => s.kind === 'message' && s.items.includes('Sign in again'));
    assert.strictEqual(expiredMessages.length, 1, JSON.stringify(shown));
    assert.ok(refreshes() <= 1, `no refresh loop (${refreshes()})`);
    assert.strictEqual(await c.context.secrets.get(tokenKeyFor(own.sandbox.url)), undefined);

    const userData = path.resolve(c.context.globalStorageUri.fsPath, '..', '..', '..');
    const marker = `oauth-flush-${Date.now()}`;
    c.log.info(marker);
    await waitFor(() => filesContaining(path.join(userData, 'logs'), marker).length > 0, { what: 'the log file to be written', timeoutMs: 20_000 });
    const folder = vscode.workspace.workspaceFolders![0];
    for (const [what, secret] of [['access token', stored.accessToken], ['refresh token', stored.refreshToken], ['client secret', DEMO_CLIENT_SECRET]] as const) {
      const hits = [...filesContaining(userData, secret), ...filesContaining(folder.uri.fsPath, secret)];
      assert.deepStrictEqual(hits, [], `files holding the ${what}`);
      assert.ok(!JSON.stringify(own.sandbox.requests()).includes(secret), `the ${what} is not in the request log`);
    }
  });
});

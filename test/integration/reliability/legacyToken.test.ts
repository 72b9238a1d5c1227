// Issue 12.2 in the real extension host, with VS Code's own SecretStorage and globalState: the previous
// version kept one token under an un-keyed secret (and the account details under one globalState key).
// The auth service moves them, once, to the origin of the USER-level base URL (never to a host a
// repository's settings name), and the token then serves that origin only. The move runs when the auth
// service is built (at activation), so the test builds a second one on the host's extension context; its
// HTTP client and notifier are fakes that throw: moving a token must not talk to anyone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { AuthService } from '../../../src/auth/authService';
import { accountStateKey } from '../../../src/auth/credentialKeys';
import type { Container } from '../../../src/container';
import { activateExtension } from '../support/extension';
import { tokenKeyFor, useHost } from '../support/hosts';
import { SANDBOX_TOKEN, sandboxUrl } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';

/** Where the version before per-host tokens kept them: these names are history and must not change. */
const LEGACY_TOKEN_KEY = 'hubspotTasks.accessToken';
const LEGACY_ACCOUNT_KEY = 'hubspotTasks.account';
/** A host a cloned repository names in its .vscode/settings.json (nothing listens there). */
const WORKSPACE_BASE_URL = 'http://127.0.0.1:9';

type AuthArgs = ConstructorParameters<typeof AuthService>;

/** A stand-in that throws on any use: the migration has no business with it. */
function untouchable<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: (_target, property) => {
      if (property === 'then') {
        return undefined; // not a thenable, so `await` on a holder does not touch it
      }
      throw new Error(`the token move used ${what}.${String(property)}`);
    },
  });
}

describe('Token: the legacy un-keyed token moves once to the user-level origin (issue 12.2, in-host)', function () {
  this.timeout(60_000);
  let c: Container;
  const built: AuthService[] = [];

  function authServiceOnTheHost(): AuthService {
    const clientForToken: AuthArgs[1] = () => {
      throw new Error('the token move asked for a client');
    };
    const service = new AuthService(c.context, clientForToken, untouchable<AuthArgs[2]>('client'), c.log, untouchable<AuthArgs[4]>('notify'));
    built.push(service);
    return service;
  }

  before(async () => {
    c = await activateExtension();
    await useHost(c, sandboxUrl(), SANDBOX_TOKEN);
    // A token the harness stored has no account details yet: a sign-in reads them (portal, UI domain).
    if (!c.auth.account) {
      await c.auth.signIn(SANDBOX_TOKEN);
    }
  });

  after(() => {
    for (const service of built.splice(0)) {
      service.dispose();
    }
  });

  it('moves the token and account details to the user-level origin, not to a workspace-named host, and only once', async () => {
    const origin = new URL(sandboxUrl()).origin;
    const keyed = tokenKeyFor(sandboxUrl());
    const account = c.auth.account;
    assert.ok(account, 'signed in at the sandbox with its account details');
    const { secrets, globalState } = c.context;
    const settingsFile = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json');
    const settingsBefore = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    try {
      // A repository names another host; the user-level base URL stays the sandbox's.
      const marker = Date.now();
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({ 'hubspotTasks.baseUrl': WORKSPACE_BASE_URL, 'hubspotTasks.testMarker': marker }, null, 2));
      await waitFor(() => vscode.workspace.getConfiguration().inspect('hubspotTasks.testMarker')?.workspaceValue === marker, { what: 'VS Code to read the workspace settings', timeoutMs: 20_000 });

      // What the previous version left: the un-keyed token and account, and nothing per host yet.
      await secrets.delete(keyed);
      await globalState.update(accountStateKey(origin), undefined);
      await waitFor(() => !c.auth.isSignedIn, { what: 'the running extension to see no token for the sandbox' });
      await secrets.store(LEGACY_TOKEN_KEY, SANDBOX_TOKEN);
      await globalState.update(LEGACY_ACCOUNT_KEY, account);

      const moved = authServiceOnTheHost();
      await moved.ready;
      assert.strictEqual(await secrets.get(keyed), SANDBOX_TOKEN, 'the token is kept for the user-level origin');
      assert.strictEqual(await secrets.get(LEGACY_TOKEN_KEY), undefined, 'the un-keyed copy is gone');
      assert.strictEqual(await secrets.get(tokenKeyFor(WORKSPACE_BASE_URL)), undefined, 'nothing stored for the workspace-named host');
      assert.deepStrictEqual(globalState.get(accountStateKey(origin)), account, 'the account details moved with it');
      assert.strictEqual(globalState.get(LEGACY_ACCOUNT_KEY), undefined);
      assert.strictEqual(moved.isSignedIn, true);
      assert.strictEqual(moved.host, new URL(origin).host);
      assert.strictEqual(await moved.getToken(origin), SANDBOX_TOKEN);
      assert.strictEqual(await moved.getToken(new URL(WORKSPACE_BASE_URL).origin), undefined, 'never handed to a client of the workspace-named host');
      // The running extension follows the moved token (its secret changed).
      await waitFor(async () => c.auth.isSignedIn && (await c.auth.getToken(origin)) === SANDBOX_TOKEN, { what: 'the running extension to be signed in again' });

      // Once: an un-keyed token that shows up later (an old window still running) does not replace the host's.
      await secrets.store(LEGACY_TOKEN_KEY, 'pat-na1-00000000-0000-0000-0000-000000000000');
      const again = authServiceOnTheHost();
      await again.ready;
      assert.strictEqual(await secrets.get(keyed), SANDBOX_TOKEN, 'the host token is not overwritten');
      assert.strictEqual(await secrets.get(LEGACY_TOKEN_KEY), undefined, 'the stale un-keyed copy is dropped');
      assert.strictEqual(await again.getToken(origin), SANDBOX_TOKEN);
    } finally {
      for (const service of built.splice(0)) {
        service.dispose();
      }
      await secrets.delete(LEGACY_TOKEN_KEY);
      await globalState.update(LEGACY_ACCOUNT_KEY, undefined);
      if (!globalState.get(accountStateKey(origin))) {
        await globalState.update(accountStateKey(origin), account);
      }
      if ((await secrets.get(keyed)) !== SANDBOX_TOKEN) {
        await secrets.store(keyed, SANDBOX_TOKEN);
      }
      if (settingsBefore === undefined) {
        fs.rmSync(settingsFile, { force: true });
      } else {
        fs.writeFileSync(settingsFile, settingsBefore);
      }
      await waitFor(() => vscode.workspace.getConfiguration().inspect('hubspotTasks.testMarker')?.workspaceValue === undefined, { what: 'VS Code to drop the workspace settings', timeoutMs: 20_000 });
      await waitFor(async () => c.auth.isSignedIn && (await c.auth.getToken(origin)) === SANDBOX_TOKEN, { what: 'the running extension to be signed in at the sandbox' });
    }
  });
});

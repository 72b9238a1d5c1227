// Where the token can go, in the real extension host. (1) Another extension reading our exports finds no
// token and nothing that could get one or change the extension's behaviour. (2) A repository's
// `.vscode/settings.json` naming a server as the base URL gets that server 0 requests carrying the token.
// (3) The user moving the base URL to another host is signed out there and asked to sign in for it: the
// token signed in at one host is never sent to another.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, TEST_CONTAINER_COMMAND } from '../../../src/constants';
import type { Container } from '../../../src/container';
import { activateExtension } from '../support/extension';
import { tokenKeyFor, useHost } from '../support/hosts';
import { sandbox, SANDBOX_TOKEN, sandboxUrl } from '../support/sandbox';
import { requests } from '../tree/treeSupport';
import { waitFor } from '../../support/waitFor';
import { ownSandbox, reload, type OwnSandbox } from './support';

/** A plain HTTP server that records every request's Authorization header and answers 200 `{}`. */
async function listeningServer(): Promise<{ url: string; authorizations: (string | undefined)[]; close(): Promise<void> }> {
  const authorizations: (string | undefined)[] = [];
  const server = http.createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * What another extension can reach from `value`: every path to a function (something it could call: get a
 * token, switch limits off, sign out) or to a string holding `secret`. Follows getters and prototypes.
 */
function reachable(value: unknown, secret: string, root = 'exports'): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, at: string, depth: number): void => {
    if (depth > 8) {
      return;
    }
    if (typeof v === 'string') {
      if (v.includes(secret)) {
        found.push(`${at} (holds the token)`);
      }
      return;
    }
    if (typeof v === 'function') {
      found.push(`${at}()`);
      return;
    }
    if (!v || typeof v !== 'object' || seen.has(v)) {
      return;
    }
    seen.add(v);
    for (let o: object | null = v; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
      for (const key of Reflect.ownKeys(o)) {
        if (key === 'constructor') {
          continue;
        }
        let child: unknown;
        try {
          child = (v as Record<string | symbol, unknown>)[key];
        } catch {
          continue;
        }
        walk(child, `${at}.${String(key)}`, depth + 1);
      }
    }
  };
  walk(value, root, 0);
  return found;
}

describe('Token: not in the exports, never sent to a host it was not signed in at', function () {
  this.timeout(90_000);
  let c: Container;

  before(async () => {
    c = await activateExtension();
    await useHost(c, sandboxUrl(), SANDBOX_TOKEN);
  });

  it("another extension's view of our exports holds no token-bearing or mutating object", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(extension.isActive, true);
    assert.deepStrictEqual(reachable(extension.exports, SANDBOX_TOKEN), []);
    // The walk finds them where they are: in the Container's auth service (what activate() used to return
    // the whole of), which only the tests' command hands out now.
    const inContainer = reachable(c.auth, SANDBOX_TOKEN, 'container.auth');
    assert.ok(inContainer.includes('container.auth.getToken()'), `the walk sees the token getter: ${inContainer.slice(0, 8).join(', ')}`);
    assert.ok(inContainer.some((p) => p.includes('holds the token')), 'and the token itself');
    // The command exists because VS Code runs the extension for tests; a user's VS Code never registers it.
    assert.strictEqual(c.context.extensionMode, vscode.ExtensionMode.Test);
    assert.ok((await vscode.commands.getCommands(true)).includes(TEST_CONTAINER_COMMAND));
  });

  it('a workspace .vscode/settings.json naming a listening server as the base URL: 0 requests with the token reach it', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(folder, '.vscode', 'settings.json');
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const server = await listeningServer();
    const marker = Date.now();
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // The marker (a key no one declares) tells when VS Code has read the file.
      fs.writeFileSync(file, JSON.stringify({ 'hubspotTasks.baseUrl': server.url, 'hubspotTasks.testMarker': marker }, null, 2));
      await waitFor(() => vscode.workspace.getConfiguration().inspect('hubspotTasks.testMarker')?.workspaceValue === marker, { what: 'VS Code to read the workspace settings', timeoutMs: 20_000 });
      // Everything that sends the token: the tree, the status bar, "me", a linked-TODO read, a new client.
      await sandbox.clearRequests();
      await reload(c);
      await c.tree.statusBar.refresh(true);
      await c.auth.me();
      await c.todo.linked.read(['60000000001']);
      assert.strictEqual(c.auth.host, new URL(sandboxUrl()).host, 'the host is still the user-level one');
      assert.strictEqual(c.auth.isSignedIn, true);
      assert.ok((await requests()).length > 0, `the requests went to the user-level base URL (the server got ${server.authorizations.length}; tree ${c.tree.tasks.status.kind}; statusBar ${c.tree.statusBar.text})`);
      assert.deepStrictEqual(server.authorizations.filter((a) => a?.includes(SANDBOX_TOKEN)), [], 'no request carried the token');
      assert.strictEqual(server.authorizations.length, 0, 'no request reached the server at all');
    } finally {
      if (before === undefined) {
        fs.rmSync(file, { force: true });
        if (fs.readdirSync(path.dirname(file)).length === 0) {
          fs.rmdirSync(path.dirname(file));
        }
      } else {
        fs.writeFileSync(file, before);
      }
      await server.close();
      await waitFor(() => vscode.workspace.getConfiguration().inspect('hubspotTasks.testMarker')?.workspaceValue === undefined, { what: 'the workspace settings to go' });
    }
  });

  describe('the user moves the base URL to another host', () => {
    let own: OwnSandbox;
    let spy: Awaited<ReturnType<typeof listeningServer>>;
    before(async () => {
      spy = await listeningServer();
    });
    after(async () => {
      await spy?.close();
      if (own) {
        await own.restore();
      } else {
        await useHost(c, sandboxUrl(), SANDBOX_TOKEN);
      }
    });

    it('is signed out there (the status bar asks to sign in), and the old token reaches it in 0 requests', async () => {
      await useHost(c, spy.url);
      assert.strictEqual(c.auth.isSignedIn, false, 'signed out for the new host');
      assert.strictEqual(c.auth.host, new URL(spy.url).host);
      await c.tree.refresh();
      await c.tree.statusBar.refresh(true);
      await c.auth.me();
      assert.match(c.tree.statusBar.text, /Sign in to HubSpot/);
      assert.strictEqual(await c.auth.getToken(new URL(spy.url).origin), undefined);
      assert.strictEqual(await c.auth.getToken(new URL(sandboxUrl()).origin), undefined, 'nor for the old host while the base URL is elsewhere');
      assert.deepStrictEqual(spy.authorizations.filter((a) => a?.includes(SANDBOX_TOKEN)), []);
      assert.strictEqual(await c.context.secrets.get(tokenKeyFor(sandboxUrl())), SANDBOX_TOKEN, "the old host's token stays its own");
    });

    it('signing in there keeps that token for that host; back at the first host its own token is used again', async () => {
      own = await ownSandbox({ seed: 'demo' });
      await waitFor(() => c.auth.host === new URL(own.sandbox.url).host && !c.auth.isSignedIn, { what: 'signed out at the new sandbox' });
      assert.strictEqual(own.sandbox.requests().length, 0, 'nothing was sent to the new host before signing in there');
      await c.auth.signIn(SANDBOX_TOKEN);
      assert.strictEqual(await c.context.secrets.get(tokenKeyFor(own.sandbox.url)), SANDBOX_TOKEN);
      await useHost(c, sandboxUrl());
      await waitFor(() => c.auth.isSignedIn, { what: "signed in again with the first host's token" });
    });
  });
});

// Data of one HubSpot account never shows for another, in the extension host: after the base URL points
// elsewhere, the tree's owner names are loaded again from the new place, and "me" is the owner
// remembered for the account the token signed in at that host reaches (asked from HubSpot, not assumed).
// Tokens are kept per host: each host here is one the user signed in at.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { seedAccount } from '../../../sandbox/seed';
import { SANDBOX_TOKEN, sandboxUrl } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { useHost } from '../support/hosts';
import { ownSandbox, reload, signInAndLoad, type OwnSandbox } from './support';
import { DEMO_OWNER_ID } from '../../support/demo';

const OTHER_PORTAL = 13572468;
const OTHER_ME = '75000002';

/** Forwards to `target`, answering account details with another portal id: "another account". */
async function otherPortalProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers.host;
    const upstream = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers }, (answer) => {
      if (!req.url?.startsWith('/account-info/v3/details') || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = JSON.stringify({ ...JSON.parse(Buffer.concat(chunks).toString('utf8')), portalId: OTHER_PORTAL });
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('Reliability: owner names and "me" follow the account (base URL change)', function () {
  this.timeout(120_000);
  let own: OwnSandbox;
  let dir: string;
  let proxy: { url: string; close(): Promise<void> };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-account-'));
    // Account B: the demo account with every owner renamed, so whose names show is visible.
    const account = seedAccount('demo', Date.now());
    for (const owner of account.owners) {
      owner.firstName = `B-${owner.firstName}`;
    }
    const dataFile = path.join(dir, 'account-b.json');
    fs.writeFileSync(dataFile, JSON.stringify(account));
    own = await ownSandbox({ dataFile });
    await signInAndLoad(own.container, SANDBOX_TOKEN);
    proxy = await otherPortalProxy(own.sandbox.url);
    await own.container.context.globalState.update(`hubspotTasks.me.${OTHER_PORTAL}`, undefined);
  });
  after(async () => {
    await own.container.context.globalState.update(`hubspotTasks.me.${OTHER_PORTAL}`, undefined);
    await own.container.tree.tasks.setFilters({ owner: 'mine', hideCompleted: true, statuses: [], text: '' });
    await proxy?.close();
    await own?.restore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('owner names in the tree are loaded again after the base URL changes', async () => {
    const c = own.container;
    const { tasks } = c.tree;
    await vscode.commands.executeCommand('hubspotTasks.tasks.focus');
    await tasks.setFilters({ owner: 'all', hideCompleted: true, statuses: [], text: '' });
    await reload(c);
    const nameIn = (prefix: boolean) => () => {
      const name = tasks.ownerName(DEMO_OWNER_ID);
      return name !== undefined && name.startsWith('B-') === prefix && name;
    };
    const inB = await waitFor(nameIn(true), { what: "account B's owner names" });
    await useHost(c, sandboxUrl(), SANDBOX_TOKEN);
    await reload(c);
    const inRun = await waitFor(nameIn(false), { what: "the run's sandbox owner names after the base URL changed" });
    assert.strictEqual(inB, `B-${inRun}`);
    await useHost(c, own.sandbox.url, SANDBOX_TOKEN);
    await reload(c);
    assert.strictEqual(await waitFor(nameIn(true), { what: "account B's names again" }), inB);
  });

  it('"me" is the owner remembered for the account the base URL reaches', async () => {
    const c = own.container;
    await c.tree.tasks.setFilters({ owner: 'mine', hideCompleted: true, statuses: [], text: '' });
    assert.strictEqual(await c.auth.me(), DEMO_OWNER_ID);
    const portal = c.auth.account!.portalId;
    assert.notStrictEqual(portal, OTHER_PORTAL);

    // Another host: signed out there until the user signs in for it; that token reaches another account,
    // where nothing is remembered yet, so the tree asks who I am.
    await useHost(c, proxy.url);
    assert.strictEqual(c.auth.isSignedIn, false, 'a new host: sign in for it');
    await c.auth.signIn(SANDBOX_TOKEN);
    assert.strictEqual(await c.auth.me(), undefined);
    assert.strictEqual(c.auth.account?.portalId, OTHER_PORTAL, 'the account was asked from HubSpot');
    await reload(c);
    assert.strictEqual(c.tree.tasks.status.kind, 'needs-me');
    await c.auth.setMe(OTHER_ME);

    await useHost(c, own.sandbox.url, SANDBOX_TOKEN);
    assert.strictEqual(await c.auth.me(), DEMO_OWNER_ID, 'back: the first account\'s "me"');
    assert.strictEqual(c.auth.account?.portalId, portal);
    await reload(c);
    assert.strictEqual(c.tree.tasks.status.kind, 'ready');
    assert.strictEqual(c.tree.tasks.me, DEMO_OWNER_ID);

    await useHost(c, proxy.url, SANDBOX_TOKEN);
    assert.strictEqual(await c.auth.me(), OTHER_ME, 'the other account\'s "me" was remembered for it');
    await reload(c);
    assert.strictEqual(c.tree.tasks.me, OTHER_ME);
    await useHost(c, own.sandbox.url, SANDBOX_TOKEN);
    assert.strictEqual(await c.auth.me(), DEMO_OWNER_ID);
  });
});

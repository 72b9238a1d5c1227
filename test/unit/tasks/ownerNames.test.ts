// Owner names in the tree belong to one account: after signing in to another account or pointing the
// base URL elsewhere, they are dropped and loaded again from the new account, and a load still running
// for the old account never overwrites them. Two sandboxes over real sockets, with different owners.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AccountApi, CrmApi, HubSpotApi, OwnersApi, TasksApi } from '../../../src/hubspot/api';
import type { HubSpotClient } from '../../../src/hubspot/client';
import { TaskService } from '../../../src/services/taskService';
import { silentLogger } from '../../../src/util/logger';
import { seedAccount } from '../../../sandbox/seed';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { testClient } from '../client/support/clients';
import { MemoryStore } from '../reliability/support/todoChaos';
import { DEMO_OWNER_ID as ME } from '../../support/demo';

/** What the extension's SwitchableClient does: one reference, the client behind it replaced. */
class Switchable implements HubSpotApi {
  /** Every owners load asked through this client, settled or not. */
  readonly ownerLoads: Promise<unknown>[] = [];
  constructor(public current: HubSpotClient) {}
  get tasks(): TasksApi { return this.current.tasks; }
  get owners(): OwnersApi {
    const owners = this.current.owners;
    return {
      listOwners: (o) => owners.listOwners(o),
      findOwnerByEmail: (e) => owners.findOwnerByEmail(e),
      allOwners: () => {
        const load = owners.allOwners();
        this.ownerLoads.push(load.catch(() => undefined));
        return load;
      },
    };
  }
  get crm(): CrmApi { return this.current.crm; }
  get account(): AccountApi { return this.current.account; }
}

describe('TaskService owner names follow the account', function () {
  this.timeout(30_000);
  let a: Sandbox;
  let b: Sandbox;
  let dir: string;
  const clients: HubSpotClient[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-owners-'));
    // Account B: the demo account with every owner renamed.
    const account = seedAccount('demo', Date.now());
    for (const owner of account.owners) {
      owner.firstName = `B-${owner.firstName}`;
    }
    const dataFile = path.join(dir, 'account-b.json');
    fs.writeFileSync(dataFile, JSON.stringify(account));
    [a, b] = await Promise.all([startSandbox({ seed: 'demo' }), startSandbox({ dataFile })]);
  });
  after(async () => {
    for (const client of clients) {
      client.dispose();
    }
    await Promise.all([a?.close(), b?.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const clientFor = (sandbox: Sandbox) => {
    const { client } = testClient(sandbox.url);
    clients.push(client);
    return client;
  };

  function service(client: HubSpotApi, accountKey: () => string) {
    const store = new MemoryStore();
    store.values.set('hubspotTasks.filters', { owner: 'all', hideCompleted: true, statuses: [], text: '' });
    return new TaskService({
      client, me: async () => ME, isSignedIn: () => true, onAuthenticationError: () => undefined,
      workspaceState: store, pageSize: () => 20, logger: silentLogger, accountKey,
    });
  }

  /** Waits (deadline, no fixed sleep) until `ME`'s name is known and returns it. */
  async function nameOfMe(s: TaskService): Promise<string | undefined> {
    const deadline = Date.now() + 10_000;
    while (!s.ownerName(ME) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return s.ownerName(ME);
  }

  it('another base URL (or account): names are dropped and loaded again from the new account', async () => {
    const api = new Switchable(clientFor(a));
    let account = `${a.url}#1`;
    const s = service(api, () => account);
    await s.refresh();
    const nameInA = await nameOfMe(s);
    assert.ok(nameInA && !nameInA.startsWith('B-'), `A's name: ${nameInA}`);
    b.clearRequests();
    api.current = clientFor(b);
    account = `${b.url}#1`;
    await s.refresh();
    assert.notStrictEqual(s.ownerName(ME), nameInA, 'the old account\'s names are gone at once');
    const nameInB = await nameOfMe(s);
    assert.strictEqual(nameInB, `B-${nameInA}`);
    assert.strictEqual(b.requests().filter((r) => r.operation === 'listOwners').length > 0, true, 'asked the new account');
    s.dispose();
  });

  it('the same account again: the names are not asked twice', async () => {
    const s = service(clientFor(a), () => `${a.url}#1`);
    await s.refresh();
    await nameOfMe(s);
    a.clearRequests();
    await s.refresh();
    assert.ok(s.ownerName(ME));
    assert.deepStrictEqual(a.requests().filter((r) => r.operation === 'listOwners'), []);
    s.dispose();
  });

  it('an owners load still running for the old account does not overwrite the new account\'s names', async () => {
    const api = new Switchable(clientFor(a));
    let account = `${a.url}#1`;
    a.configure({ latencyMs: 400 }); // A's answers arrive after the switch
    try {
      const s = service(api, () => account);
      const first = s.refresh();
      const deadline = Date.now() + 5_000;
      while (api.ownerLoads.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      let aAnswered = false;
      void api.ownerLoads[0].then(() => { aAnswered = true; });
      api.current = clientFor(b);
      account = `${b.url}#1`;
      await s.refresh();
      const nameInB = await nameOfMe(s);
      assert.strictEqual(aAnswered, false, 'B\'s names came first (the case under test)');
      await first;
      // A's owners answer comes in after B's names were loaded; let every load (and its handler) finish.
      await Promise.all(api.ownerLoads);
      await new Promise((resolve) => setImmediate(resolve));
      assert.strictEqual(api.ownerLoads.length, 2, 'one load per account');
      assert.ok(nameInB?.startsWith('B-'), `B's name: ${nameInB}`);
      assert.strictEqual(s.ownerName(ME), nameInB, 'still B\'s names');
      s.dispose();
    } finally {
      a.configure({ latencyMs: 0 });
    }
  });
});

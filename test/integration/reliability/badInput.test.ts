// Bad input in the real extension host: an invalid base URL, a name that does not resolve, a server that
// sends malformed, truncated, mistyped or huge answers or closes mid-body, invalid setting values and
// invalid form values. Each gives a clear message (a tree message, a sign-in refusal, a form error), the
// extension stays usable (the next good request works) and nothing rejects unhandled.
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { Commands, Views } from '../../../src/constants';
import type { Container } from '../../../src/container';
import { REPO_ROOT } from '../../harness/paths';
import { respond, startRawServer, type RawServer } from '../../unit/client/support/rawServer';
import { useHost } from '../support/hosts';
import { SANDBOX_TOKEN } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { configure, ownSandbox, reload, signInAndLoad, watchUnhandled, type OwnSandbox } from './support';
import { QUIET_SETTINGS } from '../../support/quietSettings';

const SEARCH_REPLY = (n: number) => JSON.stringify({ total: n, results: [] });

describe('Reliability: bad input in the extension host', function () {
  this.timeout(120_000);
  let own: OwnSandbox;
  let c: Container;
  let raw: RawServer;
  let mode: (socket: net.Socket) => void = (s) => respond(s, 200, SEARCH_REPLY(0));
  const watch = watchUnhandled([REPO_ROOT, 'hubspot-tasks']);

  before(async () => {
    own = await ownSandbox({ seed: 'demo' });
    c = own.container;
    // Every case makes the client retry (3 times, as always) against a bad server; the harness runs the
    // extension with a 20 ms first backoff and no pacing (test/harness/tuning.ts), so the cases do not wait
    // seconds each on timers that assert nothing here.
    await signInAndLoad(c, SANDBOX_TOKEN);
    raw = await startRawServer((_req, socket) => mode(socket));
    // The Tasks view shown, as for a user looking at it: Refresh then loads the tree and the status bar together.
    await vscode.commands.executeCommand(`${Views.tasks}.focus`);
  });
  after(async () => {
    watch.stop();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await raw?.close();
    await own?.restore();
    assert.deepStrictEqual(watch.problems, [], 'no unhandled rejection or uncaught error from our code');
  });

  /**
   * Refreshes against `baseUrl` with the Refresh command (the tree and the status bar, each retrying as
   * the client does); returns the message the tree shows. Then proves recovery.
   */
  async function treeMessageFor(baseUrl: string): Promise<string> {
    // Signed in at that host, as a user who pointed the extension there would be (tokens are kept per host).
    await useHost(c, baseUrl, SANDBOX_TOKEN);
    await vscode.commands.executeCommand(Commands.refresh);
    await c.tree.tasks.ensureLoaded();
    await waitFor(() => c.tree.tasks.groups().every((g) => !g.loading), { what: 'groups to finish loading', timeoutMs: 30_000 });
    const roots = await c.tree.provider.getChildren();
    const texts: string[] = [];
    for (const node of roots) {
      if (node.kind === 'message') {
        texts.push(node.text, node.tooltip ?? '');
      }
      if (node.kind === 'group') {
        for (const child of await c.tree.provider.getChildren(node)) {
          if (child.kind === 'message') {
            texts.push(child.text, child.tooltip ?? '');
          }
        }
      }
    }
    const status = c.tree.tasks.status;
    if (status.kind === 'offline') {
      texts.push(status.message);
    }
    const message = texts.filter(Boolean).join(' | ');
    // Usable again as soon as the URL is right: the next refresh loads the groups.
    await useHost(c, own.sandbox.url, SANDBOX_TOKEN);
    await reload(c);
    await waitFor(() => c.tree.tasks.status.kind === 'ready' && c.tree.tasks.groups().some((g) => g.tasks.length > 0), { what: 'the tree to recover', timeoutMs: 20_000 });
    return message;
  }

  const clear = (message: string) => {
    assert.ok(message.length > 10, `a message is shown: "${message}"`);
    assert.doesNotMatch(message, /\[object Object\]|undefined|TypeError|^\s*at /m);
  };

  it('an invalid base URL ("not a url"): signed out there (no host has a token for it), then usable', async () => {
    await useHost(c, 'not a url');
    assert.strictEqual(c.auth.isSignedIn, false);
    assert.deepStrictEqual(await c.tree.provider.getChildren(), [], 'the sign-in welcome view, no tree');
    await useHost(c, own.sandbox.url, SANDBOX_TOKEN);
    await reload(c);
    assert.strictEqual(c.tree.tasks.status.kind, 'ready');
  });

  it('a DNS failure (http://nonexistent.invalid): says HubSpot could not be reached, then usable', async () => {
    const message = await treeMessageFor('http://nonexistent.invalid');
    clear(message);
    assert.match(message, /reach|unreachable|offline|ENOTFOUND|EAI_AGAIN/i);
  });

  const serverCases: [string, (s: net.Socket) => void][] = [
    ['truncated JSON', (s) => respond(s, 200, SEARCH_REPLY(3).slice(0, 12))],
    ['wrong types (total is a string, results an object)', (s) => respond(s, 200, JSON.stringify({ total: 'many', results: { a: 1 } }))],
    ['missing fields (a task without id or properties)', (s) => respond(s, 200, JSON.stringify({ total: 1, results: [{}] }))],
    ['an HTML error page', (s) => respond(s, 502, '<html><h1>502 Bad Gateway</h1></html>', { 'Content-Type': 'text/html' })],
    ['a huge answer (2 MB of garbage)', (s) => respond(s, 200, `{"total": 1, "results": [${'9'.repeat(2_000_000)}`)],
    ['the server closing mid-body', (s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9000\r\n\r\n{"total": 5, "results": [');
      setImmediate(() => s.destroy());
    }],
  ];
  for (const [name, serve] of serverCases) {
    it(`a server sending ${name}: a clear message in the tree, then usable`, async () => {
      mode = serve;
      raw.requests.length = 0;
      clear(await treeMessageFor(raw.url));
      const limits = raw.requests.map((r) => (JSON.parse(r.body || '{}') as { limit?: number }).limit);
      assert.ok(limits.includes(1), `the status bar's count met the bad answer too (limits ${limits.join(',')})`);
      assert.ok(limits.some((l) => l !== undefined && l > 1), `the tree's search met it (limits ${limits.join(',')})`);
    });
  }

  it('sign-in against an invalid URL or a dead host is refused with a reason, and stores nothing new', async () => {
    for (const url of ['not a url', 'http://nonexistent.invalid']) {
      await configure({ 'hubspotTasks.baseUrl': url });
      try {
        await c.auth.signIn(SANDBOX_TOKEN);
        assert.fail(`sign-in against ${url} must fail`);
      } catch (error) {
        const e = error as { reason?: string; message: string };
        assert.strictEqual(e.reason, 'network', `${url}: ${e.message}`);
        clear(e.message);
      }
    }
    await useHost(c, own.sandbox.url, SANDBOX_TOKEN);
    await c.auth.signIn(SANDBOX_TOKEN);
  });

  it('invalid setting values do not break the tree, the status bar or the requests', async () => {
    const bad: Record<string, unknown>[] = [
      { 'hubspotTasks.pageSize': -5 }, { 'hubspotTasks.pageSize': 'abc' }, { 'hubspotTasks.pageSize': 1e9 }, { 'hubspotTasks.pageSize': 2.5 },
      { 'hubspotTasks.autoRefreshMinutes': -1 }, { 'hubspotTasks.autoRefreshMinutes': 'often' },
      { 'hubspotTasks.statusBar.whenSignedOut': 'bogus' }, { 'hubspotTasks.reminders.enabled': 'yes' },
      { 'hubspotTasks.ownerEmail': 42 }, { 'hubspotTasks.refreshOnFocus': 'no' },
      { 'hubspotTasks.todo.linkFormat': 'garbage {id}' }, { 'hubspotTasks.todo.linkFormat': 42 }, { 'hubspotTasks.todo.tags': 'TODO' },
      { 'hubspotTasks.todo.defaultDueInDays': 'soon' }, { 'hubspotTasks.todo.defaultAssociations': '@contact:1' }, { 'hubspotTasks.todo.duplicateCheckSeconds': null },
    ];
    for (const values of bad) {
      await configure(values);
      await own.sandbox.clearRequests();
      await reload(c);
      await c.tree.statusBar.refresh(true);
      const label = JSON.stringify(values);
      assert.strictEqual(c.tree.tasks.status.kind, 'ready', `${label}: the tree loads`);
      const searches = own.sandbox.requests().filter((r) => r.operation === 'searchTasks');
      assert.ok(searches.length > 0 && searches.every((r) => r.status === 200), `${label}: every search accepted (${searches.map((r) => r.status).join(',')})`);
      assert.match(c.tree.statusBar.text, /^\$\(checklist\) /, `${label}: the status bar shows`);
      if (Object.keys(values)[0].startsWith('hubspotTasks.todo.')) {
        // The TODO feature still turns a TODO into a linked task with these values.
        const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `reliability-settings-${bad.indexOf(values)}.py`);
        await vscode.workspace.fs.writeFile(file, Buffer.from('# TODO: settings check\n'));
        try {
          own.hooks.review = async (candidates) => [...candidates];
          const summary = await vscode.commands.executeCommand<{ created: { linked: boolean }[] }>('hubspotTasks.todo.createFromFile', file);
          assert.strictEqual(summary?.created.length, 1, `${label}: the TODO became a task`);
        } finally {
          await vscode.commands.executeCommand('workbench.action.closeAllEditors');
          await vscode.workspace.fs.delete(file);
        }
      }
      // Only the key just changed goes back (to the quiet value, or unset): one settings write, not six.
      await configure(Object.fromEntries(Object.keys(values).map((k) => [k, (QUIET_SETTINGS as Record<string, unknown>)[k]])));
    }
    // A base URL that is not a string: the default (HubSpot) is used, where this token was never signed in
    // (signed out, nothing sent); nothing throws; then back.
    await configure({ 'hubspotTasks.baseUrl': 42 });
    await waitFor(() => c.auth.host === 'api.hubapi.com', { what: 'the default host' });
    await reload(c);
    await useHost(c, own.sandbox.url, SANDBOX_TOKEN);
    await reload(c);
    assert.strictEqual(c.tree.tasks.status.kind, 'ready');
  });

  it('invalid form values and malformed messages: field errors or ignored, never written, never a crash', async () => {
    const panel = c.taskEditors.edit('60000000002');
    await panel.loaded;
    const fields = panel.baseline.fields;
    const garbage: unknown[] = [
      null, 'save', 42, [], {}, { type: 'save' }, { type: 'save', draft: null }, { type: 'save', draft: 'x' },
      { type: 'save', draft: { ...fields, subject: 42 } }, { type: 'save', draft: { ...fields, dueAt: 'tomorrow-ish' } },
      { type: 'save', draft: { ...fields, associations: 'all' } }, { type: 'search', objectType: 'users', query: 'x' },
      { type: 'resolveConflict', choice: 'rm -rf' }, { type: 'unknown-type' }, { type: '__proto__', polluted: true },
    ];
    await own.sandbox.clearRequests();
    for (const message of garbage) {
      await panel.receive(message);
    }
    const invalid: [string, Record<string, unknown>][] = [
      ['empty subject', { subject: '   ' }],
      ['no due date', { dueAt: null }],
      ['a date in year 275760+', { dueAt: 8.64e15 + 1 }],
      ['an unknown status', { status: 'DONE-ISH' }],
      ['an unknown owner', { ownerId: '<script>' }],
    ];
    for (const [what, change] of invalid) {
      const before = panel.posted.length;
      await panel.receive({ type: 'save', draft: { ...fields, ...change } });
      const answers = panel.posted.slice(before).map((m) => m.type);
      assert.ok(answers.includes('saveFailed') || answers.length === 0, `${what}: refused (${answers.join(',')})`);
      const failed = panel.posted.slice(before).find((m) => m.type === 'saveFailed') as { message?: string; fieldErrors?: unknown } | undefined;
      if (failed) {
        assert.ok(JSON.stringify(failed).length > 20, `${what}: says why`);
      }
    }
    const writes = own.sandbox.requests().filter((r) => r.method !== 'GET' && r.operation !== 'searchTasks' && !String(r.operation).startsWith('search') && !String(r.operation).startsWith('batchRead'));
    assert.deepStrictEqual(writes.filter((r) => r.status < 400).map((r) => r.operation), [], 'nothing invalid was written');
    assert.ok(!Object.prototype.hasOwnProperty.call({}, 'polluted'), 'no prototype pollution');
    // Still usable: a valid save goes through.
    const before = panel.posted.length;
    await panel.receive({ type: 'save', draft: { ...fields, priority: fields.priority === 'HIGH' ? 'LOW' : 'HIGH' } });
    assert.ok(panel.posted.slice(before).some((m) => m.type === 'saved'), 'a valid save still works');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

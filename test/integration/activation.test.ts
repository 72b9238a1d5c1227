// The extension in a real extension host: it activates, everything package.json promises is really there,
// it reads its settings, and SecretStorage (where the token lives) works.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, configurationProperties, manifest, ourExtension } from './support/extension';
import { sandboxUrl } from './support/sandbox';
import { waitFor } from '../support/waitFor';

describe('Activation (in the extension host)', () => {
  it('activates without error, exports nothing, and hands the Container to the tests only', async () => {
    const container = await activateExtension();
    assert.strictEqual(ourExtension().isActive, true);
    assert.strictEqual(ourExtension().exports, undefined, 'activate() returns nothing: other extensions can read the exports');
    assert.ok(container.context, 'the Container exposes its ExtensionContext');
    assert.strictEqual(container.context.extension.id, ourExtension().id);
  });

  it('registers a handler for every command declared in package.json', async () => {
    await activateExtension();
    const declared = (manifest().contributes.commands ?? []).map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json declares commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `declared in package.json but never registered: ${missing.join(', ')}`);
  });

  it('makes every view and view container declared in package.json known to the workbench', async () => {
    await activateExtension();
    const m = manifest();
    const registered = new Set(await vscode.commands.getCommands(true));
    const views = Object.values(m.contributes.views ?? {}).flat();
    const containers = Object.values(m.contributes.viewsContainers ?? {}).flat();
    // The workbench registers `<viewId>.focus` for each view it accepted and
    // `workbench.view.extension.<containerId>` for each container: their absence means a broken contribution.
    const missing = [
      ...views.map((v) => `${v.id}.focus`),
      ...containers.map((c) => `workbench.view.extension.${c.id}`),
    ].filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `views / containers the workbench does not know: ${missing.join(', ')}`);
    for (const view of views) {
      await vscode.commands.executeCommand(`${view.id}.focus`);
    }
  });

  it('reads its configuration: the base URL points at the sandbox and every setting has its declared default', async () => {
    await activateExtension();
    const config = vscode.workspace.getConfiguration();
    assert.strictEqual(config.get('hubspotTasks.baseUrl'), sandboxUrl());
    const properties = configurationProperties();
    assert.ok(Object.keys(properties).length > 0, 'package.json declares settings');
    for (const [key, schema] of Object.entries(properties)) {
      if (!('default' in schema)) {
        continue;
      }
      assert.deepStrictEqual(config.inspect(key)?.defaultValue, schema.default, `default of ${key}`);
    }
  });

  it('round-trips a secret through SecretStorage and announces each change', async () => {
    const { secrets } = (await activateExtension()).context;
    const key = 'hubspotTasks.test.roundTrip';
    const value = `secret-${Date.now()}`;
    const changed: string[] = [];
    const listener = secrets.onDidChange((event) => changed.push(event.key));
    try {
      await secrets.store(key, value);
      assert.strictEqual(await secrets.get(key), value);
      await secrets.delete(key);
      assert.strictEqual(await secrets.get(key), undefined);
      // The change events cross to the workbench and back: wait for both rather than sleep.
      await waitFor(() => changed.filter((k) => k === key).length >= 2, { what: 'two onDidChange events', timeoutMs: 5000 });
      assert.deepStrictEqual(changed.filter((k) => k === key), [key, key]);
    } finally {
      listener.dispose();
      await secrets.delete(key);
    }
  });
});

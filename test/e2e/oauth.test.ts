// "Sign in with HubSpot (browser)" as a user does it, in a real browser against code-server with the packaged
// extension: the command opens the sandbox's consent page in a new tab (the redirect goes through code-server's
// port forwarding, asExternalUri); Deny leaves the user signed out and says so; Grant signs in, "me" comes from
// the token (no owner question) and the Tasks view shows the demo user's tasks.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { DEMO_CLIENT_ID } from '../../sandbox/server';
import { writeUserSettings } from '../harness/runDirs';
import { stack } from './support/hooks';
import { resetSandbox } from './support/sandboxApi';
import { openActivity, openWorkbench, runCommand, viewPane, waitForNotification, Workbench } from './support/workbench';

describe('OAuth sign-in (browser, packaged extension)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    resetSandbox();
    writeUserSettings(stack().dirs, { 'hubspotTasks.oauth.clientId': DEMO_CLIENT_ID });
    workbench = await openWorkbench({ fullTitle: () => 'oauth' } as Mocha.Runnable);
  });
  after(async () => {
    await workbench?.close();
    writeUserSettings(stack().dirs, { 'hubspotTasks.oauth.clientId': '' });
  });

  /** Runs the command; the consent page opens in a new tab, where `decision` is pressed. */
  async function consent(decision: 'grant' | 'deny'): Promise<Page> {
    const opened = workbench.context.waitForEvent('page');
    await runCommand(workbench.page, 'HubSpot: Sign In with HubSpot (Browser)');
    const tab = await opened;
    await tab.locator(`#${decision}`).waitFor({ state: 'visible' });
    await tab.screenshot({ path: await workbench.screenshot(`consent-before-${decision}`) });
    await tab.locator(`#${decision}`).click();
    // Back at the extension's loopback (through code-server's forwarding): its one-line page.
    await tab.getByText(decision === 'grant' ? 'Signed in to HubSpot' : 'HubSpot did not sign you in').waitFor({ state: 'visible', timeout: 15_000 })
      .catch(async (e: Error) => { throw new Error(`${e.message}\nat ${tab.url()}: ${(await tab.content()).slice(0, 400)}`); });
    return tab;
  }

  it('Deny: signed out, with a clear message', async () => {
    await openActivity(workbench.page, 'HubSpot');
    const tab = await consent('deny');
    await tab.close();
    await waitForNotification(workbench.page, /Access was denied in HubSpot/);
    await workbench.screenshot('denied');
    await viewPane(workbench.page, 'Tasks').getByText('Sign in to see your HubSpot tasks').waitFor({ state: 'visible' });
  });

  it('Grant: signed in as the demo user without choosing an owner; the tree shows their tasks', async () => {
    const tab = await consent('grant');
    await tab.close();
    await waitForNotification(workbench.page, /Signed in to HubSpot portal/);
    const rows = viewPane(workbench.page, 'Tasks').locator('.monaco-list-row').filter({ hasNotText: /Choose which HubSpot owner|Show everyone's tasks|Sign in/ });
    await rows.first().waitFor({ state: 'visible' });
    assert.ok((await rows.count()) > 0, 'task rows');
    assert.strictEqual(await workbench.page.locator('.quick-input-widget', { hasText: 'Which HubSpot owner are you?' }).count(), 0, 'nobody asked which owner');
    await workbench.screenshot('tasks-tree');
  });
});

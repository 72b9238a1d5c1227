// One user flow under HubSpot's date version 2026-09, in a real browser against code-server with the packaged
// extension (issue 14): signed in on the default (v3), the user picks "2026-09" for `hubspotTasks.apiVersion` in
// the Settings editor; without a reload the tree refreshes and a task completed from it go to
// `/crm/objects/2026-09/…`, and nothing goes to the legacy paths any more.
// Screenshots: test-results/screenshots/api-version/NN-step.png.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { writeUserSettings } from '../harness/runDirs';
import { waitFor } from '../support/waitFor';
import { stack } from './support/hooks';
import { resetSandbox } from './support/sandboxApi';
import { signIn } from './support/signIn';
import { openWorkbench, runCommand, viewPane, type Workbench } from './support/workbench';

const SETTING = 'hubspotTasks.apiVersion';

describe('API version 2026-09 (browser, packaged extension)', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let page: Page;

  const rows = () => viewPane(page, 'Tasks').locator('.monaco-list-row');
  const apiRequests = () => stack().sandbox.requests().filter((r) => !r.path.startsWith('/__sandbox/'));

  before(async () => {
    resetSandbox();
    workbench = await openWorkbench({ fullTitle: () => 'api-version' } as Mocha.Runnable);
    page = workbench.page;
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench.screenshot('failure').catch(() => undefined);
    }
  });
  after(async () => {
    // Back to the default for the files after this one (the user settings belong to the whole stack; each
    // file's workbench reads them when it opens).
    writeUserSettings(stack().dirs, { [SETTING]: undefined });
    await workbench?.close();
  });

  /** Picks the version in the Settings editor, as a user does. */
  async function chooseApiVersion(version: string): Promise<void> {
    await page.keyboard.press('Escape');
    await runCommand(page, 'Preferences: Open Settings (UI)');
    // The search box is a Monaco editor (not a fillable input): click it and type.
    const search = page.locator('.settings-editor .settings-header .suggest-input-container').first();
    await search.waitFor({ timeout: 20_000 });
    await search.click();
    await page.keyboard.type(SETTING);
    // The list re-renders while the search settles: click the control of the settled list, again until its
    // drop-down opens.
    await page.locator('.settings-editor', { hasText: '1 Setting Found' }).waitFor({ timeout: 20_000 });
    const select = page.locator('.settings-editor .setting-item-enum select').first();
    const option = page.locator('.monaco-select-box-dropdown-container .monaco-list-row', { hasText: version }).first();
    await waitFor(async () => {
      if (!(await option.isVisible())) {
        await select.click({ timeout: 5_000 });
      }
      return option.isVisible();
    }, { what: `the ${SETTING} drop-down`, timeoutMs: 30_000, intervalMs: 500 });
    await option.click();
    await page.locator('.settings-editor .setting-item-enum select', { hasText: version }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await workbench.screenshot(`setting-${version}`);
    assert.strictEqual(await select.inputValue(), version, `${SETTING} shows ${version}`);
    // The Settings editor opens as a modal here: Escape (focus in it) closes it, as a user does.
    const settings = page.locator('.settings-editor').first();
    await waitFor(async () => {
      if (await settings.isVisible()) {
        await page.keyboard.press('Escape');
      }
      return !(await settings.isVisible());
    }, { what: 'the Settings editor to close', timeoutMs: 15_000, intervalMs: 300 });
  }

  it('set to 2026-09 in the Settings editor: the tree and a completion go to /crm/objects/2026-09 without a reload', async () => {
    await signIn(page);
    const taskRows = rows().filter({ hasNotText: /Choose which HubSpot owner|Show everyone's tasks|Sign in/ });
    await taskRows.first().waitFor({ state: 'visible' });
    assert.ok(apiRequests().some((r) => r.path === '/crm/v3/objects/tasks/search'), 'signed in on the default, v3');
    await workbench.screenshot('tree-on-v3');

    await chooseApiVersion('2026-09');
    stack().sandbox.clearRequests();
    // The change reaches the extension host as a configuration change, no reload: refresh until the searches are dated.
    await waitFor(async () => {
      await runCommand(page, 'HubSpot: Refresh Tasks');
      return waitFor(() => apiRequests().some((r) => r.path === '/crm/objects/2026-09/tasks/search'), { what: 'a dated search', timeoutMs: 3_000 })
        .then(() => true, () => false);
    }, { what: 'the tree to search through /crm/objects/2026-09/tasks/search', timeoutMs: 60_000 });
    await taskRows.first().waitFor({ state: 'visible' });
    stack().sandbox.clearRequests();

    // Complete a task due today from its inline action.
    const today = rows().filter({ hasText: /^Today \(/ }).first();
    if ((await today.getAttribute('aria-expanded')) !== 'true') {
      await today.locator('.monaco-tl-twistie').click();
    }
    const first = rows().filter({ hasText: /today/ }).filter({ hasNotText: /^Today \(/ }).first();
    await first.waitFor({ state: 'visible' });
    const subject = (await first.locator('.label-name').textContent())?.trim() ?? '';
    assert.ok(subject, 'a task due today');
    const task = rows().filter({ hasText: subject }).first();
    const rowsBefore = await rows().filter({ hasText: subject }).count();
    await task.hover();
    await workbench.screenshot('tree-on-2026-09');
    // The refreshes above may still repaint the rows under the pointer: click again until the update is sent
    // (completing twice writes the same value).
    const sent = () => apiRequests().find((r) => r.operation === 'updateTask' || r.operation === 'batchUpdateTasks');
    const update = await waitFor(async () => {
      if (!sent() && (await task.isVisible())) {
        await task.hover();
        await task.locator('.action-label[aria-label^="Mark Task Complete"]').click({ timeout: 5_000 }).catch(() => undefined);
      }
      return waitFor(sent, { what: 'the update', timeoutMs: 3_000 }).catch(() => undefined);
    }, { what: 'the completion to reach the sandbox', timeoutMs: 30_000 });
    assert.match(update.path, /^\/crm\/objects\/2026-09\/tasks\/\d+$/);
    assert.strictEqual(update.status, 200);
    assert.deepStrictEqual(update.body, { properties: { hs_task_status: 'COMPLETED' } });
    await waitFor(async () => (await rows().filter({ hasText: subject }).count()) === rowsBefore - 1, { what: 'the completed task to leave the tree', timeoutMs: 20_000 });
    await workbench.screenshot('completed-on-2026-09');

    const legacy = apiRequests().filter((r) => r.apiVersion !== '2026-09');
    assert.deepStrictEqual(legacy.map((r) => `${r.method} ${r.path}`), [], 'nothing went to the legacy paths after the switch');
  });
});

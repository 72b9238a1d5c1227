// One user flow under HubSpot's date version 2026-09, in a real browser against code-server with the packaged
// extension (issue 14): signed in on the default (v3), the user picks "2026-09" for `hubspotTasks.apiVersion` in
// "HubSpot: Choose API Version…" (which writes the setting through the workbench, as the Settings editor does);
// without a reload the tree refreshes and a task completed from it go to
// `/crm/objects/2026-09/…`, and nothing goes to the legacy paths any more.
// Screenshots: test-results/screenshots/api-version/NN-step.png.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { writeUserSettings } from '../harness/runDirs';
import { waitFor } from '../support/waitFor';
import { chooseApiVersion } from './support/apiVersion';
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

  it('chosen with "HubSpot: Choose API Version": the tree and a completion go to /crm/objects/2026-09 without a reload', async () => {
    await signIn(page);
    const taskRows = rows().filter({ hasNotText: /Choose which HubSpot owner|Show everyone's tasks|Sign in/ });
    await taskRows.first().waitFor({ state: 'visible' });
    assert.ok(apiRequests().some((r) => r.path === '/crm/v3/objects/tasks/search'), 'signed in on the default, v3');
    await workbench.screenshot('tree-on-v3');

    await chooseApiVersion(page, '2026-09', () => workbench.screenshot('choose-api-version'));
    stack().sandbox.clearRequests();
    // No reload: the next refresh searches through the dated path.
    await runCommand(page, 'HubSpot: Refresh Tasks');
    await waitFor(() => apiRequests().some((r) => r.path === '/crm/objects/2026-09/tasks/search'), { what: 'the tree to search through /crm/objects/2026-09/tasks/search', timeoutMs: 20_000 });
    assert.deepStrictEqual(apiRequests().filter((r) => r.apiVersion !== '2026-09').map((r) => `${r.method} ${r.path}`), [], 'nothing to the legacy paths after the choice');
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

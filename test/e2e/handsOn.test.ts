// What a hands-on run found (issue 19.7), as a user sees it in the browser at the default side-bar width:
// the signed-out welcome does not ask `npm start` users to set the base URL it already set; "Checking the
// token…" is not left on screen beside "Signed in"; the active filters show as rows; an unreachable HubSpot
// shows as "stale" (with its time) in the view's message row, whole, and in the status bar; a linked TODO's hover
// shows the portal's labels (not NOT_STARTED) and the due time like the rest, without seconds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { ApiTask } from '../../src/hubspot/types';
import { DEMO_OWNER_ID } from '../support/demo';
import { waitFor } from '../support/waitFor';
import { stack } from './support/hooks';
import { resetSandbox, sandboxApi } from './support/sandboxApi';
import { signIn } from './support/signIn';
import { openActivity, openWorkbench, quickInput, runCommand, viewPane, type Workbench } from './support/workbench';

describe('Hands-on fixes (browser)', function () {
  this.timeout(120_000);
  let workbench: Workbench;
  let page: Page;

  const tasksPane = () => viewPane(page, 'Tasks');
  const rows = () => tasksPane().locator('.monaco-list-row');
  /** The tree's message row (TreeView.message), above the rows. */
  const messageRow = () => tasksPane().locator('.tree-explorer-viewlet-tree-view > .message');
  const dueItem = () => page.locator('.statusbar-item', { hasText: /\d+ due/ }).first();

  /** The title action (hover the side bar's title first: its actions show on hover). */
  async function titleAction(label: string): Promise<void> {
    await page.locator('.part.sidebar .composite.title').hover();
    const action = page.locator(`.part.sidebar .action-label[aria-label^="${label}"]`).first();
    await action.waitFor({ state: 'visible' });
    await action.click();
  }

  /** Nothing of `element`'s text is cut off: it fits its own box (wraps instead of an ellipsis). */
  async function shownWhole(element: Locator): Promise<boolean> {
    return element.evaluate((node: { scrollWidth: number; clientWidth: number }) => node.clientWidth > 0 && node.scrollWidth <= node.clientWidth + 1);
  }

  before(async () => {
    resetSandbox();
    workbench = await openWorkbench({ fullTitle: () => 'hands-on' } as Mocha.Runnable);
    page = workbench.page;
  });

  after(async () => {
    stack().sandbox.configure({ faults: null });
    await workbench?.close();
  });

  it('signed out with the sandbox\'s base URL already set: the welcome does not ask to set it', async () => {
    await openActivity(page, 'HubSpot');
    await tasksPane().getByText('Sign in to see your HubSpot tasks').waitFor({ state: 'visible' });
    // The stack (like `npm start`) pointed hubspotTasks.baseUrl at the sandbox.
    await tasksPane().getByText('points to a server other than HubSpot\'s', { exact: false }).waitFor({ state: 'visible' });
    assert.strictEqual(await tasksPane().getByText('No account at hand?', { exact: false }).count(), 0, 'no "set the base URL to http://127.0.0.1:4010"');
    await workbench.screenshot('welcome-custom-base-url');
  });

  it('"Checking the token…" is not left on screen beside "Signed in"', async () => {
    let checkingBesideSignedIn = -1;
    await signIn(page, {
      onStep: async (step) => {
        if (step === 'signed-in') {
          checkingBesideSignedIn = await page.locator('.notification-toast', { hasText: /Checking the token/ }).count();
          await workbench.screenshot('signed-in');
        }
      },
    });
    assert.strictEqual(checkingBesideSignedIn, 0, 'no "Checking the token…" toast while "Signed in" shows');
    await rows().filter({ hasText: /^Overdue \(\d+\)/ }).first().waitFor({ state: 'visible' });
  });

  it('every active filter shows as a row the default side bar width does not cut', async () => {
    await runCommand(page, 'HubSpot: Search Tasks…');
    const input = (await quickInput(page)).locator('input');
    await input.fill('call');
    await input.press('Enter');
    await runCommand(page, 'HubSpot: Show or Hide Completed Tasks');
    const search = rows().filter({ hasText: 'Search: call' }).first();
    const completed = rows().filter({ hasText: 'Completed tasks shown' }).first();
    await search.waitFor({ state: 'visible' });
    await completed.waitFor({ state: 'visible' });
    for (const row of [search, completed]) {
      assert.ok(await shownWhole(row.locator('.monaco-icon-label-container').first()), `${await row.textContent()} fits the side bar`);
    }
    await page.mouse.move(900, 450);
    await workbench.screenshot('filter-rows');
    await runCommand(page, 'HubSpot: Clear Task Filters');
    await search.waitFor({ state: 'detached' });
  });

  it('a linked TODO\'s hover shows the portal\'s labels and the due time without seconds', async () => {
    const due = new Date();
    due.setHours(23, 45, 0, 0);
    const task = await sandboxApi<ApiTask>('POST', '/crm/v3/objects/tasks', { properties: {
      hs_task_subject: 'Labels, not values', hs_timestamp: String(due.getTime()), hs_task_status: 'WAITING', hs_task_priority: 'HIGH', hubspot_owner_id: DEMO_OWNER_ID,
    } });
    const name = `hands-on-${task.id}.ts`;
    fs.writeFileSync(path.join(stack().workspace, name), `// TODO(HS-${task.id}): labels, not values\nexport const x = 1;\n`);
    await page.keyboard.press('Control+P');
    const quickOpen = (await quickInput(page)).locator('input').first();
    await quickOpen.fill(name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
    await quickOpen.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const line = editor.locator('.view-line', { hasText: `HS-${task.id}` }).first();
    await line.waitFor({ timeout: 30_000 });
    const hover = page.locator('.monaco-hover', { hasText: `HS-${task.id}` }).first();
    await waitFor(async () => {
      if (!(await hover.isVisible())) {
        const box = await line.boundingBox();
        await page.mouse.move(700, 600);
        await page.mouse.move((box?.x ?? 0) + 75, (box?.y ?? 0) + 8); // on "HS-…" of "// TODO(HS-…"
      }
      return hover.filter({ hasText: 'Status:' }).isVisible();
    }, { what: 'the linked TODO\'s hover', timeoutMs: 30_000, intervalMs: 500 });
    const text = (await hover.textContent()) ?? '';
    assert.ok(text.includes('Status: Waiting on someone else'), `the sandbox's label of WAITING: ${text}`);
    assert.ok(text.includes('Priority: High'), text);
    assert.doesNotMatch(text, /\bWAITING\b|\bHIGH\b|NOT_STARTED/, 'no raw values');
    assert.match(text, /Due: .*\b(11:45\s?PM|23:45)/, text);
    assert.doesNotMatch(text, /\d:\d\d:\d\d/, 'no seconds');
    await workbench.screenshot('linked-todo-hover');
    await page.keyboard.press('Escape');
    await page.mouse.move(900, 450);
    await runCommand(page, 'View: Close All Editors');
    fs.rmSync(path.join(stack().workspace, name), { force: true });
  });

  it('HubSpot unreachable: "stale" with its time in the message row (whole) and the status bar; gone once it answers', async () => {
    await dueItem().waitFor({ state: 'visible' });
    assert.doesNotMatch((await dueItem().textContent()) ?? '', /stale/);
    assert.strictEqual(await messageRow().isVisible(), false, 'no message while HubSpot answers');
    stack().sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['reset'] } });
    await titleAction('Refresh Tasks');
    await messageRow().filter({ hasText: /HubSpot could not be reached at \d/ }).waitFor({ state: 'visible', timeout: 30_000 });
    const message = (await messageRow().textContent()) ?? '';
    assert.match(message, /^(Stale: )?HubSpot could not be reached at \d{1,2}:\d\d(\s?[AP]M)?\./, message);
    assert.doesNotMatch(message, /\d:\d\d:\d\d/, 'no seconds');
    const box = await messageRow().boundingBox();
    const paneBox = await tasksPane().boundingBox();
    assert.ok(box && paneBox && box.x >= paneBox.x && box.x + box.width <= paneBox.x + paneBox.width + 1, 'inside the side bar');
    assert.ok(await shownWhole(messageRow()), 'the message wraps instead of being cut off');
    await waitFor(async () => /\d+ due \(stale\)/.test((await dueItem().textContent()) ?? ''), { what: 'the status bar to say stale', timeoutMs: 30_000, intervalMs: 100 });
    await page.mouse.move(900, 450);
    await workbench.screenshot('stale');

    stack().sandbox.configure({ faults: null });
    await titleAction('Refresh Tasks');
    await messageRow().filter({ hasText: /could not be reached/ }).waitFor({ state: 'hidden', timeout: 30_000 });
    await waitFor(async () => !/stale/.test((await dueItem().textContent()) ?? ''), { what: 'the stale mark to go', timeoutMs: 30_000, intervalMs: 100 });
    await workbench.screenshot('fresh-again');
  });
});

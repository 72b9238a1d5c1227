// The Tasks tree end to end, as a user drives it: sign in through the palette, both groupings from the
// view title, "Load more", completing a task with its inline action while the status-bar count goes
// down, and the offline state with its retry. One workbench for the file; screenshots of every step
// go to test-results/screenshots/<test>/<step>.png.
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { DEMO_OWNER_ID, SANDBOX_TOKEN } from '../support/demo';
import { waitFor } from '../support/waitFor';
import { stack } from './support/hooks';
import { resetSandbox, sandboxApi, startOfDay, startOfNextWeek, taskTotal, type SearchFilter } from './support/sandboxApi';
import { signIn } from './support/signIn';
import { openActivity, openWorkbench, quickInput, runCommand, viewPane, type Workbench } from './support/workbench';

const SOMEONE_ELSE = '75000002'; // another owner of the demo account
const PAGE_SIZE = 50; // hubspotTasks.pageSize's default
const OPEN: SearchFilter = { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' };

describe('Tasks tree (browser end to end)', function () {
  this.timeout(120_000);
  let workbench: Workbench;
  let page: Page;
  const shots: string[] = [];

  const tasksPane = () => viewPane(page, 'Tasks');
  const rows = () => tasksPane().locator('.monaco-list-row');
  const groupRow = (label: string) => rows().filter({ hasText: new RegExp(`^${label} \\(\\d+\\)`) }).first();
  const statusItem = () => page.locator('.statusbar-item', { hasText: /\d+ due/ }).first();

  async function shot(step: string): Promise<void> {
    shots.push(await workbench.screenshot(step));
  }

  async function groupCount(label: string): Promise<number> {
    const text = (await groupRow(label).textContent({ timeout: 5_000 })) ?? '';
    const match = /\((\d+)\)/.exec(text);
    assert.ok(match, `a count in "${text}"`);
    return Number(match[1]);
  }

  async function dueCount(): Promise<number> {
    const text = (await statusItem().textContent()) ?? '';
    return Number(/(\d+) due/.exec(text)?.[1]);
  }

  /** The view's title actions: in the side bar's title while Tasks is the container's only view. */
  async function titleAction(label: string): Promise<void> {
    await page.locator('.part.sidebar .composite.title').hover();
    const action = page.locator(`.part.sidebar .action-label[aria-label^="${label}"]`).first();
    await action.waitFor({ state: 'visible' });
    await action.click();
  }

  /** The view's description (filters, offline mark), which VS Code also puts in the pane's aria-label. */
  async function viewDescription(pattern: RegExp): Promise<void> {
    const header = tasksPane().locator('.pane-header');
    for (const deadline = Date.now() + 20_000; ;) {
      if (pattern.test((await header.getAttribute('aria-label')) ?? '')) {
        return;
      }
      assert.ok(Date.now() < deadline, `view description ${pattern}, got "${await header.getAttribute('aria-label')}"`);
      await page.waitForTimeout(100);
    }
  }

  /**
   * Runs a row's context-menu action once. The menu ignores a click that lands while it is still opening (the
   * item stays, nothing runs): click the item again then. Once a click was delivered, never open the menu
   * again: the menu may still be closing, and a second right-click ran the action twice on a loaded machine
   * (a second "open the external website?" dialog, left open under the answered one, blocked the file's
   * later clicks).
   */
  async function contextAction(row: Locator, label: string): Promise<void> {
    const item = page.locator('.context-view .action-label', { hasText: label }).first();
    let clicked = false;
    await until(`"${label}" from the context menu`, async () => {
      if (!clicked && !(await item.isVisible())) {
        await row.click({ button: 'right' });
      }
      clicked = (await item.click({ timeout: 2_000 }).then(() => true, () => false)) || clicked;
      return clicked && (await item.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false));
    });
  }

  /** Scrolls the tree to its first row (rows off screen are not in the DOM). */
  async function treeHome(): Promise<void> {
    await tasksPane().locator('.monaco-list').first().focus();
    await page.keyboard.press('Home');
  }

  async function expanded(row: Locator): Promise<boolean> {
    return (await row.getAttribute('aria-expanded', { timeout: 5_000 })) === 'true';
  }

  /** Polls a condition on the page (the tree re-renders as its data arrives), with this file's UI deadline. */
  const until = (what: string | (() => string), probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> =>
    waitFor(probe, { what, timeoutMs, intervalMs: 100 });

  /** Expands or collapses a group through its twistie (a click on a task row would open the editor). */
  async function setExpanded(label: string, open: boolean): Promise<void> {
    await page.mouse.move(700, 450); // no hover card over the tree
    await until(`${label} ${open ? 'expanded' : 'collapsed'}`, async () => {
      const row = groupRow(label);
      if ((await expanded(row)) === open) {
        return true;
      }
      await row.locator('.monaco-tl-twistie').click({ timeout: 2_000 });
      return (await expanded(row)) === open;
    });
  }

  /** The tree shows my tasks: the due groups add up to the status bar's count. */
  async function settledOnMine(): Promise<void> {
    await until('the tree and status bar to agree', async () => (await dueCount()) === (await groupCount('Overdue')) + (await groupCount('Today')));
  }

  /**
   * My tasks, whatever an earlier test left: the filters cleared and the rows reloaded. (The view's
   * description changes at once, its rows only once the new searches answered: wait for the rows.)
   */
  async function showMine(): Promise<void> {
    // "- Mine" alone is not enough: a record filter keeps the owner ("Mine · Acme"); its row says "× clears it".
    const filterRows = tasksPane().locator('.monaco-list-row[aria-label*="× clears it"]');
    if (!/- Mine/.test((await tasksPane().locator('.pane-header').getAttribute('aria-label')) ?? '') || (await filterRows.count()) > 0) {
      await runCommand(page, 'HubSpot: Clear Task Filters');
      await viewDescription(/- Mine/);
      await filterRows.first().waitFor({ state: 'detached' });
    }
    await treeHome();
    await settledOnMine();
  }

  /**
   * "Later" (everyone's open tasks due from next week on) holds more than a page: how many depends on the
   * weekday, so add tasks of another owner when the demo account has too few. Returns HubSpot's total.
   */
  async function laterOverOnePage(): Promise<number> {
    const from = Math.max(startOfDay(2), startOfNextWeek());
    const later: SearchFilter[] = [OPEN, { propertyName: 'hs_timestamp', operator: 'GTE', value: String(from) }];
    const missing = PAGE_SIZE + 5 - (await taskTotal(later));
    if (missing > 0) {
      const inputs = Array.from({ length: missing }, (_, i) => ({
        properties: { hs_task_subject: `Later filler ${i + 1}`, hs_timestamp: String(from + 86_400_000 * (1 + (i % 20))), hs_task_status: 'NOT_STARTED', hubspot_owner_id: SOMEONE_ELSE },
      }));
      await sandboxApi('POST', '/crm/v3/objects/tasks/batch/create', { inputs });
    }
    const total = await taskTotal(later);
    assert.ok(total > PAGE_SIZE, `Later has ${total} tasks, more than one page`);
    return total;
  }

  before(async () => {
    resetSandbox();
    // One folder for the file's steps: test-results/screenshots/tree/NN-step.png
    workbench = await openWorkbench({ fullTitle: () => 'tree' } as Mocha.Runnable);
    page = workbench.page;
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await shot(`failure-${this.currentTest.title.slice(0, 40)}`).catch(() => undefined);
    }
  });
  after(async () => {
    stack().sandbox.configure({ faults: null });
    await workbench?.close();
    console.log(`  [e2e] tree screenshots:\n    ${shots.join('\n    ')}`);
  });

  it('signs in and shows my tasks grouped by due date with their counts', async function () {
    await openActivity(page, 'HubSpot');
    await tasksPane().getByText('Sign in to see your HubSpot tasks').waitFor({ state: 'visible' });
    await shot('signed-out-welcome');
    // A fresh browser profile remembers no "me": the extension must ask.
    await signIn(page, { expectOwnerPick: true, onStep: async (step) => step === 'which-owner' && shot('which-owner-am-i') });
    await groupRow('Overdue').waitFor({ state: 'visible' });
    for (const label of ['Overdue', 'Today', 'Tomorrow', 'Later', 'No due date']) {
      await groupRow(label).waitFor({ state: 'visible' });
    }
    assert.ok((await groupCount('Overdue')) > 0);
    await statusItem().waitFor({ state: 'visible' });
    assert.strictEqual(await dueCount(), (await groupCount('Overdue')) + (await groupCount('Today')));
    assert.strictEqual(await page.getByText(SANDBOX_TOKEN).count(), 0, 'the token is shown nowhere');
    await shot('grouped-by-due-date');
  });

  it('switches to priority groups from the view title, and back', async () => {
    await titleAction('Group Tasks by Priority');
    for (const label of ['High', 'Medium', 'Low', 'None']) {
      await groupRow(label).waitFor({ state: 'visible' });
    }
    await shot('grouped-by-priority');
    await titleAction('Group Tasks by Due Date');
    await groupRow('Overdue').waitFor({ state: 'visible' });
  });

  it('loads more tasks into a group', async () => {
    const total = await laterOverOnePage();
    await runCommand(page, 'HubSpot: Filter Tasks by Owner…');
    const pick = await quickInput(page);
    await pick.locator('.monaco-list-row', { hasText: 'All owners' }).first().click();
    await viewDescription(/All owners/);
    // The description changed at once; the rows follow when everyone's tasks are loaded: Later shows HubSpot's
    // count. The list is virtualised: collapse the open groups (again after each repaint) so Later is on screen.
    let shown: number | undefined;
    await until(() => `Later to count everyone's ${total} tasks (it shows ${shown})`, async () => {
      for (const label of ['Overdue', 'Today']) {
        const row = groupRow(label);
        if ((await row.isVisible()) && (await expanded(row))) {
          await row.locator('.monaco-tl-twistie').click({ timeout: 2_000 });
        }
      }
      shown = (await groupRow('Later').isVisible()) ? await groupCount('Later') : undefined;
      return shown === total;
    }, 45_000);
    await setExpanded('Later', true);
    const loadMore = rows().filter({ hasText: new RegExp(`Load more \\(${PAGE_SIZE} of ${total} shown\\)`) }).first();
    await until('the Load more row at the end of Later', async () => {
      await tasksPane().locator('.monaco-list').first().focus();
      await page.keyboard.press('End');
      return loadMore.isVisible();
    });
    await shot('load-more-row');
    await loadMore.click();
    await loadMore.waitFor({ state: 'detached' });
    await page.keyboard.press('End');
    assert.strictEqual(await rows().filter({ hasText: /Load more/ }).count(), 0, 'everything loaded');
    await shot('after-load-more');
    await setExpanded('Later', false);
    await runCommand(page, 'HubSpot: Clear Task Filters');
    await viewDescription(/- Mine/);
    await treeHome();
    await settledOnMine();
  });

  it('completes a task from the tree with its inline action; the status-bar count goes down', async () => {
    await showMine();
    await setExpanded('Overdue', false);
    await setExpanded('Today', true);
    const before = await dueCount();
    const todayBefore = await groupCount('Today');
    const first = rows().filter({ hasText: /today/ }).filter({ hasNotText: /^Today \(/ }).first();
    await first.waitFor({ state: 'visible' });
    const subject = (await first.locator('.label-name').textContent())?.trim() ?? '';
    assert.ok(subject, 'a task due today');
    const openWithSubject = () => taskTotal([OPEN, { propertyName: 'hubspot_owner_id', operator: 'EQ', value: DEMO_OWNER_ID }, { propertyName: 'hs_task_subject', operator: 'EQ', value: subject }]);
    const openBefore = await openWithSubject();
    // By its subject from here on: a repaint of the tree must not move the click to another row.
    const task = rows().filter({ hasText: subject }).first();
    const rowsBefore = await rows().filter({ hasText: subject }).count();
    await task.hover();
    await shot('before-complete');
    await task.locator('.action-label[aria-label^="Mark Task Complete"]').click();
    await page.locator('.statusbar-item', { hasText: new RegExp(`(^|\\D)${before - 1} due`) }).first().waitFor({ state: 'visible' });
    await until('Today to count one less', async () => (await groupCount('Today')) === todayBefore - 1);
    await until('the completed task to leave the tree', async () => (await rows().filter({ hasText: subject }).count()) === rowsBefore - 1);
    assert.strictEqual(await openWithSubject(), openBefore - 1, 'completed in HubSpot');
    await shot('after-complete-count-down');
  });

  it('shows each task\'s company, deal or contact; filters by a task\'s record from its context menu; the filter row clears it', async () => {
    await showMine();
    await runCommand(page, 'View: Close All Editors'); // an open task editor would take the keyboard
    await treeHome();
    await setExpanded('Today', false);
    await setExpanded('Overdue', true);
    // My tasks show no owner, so a second part of the description is the task's primary record ("3 days ago · Acme").
    const withRecord = rows().filter({ has: page.locator('.label-description', { hasText: / · / }) }).first();
    await withRecord.waitFor({ state: 'visible', timeout: 20_000 });
    const record = ((await withRecord.locator('.label-description').textContent()) ?? '').split(' · ').at(-1)!.trim();
    assert.ok(record, 'a record name beside the due time');
    // Wide enough to read the descriptions (the pointer's resting place, x 700, stays outside the side bar).
    const bar = (await page.locator('.part.sidebar').boundingBox())!;
    await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(620, bar.y + bar.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.mouse.move(700, 450);
    await shot('rows-with-records');
    // The tooltip lists every associated record.
    await withRecord.hover();
    await page.locator('.workbench-hover-container, .monaco-hover', { hasText: record }).first().waitFor({ state: 'visible' });
    await shot('tooltip-with-records');
    await page.mouse.move(700, 450);
    // Open the record in HubSpot from the context menu: VS Code asks before opening an outside site, naming it.
    const popups: string[] = [];
    const onPage = (p: Page) => popups.push(p.url());
    page.context().on('page', onPage);
    await contextAction(withRecord, 'Open Associated Record in HubSpot');
    const dialog = page.locator('.monaco-dialog-box');
    await until('the record to open in HubSpot', async () => {
      const picker = page.locator('.quick-input-widget .monaco-list-row', { hasText: record }).first();
      if (await picker.isVisible()) {
        await picker.click();
      }
      return popups.length > 0 || (await dialog.isVisible());
    });
    page.context().off('page', onPage);
    const opened = popups[0] ?? (await dialog.textContent()) ?? '';
    assert.match(opened, /https:\/\/app\.hubspot\.com\/contacts\/\d+\/record\/0-[123]\/\d+/, 'the record\'s page in HubSpot');
    if (await dialog.isVisible()) {
      await shot('open-record-in-hubspot');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await tasksPane().locator('.monaco-list').first().focus();
    await contextAction(withRecord, 'Show Tasks of an Associated Record');
    const filterRow = rows().filter({ hasText: new RegExp(`^(Company|Deal|Contact): ${record.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
    // A task with several records asks which one (the primary one is the row's).
    await until('the record filter row', async () => {
      const picker = page.locator('.quick-input-widget .monaco-list-row', { hasText: record }).first();
      if (await picker.isVisible()) {
        await picker.click();
      }
      return filterRow.isVisible();
    });
    await viewDescription(/- Mine · /); // the description names the record too (hidden while Tasks is the only view)
    await page.mouse.move(700, 450);
    await shot('record-filter-row');
    await filterRow.hover();
    await filterRow.locator('.action-label[aria-label^="Clear This Filter"]').click();
    await filterRow.waitFor({ state: 'detached' });
    await settledOnMine();
    await shot('record-filter-cleared');
  });

  it('filters by a record found in HubSpot: "Filter Tasks by Associated Record…" searches companies, deals and contacts', async () => {
    await showMine();
    await runCommand(page, 'HubSpot: Filter Tasks by Associated Record…');
    let pick = await quickInput(page);
    await pick.locator('.monaco-list-row', { hasText: 'Search HubSpot for a company, deal or contact' }).first().click();
    await until('the search box', async () => /Name, email or domain/.test((await pick.textContent()) ?? ''));
    await page.keyboard.type('Fabrikam');
    await page.keyboard.press('Enter');
    pick = await quickInput(page);
    const match = pick.locator('.monaco-list-row', { hasText: 'Fabrikam Robotics' }).first();
    await match.waitFor({ state: 'visible' });
    await shot('record-search-results');
    await match.click();
    const recordRow = rows().filter({ hasText: /^Company: Fabrikam Robotics/ }).first();
    await recordRow.waitFor({ state: 'visible' });
    await viewDescription(/Fabrikam Robotics/);
    await page.mouse.move(700, 450);
    await shot('tasks-of-fabrikam');
    await recordRow.hover();
    await recordRow.locator('.action-label[aria-label^="Clear This Filter"]').click();
    await recordRow.waitFor({ state: 'detached' });
    await settledOnMine();
  });

  it('filters by any teammate: the owner picker searches as you type; the owner row clears it', async () => {
    await showMine();
    await runCommand(page, 'HubSpot: Filter Tasks by Owner…');
    const pick = await quickInput(page);
    await pick.locator('.monaco-list-row', { hasText: 'My tasks' }).first().waitFor({ state: 'visible' });
    await page.keyboard.type('priya');
    await until('only Priya Shah left', async () => (await pick.locator('.monaco-list-row').count()) === 1);
    await pick.locator('.monaco-list-row', { hasText: 'Priya Shah' }).first().waitFor({ state: 'visible' });
    await shot('owner-picker-search');
    await page.keyboard.press('Enter');
    const ownerRow = rows().filter({ hasText: /^Owner: Priya Shah/ }).first();
    await ownerRow.waitFor({ state: 'visible' });
    await page.mouse.move(700, 450);
    await shot('teammate-filter-row');
    await ownerRow.hover();
    await ownerRow.locator('.action-label[aria-label^="Clear This Filter"]').click();
    await ownerRow.waitFor({ state: 'detached' });
    await settledOnMine();
  });

  it('the status-bar click shows exactly the counted tasks; "Restore previous filters" brings the view back', async () => {
    await showMine();
    await titleAction('Group Tasks by Priority');
    await groupRow('High').waitFor({ state: 'visible' });
    const counted = await dueCount();
    await statusItem().click();
    const restore = rows().filter({ hasText: 'Restore previous filters' }).first();
    await restore.waitFor({ state: 'visible' });
    await rows().filter({ hasText: 'Due by end of today' }).first().waitFor({ state: 'visible' });
    await until('Overdue + Today to add up to the count', async () => (await groupCount('Overdue')) + (await groupCount('Today')) === counted);
    for (const other of ['High', 'Tomorrow', 'Later', 'No due date']) {
      assert.strictEqual(await groupRow(other).count(), 0, `no ${other} group`);
    }
    await page.mouse.move(700, 450);
    await shot('status-bar-click-counted-tasks');
    await restore.click();
    await groupRow('High').waitFor({ state: 'visible' });
    await restore.waitFor({ state: 'detached' });
    await shot('previous-filters-restored');
    await titleAction('Group Tasks by Due Date');
    await groupRow('Overdue').waitFor({ state: 'visible' });
  });

  it('keeps showing the cached tasks, marked with their time, when HubSpot is unreachable', async () => {
    await treeHome();
    const overdue = await groupCount('Overdue');
    stack().sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['reset'] } });
    await titleAction('Refresh Tasks');
    const offline = rows().filter({ hasText: /^Offline/ }).first();
    await offline.waitFor({ state: 'visible', timeout: 30_000 });
    assert.strictEqual(await groupCount('Overdue'), overdue, 'the cached counts stay');
    await viewDescription(/cached/);
    await page.mouse.move(700, 450);
    await page.locator('.workbench-hover-container, .monaco-hover').first().waitFor({ state: 'hidden' });
    await shot('offline-cached');
    stack().sandbox.configure({ faults: null });
    await page.mouse.move(700, 450); // no hover card over the row
    await offline.click(); // its command is Retry
    await offline.waitFor({ state: 'detached', timeout: 30_000 });
    await groupRow('Overdue').waitFor({ state: 'visible' });
    await shot('back-online');
  });
});

// The "Get Started with HubSpot Tasks" walkthrough, driven in the browser as a new user meets it: opened from
// "Welcome: Open Walkthrough…", each step done through the UI (its own button where it has one), and checked off
// by its completion event, not by the click: sign-in by the signed-in context, the sandbox by a base URL change,
// the tasks by the view showing, a TODO by the CodeLens's command, the status bar by clicking it.
// Screenshots: test-results/screenshots/<test>/NN-step.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_WORKSPACE } from '../harness/paths';
import { stack } from './support/hooks';
import { resetSandbox, taskTotal } from './support/sandboxApi';
import { openWorkbench, quickInput, runCommand, viewPane, waitForNotification, type Workbench, settleSignedOutWorkbench } from './support/workbench';
import { DEMO_OWNER_EMAIL } from '../support/demo';

const TITLE = 'Get Started with HubSpot Tasks';
/** The steps in package.json's order, by id and English title (package.nls.json). */
const STEPS = [
  ['signIn', 'Sign in to HubSpot'],
  ['sandbox', 'No account at hand? Try the sandbox'],
  ['tasks', 'Your tasks'],
  ['todo', 'Turn a TODO into a task'],
  ['statusBar', 'What is due, in the status bar'],
] as const;
type StepId = (typeof STEPS)[number][0];
const CHECKOUT = path.join('src', 'checkout.ts');
const TODO_SUBJECT = 'confirm the volume discount tiers with Olivia before the next release';

describe('Walkthrough (browser, packaged extension)', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let page: Page;

  /** A step's entry in the walkthrough's list (a button whose aria-checked says whether it is done). */
  const step = (id: StepId): Locator => page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="${id}"]`);
  // The walkthrough opens in the "Welcome" editor, whose tab then says "Walkthrough: HubSpot Tasks".
  const walkthroughTab = (): Locator => page.locator('.tabs-container .tab', { hasText: /Welcome|Walkthrough/ }).first();

  async function showStep(id: StepId): Promise<Locator> {
    await walkthroughTab().click();
    await showOurWalkthrough();
    const entry = step(id);
    if ((await entry.getAttribute('aria-expanded')) !== 'true') {
      await entry.click();
    }
    await page.locator(`.gettingStartedContainer button.getting-started-step.expanded[data-step-id$="${id}"]`).waitFor();
    return entry;
  }

  /**
   * The Welcome editor slides between the list of walkthroughs and one walkthrough's steps; VS Code sometimes
   * slides back to the list on its own (a re-render of the Welcome page), and a user then picks ours again.
   */
  async function showOurWalkthrough(): Promise<void> {
    const welcome = page.locator('.gettingStartedContainer .gettingStarted');
    await welcome.waitFor();
    if (!((await welcome.getAttribute('class')) ?? '').includes('showDetails')) {
      console.log('      (the Welcome page showed its list of walkthroughs: picking ours again)');
      await page.locator('.gettingStartedSlideCategories button', { hasText: TITLE }).first().click();
    }
    await page.locator('.gettingStartedContainer .gettingStarted.showDetails').waitFor();
  }

  /**
   * The step is done: its check mark in the walkthrough's steps, or (while the Welcome page shows its list of
   * walkthroughs instead: it re-renders as steps complete) our walkthrough's progress bar there. Steps are done in
   * order here, so the step at index k is done when k + 1 steps are.
   */
  async function expectChecked(id: StepId): Promise<void> {
    await walkthroughTab().click();
    const done = STEPS.findIndex(([step]) => step === id) + 1;
    const mark = page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="${id}"][aria-checked="true"]`);
    const progress = page.locator(`.gettingStartedContainer .category-progress[x-data-category-id$="#hubspotTasks.getStarted"] .progress-bar-inner[aria-valuenow="${done}"]`);
    await mark.or(progress).first().waitFor({ state: 'attached', timeout: 30_000 });
  }

  /** Clicks one of the step's buttons (a command link alone on its line in the step's description). */
  async function clickStepButton(id: StepId, label: string): Promise<void> {
    const entry = await showStep(id);
    await entry.getByRole('button', { name: label, exact: true }).or(entry.getByText(label, { exact: true })).first().click();
  }

  before(async function () {
    resetSandbox();
    // An unlinked TODO in the workspace, whatever ran before on the shared stack.
    fs.copyFileSync(path.join(SAMPLE_WORKSPACE, CHECKOUT), path.join(stack().workspace, CHECKOUT));
    workbench = await openWorkbench(this.test);
    page = workbench.page;
    // Every walkthrough and theme is registered by then (opened earlier, the Welcome page can be replaced by
    // its start-up list of walkthroughs); the empty chat side bar would narrow the pictures.
    await settleSignedOutWorkbench(page);
  });

  after(async () => {
    await workbench?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench.screenshot('failure').catch(() => undefined);
    }
  });

  async function openFromPalette(): Promise<void> {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    // The picker lists every walkthrough (a handful): ours is a row of its own, no typing needed (typed at once,
    // the text could land in the palette that is still closing).
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: TITLE }).first().click();
    await page.locator('.gettingStartedContainer .gettingStarted.showDetails h2.category-title', { hasText: TITLE }).waitFor();
  }

  it('opens from "Welcome: Open Walkthrough…" with its five steps, none done yet', async () => {
    await openFromPalette();
    for (const [id, title] of STEPS) {
      const entry = step(id);
      await entry.waitFor();
      assert.match(await entry.innerText(), new RegExp(title.replace(/[?]/g, '\\?')), `step ${id} shows its English title, not a %key%`);
      assert.strictEqual(await entry.getAttribute('aria-checked'), 'false', `step ${id} is not done before the user did it`);
    }
    // Each step's picture is our SVG (rendered in the walkthrough's media webview) with its alt text.
    await showStep('signIn');
    const media = page.locator('.gettingStartedSlideDetails .getting-started-media');
    await media.waitFor({ state: 'visible' });
    await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('svg').first().waitFor({ state: 'attached' });
    await workbench.screenshot('walkthrough-opened');
  });

  it('sign in: the step\'s "Sign In with a Key" button, the key, and the step is checked once signed in', async () => {
    await clickStepButton('signIn', 'Sign In with a Key');
    const input = (await quickInput(page)).locator('input[type="password"]');
    await input.waitFor({ state: 'visible' });
    await input.fill('sandbox-token');
    assert.strictEqual(await step('signIn').getAttribute('aria-checked'), 'false', 'the click on the button alone does not check the step');
    await input.press('Enter');
    await waitForNotification(page, /Signed in to HubSpot portal/);
    const ownerPick = page.locator('.quick-input-widget', { hasText: 'Which HubSpot owner are you?' });
    await ownerPick.waitFor({ state: 'visible' });
    await ownerPick.locator('input').fill(DEMO_OWNER_EMAIL);
    await ownerPick.locator('.monaco-list-row', { hasText: DEMO_OWNER_EMAIL }).first().click();
    await ownerPick.waitFor({ state: 'hidden' });
    await expectChecked('signIn');
    await workbench.screenshot('signed-in');
  });

  it('the sandbox: "Set the Base URL" opens the setting; changing it checks the step', async () => {
    await clickStepButton('sandbox', 'Set the Base URL');
    const item = page.locator('.settings-editor .setting-item', { hasText: 'Base URL of the HubSpot API' }).first();
    const field = item.locator('input').first();
    await field.waitFor({ state: 'visible' });
    assert.strictEqual(await field.inputValue(), stack().sandbox.url, 'the setting the step names is the one shown');
    // The same host with a trailing slash: a change VS Code reports, the same API (the client trims it).
    await field.fill(`${stack().sandbox.url}/`);
    // The Settings editor is a modal over the walkthrough: the step is checked behind it.
    await page.locator('.gettingStarted button.getting-started-step[data-step-id$="sandbox"][aria-checked="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    await workbench.screenshot('sandbox-step');
    await page.keyboard.press('Escape');
    await page.locator('.monaco-modal-editor-block').waitFor({ state: 'hidden' });
    await expectChecked('sandbox');
  });

  it('your tasks: the step\'s button shows the Tasks view, which checks the step', async () => {
    assert.strictEqual(await step('tasks').getAttribute('aria-checked'), 'false');
    await clickStepButton('tasks', 'Open the Tasks View');
    const rows = viewPane(page, 'Tasks').locator('.monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    await expectChecked('tasks');
    await workbench.screenshot('tasks-step');
  });

  it('a TODO: the CodeLens over a TODO creates the task, which checks the step', async () => {
    assert.strictEqual(await step('todo').getAttribute('aria-checked'), 'false');
    const before = await taskTotal([{ propertyName: 'hs_task_subject', operator: 'EQ', value: TODO_SUBJECT }]);
    await page.keyboard.press('Control+P');
    const quickOpen = (await quickInput(page)).locator('input').first();
    await quickOpen.fill('checkout.ts');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'checkout.ts' }).first().waitFor();
    await quickOpen.press('Enter');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Create HubSpot task' }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    await waitForNotification(page, /Created 1 HubSpot task/, 60_000);
    assert.strictEqual(await taskTotal([{ propertyName: 'hs_task_subject', operator: 'EQ', value: TODO_SUBJECT }]), before + 1, 'one task created');
    await expectChecked('todo');
    await workbench.screenshot('todo-step');
  });

  it('the status bar: clicking the due count lists the tasks due, which checks the step', async () => {
    assert.strictEqual(await step('statusBar').getAttribute('aria-checked'), 'false');
    const item = page.locator('.statusbar-item', { hasText: /\d+ due/ }).first();
    await item.waitFor({ state: 'visible' });
    await item.click();
    // "Show Due Tasks": the tree shows the tasks the count counts, the overdue (or today's) group open.
    const dueGroup = viewPane(page, 'Tasks').locator('.monaco-list-row[aria-expanded="true"]', { hasText: /(Overdue|Today) \(\d+\)/ });
    await dueGroup.first().waitFor({ state: 'visible' });
    await expectChecked('statusBar');
    // The fifth step of five: expectChecked saw its check mark or the walkthrough's count at 5 of 5 (a complete
    // walkthrough then leaves the Welcome page's list).
    await workbench.screenshot('all-steps-done');
  });
});

// The README's pictures, taken from the demo data by driving the main flows as a user does: the Tasks tree, a
// task in the editor (saved), a TODO turned into a linked task; the tree and editor in a dark theme; the
// walkthrough. Each picture is asserted on before it is taken (what it shows is there). The German picture comes
// from the German suite (test/e2e/german.test.ts, its own stack in display language de).
// Output: test-results/pictures/<name>.png; scripts/pictures.js turns them into docs/images/ (and the GIF from
// the flow-NN frames).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { RESULTS_DIR, SAMPLE_WORKSPACE } from '../harness/paths';
import { stack } from './support/hooks';
import { resetSandbox } from './support/sandboxApi';
import { signIn } from './support/signIn';
import { openActivity, openWorkbench, quickInput, runCommand, viewPane, waitForNotification, type Workbench, settleSignedOutWorkbench } from './support/workbench';

export const PICTURES_DIR = path.join(RESULTS_DIR, 'pictures');
const CHECKOUT = path.join('src', 'checkout.ts');

describe('Pictures (README screenshots from the demo data)', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let page: Page;

  async function picture(name: string): Promise<void> {
    fs.mkdirSync(PICTURES_DIR, { recursive: true });
    await page.mouse.move(1, 400); // no hover card or tooltip left over from the last click
    await page.screenshot({ path: path.join(PICTURES_DIR, `${name}.png`) });
  }

  /** Picks a colour theme by its label in the theme picker. */
  async function switchTheme(label: string): Promise<void> {
    // runCommand's Enter could pick "Browse Color Themes in Marketplace…": click the exact row.
    await page.keyboard.press('F1');
    const widget = await quickInput(page);
    await widget.locator('input').first().fill('>Preferences: Color Theme');
    await widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^\s*Preferences: Color Theme\s*$/ }) }).first().click();
    await widget.locator('input').first().fill(label);
    await widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first().click();
    await widget.waitFor({ state: 'hidden' });
  }

  /** The task editor's form once loaded (its Save button enabled). */
  async function taskEditor(): Promise<FrameLocator> {
    const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    await frame.locator('#save:not([disabled])').waitFor({ timeout: 30_000 });
    return frame;
  }

  /** Task rows of the Tasks view: inside a due-date group (level 2; prompts and message rows are level 1). */
  const taskRows = (): Locator => viewPane(page, 'Tasks').locator('.monaco-list-row[aria-level="2"]:not([aria-expanded])');

  async function openCheckout(): Promise<Locator> {
    await page.keyboard.press('Control+P');
    const quickOpen = (await quickInput(page)).locator('input').first();
    await quickOpen.fill('checkout.ts');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'checkout.ts' }).first().waitFor();
    await quickOpen.press('Enter');
    const lens = page.locator('.codelens-decoration a').first();
    await lens.waitFor({ timeout: 60_000 });
    return lens;
  }

  before(async function () {
    resetSandbox();
    fs.copyFileSync(path.join(SAMPLE_WORKSPACE, CHECKOUT), path.join(stack().workspace, CHECKOUT));
    workbench = await openWorkbench(this.test, { viewport: { width: 1280, height: 800 } });
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

  it('the main flow in a light theme: tree → task editor → TODO to linked task (the GIF\'s frames)', async () => {
    await switchTheme('Light Modern');
    // A fresh browser profile is asked which owner it is, even when the tree shows tasks first: answer it.
    await signIn(page, { expectOwnerPick: true });
    await openActivity(page, 'HubSpot');
    await taskRows().first().waitFor();
    await picture('flow-01-tree');

    // A task in the editor: raise its priority and save.
    const row = taskRows().first();
    const rowText = await row.innerText();
    await row.click();
    const form = await taskEditor();
    const subject = await form.locator('#subject').inputValue();
    assert.ok(subject && rowText.includes(subject), `the editor shows the clicked task ("${subject}" in "${rowText}")`);
    await picture('flow-02-editor');
    await form.locator('#priority').selectOption('HIGH');
    await form.locator('#save').click();
    await form.locator('#save-status', { hasText: 'Saved.' }).waitFor();
    await picture('flow-03-saved');

    // A TODO in the code: its CodeLens creates the task and links the comment.
    const lens = await openCheckout();
    assert.match(await lens.innerText(), /Create HubSpot task/);
    await picture('flow-04-todo');
    await lens.click();
    await waitForNotification(page, /Created 1 HubSpot task/, 60_000);
    await page.locator('.editor-instance .view-line', { hasText: /TODO\(HS-\d+\)/ }).first().waitFor();
    await picture('flow-05-linked');
  });

  it('the tree and the task editor in a dark theme', async () => {
    await switchTheme('Dark Modern');
    await openActivity(page, 'HubSpot');
    await taskRows().first().click();
    await taskEditor();
    await picture('tree-editor-dark');
    // F1 inside the task editor's webview does not reach the workbench: back to the code editor first.
    await page.locator('.tabs-container .tab', { hasText: 'checkout.ts' }).first().click();
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor();
    await switchTheme('Light Modern');
  });

  it('the walkthrough, its steps and their pictures', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const picker = await quickInput(page);
    await picker.locator('input').fill('HubSpot Tasks');
    await picker.locator('.monaco-list-row', { hasText: 'Get Started with HubSpot Tasks' }).first().click();
    const welcome = page.locator('.gettingStartedContainer .gettingStarted');
    await welcome.waitFor();
    if (!((await welcome.getAttribute('class')) ?? '').includes('showDetails')) {
      await page.locator('.gettingStartedSlideCategories button', { hasText: 'Get Started with HubSpot Tasks' }).first().click();
    }
    const steps = page.locator('.gettingStarted.showDetails button.getting-started-step');
    await steps.first().waitFor();
    assert.strictEqual(await steps.count(), 5, 'five steps');
    await page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('svg').first().waitFor({ state: 'attached' });
    await picture('walkthrough');
  });
});

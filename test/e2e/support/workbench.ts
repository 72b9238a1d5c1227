// Browser helpers for e2e tests: open the workbench, run a command through F1, read notifications, take
// screenshots a person can look at (test-results/screenshots/<test>/<step>.png).
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { RESULTS_DIR } from '../../harness/paths';
import { stack } from './hooks';

export interface Workbench {
  page: Page;
  context: BrowserContext;
  /** Saves a PNG of the whole page as test-results/screenshots/<test>/<NN-step>.png and returns its path. */
  screenshot(step: string): Promise<string>;
  close(): Promise<void>;
}

const WORKBENCH_TIMEOUT_MS = 90_000;
const ACTION_TIMEOUT_MS = 45_000;

/**
 * Opens the workbench on the run's workspace in a new browser context (fresh browser storage, so signed out,
 * and a fresh extension host) and waits until it is usable.
 * @param test mocha's `this.test` (names the screenshot folder)
 */
export async function openWorkbench(test: Mocha.Runnable | undefined, options: { folder?: string; viewport?: { width: number; height: number } } = {}): Promise<Workbench> {
  const { server, browser, workspace } = stack();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  // Generous defaults: on a loaded 2-core machine the workbench (~15 MB of script) can take a while; mocha's
  // per-test timeout still bounds every test.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(WORKBENCH_TIMEOUT_MS);
  const page = await context.newPage();
  const folder = options.folder ?? workspace;
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  // The activity bar is filled once the extension host has registered the contributed containers.
  await page.locator('.part.activitybar').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  const dir = path.join(RESULTS_DIR, 'screenshots', slug(test?.fullTitle() ?? 'untitled'));
  fs.rmSync(dir, { recursive: true, force: true });
  let step = 0;
  return {
    page,
    context,
    screenshot: async (name: string) => {
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${String(++step).padStart(2, '0')}-${slug(name)}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    close: () => context.close(),
  };
}

/** Runs a command by its palette title ("HubSpot: Sign In") through F1, as a user does. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await input.press('Enter');
}

/** The quick input (input box / quick pick) a command opened; resolves once visible. */
export async function quickInput(page: Page): Promise<Locator> {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible' });
  return widget;
}

/** Waits for a notification toast containing `text` and returns it. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = ACTION_TIMEOUT_MS): Promise<Locator> {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return toast;
}

/** Clicks an activity-bar entry by its title ("HubSpot") and waits for its side bar to show. */
export async function openActivity(page: Page, title: string): Promise<void> {
  const entry = page.locator(`.part.activitybar [aria-label^="${title}"]`).first();
  await entry.waitFor({ state: 'visible' });
  const sidebarTitle = page.locator('.part.sidebar .composite.title');
  const alreadyOpen = (await sidebarTitle.count()) > 0 && (await sidebarTitle.first().textContent())?.toUpperCase().includes(title.toUpperCase());
  if (!alreadyOpen) {
    await entry.click();
  }
  await page.locator('.part.sidebar .composite.title', { hasText: new RegExp(title, 'i') }).waitFor({ state: 'visible' });
}

/** The body of a view pane in the side bar, by the view's name ("Tasks"). */
export function viewPane(page: Page, name: string): Locator {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${name}`, 'i') }) });
}

function slug(text: string): string {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 100);
}

/**
 * Waits until the extensions are registered (ours shows its signed-out status bar item, VS Code's
 * "Activating Extensions" is gone: walkthroughs and themes are listed by then) and hides the secondary side
 * bar (chat's), which opens empty and narrows the editor.
 */
export async function settleSignedOutWorkbench(page: Page): Promise<void> {
  await page.locator('.statusbar-item', { hasText: 'Sign in to HubSpot' }).first().waitFor({ timeout: 90_000 });
  await page.locator('.statusbar-item', { hasText: 'Activating Extensions' }).waitFor({ state: 'hidden', timeout: 90_000 });
  if (await page.locator('.part.auxiliarybar').isVisible()) {
    await runCommand(page, 'View: Hide Secondary Side Bar');
    await page.locator('.part.auxiliarybar').waitFor({ state: 'hidden' });
  }
}

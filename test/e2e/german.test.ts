// Issue 19.1: the German translation as a user sees it. The packaged .vsix in code-server whose display
// language is German (test/harness/displayLanguage.ts: a stub language pack, since the Marketplace's cannot be
// fetched here; VS Code's own menus stay English, ours are German), on a stack of its own with the demo
// sandbox: the palette's command titles, the sign-in prompts and toast, the Tasks view's groups, the task
// editor and the status bar, all from package.nls.de.json and l10n/bundle.l10n.de.json. Screenshots in
// test-results/screenshots/german-…/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { CodeServer, installExtension, startCodeServer } from '../harness/codeServer';
import { useDisplayLanguage } from '../harness/displayLanguage';
import { RESULTS_DIR, VSIX_PATH } from '../harness/paths';
import { createRunDirs, runEnv, writeUserSettings, type RunDirs } from '../harness/runDirs';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/types';
import { DEMO_OWNER_EMAIL, SANDBOX_TOKEN } from '../support/demo';
import { QUIET_SETTINGS } from '../support/quietSettings';
import { quickInput, runCommand, viewPane, waitForNotification } from './support/workbench';

describe('German (display language de)', function () {
  this.timeout(300_000);
  let dirs: RunDirs;
  let sandbox: Sandbox;
  let server: CodeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let step = 0;

  const shots = path.join(RESULTS_DIR, 'screenshots', 'german');
  const screenshot = (name: string) => page.screenshot({ path: path.join(shots, `${String(++step).padStart(2, '0')}-${name}.png`) });

  before(async function () {
    this.timeout(240_000);
    fs.rmSync(shots, { recursive: true, force: true });
    fs.mkdirSync(shots, { recursive: true });
    dirs = createRunDirs('e2e-german');
    sandbox = await startSandbox({ seed: 'demo' });
    writeUserSettings(dirs, { ...QUIET_SETTINGS, 'hubspotTasks.baseUrl': sandbox.url });
    const env = runEnv(dirs, { HUBSPOT_SANDBOX_URL: sandbox.url });
    installExtension(VSIX_PATH, dirs, env);
    useDisplayLanguage(dirs, 'de');
    server = await startCodeServer({ dirs, env, skipShellEnv: true, logFile: path.join(dirs.root, 'code-server.log') });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(45_000);
    page = await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await page.locator('.part.activitybar').waitFor({ timeout: 90_000 });
  });

  after(async function () {
    this.timeout(60_000);
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await sandbox?.close();
  });

  it('signs in through German prompts: palette title, token box, toast, owner question', async () => {
    await page.locator('.part.activitybar [aria-label^="HubSpot"]').first().click();
    // The signed-out welcome text (viewsWelcome) in German.
    await page.locator('.part.sidebar', { hasText: 'Melden Sie sich an, um Ihre HubSpot-Aufgaben nach Fälligkeit oder Priorität zu sehen.' }).waitFor({ state: 'visible' });
    await screenshot('signed-out');
    await runCommand(page, 'HubSpot: Anmelden');
    const input = (await quickInput(page)).locator('input[type="password"]');
    await input.waitFor({ state: 'visible' });
    await input.fill(SANDBOX_TOKEN);
    await input.press('Enter');
    await waitForNotification(page, /Beim HubSpot-Portal \d+ angemeldet\./);
    const ownerPick = page.locator('.quick-input-widget', { hasText: 'Welcher HubSpot-Zuständige sind Sie?' });
    await ownerPick.waitFor({ state: 'visible' });
    await ownerPick.locator('input').fill(DEMO_OWNER_EMAIL);
    await screenshot('owner-question');
    await ownerPick.locator('.monaco-list-row', { hasText: DEMO_OWNER_EMAIL }).first().click();
    await ownerPick.waitFor({ state: 'hidden' });
  });

  it('shows the Tasks view and the status bar in German', async () => {
    const tasks = viewPane(page, 'Aufgaben');
    await tasks.locator('.monaco-list-row', { hasText: /^(Überfällig|Heute)/ }).first().waitFor({ state: 'visible' });
    const groups = await tasks.locator('.monaco-list-row[aria-level="1"]').allTextContents();
    assert.ok(groups.some((g) => /Überfällig|Heute|Später|Diese Woche/.test(g)), `German group names: ${groups.join(' | ')}`);
    assert.ok(!groups.some((g) => /^(Overdue|Today|Later|This week)\b/.test(g)), `no English group: ${groups.join(' | ')}`);
    await page.locator('.statusbar-item', { hasText: /\d+ fällig/ }).first().waitFor({ state: 'visible' });
    await screenshot('tasks-view');
  });

  it('opens the task editor with German labels', async () => {
    await runCommand(page, 'HubSpot: Neue Aufgabe');
    const editor = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    await editor.locator('label', { hasText: 'Betreff' }).first().waitFor({ state: 'visible' });
    await editor.locator('button#save', { hasText: 'Speichern' }).waitFor({ state: 'visible' });
    await screenshot('task-editor');
  });
});

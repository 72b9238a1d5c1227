// Issue 15.1–15.3 in the browser: "Go to Code" from the Tasks tree opens the linked TODO's line; the TODO
// removed on disk brings the one prompt, whose button completes the task in HubSpot; a task created from a
// TODO in a repository carries a permalink to the commit, which here only the built-in Git extension can
// give (the browser suite keeps it on): the repository's packed-refs is over the 1 MB the .git fallback reads.
// Screenshots of every step: test-results/screenshots/<test>/<NN-step>.png.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_OWNER_ID } from '../support/demo';
import { waitFor } from '../support/waitFor';
import { signIn } from './support/signIn';
import { stack } from './support/hooks';
import { resetSandbox, sandboxApi } from './support/sandboxApi';
import { openActivity, openWorkbench, quickInput, runCommand, viewPane, waitForNotification, type Workbench } from './support/workbench';

const SUBJECT = 'reconcile the refund ledger with finance';
const LINKED = path.join('src', 'ledger.ts');
const REPO = 'ledger-repo';

interface ApiTask { id: string; properties: Record<string, string | null> }

describe('Code and task linked both ways (browser end to end)', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let page: Page;
  let taskId: string;
  let commit: string;

  before(async function () {
    resetSandbox();
    const ws = stack().workspace;
    // A TODO-made task (its notes as the extension writes them), due today, mine, linked from line 5.
    const due = new Date();
    due.setHours(23, 0, 0, 0);
    const task = await sandboxApi<ApiTask>('POST', '/crm/v3/objects/tasks', { properties: {
      hs_task_subject: SUBJECT, hs_task_status: 'NOT_STARTED', hs_task_type: 'TODO', hs_timestamp: due.toISOString(), hubspot_owner_id: DEMO_OWNER_ID,
      hs_task_body: `<p>${SUBJECT}</p>\n<p>src/ledger.ts, line 2</p>\n<p data-hs-todo-key="e2e">TODO key: hstodoe2e</p>`,
    } });
    taskId = task.id;
    fs.writeFileSync(path.join(ws, LINKED), `export const ledger = [];\n\n// The code moved since the task was made.\n\n// TODO(HS-${taskId}): ${SUBJECT}\nexport function reconcile() {}\n`);

    // A repository whose packed-refs (25,000 tags, as in a large monorepo) is beyond what the .git fallback reads.
    const repo = path.join(ws, REPO);
    fs.mkdirSync(path.join(repo, 'src'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'src', 'pay.ts'), 'export const pay = 1;\n// TODO: settle the payout rounding rule\n');
    const git = (args: string[], input?: string) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8', input }).trim();
    git(['init', '-q', '-b', 'main']);
    git(['remote', 'add', 'origin', 'git@github.com:acme/ledger.git']);
    git(['add', '.']);
    git(['commit', '-q', '-m', 'one']);
    commit = git(['rev-parse', 'HEAD']);
    git(['update-ref', '--stdin'], Array.from({ length: 25_000 }, (_, i) => `create refs/tags/release-${String(i).padStart(6, '0')}-with-a-long-name ${commit}\n`).join(''));
    git(['pack-refs', '--all']);
    assert.ok(fs.statSync(path.join(repo, '.git', 'packed-refs')).size > 1024 * 1024, 'packed-refs over 1 MB');

    workbench = await openWorkbench(this.test).catch(() => openWorkbench(this.test));
    page = workbench.page;
    await signIn(page);
  });

  after(async () => {
    await workbench?.close();
    const ws = stack().workspace;
    fs.rmSync(path.join(ws, REPO), { recursive: true, force: true });
    fs.rmSync(path.join(ws, LINKED), { force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench.screenshot('failure').catch(() => undefined);
    }
  });

  /** The task's row in the Tasks tree, its group ("Today") expanded. */
  async function taskRow(): Promise<Locator> {
    await openActivity(page, 'HubSpot');
    const pane = viewPane(page, 'Tasks');
    const rows = pane.locator('.monaco-list-row');
    const group = rows.filter({ hasText: /^Today \(\d+\)/ }).first();
    const row = rows.filter({ hasText: SUBJECT }).first();
    await page.mouse.move(700, 450);
    await waitFor(async () => {
      if ((await group.isVisible()) && (await group.getAttribute('aria-expanded')) !== 'true') {
        await group.locator('.monaco-tl-twistie').click({ timeout: 2_000 }).catch(() => undefined);
      }
      return row.isVisible();
    }, { what: `"${SUBJECT}" in Today`, timeoutMs: 30_000, intervalMs: 200 });
    return row;
  }

  it('Go to Code in the tree opens the TODO where it is now; removed on disk → one prompt → task completed', async () => {
    const row = await taskRow();
    await row.hover();
    const action = row.locator('.action-label[aria-label="Go to Code"]');
    await action.waitFor({ timeout: 10_000 });
    await workbench.screenshot('go-to-code-action');
    await action.click();
    // The TODO's line (5), at its tag (column 4): the recorded line 2 is out of date on purpose.
    await page.locator('.tab.active', { hasText: 'ledger.ts' }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'Ln 5, Col 4' }).first().waitFor({ timeout: 30_000 });
    await workbench.screenshot('todo-opened');

    // The task editor (a click on the row) has the same button for a TODO-made task.
    await (await taskRow()).click();
    const form = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    const button = form.locator('#go-to-code:not([hidden])');
    await button.waitFor({ timeout: 30_000 });
    await page.locator('.tab.active', { hasText: SUBJECT.slice(0, 20) }).waitFor({ timeout: 10_000 });
    await workbench.screenshot('editor-go-to-code-button');
    await button.click();
    await page.locator('.tab.active', { hasText: 'ledger.ts' }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'Ln 5, Col 4' }).first().waitFor({ timeout: 30_000 });

    // A pull rewrites the file without the TODO: the prompt, then its button.
    fs.writeFileSync(path.join(stack().workspace, LINKED), 'export const ledger = [];\nexport function reconcile() {}\n');
    const toast = await waitForNotification(page, /linked TODO of .*was removed from the code/, 60_000);
    const complete = toast.locator('.monaco-button', { hasText: 'Complete Task' });
    await complete.waitFor({ timeout: 10_000 });
    await workbench.screenshot('deleted-todo-prompt');
    await complete.click();
    await waitFor(async () => (await sandboxApi<ApiTask>('GET', `/crm/v3/objects/tasks/${taskId}?properties=hs_task_status`)).properties.hs_task_status === 'COMPLETED',
      { what: 'the task completed in HubSpot', timeoutMs: 30_000 });
    await waitForNotification(page, /Completed 1 HubSpot task/, 30_000);
    await workbench.screenshot('task-completed');
  });

  it('a task from a TODO links the line at the commit (Git extension) as well as on the branch', async () => {
    await page.keyboard.press('Control+P');
    const quickOpen = (await quickInput(page)).locator('input').first();
    await quickOpen.fill('pay.ts');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'pay.ts' }).first().waitFor();
    await quickOpen.press('Enter');
    await page.locator('.tab.active', { hasText: 'pay.ts' }).waitFor({ timeout: 30_000 });
    await runCommand(page, 'HubSpot: Create Tasks from TODOs in This File');
    // The review pick: everything ticked, Enter creates.
    const review = await quickInput(page);
    await review.locator('.monaco-list-row', { hasText: 'settle the payout rounding rule' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await waitForNotification(page, /Created 1 HubSpot task/, 60_000);
    const found = await sandboxApi<{ results: ApiTask[] }>('POST', '/crm/v3/objects/tasks/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_task_subject', operator: 'EQ', value: 'settle the payout rounding rule' }] }], properties: ['hs_task_body'], limit: 1,
    });
    const body = found.results[0]?.properties.hs_task_body ?? '';
    assert.ok(body.includes('href="https://github.com/acme/ledger/blob/main/src/pay.ts#L2">view source</a>'), body);
    assert.ok(body.includes(`href="https://github.com/acme/ledger/blob/${commit}/src/pay.ts#L2">permalink ${commit.slice(0, 7)}</a>`), body);
    await workbench.screenshot('task-created-with-permalink');
  });
});

// The task editor end to end: code-server with the packaged extension, the sandbox as HubSpot, Chromium
// driving the real webview (the stack of ./support). One workbench for the whole file, signed in once.
// Screenshots of every step go to test-results/screenshots/<test>/<step>.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { RESULTS_DIR } from '../harness/paths';
import { DEMO_OWNER_ID } from '../support/demo';
import { chooseApiVersion } from './support/apiVersion';
import { signIn } from './support/signIn';
import { stack } from './support/hooks';
import { resetSandbox, sandboxApi } from './support/sandboxApi';
import { openWorkbench, quickInput, runCommand as paletteCommand, type Workbench } from './support/workbench';

interface LoggedRequest { method: string; path: string; operation?: string; apiVersion?: string; status: number; body?: unknown }

/** What the notes tests use of the page's DOM (this file compiles without DOM types). */
interface TextNode { textContent: string }
interface PageElement {
  ownerDocument: {
    createTreeWalker(root: PageElement, show: number): { nextNode(): TextNode | null };
    createRange(): { setStart(node: TextNode, offset: number): void; setEnd(node: TextNode, offset: number): void };
    getSelection(): { removeAllRanges(): void; addRange(range: unknown): void };
    defaultView: { DataTransfer: new () => { setData(type: string, data: string): void }; ClipboardEvent: new (type: string, init: object) => unknown };
  };
  dispatchEvent(event: unknown): boolean;
}

/** The page's getComputedStyle, for code that runs in the browser (this file compiles without DOM types). */
interface Styles { getComputedStyle(element: unknown): { backgroundColor: string } }

describe('Task editor (browser end to end)', function () {
  this.timeout(120_000);
  let workbench: Workbench;
  let page: Page;
  let testName = 'task-editor';
  const sandbox = { get url() { return stack().sandbox.url; } };

  // ---- helpers ------------------------------------------------------------------------------

  async function admin<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${sandbox.url}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(response.ok, `sandbox ${method} ${route}: ${response.status}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  async function requests(): Promise<LoggedRequest[]> {
    const answer = await admin<LoggedRequest[] | { requests: LoggedRequest[] }>('GET', 'requests');
    return Array.isArray(answer) ? answer : answer.requests;
  }
  const clearRequests = () => admin('DELETE', 'requests');

  /** Calls the sandbox like HubSpot's API (for setting up data and changing it "elsewhere"). */
  const api = sandboxApi;

  /** test-results/screenshots/<this test>/<step>.png */
  async function screenshot(step: string): Promise<void> {
    const file = path.join(RESULTS_DIR, 'screenshots', testName, `${step}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
  }

  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('Escape');
    await paletteCommand(page, title);
  }

  async function answerInputBox(text: string): Promise<void> {
    const input = (await quickInput(page)).locator('input').first();
    await input.fill(text);
    await input.press('Enter');
  }

  /** The active task editor's page (a webview is two iframes deep). */
  function editor(): FrameLocator {
    return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  }

  /** Waits until the form is loaded (Save enabled) and returns it. */
  async function loadedEditor(): Promise<FrameLocator> {
    const frame = editor();
    await frame.locator('#save:not([disabled])').waitFor({ timeout: 30_000 });
    return frame;
  }

  async function closeEditors(): Promise<void> {
    await runCommand('View: Close All Editors');
    await page.locator('iframe.webview.ready').first().waitFor({ state: 'detached' }).catch(() => undefined);
  }

  /** Waits until the active editor tab shows `title` (the panel title follows the page's messages). */
  async function expectTabTitle(title: string | RegExp): Promise<void> {
    await page.locator('.tabs-container .tab.active', { hasText: title }).first().waitFor({ timeout: 10_000 });
  }

  async function createTaskViaApi(properties: Record<string, string>): Promise<string> {
    const task = await api<{ id: string }>('POST', '/crm/v3/objects/tasks', {
      properties: { hs_timestamp: String(Date.now() + 86_400_000), hs_task_status: 'NOT_STARTED', hs_task_type: 'TODO', hubspot_owner_id: DEMO_OWNER_ID, ...properties },
    });
    return task.id;
  }

  async function openTask(taskId: string): Promise<FrameLocator> {
    await runCommand('HubSpot: Edit Task');
    await answerInputBox(taskId);
    return loadedEditor();
  }

  /** Clicks the quick-input row whose label is exactly `label` (Enter could pick a fuzzier match). */
  async function pickRow(label: string): Promise<void> {
    const widget = await quickInput(page);
    const row = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      const shown = await widget.locator('.monaco-list-row').allTextContents();
      throw new Error(`no row "${label}" in the quick input; it shows: ${JSON.stringify(shown.slice(0, 12))}`);
    }
    await row.click();
  }

  /** Picks a colour theme by its label in the theme picker (the setting ids carry a "Default " prefix). */
  async function switchTheme(label: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await (await quickInput(page)).locator('input').first().fill('>Preferences: Color Theme');
    await pickRow('Preferences: Color Theme');
    await (await quickInput(page)).locator('input').first().fill(label);
    await pickRow(label);
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  // ---- setup --------------------------------------------------------------------------------

  before(async function () {
    resetSandbox();
    workbench = await openWorkbench(this.test);
    page = workbench.page;
    try {
      // Once the HubSpot view shows, the extension's contributions are registered (the palette knows them).
      // Without an owner email setting the extension asks which owner "I" am: the demo user.
      await signIn(page);
    } catch (error) {
      testName = 'task-editor-setup';
      await screenshot('failure');
      throw error;
    }
  });

  after(async () => {
    await workbench?.close();
  });

  beforeEach(function () {
    testName = `task-editor-${(this.currentTest?.title ?? 'test').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60)}`;
    fs.rmSync(path.join(RESULTS_DIR, 'screenshots', testName), { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await screenshot('failure').catch(() => undefined);
    }
    await closeEditors();
  });

  // ---- tests --------------------------------------------------------------------------------

  let createdId = '';

  it('creates a task with an association found by search', async () => {
    await runCommand('HubSpot: New Task');
    const form = await loadedEditor();
    await expectTabTitle('New Task');
    assert.strictEqual(await form.locator('#ownerId').inputValue(), DEMO_OWNER_ID, 'a new task is mine');
    assert.notStrictEqual(await form.locator('#dueAt').inputValue(), '', 'a default due date');
    await screenshot('01-empty-form');

    await form.locator('#subject').fill('Prepare the Northwind renewal');
    await expectTabTitle('● New Task'); // unsaved changes show in the title
    // The notes are rich text now: typed as a user types, Enter starts a paragraph.
    await form.locator('#notes').click();
    await page.keyboard.type('Check the contract');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Call <Ana> & agree on dates');
    await form.locator('#priority').selectOption('HIGH');
    await form.locator('#assoc-type').selectOption('companies');
    await clearRequests();
    await form.locator('#assoc-search').pressSequentially('Northw', { delay: 30 });
    const option = form.locator('#assoc-results [role=option]', { hasText: 'Northwind Traders' });
    await option.waitFor();
    await screenshot('02-search-results');
    const searches = (await requests()).filter((r) => r.operation === 'searchCompanies');
    assert.ok(searches.length >= 1 && searches.length <= 2, `typing is debounced: ${searches.length} searches for 6 keystrokes`);

    await form.locator('#assoc-search').press('ArrowDown');
    await form.locator('#assoc-search').press('Enter');
    await form.locator('#associations .chip', { hasText: 'Northwind Traders' }).waitFor();
    await screenshot('03-association-added');

    await clearRequests();
    await form.locator('#save').click();
    await form.locator('#save-status', { hasText: 'Saved.' }).waitFor();
    await screenshot('04-saved');
    const create = (await requests()).find((r) => r.operation === 'createTask');
    assert.ok(create, 'one createTask call');
    const body = create.body as { properties: Record<string, string>; associations: { to: { id: string }; types: { associationTypeId: number }[] }[] };
    assert.strictEqual(body.properties.hs_task_subject, 'Prepare the Northwind renewal');
    // Chromium's editor decides whether the first line gets its own <p>; the text and its escaping are fixed.
    assert.match(body.properties.hs_task_body, /^(<p>)?Check the contract(<\/p>)?<p>Call &lt;Ana&gt; &amp; agree on dates<\/p>$/);
    assert.deepStrictEqual(body.associations.map((a) => a.types[0].associationTypeId), [192]);
    assert.ok(!(await requests()).some((r) => r.operation === 'createTaskAssociation'), 'associations inline, not separate calls');
    createdId = (await api<{ results: { id: string }[] }>('POST', '/crm/v3/objects/tasks/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_task_subject', operator: 'EQ', value: 'Prepare the Northwind renewal' }] }],
    })).results[0]?.id ?? '';
    await expectTabTitle('Edit: Prepare the Northwind renewal');
  });

  it('edits it: only the differences are saved', async () => {
    assert.ok(createdId, 'the task of the previous test');
    const form = await openTask(createdId);
    assert.strictEqual(await form.locator('#subject').inputValue(), 'Prepare the Northwind renewal');
    assert.match(await form.locator('#notes').innerText(), /^Check the contract\n+Call <Ana> & agree on dates\n*$/);
    await form.locator('#associations .chip', { hasText: 'Northwind Traders' }).waitFor();
    await screenshot('01-loaded');

    await form.locator('#subject').fill('Prepare the Northwind renewal (v2)');
    await form.locator('#associations .chip button').first().click();
    await form.locator('#associations-empty').waitFor({ state: 'visible' });
    await screenshot('02-edited');
    await clearRequests();
    // A slow HubSpot makes the saving state visible: Save is disabled until the answer.
    await admin('POST', 'config', { latencyMs: 1500 });
    try {
      await form.locator('#subject').press('Control+Enter');
      await form.locator('#save[disabled]').waitFor();
      assert.strictEqual(await form.locator('#task-form').getAttribute('aria-busy'), 'true');
      await screenshot('03-saving');
      await form.locator('#save-status', { hasText: 'Saved.' }).waitFor();
    } finally {
      await admin('POST', 'config', { latencyMs: 0 });
    }
    assert.strictEqual(await form.locator('#save').isDisabled(), false);
    await screenshot('04-saved');
    const log = await requests();
    const update = log.find((r) => r.operation === 'updateTask');
    assert.deepStrictEqual(update?.body, { properties: { hs_task_subject: 'Prepare the Northwind renewal (v2)' } });
    assert.strictEqual(log.filter((r) => r.operation === 'deleteTaskAssociation').length, 1);
    await expectTabTitle('Edit: Prepare the Northwind renewal (v2)');
  });

  it('shows validation next to the field and the conflict when HubSpot changed meanwhile', async () => {
    const taskId = await createTaskViaApi({ hs_task_subject: 'Quarterly review', hs_task_priority: 'LOW' });
    const form = await openTask(taskId);

    await form.locator('#subject').fill('');
    await form.locator('#save').click();
    await form.locator('#subject-error', { hasText: 'Enter a subject.' }).waitFor();
    assert.strictEqual(await form.locator('#subject').getAttribute('aria-invalid'), 'true');
    assert.match((await form.locator('#subject').getAttribute('aria-describedby')) ?? '', /subject-error/);
    await screenshot('01-validation');

    await form.locator('#subject').fill('Quarterly review');
    await form.locator('#priority').selectOption('HIGH');
    // Someone changes the task in HubSpot while the form is open.
    await api('PATCH', `/crm/v3/objects/tasks/${taskId}`, { properties: { hs_task_subject: 'Quarterly review (moved to Friday)' } });
    await clearRequests();
    await form.locator('#save').click();
    const conflict = form.locator('#conflict');
    await conflict.waitFor({ state: 'visible' });
    await screenshot('02-conflict');
    const row = form.locator('#conflict-changes tr', { hasText: 'Subject' });
    assert.match((await row.textContent()) ?? '', /Quarterly review.*Quarterly review \(moved to Friday\)/);
    assert.ok(!(await requests()).some((r) => r.operation === 'updateTask'), 'nothing overwritten');

    await form.locator('#conflict-reload').click();
    await conflict.waitFor({ state: 'hidden' });
    assert.strictEqual(await form.locator('#subject').inputValue(), 'Quarterly review (moved to Friday)');
    assert.strictEqual(await form.locator('#priority').inputValue(), 'LOW', 'reload dropped the local edit');
    await screenshot('03-reloaded');
  });

  it('under API version 2026-09, shows the account\'s validation rule next to the field it breaks', async () => {
    // The account has a rule (as an admin would set it in HubSpot); the user switches the API version.
    await admin('PUT', 'validation-rules', { tasks: { hs_task_subject: [{ ruleType: 'MAX_LENGTH', ruleArguments: ['30'] }] } });
    await chooseApiVersion(page, '2026-09');
    try {
      const taskId = await createTaskViaApi({ hs_task_subject: 'Renewal call' });
      // No reload: the editor's own read already goes to 2026-09.
      await clearRequests();
      const form = await openTask(taskId);
      const reads = (await requests()).filter((r) => r.operation === 'getTask');
      assert.ok(reads.length > 0 && reads.every((r) => r.apiVersion === '2026-09'), `the task editor reads through API version 2026-09: ${reads.map((r) => `${r.operation}@${r.apiVersion}`).join(', ')}`);
      await clearRequests();
      await form.locator('#subject').fill('Renewal call with the whole procurement team');
      await form.locator('#save').click();
      await form.locator('#subject-error', { hasText: 'hs_task_subject must be at most 30 characters long' }).waitFor();
      assert.strictEqual(await form.locator('#subject').getAttribute('aria-invalid'), 'true');
      await screenshot('01-rule-message-next-to-subject');
      const writes = (await requests()).filter((r) => r.operation === 'updateTask');
      assert.deepStrictEqual(writes.map((r) => [r.apiVersion, r.status]), [['2026-09', 400]], 'refused by the rule, nothing written');
    } finally {
      await closeEditors();
      await chooseApiVersion(page, 'v3');
      await admin('PUT', 'validation-rules', {});
    }
  });

  it('shows script payloads in subject and notes literally and runs nothing', async () => {
    const subject = `<img src=x onerror="document.body.dataset.pwned='subject'"><script>document.body.dataset.pwned='subject-script'</script>`;
    const body = `<p>Hello</p><script>document.body.dataset.pwned='notes'</script><img src=x onerror="document.body.dataset.pwned='img'">`
      + `<p>&lt;script&gt;document.body.dataset.pwned='text'&lt;/script&gt;</p>`;
    const taskId = await createTaskViaApi({ hs_task_subject: subject, hs_task_body: body });
    const form = await openTask(taskId);

    assert.strictEqual(await form.locator('#subject').inputValue(), subject, 'the subject as literal text');
    // The notes editor shows the allowlisted note: the script element gone, the escaped one as text.
    assert.match(await form.locator('#notes').innerText(), /^Hello\n+<script>document\.body\.dataset\.pwned='text'<\/script>\n*$/);
    assert.strictEqual(await form.locator('#notes script, #notes img').count(), 0);
    const probe = {
      pwned: await form.locator('body').getAttribute('data-pwned'),
      cspViolations: await form.locator('body').getAttribute('data-csp-violations'),
      images: await form.locator('img').count(),
      payloadScripts: await form.locator('script', { hasText: 'pwned' }).count(),
    };
    assert.deepStrictEqual(probe, { pwned: null, cspViolations: null, images: 0, payloadScripts: 0 });
    assert.strictEqual(await form.locator('#priority option:checked').textContent(), '(not set)', 'an unset priority stays unset');
    await expectTabTitle('Edit: <img src=x'); // the tab title shows the text too
    await screenshot('01-literal-payloads');
  });

  it('edits a formatted note: bold, links and lists stay byte for byte, pasted markup is reduced to the allowlist', async () => {
    const note = '<p>Call <strong>Ana</strong> about the <em>Q3</em> renewal &amp; <u>pricing</u>.</p>'
      + '<p>Deck: <a href="https://example.com/deck?a=1&amp;b=2">slides</a><br/>Mail: <a href=\'mailto:ana@example.com\'>Ana</a></p>'
      + '<ul><li>bring <b>numbers</b></li><li>ask about <i>seats</i></li></ul><ol><li>first</li><li>second</li></ol>';
    const taskId = await createTaskViaApi({ hs_task_subject: 'Formatted notes', hs_task_body: note });
    const form = await openTask(taskId);
    const notes = form.locator('#notes');
    await notes.locator('strong', { hasText: 'Ana' }).waitFor();
    assert.strictEqual(await notes.locator('a[href="https://example.com/deck?a=1&b=2"]').textContent(), 'slides');
    assert.strictEqual(await notes.locator('a[href="mailto:ana@example.com"]').count(), 1);
    assert.deepStrictEqual(await notes.locator('ul > li').allTextContents(), ['bring numbers', 'ask about seats']);
    assert.deepStrictEqual(await notes.locator('ol > li').allTextContents(), ['first', 'second']);
    await expectTabTitle('Edit: Formatted notes'); // not dirty: the page sends the note back as given
    await screenshot('01-formatted-note');

    // One word changed, as a user does it: double-click selects it, typing replaces it.
    await notes.locator('em', { hasText: 'Q3' }).dblclick();
    await page.keyboard.type('Q4');
    await expectTabTitle('● Edit: Formatted notes');
    await screenshot('02-one-word-edited');
    await clearRequests();
    await form.locator('#save').click();
    await form.locator('#save-status', { hasText: 'Saved.' }).waitFor();
    const update = (await requests()).find((r) => r.operation === 'updateTask');
    assert.deepStrictEqual(update?.body, { properties: { hs_task_body: note.replace('Q3', 'Q4') } }, 'every other byte as HubSpot had it');

    // The toolbar: a word made bold.
    await notes.locator('p', { hasText: 'renewal' }).first().click();
    await notes.evaluate((node) => {
      const element = node as unknown as PageElement;
      // Select the word "renewal" (the page's own editing commands act on the selection).
      const walker = element.ownerDocument.createTreeWalker(element, 4);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf('renewal');
        if (at >= 0) {
          const range = element.ownerDocument.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'renewal'.length);
          const selection = element.ownerDocument.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
      }
    });
    await form.locator('#notes-bold').click();
    await notes.locator('b', { hasText: 'renewal' }).waitFor();
    // A paste of hostile HTML at the end of the last item: only the allowlist arrives.
    await notes.locator('ol > li', { hasText: 'second' }).click();
    await page.keyboard.press('End');
    await notes.evaluate((node) => {
      const element = node as unknown as PageElement;
      const data = new (element.ownerDocument.defaultView.DataTransfer)();
      data.setData('text/html', ' <img src=x onerror="document.body.dataset.pwned=1"><a href="javascript:document.body.dataset.pwned=2">js link</a>'
        + ' <b onclick="x()">pasted bold</b><script>document.body.dataset.pwned=3</script><a href="https://safe.example/">safe</a><span style="color:red">red</span>');
      element.dispatchEvent(new (element.ownerDocument.defaultView.ClipboardEvent)('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await notes.locator('b', { hasText: 'pasted bold' }).waitFor();
    assert.strictEqual(await notes.locator('img, script, span[style], [onclick]').count(), 0);
    assert.strictEqual(await notes.locator('a[href^="javascript"]').count(), 0);
    assert.strictEqual(await form.locator('body').getAttribute('data-pwned'), null);
    await screenshot('03-bold-and-paste');
    await clearRequests();
    await form.locator('#save').click();
    await form.locator('#save-status', { hasText: 'Saved.' }).waitFor();
    const saved = ((await requests()).find((r) => r.operation === 'updateTask')?.body as { properties: { hs_task_body: string } }).properties.hs_task_body;
    assert.ok(saved.includes('<b>renewal</b>'), saved);
    assert.ok(saved.includes('<b>pasted bold</b>') && saved.includes('<a href="https://safe.example/">safe</a>') && saved.includes('js link'), saved);
    assert.ok(!/<img|<script|javascript:|onclick|onerror|style=|<span/i.test(saved), saved);
    assert.ok(saved.startsWith('<p>Call <strong>Ana</strong> about the <em>Q4</em> '), 'unchanged formatting kept');
    assert.ok(saved.includes('<p>Deck: <a href="https://example.com/deck?a=1&amp;b=2">slides</a><br/>Mail: <a href=\'mailto:ana@example.com\'>Ana</a></p><ul><li>bring <b>numbers</b></li><li>ask about <i>seats</i></li></ul>'), saved);
    await screenshot('04-saved');
  });

  it('Go to Task… searches HubSpot as you type and opens the task chosen', async () => {
    const taskId = await createTaskViaApi({ hs_task_subject: 'Walrus inventory check', hs_task_body: '<p>count the walruses</p>' });
    await runCommand('HubSpot: Go to Task…');
    const widget = await quickInput(page);
    await widget.locator('.monaco-list-row').first().waitFor(); // my open tasks, at once
    await screenshot('01-my-open-tasks');
    await clearRequests();
    await widget.locator('input').first().pressSequentially('Walrus inv', { delay: 40 });
    const row = widget.locator('.monaco-list-row', { hasText: 'Walrus inventory check' });
    await row.waitFor();
    await widget.locator('.monaco-list-row', { hasText: 'Dana Demo' }).first().waitFor();
    await screenshot('02-search-results');
    const searches = (await requests()).filter((r) => r.operation === 'searchTasks');
    assert.ok(searches.length >= 1 && searches.length <= 3, `10 keystrokes, ${searches.length} searches`);
    assert.strictEqual((searches.at(-1)?.body as { query?: string }).query, 'Walrus inv');
    await row.click();
    await pickRow('Open');
    const form = await loadedEditor();
    assert.strictEqual(await form.locator('#subject').inputValue(), 'Walrus inventory check');
    await expectTabTitle('Edit: Walrus inventory check');
    await screenshot('03-opened');
    assert.ok(taskId);
  });

  it('looks native in light, dark and high contrast themes', async () => {
    const taskId = await createTaskViaApi({ hs_task_subject: 'Theme check', hs_task_body: '<p>Notes in <b>every</b> theme</p>', hs_task_priority: 'MEDIUM' });
    await api('PUT', `/crm/v3/objects/tasks/${taskId}/associations/contacts/51000001/204`);
    const form = await openTask(taskId);
    await form.locator('#associations .chip').first().waitFor();
    await expectTabTitle('Edit: Theme check');
    const tab = page.locator('.tabs-container .tab.active').first();
    assert.ok(!((await tab.textContent()) ?? '').includes('●'), 'an untouched form is not dirty (ms due dates included)');
    const background = () => form.locator('body').evaluate((b) => (globalThis as unknown as Styles).getComputedStyle(b).backgroundColor);
    try {
      await switchTheme('Light Modern');
      await form.locator('body.vscode-light').waitFor();
      await screenshot('01-light');
      const light = await background();

      await switchTheme('Dark Modern');
      await form.locator('body.vscode-dark').waitFor();
      await screenshot('02-dark');
      assert.notStrictEqual(await background(), light, 'the page follows the theme');

      await switchTheme('Dark High Contrast');
      await form.locator('body.vscode-high-contrast').waitFor();
      await screenshot('03-high-contrast-dark');

      await switchTheme('Light High Contrast');
      await form.locator('body.vscode-high-contrast-light').waitFor();
      await screenshot('04-high-contrast-light');
    } finally {
      // VS Code's default, for the test files that run after this one in the same stack.
      await switchTheme('Dark Modern');
    }
  });
});

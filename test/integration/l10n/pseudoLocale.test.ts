// Issue 19.1: no user-visible string bypasses localisation. This suite runs only in the in-host pass whose
// display language is the pseudo locale qps-ploc (scripts/test-integration.js; test/harness/displayLanguage.ts),
// where every text of l10n/bundle.l10n.qps-ploc.json and package.nls.qps-ploc.json is wrapped in ⟦ ⟧
// (scripts/l10n.js pseudo). It drives the manifest's contributions, the tree, the view's title and message,
// the status bar, notifications and the task editor, and fails on any word left outside ⟦ ⟧ that is not data:
// task content is made here of digits only, and what HubSpot itself names (property labels, owner names)
// comes from the sandbox's answers, as a user's account would send them in its own language.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { Commands } from '../../../src/constants';
import type { Shown } from '../../../src/ui/notifier';
import type { TreeNode } from '../../../src/views/treeNodes';
import { DEMO_OWNER_ID } from '../../support/demo';
import { waitFor } from '../../support/waitFor';
import { ourExtension } from '../support/extension';
import { deleteQuietly, openInEditor, writeWorkspaceFile } from '../todo/support';
import { sandbox } from '../support/sandbox';
import { children, idle, signedInContainer } from '../tree/treeSupport';

interface L10nScript {
  PSEUDO_LOCALE: string;
  manifestTexts(manifest: unknown): Array<{ at: string; value: string }>;
}
/** scripts/ is plain Node, beside out/: the same list of manifest fields the unit check uses. */
function l10nScript(): L10nScript {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(ourExtension().extensionPath, 'scripts', 'l10n.js')) as L10nScript;
}

/** Removes every ⟦…⟧ (innermost first: a translated text can hold another as its argument). */
function withoutMarked(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return rest;
}

/** Month and weekday names, AM/PM: the date formatter's (Intl) words, not ours. */
function dateWords(): string[] {
  const words = new Set<string>();
  for (const locale of [vscode.env.language, 'en']) {
    for (let month = 0; month < 12; month++) {
      const day = new Date(2026, month, 1 + month, 9 + month);
      for (const option of [{ month: 'long' }, { month: 'short' }, { weekday: 'long' }, { weekday: 'short' }, { hour: 'numeric', hour12: true }] as const) {
        try {
          new Intl.DateTimeFormat(locale, option).formatToParts(day).filter((p) => p.type === 'month' || p.type === 'weekday' || p.type === 'dayPeriod').forEach((p) => words.add(p.value));
        } catch {
          // A locale Intl does not know: its words are the English ones, already in the set.
        }
      }
    }
  }
  return [...words].sort((a, b) => b.length - a.length);
}

describe('Pseudo locale: every text the user reads is localised', function () {
  this.timeout(120_000);
  let c: Container;
  /** HubSpot's own words (its property labels, owner names): data in the account's language, not ours. */
  let data: string[] = [];
  const shown: Shown[] = [];
  let subscription: vscode.Disposable | undefined;

  /** The words of `text` that are neither marked, nor data, nor an icon, nor the date formatter's. */
  function unlocalised(text: string): string[] {
    // Icons ($(check)) and addresses (a placeholder "https://…") are not words to translate.
    // The locale's own tag (qps-Ploc-US) is no word either: the editor's page gets it for its date formatting.
    let rest = withoutMarked(text).replace(/\$\([a-z-~]+\)/g, ' ').replace(/\b(?:https?|mailto):\S*/g, ' ')
      .replace(new RegExp(`\\b${vscode.env.language.split('-')[0]}(?:-[a-z0-9]+)*\\b`, 'gi'), ' ');
    for (const word of [...data, ...dateWords()]) {
      rest = rest.split(word).join(' ');
    }
    return rest.match(/\p{L}*\p{Ll}\p{L}*/gu)?.filter((w) => w.length > 1) ?? [];
  }

  function expectLocalised(where: string, texts: Array<string | undefined>): void {
    const found = texts.filter((t): t is string => !!t).flatMap((text) => unlocalised(text).map((word) => `${where}: "${word}" in ${JSON.stringify(text.slice(0, 160))}`));
    assert.deepStrictEqual(found, [], 'texts shown outside l10n');
  }

  let l10n: L10nScript;

  before(async function () {
    l10n = l10nScript();
    assert.strictEqual(vscode.env.language, l10n.PSEUDO_LOCALE, 'VS Code runs in the pseudo locale (test/harness/displayLanguage.ts)');
    c = await signedInContainer();
    await sandbox.reset('empty');
    c.tree.tasks.forgetWrites();
    // Overdue, later today, in two days, next month (HubSpot requires a due date).
    const endOfToday = new Date();
    endOfToday.setHours(23, 58, 0, 0);
    const day = 24 * 3600_000;
    const due = [Date.now() - 2 * day, endOfToday.getTime(), Date.now() + 2 * day, Date.now() + 30 * day];
    for (const [i, at] of due.entries()) {
      await c.client.tasks.createTask({
        properties: {
          hs_task_subject: `${1000 + i}`, hs_task_body: `<p>${2000 + i}</p>`, hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'NOT_STARTED',
          hs_task_priority: i % 2 ? 'HIGH' : 'LOW', hs_task_type: 'CALL', hs_timestamp: String(at),
        },
      });
    }
    const labels = await Promise.all(['hs_task_status', 'hs_task_priority', 'hs_task_type'].map((p) => c.client.account.taskProperty(p)));
    const owners = await c.client.owners.allOwners();
    data = [...labels.flatMap((d) => d?.options.map((o) => o.label) ?? []), ...owners.flatMap((o) => [o.firstName, o.lastName, o.email])]
      .filter(Boolean).sort((a, b) => b.length - a.length);
    subscription = c.notify.onDidShow((s) => shown.push(s));
    await c.tree.refresh();
    await idle(c);
  });

  after(() => subscription?.dispose());

  it('the manifest: settings, views, welcome text, walkthrough and tools come from package.nls.qps-ploc.json', () => {
    const texts = l10n.manifestTexts(ourExtension().packageJSON);
    const sections = new Set(texts.map((t) => t.at.split('.').slice(0, 2).join('.')));
    // The extension host's copy of the manifest leaves out contributes.commands (their titles are the palette's,
    // checked as %key%s by the unit test); every other section VS Code shows is here, as VS Code localised it.
    for (const section of ['displayName', 'capabilities.untrustedWorkspaces', 'contributes.configuration', 'contributes.views', 'contributes.viewsWelcome', 'contributes.walkthroughs', 'contributes.languageModelTools']) {
      assert.ok(sections.has(section), `${section} among the ${texts.length} texts read (${[...sections].join(', ')})`);
    }
    const plain = texts.filter((t) => !/^⟦[\s\S]*⟧$/.test(t.value)).map((t) => `${t.at}: ${t.value.slice(0, 60)}`);
    assert.deepStrictEqual(plain, [], 'manifest texts VS Code shows without the pseudo translation');
  });

  it('the tree: groups, tasks, their tooltips, the filter rows and the view', async () => {
    await vscode.commands.executeCommand('hubspotTasks.tasks.focus');
    const texts: Array<string | undefined> = [];
    const visit = async (node?: TreeNode, depth = 0): Promise<void> => {
      for (const child of await children(c, node)) {
        const item = c.tree.provider.getTreeItem(child);
        const tooltip = c.tree.provider.resolveTreeItem(item, child).tooltip;
        texts.push(typeof item.label === 'string' ? item.label : item.label?.label, String(item.description ?? ''), typeof tooltip === 'string' ? tooltip : tooltip?.value);
        if (depth < 1) {
          await visit(child, depth + 1);
        }
      }
    };
    await visit();
    assert.ok(texts.length >= 15, `${texts.length} texts read from the tree`);
    assert.ok(texts.some((t) => t === '1000'), 'the tasks made here are in the tree');
    // A filter: its row and the view's description or message say so.
    await c.tree.tasks.setFilters({ ...c.tree.tasks.filters, text: '100' });
    await idle(c);
    await visit();
    texts.push(c.tree.view.title, c.tree.view.description, c.tree.view.message);
    expectLocalised('tree', texts);
    await c.tree.tasks.setFilters({ ...c.tree.tasks.filters, text: '' });
    await idle(c);
  });

  it('the status bar', async () => {
    await c.tree.statusBar.refresh(true);
    assert.ok(c.tree.statusBar.current, 'counted');
    expectLocalised('status bar', [c.tree.statusBar.text, c.tree.statusBar.tooltipText]);
  });

  it('offline: the stale marks of the status bar and the view, and the tree\'s offline rows', async () => {
    await sandbox.configure({ faults: { rate: 1, seed: 7, kinds: ['503'] } });
    try {
      await c.tree.tasks.refresh();
      await c.tree.statusBar.refresh(true);
      await waitFor(() => c.tree.statusBar.unreachable && c.tree.view.message, { what: 'the stale marks', timeoutMs: 15_000 });
      const rows = await children(c);
      const texts = rows.map((n) => c.tree.provider.getTreeItem(n)).flatMap((i) => [typeof i.label === 'string' ? i.label : i.label?.label, String(i.description ?? ''), typeof i.tooltip === 'string' ? i.tooltip : i.tooltip?.value]);
      expectLocalised('offline', [c.tree.statusBar.text, c.tree.statusBar.tooltipText, c.tree.view.message, c.tree.view.description, ...texts]);
    } finally {
      await sandbox.configure({ faults: null });
      await c.tree.refresh();
      await c.tree.statusBar.refresh(true);
      await idle(c);
    }
  });

  it('notifications, progress and quick picks of the task commands', async () => {
    shown.length = 0;
    const group = (await children(c)).find((n) => n.kind === 'group' && n.id === 'overdue');
    assert.ok(group, 'the overdue group');
    const task = (await children(c, group)).find((n) => n.kind === 'task');
    assert.ok(task, 'a task in it');
    await vscode.commands.executeCommand(Commands.copyLink, task);
    await vscode.commands.executeCommand(Commands.complete, task);
    // Without a selection: says what to select.
    await vscode.commands.executeCommand(Commands.complete);
    await waitFor(() => shown.some((s) => s.kind === 'message'), { what: 'a notification' });
    assert.ok(shown.length >= 2, `${shown.length} things shown`);
    expectLocalised('notifications', shown.flatMap((s) => {
      switch (s.kind) {
        case 'message': return [s.message, s.detail, ...s.items];
        case 'progress': return [s.title, s.message];
        case 'quickPick': return [s.title, s.placeHolder, ...s.items.flatMap((i) => [i.label, i.description, i.detail])];
        case 'input': return [s.title, s.prompt, s.placeHolder];
        case 'status': return [s.text];
      }
    }));
  });

  it('TODO comments: the CodeLens, the quick fix and the linked TODO\'s hover', async () => {
    const linked = (await c.client.tasks.createTask({
      properties: { hs_task_subject: '3000', hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'WAITING', hs_task_priority: 'HIGH', hs_timestamp: String(Date.now() + 3600_000) },
    })).id;
    const file = await writeWorkspaceFile('l10n/pseudo.ts', `// TODO: 4000\n// TODO(HS-${linked}): 5000\nexport const x = 1;\n`);
    try {
      await openInEditor(file);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file);
      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file, new vscode.Range(0, 4, 0, 4));
      const hover = await waitFor(async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file, new vscode.Position(1, 5));
        const ours = hovers.flatMap((h) => h.contents).find((m): m is vscode.MarkdownString => m instanceof vscode.MarkdownString && m.value.includes(`HS-${linked}`));
        // The hover says "unknown" until the task's status was read: wait for the task's own fields.
        return ours && /3000/.test(ours.value) ? ours : undefined;
      }, { what: 'the linked TODO\'s hover with its task' });
      const ourLenses = lenses.filter((l) => l.command?.command.startsWith('hubspotTasks.'));
      const ourFixes = fixes.filter((f) => f.command?.command.startsWith('hubspotTasks.') || f.kind?.value.includes('hubspot'));
      assert.ok(ourLenses.length > 0 && ourFixes.length > 0, `${ourLenses.length} CodeLens, ${ourFixes.length} quick fixes`);
      // The hover's Markdown: its command links' targets and the id (HS-12) are not words; its text is.
      const hoverText = hover.value.replace(/\]\(command:[^)]*\)/g, ']').replace(/\\(.)/g, '$1').replace(new RegExp(`HS-${linked}`, 'g'), ' ');
      expectLocalised('TODO', [...ourLenses.map((l) => l.command?.title), ...ourFixes.map((f) => f.title), hoverText]);
    } finally {
      await deleteQuietly(file);
    }
  });

  it('the task editor: its page and what the extension posts to it', async () => {
    // Any open task made here (the one due in two days is open whatever the time of day).
    const group = (await children(c)).find((n) => n.kind === 'group' && (n.id === 'thisWeek' || n.id === 'later'));
    const task = group && (await children(c, group)).find((n): n is Extract<TreeNode, { kind: 'task' }> => n.kind === 'task');
    assert.ok(task, 'a task due this week or later');
    const before = c.taskEditors.openPanels.length;
    await vscode.commands.executeCommand(Commands.editTask, task.task.id);
    const panel = await waitFor(() => c.taskEditors.openPanels.length > before && c.taskEditors.openPanels.at(-1), { what: 'the task editor' });
    await panel.loaded;
    const html = panel.panel.webview.html;
    // The page's own texts: its markup's text and attributes people read, and the strings its script shows
    // (sent with `init` once the page is ready).
    const init = await waitFor(() => panel.posted.find((m) => m.type === 'init'), { what: 'the page ready and its init message' });
    const markup = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ');
    const attributes = [...markup.matchAll(/\b(?:title|aria-label|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
    const text = markup.replace(/<[^>]+>/g, '\n').split('\n').map((line) => line.trim()).filter(Boolean);
    assert.ok(text.length > 10, `${text.length} texts on the page`);
    const stringValues = init.type === 'init' ? Object.values(init.strings) : [];
    assert.ok(stringValues.length > 10, `${stringValues.length} strings for the script`);
    expectLocalised('task editor page', [...text.map(decodeEntities), ...attributes.map(decodeEntities), ...stringValues, panel.panel.title]);
    panel.panel.dispose();
  });
});

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

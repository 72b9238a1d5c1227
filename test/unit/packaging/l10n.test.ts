// Issue 19.1: localisation is complete and stays so. scripts/l10n.js reads the source with the TypeScript
// compiler: the bundle must hold exactly the strings the code passes to vscode.l10n.t, the German files
// every key with its placeholders, package.json only %key% texts, and no literal may reach the UI
// without t(). The in-host pseudo-locale pass (test/integration/l10n/) checks what VS Code really shows.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');

interface L10nScript {
  scanSource(files?: string[]): { keys: Map<string, string>; dynamic: string[]; bypasses: string[] };
  problems(): string[];
  pseudo(text: string): string;
  TRANSLATIONS: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const l10n = require(path.join(ROOT, 'scripts', 'l10n.js')) as L10nScript;

describe('localisation (scripts/l10n.js)', function () {
  this.timeout(60_000); // parses every source file
  let problems: string[];
  before(() => {
    problems = l10n.problems();
  });
  const about = (prefix: RegExp) => problems.filter((line) => prefix.test(line));

  it('l10n/bundle.l10n.json holds exactly the strings the source translates (none missing, none stale)', () => {
    assert.deepStrictEqual(about(/^l10n\/bundle\.l10n\.json /), [], 'run `node scripts/l10n.js export`');
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    assert.ok(Object.keys(bundle).length > 300, `${Object.keys(bundle).length} strings`);
  });

  it('German: every runtime string and every manifest string translated, with the same placeholders', () => {
    assert.deepStrictEqual(l10n.TRANSLATIONS, ['de']);
    assert.deepStrictEqual(about(/^(l10n\/bundle\.l10n\.de\.json|package\.nls\.de\.json) /), []);
  });

  it('package.json shows no text that is not a %key% of package.nls.json, and keeps no unused key', () => {
    assert.deepStrictEqual(about(/^package\.(json|nls\.json) /), []);
  });

  it('no string literal reaches a notification, picker, tree item or status bar without l10n.t', () => {
    assert.deepStrictEqual(about(/^src\//), []);
  });

  it('the lint finds each kind of bypass, and the extractor each way the code calls t()', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l10n-lint-'));
    const file = path.join(dir, 'sample.ts');
    fs.writeFileSync(file, [
      "import * as vscode from 'vscode';",
      'const t = vscode.l10n.t;',
      "void vscode.window.showInformationMessage('Task saved');",
      "void this.notify.warn(`Could not save ${name}`);",
      "void notifier.error(t('Fine'), 'Retry');",
      "const item = new vscode.TreeItem('Overdue');",
      "statusItem.text = 'Due today';",
      "void notify.pick(items, { placeHolder: 'Pick a task' });",
      "log.warn('not shown to users');",
      "const ok = { label: /*l10n*/ 'Marked label', id: 'HS-1' };",
      "void vscode.l10n.t('Direct call {0}', 1);",
      "const label = t(group.label);",
      "status.textContent = 'Saving failed';",
      "status.textContent = strings.saving ?? '';",
    ].join('\n'));
    const { keys, dynamic, bypasses } = l10n.scanSource([file]);
    fs.rmSync(dir, { recursive: true, force: true });
    const flagged = bypasses.map((line) => line.replace(/^\S+:(\d+) .*$/, 'line $1'));
    assert.deepStrictEqual(flagged, ['line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 13']);
    assert.deepStrictEqual([...keys.keys()].sort(), ['Direct call {0}', 'Fine', 'Marked label']);
    assert.strictEqual(dynamic.length, 1);
  });

  it('the pseudo locale marks a whole text and keeps its placeholders and links', () => {
    assert.strictEqual(l10n.pseudo('Due: {0}'), '⟦Due: {0}⟧');
    assert.strictEqual(l10n.pseudo('[Sign In](command:x)'), '⟦[Sign In](command:x)⟧');
  });
});

// Hostile content, statically and in the pure converters: no Markdown the extension shows trusts
// command links it did not create, no HTML is built from data in the webview, the webview's CSP allows
// no inline script, and every hostile payload passed through the note converters comes out as text
// (tree tooltip) or as inert HTML (what the editor saves back to HubSpot).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../harness/paths';
import { htmlToText as treeNotes } from '../../../src/tasks/htmlToText';
import { taskUrl } from '../../../src/tasks/links';
import { mergeNotes, notesToText as editorNotes, safeHref, sanitizeNotes, textToHtml } from '../../../src/tasks/htmlToText';
import { HOSTILE_PAYLOADS, PWNED_HOOK } from '../../fixtures/hostilePayloads';

function sources(dir: string): { file: string; text: string }[] {
  return (fs.readdirSync(path.join(REPO_ROOT, dir), { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ file: path.join(dir, name), text: fs.readFileSync(path.join(REPO_ROOT, dir, name), 'utf8') }));
}

/** Our command ids (package.json), the only commands a trusted Markdown of ours may enable. */
function ourCommands(): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  return new Set(manifest.contributes.commands.map((c) => c.command));
}

/** The only tags textToHtml may produce; anything else would be markup from the user's data. */
const INERT_HTML = /^(?:<p>|<\/p>|<br>|[^<>])*$/;

describe('Reliability: hostile content (static checks and converters)', () => {
  const src = sources('src');

  it(`the payload fixture has at least 30 payloads, unique ids, and every kind asked for`, () => {
    assert.ok(HOSTILE_PAYLOADS.length >= 30, `${HOSTILE_PAYLOADS.length} payloads`);
    assert.strictEqual(new Set(HOSTILE_PAYLOADS.map((p) => p.id)).size, HOSTILE_PAYLOADS.length);
    const all = HOSTILE_PAYLOADS.map((p) => p.text).join('\n');
    for (const needle of ['<script', 'onerror=', 'javascript:', 'command:', '<svg onload', '<style>', '](command:', '![', '&lt;', '\u202E', '\u200B', '\u0000']) {
      assert.ok(all.includes(needle), `a payload with ${JSON.stringify(needle)}`);
    }
    assert.ok(HOSTILE_PAYLOADS.some((p) => p.text.length >= 100_000), 'a 100 KB payload');
  });

  it('no MarkdownString is trusted wholesale, and none supports raw HTML', () => {
    const offenders = src.flatMap(({ file, text }) =>
      [...text.matchAll(/isTrusted\s*(?:=|:)\s*true|supportHtml\s*(?:=|:)\s*true|new\s+vscode\.MarkdownString\([^)]*,\s*[^)]*,\s*true/g)].map((m) => `${file}: ${m[0]}`));
    assert.deepStrictEqual(offenders, []);
  });

  it('a MarkdownString that enables commands enables only this extension\'s own commands', () => {
    const ours = ourCommands();
    const constants = fs.readFileSync(path.join(REPO_ROOT, 'src', 'todo', 'todoCommandIds.ts'), 'utf8') + fs.readFileSync(path.join(REPO_ROOT, 'src', 'constants.ts'), 'utf8');
    const trusted = src.flatMap(({ file, text }) => [...text.matchAll(/isTrusted\s*(?:=|:)\s*([^;\n]+)/g)].map((m) => ({ file, value: m[1] })));
    for (const { file, value } of trusted) {
      const list = /enabledCommands:\s*\[([^\]]*)\]/.exec(value);
      assert.ok(list, `${file}: isTrusted must be { enabledCommands: [...] }, got ${value}`);
      for (const ref of list[1].split(',').map((s) => s.trim()).filter(Boolean)) {
        const literal = /^['"]([^'"]+)['"]$/.exec(ref)?.[1];
        // A reference like TodoCommands.openInHubSpot: resolve its value in the id modules.
        const name = ref.split('.').pop()!;
        const resolved = literal ?? new RegExp(`\\b${name}:\\s*'([^']+)'`).exec(constants)?.[1];
        assert.ok(resolved, `${file}: cannot resolve ${ref}`);
        // Ours: contributed in package.json, or an internal command under our prefix (hover actions).
        assert.ok(ours.has(resolved) || resolved.startsWith('hubspotTasks.'), `${file}: enables ${resolved}, not ours`);
      }
    }
  });

  it('the webview never builds markup from data (no innerHTML, insertAdjacentHTML, document.write, eval)', () => {
    const offenders = sources('src/webviews').flatMap(({ file, text }) =>
      [...text.matchAll(/\.(?:inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*['"`](?:on\w+|href|src|srcdoc|style)['"`]/g)].map((m) => `${file}: ${m[0]}`));
    // The one exception: the notes editor copies a link's target, and only one safeHref let through.
    const notesEditor = 'src/webviews/app/notesEditor.ts';
    const allowed = fs.readFileSync(path.join(REPO_ROOT, notesEditor), 'utf8').includes("const href = kept === 'a' ? safeHref(element.getAttribute('href')) : undefined;")
      ? [`${notesEditor}: setAttribute('href'`] : [];
    assert.deepStrictEqual(offenders, allowed);
  });

  it('the notes editor inserts markup only from its own allowlisted serialisation (paste, link)', () => {
    const inserts = sources('src/webviews').flatMap(({ file, text }) =>
      [...text.matchAll(/execCommand\('insertHTML', false, ([^\n]*)\);/g)].map((m) => `${file}: ${m[1]}`));
    assert.deepStrictEqual(inserts, [
      'src/webviews/app/notesEditor.ts: serialize(allowedNodes(html))',
      'src/webviews/app/notesEditor.ts: `${canonicalTag(\'a\', false, href)}${escapeNoteText(href)}</a>`',
    ]);
  });

  it('the webview CSP allows scripts only by nonce, no inline script, no eval, no remote anything', () => {
    const panelBase = fs.readFileSync(path.join(REPO_ROOT, 'src', 'webviews', 'panelBase.ts'), 'utf8');
    assert.match(panelBase, /default-src 'none'/);
    assert.match(panelBase, /script-src 'nonce-\$\{nonce\}'/);
    assert.doesNotMatch(panelBase, /unsafe-inline|unsafe-eval|https?:\/\/\*|script-src[^`]*\*/);
    assert.match(panelBase, /enableCommandUris:\s*false/);
    assert.match(panelBase, /randomBytes/);
  });

  it('tree tooltips: every payload\'s notes become plain text with no script body and no control bytes', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      const text = treeNotes(payload.text, { maxLength: 1000 });
      // Script and style bodies are dropped, not shown as if the user had written them.
      if (/^(script|svg-script|style-)/.test(payload.id)) {
        assert.ok(!text.includes(`${PWNED_HOOK}(`) && !text.includes('@import'), `${payload.id}: ${text.slice(0, 200)}`);
      }
      assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(text), `${payload.id}: no control characters`);
      assert.ok(text.length <= 1000, `${payload.id}: bounded`);
    }
  });

  it('the editor saves any payload the user leaves in the notes back as inert HTML (<p>, <br>, escaped text only)', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      // The notes shown in the textarea, and what saving them (edited or typed as-is) writes back.
      for (const text of [editorNotes(payload.text), payload.text]) {
        const html = textToHtml(text);
        assert.match(html, INERT_HTML, `${payload.id}: ${html.slice(0, 200)}`);
      }
    }
  });

  it('the rich-text notes editor shows and saves every payload reduced to the allowlist (links only http/https/mailto)', () => {
    const allowlisted = (html: string, id: string) => {
      for (const match of html.matchAll(/<(\/?)([^\s>/]*)([^>]*)>/g)) {
        const [tag, closing, name, rest] = match;
        assert.ok(['b', 'strong', 'i', 'em', 'u', 'a', 'ol', 'ul', 'li', 'br', 'p'].includes(name.toLowerCase()), `${id}: ${tag}`);
        if (closing || rest.trim() === '' || rest.trim() === '/') {
          continue;
        }
        const href = /^\s+href\s*=\s*(?:"([^"]*)"|'([^']*)')\s*$/i.exec(rest);
        assert.ok(name.toLowerCase() === 'a' && href && safeHref(href[1] ?? href[2]), `${id}: ${tag}`);
      }
      assert.ok(!/<script|<style|<svg|<img|<iframe/i.test(html), `${id}: ${html.slice(0, 200)}`);
    };
    for (const payload of HOSTILE_PAYLOADS) {
      // What the editor is given, and what saving an edit of it (or the payload pasted into a note) writes.
      allowlisted(sanitizeNotes(payload.text), payload.id);
      allowlisted(mergeNotes(payload.text, `<p>edited</p>${sanitizeNotes(payload.text)}`), payload.id);
      allowlisted(mergeNotes('<p>a <b>b</b></p>', `<p>a <b>b</b></p>${payload.text}`), payload.id);
    }
  });

  it('a hostile UI domain never becomes a link (anything but HubSpot\'s app hosts opens the default one)', () => {
    for (const payload of HOSTILE_PAYLOADS) {
      assert.strictEqual(taskUrl({ uiDomain: payload.text, portalId: 1 }, '1'), 'https://app.hubspot.com/contacts/1/record/0-27/1', payload.id);
    }
    assert.strictEqual(taskUrl({ uiDomain: 'app.hubspot.com', portalId: 1 }, '1), [x](command:hubspotTasks.signOut'), undefined);
    assert.strictEqual(taskUrl({ uiDomain: 'app.hubspot.com', portalId: 7 }, '42'), 'https://app.hubspot.com/contacts/7/record/0-27/42');
  });
});

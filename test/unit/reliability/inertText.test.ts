// Issue 13.1 and 13.10: untrusted text never becomes a link, an icon or invisible trickery in what VS Code
// renders (notifications, progress, quick picks, input boxes, the status bar), and "Open in HubSpot" goes
// only to HubSpot's app hosts. Every hostile payload goes through inertText and through the Notifier with a
// fake `vscode.window` that records what it was given and throws on anything else.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type * as vscode from 'vscode';
import { DEFAULT_UI_DOMAIN, taskUrl, uiHost } from '../../../src/tasks/links';
import { inertText } from '../../../src/ui/inertText';
import { livePick } from '../../../src/ui/livePick';
import { Notifier, type UiSink } from '../../../src/ui/notifier';
import { REPO_ROOT } from '../../harness/paths';
import { HOSTILE_PAYLOADS } from '../../fixtures/hostilePayloads';

/**
 * VS Code's own link syntax for notification and progress messages (src/vs/base/common/linkedText.ts):
 * `[label](http(s)://…|command:…|file:…)` with an optional title. A match is a clickable link.
 */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** Markdown's link forms (CommonMark allows no space in `](`, `][`): inline, reference, definition, autolink. */
const MARKDOWN_LINKISH = /\]\(|\]\[|\]:|<[a-z][a-z0-9+.-]*:/i;
/** `$(name)` renders as an icon in quick picks, status-bar text and progress in the status bar. */
const ICON = /\$\([a-z0-9-]+(~spin)?\)/i;
/** What must never reach the UI: controls, bidi overrides/isolates/marks, zero-width and tag characters. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/u;

function assertInert(text: string | undefined, what: string, max = 500): void {
  if (text === undefined) {
    return;
  }
  assert.deepStrictEqual(text.match(NOTIFICATION_LINK), null, `${what}: a notification link survives in ${JSON.stringify(text.slice(0, 120))}`);
  assert.ok(!MARKDOWN_LINKISH.test(text), `${what}: Markdown link syntax survives in ${JSON.stringify(text.slice(0, 120))}`);
  assert.ok(!ICON.test(text), `${what}: icon syntax survives in ${JSON.stringify(text.slice(0, 120))}`);
  assert.ok(!INVISIBLE.test(text), `${what}: an invisible or control character survives`);
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text), `${what}: half a surrogate pair`);
  assert.ok(text.length <= max, `${what}: ${text.length} characters, more than ${max}`);
}

/** A `vscode.window` stand-in that records every call it expects and fails loudly on any other. */
function recordingSink(choose: (items: readonly unknown[]) => unknown = () => undefined) {
  const calls: Array<{ fn: string; args: unknown[] }> = [];
  const record = (fn: string) => (...args: unknown[]) => {
    calls.push({ fn, args });
    return Promise.resolve(undefined);
  };
  const sink = {
    showInformationMessage: record('info'),
    showWarningMessage: record('warning'),
    showErrorMessage: record('error'),
    withProgress: (options: vscode.ProgressOptions, task: (p: vscode.Progress<{ message?: string }>, t: unknown) => Thenable<unknown>) => {
      calls.push({ fn: 'progress', args: [options] });
      return task({ report: (value) => calls.push({ fn: 'report', args: [value] }) }, { isCancellationRequested: false });
    },
    showQuickPick: async (items: Thenable<readonly vscode.QuickPickItem[]>, options: vscode.QuickPickOptions) => {
      const list = await items;
      calls.push({ fn: 'pick', args: [list, options] });
      return choose(list);
    },
    showInputBox: (options: vscode.InputBoxOptions) => {
      calls.push({ fn: 'input', args: [options] });
      return Promise.resolve(undefined);
    },
    setStatusBarMessage: (text: string) => {
      calls.push({ fn: 'status', args: [text] });
      return { dispose() {} };
    },
  };
  const strict = new Proxy(sink, {
    get(target, prop) {
      if (!(prop in target)) {
        throw new Error(`unexpected call to window.${String(prop)}`);
      }
      return target[prop as keyof typeof target];
    },
  });
  return { sink: strict as unknown as UiSink, calls };
}

describe('Reliability: untrusted text in notifications, progress, quick picks (inertText, Notifier)', () => {
  it('the fixture holds command-link variants that a naive check would miss', () => {
    const linking = HOSTILE_PAYLOADS.filter((p) => p.text.match(NOTIFICATION_LINK));
    assert.ok(linking.length >= 4, `${linking.length} payloads are clickable notification links as they stand`);
    for (const id of ['cmd-terminal', 'cmd-title', 'cmd-zero-width', 'cmd-newline', 'cmd-autolink', 'cmd-reference', 'cmd-nested', 'cmd-icon-spoof']) {
      assert.ok(HOSTILE_PAYLOADS.some((p) => p.id === id), id);
    }
  });

  it(`every one of ${HOSTILE_PAYLOADS.length} payloads comes out inert, bounded, and unchanged by a second pass`, () => {
    for (const payload of HOSTILE_PAYLOADS) {
      for (const max of [500, 80]) {
        const once = inertText(payload.text, max);
        assertInert(once, `${payload.id} (max ${max})`, max);
        assert.strictEqual(inertText(once, max), once, `${payload.id}: idempotent`);
      }
      // As a part of a message composed around it (the notifier sanitises the whole message).
      assertInert(inertText(`HubSpot task due: ${payload.text}`), `${payload.id} in a message`);
    }
  });

  it('keeps the text readable: what it changes is visible, and plain text passes untouched', () => {
    assert.strictEqual(inertText('Renew [open](command:workbench.action.terminal.sendSequence?%7B%7D)'), 'Renew [open] (command:workbench.action.terminal.sendSequence?%7B%7D)');
    assert.strictEqual(inertText('[open]\u200b(command:x)'), '[open] (command:x)', 'removing an invisible character must not create a link');
    assert.strictEqual(inertText('$(alert) not an icon'), '$ (alert) not an icon');
    assert.strictEqual(inertText('<command:x> and <b>bold</b>'), '< command:x> and <b>bold</b>');
    assert.strictEqual(inertText('[a][r] [r]: command:x'), '[a] [r] [r] : command:x');
    assert.strictEqual(inertText('invoice\u202Egpj.exe\u202C'), 'invoicegpj.exe');
    assert.strictEqual(inertText('line one\nline two\r\n\tthree'), 'line one line two three');
    assert.strictEqual(inertText('before\u0000after\u001b[31mred'), 'beforeafter[31mred');
    assert.strictEqual(inertText('👩‍👩‍👧 pa\u200dy'), '👩‍👩‍👧 pay', 'a joiner between emoji stays, elsewhere it goes');
    const plain = 'Call Ada about the Q3 renewal (€1,200) — 50% off? [draft] $5 <3';
    assert.strictEqual(inertText(plain), plain);
    assert.strictEqual(inertText(undefined), '');
    assert.strictEqual(inertText(42), '42');
  });

  it('cuts long text with an ellipsis, never between the halves of a surrogate pair', () => {
    assert.strictEqual(inertText('abcdefghij', 5), 'abcd…');
    const emoji = inertText('aaa😀😀😀', 5);
    assert.ok(emoji.endsWith('…') && emoji.length <= 5);
    assertInert(emoji, 'cut emoji', 5);
    assert.strictEqual(inertText(`${'A'.repeat(100_000)}[x](command:y)`, 500).length, 500);
  });

  it('the Notifier passes only inert text to every vscode.window function, for every payload', async () => {
    const { sink, calls } = recordingSink();
    const notify = new Notifier(sink);
    const observed: unknown[] = [];
    const listening = notify.onDidShow((shown) => observed.push(shown));
    for (const payload of HOSTILE_PAYLOADS) {
      await notify.info(`HubSpot task due: ${payload.text}`, 'Complete', 'Open');
      await notify.warn(payload.text);
      await notify.error(`Could not complete the task: ${payload.text}`);
      await notify.confirm(`Archive the task "${payload.text}"?`, payload.text, 'Archive');
      await notify.progress({ location: 15 as vscode.ProgressLocation, title: payload.text }, async (progress) => progress.report({ message: payload.text }));
      await notify.pick([{ label: payload.text, description: payload.text, detail: payload.text, icon: 'check' }], { title: payload.text, placeHolder: payload.text });
      await notify.input({ title: payload.text, prompt: payload.text, placeHolder: payload.text, value: payload.text });
      notify.status(payload.text, 1000);
    }
    listening.dispose();
    assert.strictEqual(calls.filter((c) => c.fn === 'info').length, HOSTILE_PAYLOADS.length);
    for (const call of calls) {
      const [first, second] = call.args as [unknown, unknown];
      switch (call.fn) {
        case 'info':
        case 'warning':
        case 'error': {
          assertInert(first as string, `${call.fn} message`);
          const options = typeof second === 'object' ? second as vscode.MessageOptions : undefined;
          assertInert(options?.detail, `${call.fn} detail`);
          break;
        }
        case 'progress':
          assertInert((first as vscode.ProgressOptions).title, 'progress title');
          break;
        case 'report':
          assertInert((first as { message?: string }).message, 'progress message');
          break;
        case 'pick': {
          const [items, options] = call.args as [vscode.QuickPickItem[], vscode.QuickPickOptions];
          for (const item of items) {
            assert.ok(item.label.startsWith('$(check) '), 'our own icon renders');
            assertInert(item.label.slice('$(check) '.length), 'quick pick label');
            assertInert(item.description, 'quick pick description');
            assertInert(item.detail, 'quick pick detail');
          }
          assertInert(options.title, 'quick pick title');
          assertInert(options.placeHolder, 'quick pick place holder');
          break;
        }
        case 'input': {
          const options = first as vscode.InputBoxOptions;
          assertInert(options.title, 'input title');
          assertInert(options.prompt, 'input prompt');
          assertInert(options.placeHolder, 'input place holder');
          break;
        }
        case 'status':
          assertInert(first as string, 'status-bar message');
          break;
        default:
          assert.fail(`unexpected ${call.fn}`);
      }
    }
    // onDidShow reports what VS Code was given: one event per message, progress start/report, pick, input, status.
    const messages = observed.filter((s) => (s as { kind: string }).kind === 'message') as Array<{ message: string }>;
    assert.deepStrictEqual(messages.map((m) => m.message), calls.filter((c) => ['info', 'warning', 'error'].includes(c.fn)).map((c) => c.args[0]));
  });

  it('a quick pick returns the caller\'s own item (its extra fields), not the sanitised copy shown', async () => {
    const { sink, calls } = recordingSink((items) => items[1]);
    const notify = new Notifier(sink);
    const items = [{ label: 'a', ownerId: '1' }, { label: '$(check) [x](command:y)', ownerId: '2' }];
    const picked = await notify.pick(items);
    assert.strictEqual(picked, items[1]);
    const shown = calls[0].args[0] as vscode.QuickPickItem[];
    assert.strictEqual(shown[1].label, '$ (check) [x] (command:y)');
    assert.strictEqual(items[1].label, '$(check) [x](command:y)', 'the caller\'s item is not modified');
  });

  it('the live quick pick (Go to Task…) passes only inert text to VS Code, for every payload, and hands back the caller\'s items', () => {
    const quickPick = {
      items: [] as vscode.QuickPickItem[], activeItems: [] as vscode.QuickPickItem[], title: undefined as string | undefined, placeholder: undefined as string | undefined,
      value: '', busy: false, matchOnDescription: false, matchOnDetail: false,
      onDidChangeValue: () => ({ dispose() {} }), onDidTriggerItemButton: () => ({ dispose() {} }), onDidHide: () => ({ dispose() {} }),
      accept: undefined as (() => void) | undefined,
      onDidAccept(listener: () => void) {
        this.accept = listener;
        return { dispose() {} };
      },
      show() {}, hide() {}, dispose() {},
    };
    const sink = { createQuickPick: () => quickPick } as unknown as Pick<typeof vscode.window, 'createQuickPick'>;
    const notify = new Notifier({} as UiSink);
    const observed: unknown[] = [];
    notify.onDidShow((shown) => observed.push(shown));
    const payload = HOSTILE_PAYLOADS.map((p) => p.text).join(' ');
    const pick = livePick<{ id: number }>(sink, notify, { title: payload, placeHolder: payload });
    assertInert(quickPick.title, 'title');
    assertInert(quickPick.placeholder, 'place holder');
    const items = HOSTILE_PAYLOADS.map((p, id) => ({ id, label: p.text, description: p.text, detail: p.text }));
    pick.setItems(items);
    assert.strictEqual(quickPick.items.length, HOSTILE_PAYLOADS.length);
    for (const item of quickPick.items) {
      assertInert(item.label, 'label');
      assertInert(item.description, 'description');
      assertInert(item.detail, 'detail');
      assert.strictEqual(item.alwaysShow, true, 'HubSpot matched it: VS Code must not filter it out');
    }
    assert.strictEqual(observed.length, 1, 'reported to onDidShow');
    let accepted: { id: number } | undefined;
    pick.onDidAccept((item) => (accepted = item));
    quickPick.activeItems = [quickPick.items[7]];
    quickPick.accept?.();
    assert.strictEqual(accepted, items[7], 'the caller\'s own item');
  });

  it('no code outside src/ui/notifier.ts calls the vscode.window functions that render untrusted text', () => {
    const config = fs.readFileSync(path.join(REPO_ROOT, 'eslint.config.mjs'), 'utf8');
    assert.match(config, /'no-restricted-properties'/);
    assert.match(config, /ignores: \['src\/ui\/notifier\.ts', 'src\/ui\/livePick\.ts'\]/);
    const dir = path.join(REPO_ROOT, 'src');
    const offenders: string[] = [];
    for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
      // livePick.ts: the live quick pick, sanitised with the notifier's helpers (tested below).
      if (!name.endsWith('.ts') || name === path.join('ui', 'notifier.ts') || name === path.join('ui', 'livePick.ts')) {
        continue;
      }
      const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/\.(showInformationMessage|showWarningMessage|showErrorMessage|withProgress|showQuickPick|createQuickPick|showInputBox|createInputBox|setStatusBarMessage)\b/.test(line)
          && !/eslint-disable-next-line no-restricted-properties/.test(lines[i - 1] ?? '') && !/eslint-disable-next-line no-restricted-properties/.test(lines[i - 2] ?? '')) {
          offenders.push(`src/${name}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    assert.deepStrictEqual(offenders, []);
  });
});

describe('Reliability: "Open in HubSpot" goes only to HubSpot (tasks/links.ts)', () => {
  it('keeps HubSpot\'s app hosts and loopback, in any case and with spaces around', () => {
    for (const host of ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-ap1.hubspot.com', 'app-na1-sandbox.hubspot.com', 'app.hubspotqa.com', 'app-eu1.hubspotqa.com', '127.0.0.1:4010', 'localhost', 'localhost:8080', '[::1]:4010']) {
      assert.strictEqual(uiHost(host), host, host);
    }
    assert.strictEqual(uiHost(' APP-EU1.HubSpot.com '), 'app-eu1.hubspot.com');
    assert.strictEqual(taskUrl({ uiDomain: 'app-eu1.hubspot.com', portalId: 7 }, '42'), 'https://app-eu1.hubspot.com/contacts/7/record/0-27/42');
  });

  it('sends any other host the server names to the default app host', () => {
    const hostile = [
      'evil.example', 'pwned.invalid', 'hubspot.com.evil.example', 'app.hubspot.com.evil.example', 'evilhubspot.com', 'app.evilhubspot.com',
      'login.hubspot.com', 'app.hubspot.com:8443', 'app.hubspot.com.', 'user@app.hubspot.com', 'app.hubspot.com/redirect?to=evil', 'app.hubspot.co',
      '127.0.0.1.nip.io', 'localhost.evil.example', '10.0.0.1', '169.254.169.254', '0.0.0.0', 'app-.hubspot.com', '', '   ',
    ];
    for (const host of hostile) {
      assert.strictEqual(uiHost(host), DEFAULT_UI_DOMAIN, host);
      assert.strictEqual(taskUrl({ uiDomain: host, portalId: 1 }, '5'), 'https://app.hubspot.com/contacts/1/record/0-27/5', host);
    }
    for (const payload of HOSTILE_PAYLOADS) {
      assert.strictEqual(uiHost(payload.text), DEFAULT_UI_DOMAIN, payload.id);
    }
    assert.strictEqual(uiHost(undefined), DEFAULT_UI_DOMAIN);
    assert.strictEqual(uiHost(42), DEFAULT_UI_DOMAIN);
  });

  it('builds no link from a task id or portal id that is not a number', () => {
    assert.strictEqual(taskUrl({ uiDomain: 'app.hubspot.com', portalId: 1 }, '1), [x](command:hubspotTasks.signOut'), undefined);
    assert.strictEqual(taskUrl({ uiDomain: 'app.hubspot.com', portalId: 1 }, '1\n2'), undefined);
    assert.strictEqual(taskUrl({ uiDomain: 'app.hubspot.com', portalId: Number.NaN }, '1'), undefined);
    assert.strictEqual(taskUrl({ uiDomain: 'app.hubspot.com', portalId: -3 }, '1'), undefined);
  });
});

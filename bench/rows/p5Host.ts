// P5 in the REAL extension host: code-server (a real VS Code whose extension host is Node) with the packaged
// .vsix installed, driven by Chromium (the project's test harness, see test/harness/). Each sample is one
// window load, so one fresh extension host: the first load opens the workbench, every later one reloads the
// page (as "Developer: Reload Window" does; the renderer terminates the old host). In each window,
// "Developer: Show Running Extensions" shows VS Code's own measurement of every activated extension,
// `codeLoadingTime + activateCallTime` (the require of its main file + the synchronous activate() call);
// this reads it for our extension and for built-in references in the same window, then, from each host's log,
// the extension's own line for the activate() call alone (wall and CPU: the goal). A window takes 10–30 s on
// a loaded 2-core machine, almost all of it VS Code's own start-up, so every window counts, the first (the
// first start after install) included.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/harness/browser';
import { installExtension, listLogFiles, startCodeServer } from '../../test/harness/codeServer';
import { EXTENSION_ID } from '../../test/harness/extHostLog';
import { ensureProvisioned } from '../../test/harness/paths';
import { createRunDirs, runEnv, writeUserSettings } from '../../test/harness/runDirs';
import { startSandbox } from '../../test/harness/sandbox';
import { runCommand } from '../../test/e2e/support/workbench';
import { ROOT } from '../support/paths';

/**
 * Built-ins measured in the same windows. Merge Conflict activates on onStartupFinished like ours (same
 * batch, same conditions); Git is a large extension activated at startup (`*`).
 */
export const HOST_REFERENCES = ['Merge Conflict', 'Git'] as const;

export interface HostActivation {
  /** "4.139.1 … with Code 1.139.1" */
  version: string;
  /** Our figure (ms) per window; the first is the first start after install. */
  ours: number[];
  /** The references' figures (ms) per window, by display name (missing when not activated). */
  references: Record<string, number[]>;
  /** Seconds per window (load + command + read), for the note. */
  windowSeconds: number[];
  /** The onStartupFinished batch, in the order the extension host started it (its log). */
  startupFinishedOrder: string[];
  /** The synchronous activate() call per window (ms), as the extension logs it ("Activated in N ms (CPU M ms)"). */
  activateCall: number[];
  /** The extension host thread's CPU time in that call, per window (ms). */
  activateCpu: number[];
}

const WINDOW_TIMEOUT_MS = 90_000;
const ACTION_TIMEOUT_MS = 60_000;
const ACTIVATION = /^(Startup )?Activation: (\d+)ms$/;

/**
 * The name Running Extensions shows for us in an English window: the manifest's displayName, or, when it is a
 * `%key%` (the manifest is localised), that key's text in package.nls.json.
 */
function englishDisplayName(): string {
  const name = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { displayName: string }).displayName;
  const key = /^%(.+)%$/.exec(name)?.[1];
  if (key === undefined) {
    return name;
  }
  const text = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>)[key];
  if (typeof text !== 'string') {
    throw new Error(`package.nls.json has no "${key}" for the manifest's displayName`);
  }
  return text;
}

export async function measureHostActivation(vsix: string, windows: number, progress: (line: string) => void): Promise<HostActivation> {
  const tools = ensureProvisioned();
  const displayName = englishDisplayName();
  const dirs = createRunDirs('bench-p5');
  const stops: Array<() => Promise<void>> = [];
  try {
    // Signed out (a fresh browser profile has no token in SecretStorage), pointed at a local sandbox.
    const sandbox = await startSandbox({ seed: 'empty' });
    stops.push(() => sandbox.close());
    writeUserSettings(dirs, { 'hubspotTasks.baseUrl': sandbox.url });
    const env = runEnv(dirs);
    installExtension(vsix, dirs, env);
    const server = await startCodeServer({ dirs, env, logFile: path.join(dirs.root, 'code-server.log'), skipShellEnv: true });
    stops.push(() => server.stop());
    const browser = await launchChromium();
    stops.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(WINDOW_TIMEOUT_MS);
    const page = await context.newPage();

    const result: HostActivation = { version: tools.codeServerVersion, ours: [], references: {}, windowSeconds: [], startupFinishedOrder: [], activateCall: [], activateCpu: [] };
    for (let i = 0; i < windows; i++) {
      const started = Date.now();
      if (i === 0) {
        await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`, { waitUntil: 'domcontentloaded' });
      } else {
        await page.reload({ waitUntil: 'domcontentloaded' });
      }
      const times = await readActivationTimes(page, displayName);
      const ours = times.get(displayName)!;
      const seconds = (Date.now() - started) / 1000;
      const refs = HOST_REFERENCES.map((name) => `${name} ${times.get(name) ?? '–'}`).join(', ');
      progress(`window ${i + 1}/${windows}: ${ours} ms; ${refs} (${seconds.toFixed(1)} s)`);
      result.ours.push(ours);
      result.windowSeconds.push(seconds);
      for (const name of HOST_REFERENCES) {
        const ms = times.get(name);
        if (ms !== undefined) {
          (result.references[name] ??= []).push(ms);
        }
      }
    }
    result.startupFinishedOrder = startupFinishedOrder(listLogFiles(server.logsDir));
    const logged = await loggedActivateCalls(server.logsDir, windows);
    result.activateCall = logged.map((l) => l.wallMs);
    result.activateCpu = logged.map((l) => l.cpuMs);
    return result;
  } finally {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        progress(`stopping failed: ${String(error)}`);
      }
    }
  }
}

/**
 * Opens Running Extensions in the window just loaded and returns each activated extension's figure (ms) by
 * its display name, once ours and the references that are listed show a number (not "Activating…").
 */
async function readActivationTimes(page: Page, ourName: string): Promise<Map<string, number>> {
  await page.locator('.monaco-workbench').waitFor({ timeout: WINDOW_TIMEOUT_MS });
  await page.locator('.part.activitybar').waitFor({ timeout: WINDOW_TIMEOUT_MS });
  await runCommand(page, 'Developer: Show Running Extensions');
  const rows = page.locator('.runtime-extensions-editor .extension');
  const row = (name: string) => rows.filter({ has: page.locator('.name', { hasText: exactly(name) }) });
  const activated = (name: string) => row(name).locator('.activation-time', { hasText: /Activation: \d+ms/ }).waitFor();
  await activated(ourName);
  for (const name of HOST_REFERENCES) {
    if ((await row(name).count()) > 0) {
      await activated(name);
    }
  }
  const listed = await rows.evaluateAll((elements) =>
    elements.map((e) => [e.querySelector('.name')?.textContent ?? '', e.querySelector('.activation-time')?.textContent ?? ''] as const),
  );
  const times = new Map<string, number>();
  for (const [name, text] of listed) {
    const match = ACTIVATION.exec(text.trim());
    if (match) {
      times.set(name.trim(), Number(match[2]));
    }
  }
  if (!times.has(ourName)) {
    throw new Error(`no activation time for "${ourName}" in Running Extensions: ${JSON.stringify(listed)}`);
  }
  return times;
}

/** "Git" must not match "GitHub" or "Git Base". */
function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** The extensions activated on onStartupFinished, in the order the (last) extension host started them. */
function startupFinishedOrder(logFiles: string[]): string[] {
  const hostLogs = logFiles.filter((file) => path.basename(file) === 'remoteexthost.log').sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  const last = hostLogs.at(-1);
  if (!last) {
    return [];
  }
  const started = /ExtensionService#_doActivateExtension (\S+), startup: \w+, activationEvent: 'onStartupFinished'/g;
  return [...fs.readFileSync(last, 'utf8').matchAll(started)].map((m) => (m[1] === EXTENSION_ID ? 'ours' : m[1]));
}

const ACTIVATED = /Activated in ([\d.]+) ms \(CPU ([\d.]+) ms\)/;
const LOG_FLUSH_TIMEOUT_MS = 30_000;

/**
 * Our own figures for the synchronous activate() call, one per extension host (exthostN/<our id>/*.log):
 * VS Code shows only the sum with the require in the browser. Waits until every host's line is written.
 */
async function loggedActivateCalls(logsDir: string, windows: number): Promise<{ wallMs: number; cpuMs: number }[]> {
  const deadline = Date.now() + LOG_FLUSH_TIMEOUT_MS;
  for (;;) {
    const hosts = listLogFiles(logsDir)
      .filter((file) => path.basename(path.dirname(file)) === EXTENSION_ID)
      .map((file) => ({ host: Number(/exthost(\d+)/.exec(file)?.[1] ?? 0), match: ACTIVATED.exec(fs.readFileSync(file, 'utf8')) }))
      .filter((h): h is { host: number; match: RegExpExecArray } => h.match !== null)
      .sort((a, b) => a.host - b.host);
    if (hosts.length >= windows) {
      return hosts.map((h) => ({ wallMs: Number(h.match[1]), cpuMs: Number(h.match[2]) }));
    }
    if (Date.now() > deadline) {
      throw new Error(`the extension logged its activation in ${hosts.length} of ${windows} extension hosts`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

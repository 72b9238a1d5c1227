// The in-host suite's entry point, loaded by VS Code's extension host as `extensionTestsPath`: the SAME module
// under code-server (scripts/test-integration.js) and under @vscode/test-electron (scripts/test-electron.js).
// It runs every compiled out/test/integration/**/*.test.js with mocha, mirrors mocha's output to the console
// (forwarded to the harness), and writes a JSON summary to $HUBSPOT_TEST_RESULT_FILE for the runner.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { DEMO_OWNER_ID } from '../support/demo';
import { activateExtension } from './support/extension';
import { sandbox, SANDBOX_TOKEN, type LoggedRequest } from './support/sandbox';

/**
 * Under the code-server harness, the workbench's own log lines travel the same channel as the extension
 * host's console; this invisible prefix marks ours so the runner prints them and files the rest.
 */
const HOST_OUTPUT_MARKER = '\u2063';

interface Summary {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  failures: string[];
}

/**
 * Issue 14: the tree and TODO cases run a second time with `hubspotTasks.apiVersion` set to HubSpot's latest
 * date version, so the same user flows are proven on the legacy paths and on the dated ones. Their titles
 * start with this prefix (`--grep 'apiVersion 2026-09'` runs only this pass).
 */
export const VERSION_PASS = { apiVersion: '2026-09', folders: ['tree', 'todo'], title: 'apiVersion 2026-09' } as const;

export async function run(): Promise<void> {
  if (process.env.HUBSPOT_TEST_RESULT_FILE) {
    markConsoleOutput();
  }
  const summary: Summary = { suite: 'in-host', passed: 0, failed: 0, pending: 0, failures: [] };
  const files = findTests(__dirname);
  try {
    // A run under another display language (test/harness/displayLanguage.ts) runs the l10n/ suites, once;
    // an English run every other suite.
    const locale = process.env.HUBSPOT_TEST_LOCALE;
    await runPass(files.filter((file) => isLocaleSuite(file) === Boolean(locale)), summary);
    const again = locale ? [] : files.filter((file) => VERSION_PASS.folders.some((folder) => path.relative(__dirname, file).startsWith(`${folder}${path.sep}`)));
    // Loaded again from disk so their describe() calls register anew.
    again.forEach((file) => delete require.cache[require.resolve(file)]);
    if (again.length > 0) {
      await runPass(again, summary, (mocha) => underApiVersion(mocha));
    }
  } catch (error) {
    // A test file that throws while loading: report it, or the runner would only see "exit 1".
    summary.failed++;
    summary.failures.push(`loading the in-host tests: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  writeSummary(summary);
  if (summary.failed > 0) {
    throw new Error(`${summary.failed} in-host test(s) failed`);
  }
}

function runPass(files: string[], summary: Summary, prepare?: (mocha: Mocha) => void): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 30_000,
    slow: 5_000,
    ...(process.env.HUBSPOT_TEST_GREP ? { grep: process.env.HUBSPOT_TEST_GREP } : {}),
  });
  for (const file of files) {
    mocha.addFile(file);
  }
  prepare?.(mocha);
  return new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    timeSuitesAndHooks(runner);
    runner.on('pass', () => summary.passed++);
    runner.on('pending', () => summary.pending++);
    runner.on('fail', (test, error: unknown) => {
      summary.failed++;
      summary.failures.push(`${test.fullTitle()}: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}

/**
 * The version is a user setting the tests' own `configure(QUIET_SETTINGS)` never touches. After each test, every
 * HubSpot API request in the run's sandbox log must have gone to the version's paths (the log is read, not
 * cleared: tests own it), and the pass must have sent some.
 */
function underApiVersion(mocha: Mocha): void {
  const key = 'hubspotTasks.apiVersion';
  let dated = 0;
  // The root suite's title is not part of a test's full title: the files' own top-level suites get the
  // prefix as their describe() adds them.
  mocha.suite.on('suite', (suite: Mocha.Suite) => {
    suite.title = `${VERSION_PASS.title}: ${suite.title}`;
  });
  mocha.suite.beforeAll(async function () {
    this.timeout(60_000);
    await vscode.workspace.getConfiguration().update(key, VERSION_PASS.apiVersion, vscode.ConfigurationTarget.Global);
    // The pass starts from the state the first one found: signing out drops every account-scoped cache (linked
    // TODO statuses, archived tasks, records, owner names), so no case is answered from the first pass's reads.
    const c = await activateExtension();
    await c.auth.signOut();
    await c.auth.signIn(SANDBOX_TOKEN);
    await c.auth.setMe(DEMO_OWNER_ID);
    await sandbox.clearRequests(); // the first pass's last requests
  });
  mocha.suite.afterEach(async function () {
    // The admin API answers `{requests}` (support/sandbox.ts types it as the bare list).
    const raw = (await sandbox.requests()) as LoggedRequest[] | { requests: LoggedRequest[] };
    const api = (Array.isArray(raw) ? raw : raw.requests).filter((r) => !r.path.startsWith('/__sandbox/'));
    const other = api.filter((r) => r.apiVersion !== VERSION_PASS.apiVersion);
    dated += api.length - other.length;
    if (other.length > 0 && this.currentTest?.state !== 'failed') {
      throw new Error(`sent outside ${VERSION_PASS.apiVersion}: ${other.slice(0, 5).map((r) => `${r.method} ${r.path}`).join(', ')}`);
    }
  });
  mocha.suite.afterAll(async () => {
    await vscode.workspace.getConfiguration().update(key, undefined, vscode.ConfigurationTarget.Global);
    if (dated === 0 && mocha.suite.total() > 0) {
      throw new Error(`the ${VERSION_PASS.title} pass sent no request to HubSpot's ${VERSION_PASS.apiVersion} paths`);
    }
  });
}

/**
 * Marks mocha's report. Mocha writes it through `Base.consoleLog`, the console.log it captured when it
 * was loaded; the extension host's `console` methods cannot be replaced (VS Code defines them with a
 * setter that ignores assignment), so tests' own console output stays in the harness's automation log.
 */
/**
 * Where the time goes: mocha prints the slower tests' durations, not its hooks' (signing in, starting a
 * private sandbox, settings writes), so hooks over a second are printed, and each top-level suite's
 * total at the end.
 */
function timeSuitesAndHooks(runner: Mocha.Runner): void {
  const started = new Map<Mocha.Runnable | Mocha.Suite, number>();
  const totals: [string, number][] = [];
  const log = (line: string) => Mocha.reporters.Base.consoleLog(line);
  runner.on('hook', (hook) => started.set(hook, Date.now()));
  runner.on('hook end', (hook) => {
    const ms = Date.now() - (started.get(hook) ?? Date.now());
    if (ms >= 1000) {
      log(`      (${hook.title.replace(/^"(.*)" hook.*$/, '$1')} hook: ${ms}ms)`);
    }
  });
  runner.on('suite', (suite) => {
    if (suite.parent?.root) {
      started.set(suite, Date.now());
    }
  });
  runner.on('suite end', (suite) => {
    if (suite.parent?.root) {
      totals.push([suite.title, Date.now() - (started.get(suite) ?? Date.now())]);
    }
  });
  runner.on('end', () => {
    log('  Time per suite:');
    for (const [title, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
      log(`    ${(ms / 1000).toFixed(1).padStart(6)} s  ${title}`);
    }
  });
}

function markConsoleOutput(): void {
  const log = console.log.bind(console);
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => log(HOST_OUTPUT_MARKER + format(...args));
}

function writeSummary(summary: Summary): void {
  const file = process.env.HUBSPOT_TEST_RESULT_FILE;
  if (file) {
    fs.writeFileSync(file, JSON.stringify(summary, null, 2));
  }
}

/** The suites of test/integration/l10n/: they need a run whose display language is not English. */
function isLocaleSuite(file: string): boolean {
  return path.relative(__dirname, file).startsWith(`l10n${path.sep}`);
}

/** Every *.test.js below `dir`, sorted so the order is the same on every machine. */
function findTests(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

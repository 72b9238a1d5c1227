// Runs the in-host suite (out/test/integration/index.js, the same index @vscode/test-electron loads) inside
// code-server's real extension host: fresh server and folders, the sandbox started for the run, results read
// back through the smoke-test driver's hooks and a JSON file, the extension host log checked for our errors.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import { launchChromium } from './browser';
import { listLogFiles, startCodeServer } from './codeServer';
import { findExtensionErrors } from './extHostLog';
import { REPO_ROOT, RESULTS_DIR, SAMPLE_WORKSPACE } from './paths';
import { readResult, SuiteResult } from './results';
import { useDisplayLanguage } from './displayLanguage';
import { copyTree, createRunDirs, runEnv, writeUserSettings } from './runDirs';
import { startSandbox } from './sandbox';
import { tuningEnv } from './tuning';

export interface InHostOptions {
  /** The whole run, from starting code-server to the suite's exit; a hang fails with this message. */
  timeoutMs?: number;
  /** Only tests whose full title matches (mocha --grep). */
  grep?: string;
  /**
   * VS Code's display language (displayLanguage.ts). Set: only the suites of test/integration/l10n/ run
   * (the index reads HUBSPOT_TEST_LOCALE); unset: every other suite, in English.
   */
  locale?: string;
}

// A bound for a hung extension host, not a speed goal: the suite runs tree/** and todo/** twice (v3, 2026-09),
// about 5 min on a quiet 2-core machine.
const DEFAULT_TIMEOUT_MS = 15 * 60_000;
/**
 * Built-in extensions the in-host suite has no use for. Each costs start-up time or CPU on a 2-core machine
 * while the tests run: git scans the repository around the run folder; a settings write opens settings.json,
 * which starts the JSON language server and the TypeScript extension, and the TODO tests' .ts files then
 * start tsserver over a workspace of 500 generated files. Grammars and language ids (typescript-basics…)
 * stay on; the browser suite keeps the whole set.
 */
const UNUSED_BUILTINS = [
  'vscode.git', 'vscode.git-base', 'vscode.github', 'vscode.github-authentication', 'vscode.merge-conflict',
  'vscode.typescript-language-features', 'vscode.json-language-features', 'vscode.css-language-features',
  'vscode.html-language-features', 'vscode.markdown-language-features', 'vscode.php-language-features',
  'vscode.emmet', 'vscode.configuration-editing', 'vscode.extension-editing', 'vscode.npm', 'vscode.references-view',
  'vscode.debug-auto-launch', 'vscode.debug-server-ready', 'vscode.tunnel-forwarding', 'vscode.copilot',
  'ms-vscode.js-debug', 'ms-vscode.js-debug-companion', 'ms-vscode.vscode-js-profile-table',
];
/** Must match test/integration/index.ts. */
const HOST_OUTPUT_MARKER = '\u2063';

export async function runInHostSuite(options: InHostOptions = {}): Promise<SuiteResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const dirs = createRunDirs('integration');
  if (options.locale) {
    useDisplayLanguage(dirs, options.locale);
  }
  const resultFile = path.join(dirs.root, 'in-host-result.json');
  const consoleFile = path.join(dirs.root, 'browser-console.log');
  const automationFile = path.join(dirs.root, 'automation.log');
  const failures: string[] = [];
  const stops: Array<() => Promise<void>> = [];
  let exitCode: number | undefined;
  let logsDir: string | undefined;

  // Chromium starts while the sandbox and code-server do; its stop is registered once it is up.
  const launching = launchChromium();
  let browserStarted = false;
  launching.catch(() => undefined); // awaited below; this only keeps an early failure elsewhere from leaving it unhandled
  try {
    if (fs.existsSync(SAMPLE_WORKSPACE)) {
      copyTree(SAMPLE_WORKSPACE, dirs.workspace);
    }
    const sandbox = await startSandbox({ seed: 'demo' });
    stops.push(() => sandbox.close());
    writeUserSettings(dirs, { 'hubspotTasks.baseUrl': sandbox.url });
    const env = runEnv(dirs, {
      HUBSPOT_SANDBOX_URL: sandbox.url,
      HUBSPOT_TEST_RESULT_FILE: resultFile,
      ...tuningEnv(),
      ...(options.grep ? { HUBSPOT_TEST_GREP: options.grep } : {}),
      ...(options.locale ? { HUBSPOT_TEST_LOCALE: options.locale } : {}),
      // Read by VS Code's server when it lists the built-in extensions (a `--disable-extension` does not reach them).
      VSCODE_SKIP_BUILTIN_EXTENSIONS: UNUSED_BUILTINS.join(','),
    });

    const server = await startCodeServer({
      dirs, env, smokeTestDriver: true, skipShellEnv: true, logFile: path.join(dirs.root, 'code-server.log'),
    });
    stops.push(() => server.stop());
    logsDir = server.logsDir;
    const browser = await launching;
    browserStarted = true;
    stops.push(() => browser.close());
    const page = await browser.newPage();

    const consoleLog = fs.createWriteStream(consoleFile);
    stops.push(() => new Promise<void>((resolve) => consoleLog.end(resolve)));
    const hostLog = fs.createWriteStream(automationFile);
    stops.push(() => new Promise<void>((resolve) => hostLog.end(resolve)));
    // The page can still log while the run stops (after the log was closed): those lines are dropped.
    const logLine = (line: string) => consoleLog.writableEnded || consoleLog.write(line);
    page.on('console', (message) => logLine(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => logLine(`[pageerror] ${error.stack ?? error.message}\n`));

    exitCode = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`in-host suite timed out after ${Math.round(timeoutMs / 1000)} s (no exit from the extension host); logs in ${dirs.root}`)),
        timeoutMs - (Date.now() - started),
      );
      page.once('crash', () => reject(new Error('the workbench page crashed')));
      void page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
        const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
        if (!hostLog.writableEnded) {
          hostLog.write(`[${type}] ${text}\n`);
        }
        // Extension-host output (mocha's report, tests' console) is marked by the suite index; print it.
        if (text.startsWith(HOST_OUTPUT_MARKER)) {
          console.log(text.slice(HOST_OUTPUT_MARKER.length));
        }
      });
      void page
        .exposeFunction('codeAutomationExit', (code: number) => {
          clearTimeout(timer);
          resolve(code);
        })
        .then(() => page.goto(workbenchUrl(server.url, dirs.workspace), { waitUntil: 'domcontentloaded', timeout: Math.max(1000, timeoutMs - (Date.now() - started)) }))
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } catch (error) {
    failures.push(`in-host suite: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // A Chromium that came up after a failure above is closed too (a failed launch has nothing to close).
    if (!browserStarted) {
      await launching.then((browser) => browser.close(), () => undefined);
    }
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error('[harness] stopping failed', error);
      }
    }
  }

  const reported = readResult(resultFile);
  if (exitCode !== undefined && exitCode !== 0 && (!reported || reported.failed === 0)) {
    failures.push(`in-host suite: the extension host exited with ${exitCode} without reporting a failed test (a load error?)`);
  }
  const logFiles = [...(logsDir ? listLogFiles(logsDir) : []), ...[consoleFile, automationFile].filter((f) => fs.existsSync(f))];
  for (const problem of findExtensionErrors(logFiles.filter((f) => f !== automationFile), [REPO_ROOT])) {
    failures.push(`extension host log: unhandled error from our extension (${path.relative(dirs.root, problem.file)}):\n${problem.excerpt}`);
  }
  keepLogs(dirs.root, logFiles, options.locale ? `in-host-${options.locale}` : 'in-host');

  return {
    suite: options.locale ? `in-host (${options.locale})` : 'in-host',
    passed: reported?.passed ?? 0,
    failed: (reported?.failed ?? 0) + failures.length,
    pending: reported?.pending ?? 0,
    failures: [...(reported?.failures ?? []), ...failures],
  };
}

/** The workbench with our extension under development and the suite as its tests (smoke-test driver only). */
function workbenchUrl(serverUrl: string, workspace: string): string {
  const authority = new URL(serverUrl).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${REPO_ROOT}`],
    ['extensionTestsPath', `vscode-remote://${authority}${path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js')}`],
    ['skipWelcome', 'true'],
  ];
  return `${serverUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Copies the run's logs to test-results/logs/<name>/ (the run folder itself is pruned later). */
function keepLogs(runRoot: string, logFiles: string[], name: string): void {
  const target = path.join(RESULTS_DIR, 'logs', name);
  fs.rmSync(target, { recursive: true, force: true });
  for (const file of [...logFiles, path.join(runRoot, 'code-server.log')]) {
    if (!fs.existsSync(file)) {
      continue;
    }
    const destination = path.join(target, path.relative(runRoot, file));
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.copyFileSync(file, destination);
  }
}

// The whole product for browser tests: the sandbox (demo seed), code-server WITHOUT the smoke-test driver (so
// notification toasts show, as a user sees them) with the packaged .vsix installed, and headless Chromium.
// One stack per e2e run (started by ./hooks.ts); each test opens its own page, so each gets a fresh extension host.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../harness/browser';
import { CodeServer, installExtension, listLogFiles, startCodeServer } from '../../harness/codeServer';
import { EXTENSION_ID, findExtensionErrors, LogProblem } from '../../harness/extHostLog';
import { RESULTS_DIR, SAMPLE_WORKSPACE, VSIX_PATH } from '../../harness/paths';
import { copyTree, createRunDirs, RunDirs, runEnv, writeUserSettings } from '../../harness/runDirs';
import { RunningSandbox, startSandbox } from '../../harness/sandbox';

export interface Stack {
  sandbox: RunningSandbox;
  server: CodeServer;
  browser: Browser;
  dirs: RunDirs;
  /** The workspace folder the workbench opens (a copy of sample-workspace/). */
  workspace: string;
  stop(): Promise<void>;
  /** Unhandled errors from our extension in this stack's logs so far. */
  extensionErrors(): LogProblem[];
}

export async function startStack(): Promise<Stack> {
  if (!fs.existsSync(VSIX_PATH)) {
    throw new Error(`${VSIX_PATH} is missing: run \`npm run package\` first`);
  }
  const dirs = createRunDirs('e2e');
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const fn of stops.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error('[e2e] stopping failed', error);
      }
    }
  };
  try {
    if (fs.existsSync(SAMPLE_WORKSPACE)) {
      copyTree(SAMPLE_WORKSPACE, dirs.workspace);
    }
    const sandbox = await startSandbox({ seed: 'demo' });
    stops.push(() => sandbox.close());
    writeUserSettings(dirs, { 'hubspotTasks.baseUrl': sandbox.url });
    const env = runEnv(dirs, { HUBSPOT_SANDBOX_URL: sandbox.url });
    installExtension(VSIX_PATH, dirs, env);
    // skipShellEnv: the extension host gets exactly `env`, not the machine's shell profile on top.
    const server = await startCodeServer({ dirs, env, skipShellEnv: true, logFile: path.join(dirs.root, 'code-server.log') });
    stops.push(() => server.stop());
    const browser = await launchChromium();
    stops.push(() => browser.close());
    stops.push(async () => keepLogs(dirs, server));
    return {
      sandbox,
      server,
      browser,
      dirs,
      workspace: dirs.workspace,
      stop,
      extensionErrors: () => findExtensionErrors(listLogFiles(server.logsDir), [dirs.extensions, EXTENSION_ID]),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function keepLogs(dirs: RunDirs, server: CodeServer): void {
  const target = path.join(RESULTS_DIR, 'logs', 'e2e');
  fs.rmSync(target, { recursive: true, force: true });
  for (const file of [...listLogFiles(server.logsDir), path.join(dirs.root, 'code-server.log')]) {
    if (!fs.existsSync(file)) {
      continue;
    }
    const destination = path.join(target, path.relative(dirs.root, file));
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.copyFileSync(file, destination);
  }
}

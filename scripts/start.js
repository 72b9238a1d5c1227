#!/usr/bin/env node
// `npm start`: the product with an embedded default, no HubSpot account needed.
//   builds and packages the extension → provisions code-server → starts the sandbox (demo seed, data kept in
//   .sandbox-data/demo.json so edits survive a restart) → starts code-server on 127.0.0.1 with the .vsix
//   installed and hubspotTasks.baseUrl pointing at the sandbox → opens a copy of sample-workspace/.
// Options: --port 8080 (code-server), --sandbox-port 4010, --host 127.0.0.1, --fresh (reset the sandbox data,
// the workspace copy and the editor state).
// Processes: this launcher is the top process (package.json runs it with `exec`, so npm's SIGINT / SIGTERM reach
// it, not a shell that would swallow them); code-server and the sandbox (`node out/sandbox/cli.js`) are its
// children, each in a process group of its own. Ctrl-C, SIGINT or SIGTERM to `npm start` (or to this process)
// stops both groups; the sandbox is restarted when it exits on its own, so `kill <sandbox pid>` restarts it alone.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, option } = require('./lib/cli');

const port = Number(option('--port') ?? process.env.PORT ?? 8080);
const sandboxPort = Number(option('--sandbox-port') ?? process.env.SANDBOX_PORT ?? 4010);
const host = option('--host') ?? '127.0.0.1';
const fresh = process.argv.includes('--fresh');
const STATE_DIR = path.join(ROOT, '.vscode-test', 'start');
const DATA_FILE = path.join(ROOT, '.sandbox-data', 'demo.json');

function step(title, command, args, { mustSucceed = true } = {}) {
  console.log(`\n[start] ${title}…`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0 && mustSucceed) {
    console.error(`[start] ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return result.status === 0;
}

async function main() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Type errors still emit JavaScript; the sandbox and the launcher only need out/ to exist.
  if (!step('compiling (tsc → out/)', npm, ['run', '--silent', 'compile'], { mustSucceed: false })) {
    console.warn('[start] the type check reported errors (above); going on with what was emitted');
  }
  step('packaging the extension (dist/hubspot-tasks.vsix)', npm, ['run', '--silent', 'package']);

  const { persistentDirs, writeUserSettings, runEnv, copyTree } = require(path.join(ROOT, 'out/test/harness/runDirs.js'));
  const { startCodeServer, installExtension } = require(path.join(ROOT, 'out/test/harness/codeServer.js'));
  const { startSandboxProcess } = require(path.join(ROOT, 'out/test/harness/sandboxProcess.js'));
  const { onCleanup } = require(path.join(ROOT, 'out/test/harness/processes.js'));
  const { VSIX_PATH, SAMPLE_WORKSPACE } = require(path.join(ROOT, 'out/test/harness/paths.js'));
  const { SANDBOX_TOKEN } = require(path.join(ROOT, 'out/test/support/demo.js'));

  console.log('\n[start] provisioning code-server and Chromium (cached in .vscode-test/)…');
  if (fresh) {
    fs.rmSync(STATE_DIR, { recursive: true, force: true });
    fs.rmSync(DATA_FILE, { force: true });
  }
  fs.mkdirSync(path.dirname(DATA_FILE), { recursive: true });
  const dirs = persistentDirs(STATE_DIR);
  fs.mkdirSync(dirs.root, { recursive: true });
  const sandboxLog = path.join(dirs.root, 'sandbox.log');
  const { url: sandboxUrl, supervised: sandbox } = await startSandboxProcess({
    seed: 'demo', port: sandboxPort, host: '127.0.0.1', dataFile: DATA_FILE, logFile: sandboxLog,
    report: (message) => console.log(`[start] sandbox ${message}`),
  });
  // A copy, so that linking TODOs to tasks (which rewrites comments) never touches the repository's files.
  if (fs.readdirSync(dirs.workspace).length === 0) copyTree(SAMPLE_WORKSPACE, dirs.workspace);
  writeUserSettings(dirs, { 'hubspotTasks.baseUrl': sandboxUrl, 'workbench.startupEditor': 'readme' });
  const env = runEnv(dirs, { HUBSPOT_SANDBOX_URL: sandboxUrl });
  installExtension(VSIX_PATH, dirs, env);
  const server = await startCodeServer({ dirs, env, port, host, logFile: path.join(dirs.root, 'code-server.log') });
  onCleanup(() => server.stop());

  const url = `${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`;
  console.log(`
────────────────────────────────────────────────────────────────────────
  HubSpot Tasks is running against the local sandbox (no account needed)

  Open:            ${url}
  Sign in:         F1 → "HubSpot: Sign In" → paste the token  ${SANDBOX_TOKEN}
                   (then pick "Dana Demo  demo@example.com" as the owner you are)
  Sandbox:         ${sandboxUrl}  (demo seed; data in ${path.relative(ROOT, DATA_FILE)})
                   pid ${sandbox.pid}: kill it to restart only the sandbox (it comes back on the same port)
  Workspace:       ${path.relative(ROOT, dirs.workspace)}  (a copy of sample-workspace/)
  Logs:            ${path.relative(ROOT, path.join(dirs.root, 'code-server.log'))}, ${path.relative(ROOT, sandboxLog)}

  Ctrl-C (or SIGINT / SIGTERM to npm start) stops code-server and the sandbox.
  npm start -- --fresh resets the demo data.
────────────────────────────────────────────────────────────────────────`);
  // Stay up until Ctrl-C / SIGTERM (processes.js stops code-server's and the sandbox's process groups; the
  // sandbox flushes its data on the SIGTERM).
  await new Promise(() => {});
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

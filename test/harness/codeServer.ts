// Starts code-server (VS Code in the browser; its extension host is plain Node) for one run, per the recipe in
// ../shared/REAL-VSCODE.md, and stops it with its whole process group.
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ensureProvisioned } from './paths';
import { killGroup, spawnGroup } from './processes';
import { RunDirs } from './runDirs';

export interface CodeServerOptions {
  dirs: RunDirs;
  env: NodeJS.ProcessEnv;
  /** 0 (default) lets code-server pick a free port. */
  port?: number;
  host?: string;
  /** Needed for in-host suites (extensionTestsPath); it also suppresses notification toasts. */
  smokeTestDriver?: boolean;
  /** code-server's own stdout/stderr are appended here. */
  logFile: string;
  /**
   * The extension host gets exactly `env`, without VS Code resolving a login shell's environment on top
   * (`$SHELL -ilc` before each extension host starts: seconds of start-up on a loaded machine, and
   * whatever the machine's shell profile adds). For test runs; `npm start` keeps the user's shell.
   */
  skipShellEnv?: boolean;
}

export interface CodeServer {
  url: string;
  port: number;
  /** The folder VS Code writes its logs to (exthost*, remoteagent.log…). */
  logsDir: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const tools = ensureProvisioned();
  const host = options.host ?? '127.0.0.1';
  const args = [
    tools.codeServerEntry,
    '--bind-addr', `${host}:${options.port ?? 0}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    '--user-data-dir', options.dirs.userData,
    '--extensions-dir', options.dirs.extensions,
  ];
  if (options.smokeTestDriver) {
    args.push('--vscode-option', 'enable-smoke-test-driver');
  }
  if (options.skipShellEnv) {
    args.push('--vscode-option', 'force-disable-user-env');
  }

  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const child = spawnGroup(tools.nodeBin, args, { env: withNode24(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const stop = async (): Promise<void> => {
    await killGroup(child);
    log.end();
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not start within ${START_TIMEOUT_MS / 1000} s; see ${options.logFile}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer): void => {
        seen += chunk.toString();
        const match = /HTTP server listening on https?:\/\/[^\s]*:(\d+)/.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const tail = seen.trim().split('\n').slice(-5).join('\n');
        reject(new Error(`code-server exited early (${code ?? signal}); see ${options.logFile}:\n${tail}`));
      });
    });
    const url = `http://${host}:${port}`;
    await waitForHealthz(url);
    return { url, port, logsDir: path.join(options.dirs.userData, 'logs'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Installs a packaged .vsix into the run's extensions folder (under a second). */
export function installExtension(vsix: string, dirs: RunDirs, env: NodeJS.ProcessEnv): void {
  const tools = ensureProvisioned();
  const result = spawnSync(
    tools.nodeBin,
    [tools.codeServerEntry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'],
    { env: withNode24(env), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Every log file VS Code wrote under `logsDir`, recursively. */
export function listLogFiles(logsDir: string): string[] {
  if (!fs.existsSync(logsDir)) {
    return [];
  }
  return (fs.readdirSync(logsDir, { recursive: true }) as string[])
    .map((name) => path.join(logsDir, name))
    .filter((file) => file.endsWith('.log') && fs.statSync(file).isFile());
}

function withNode24(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tools = ensureProvisioned();
  return { ...env, PATH: `${path.dirname(tools.nodeBin)}${path.delimiter}${env.PATH ?? ''}` };
}

async function waitForHealthz(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
      last = new Error(`HTTP ${response.status}`);
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server at ${url} never became healthy: ${String(last)}`);
}

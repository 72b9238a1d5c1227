// The sandbox as a child process of its own (node out/sandbox/cli.js), supervised: what `npm start` runs. Apart
// from the launcher it can be stopped, and restarted alone: `kill <its pid>` and the launcher starts it again on
// the same port with the same data file (the CLI flushes the data on SIGTERM / SIGINT).
import * as path from 'path';
import { REPO_ROOT } from './paths';
import { supervise, type Supervised } from './supervisor';

export interface SandboxProcessOptions {
  seed?: string;
  /** 0 picks a free port once; restarts keep it. */
  port?: number;
  host?: string;
  dataFile?: string;
  logFile?: string;
  /** Node binary (default this process's). */
  node?: string;
  report?: (message: string) => void;
}

export interface SandboxProcess {
  url: string;
  supervised: Supervised;
}

const CLI = path.join(REPO_ROOT, 'out', 'sandbox', 'cli.js');

export async function startSandboxProcess(options: SandboxProcessOptions = {}): Promise<SandboxProcess> {
  const supervised = await supervise({
    name: 'sandbox',
    command: options.node ?? process.execPath,
    args: (previous) => [
      CLI,
      '--seed', options.seed ?? 'demo',
      '--host', options.host ?? '127.0.0.1',
      // The URL is in the extension's settings: a restart must come back on the same port.
      '--port', previous ? new URL(previous[1]).port : String(options.port ?? 0),
      ...(options.dataFile ? ['--data', options.dataFile] : []),
    ],
    ready: /listening on (http:\/\/\S+)/,
    logFile: options.logFile,
    report: options.report,
  });
  return { url: supervised.ready[1], supervised };
}

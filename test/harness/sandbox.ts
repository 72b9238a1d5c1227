// Starts the local HubSpot (sandbox/server.ts) in this process for a run. Loaded from out/ at run time so that
// a missing or broken sandbox build is reported as such instead of as a harness compile error.
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './paths';
import { onCleanup } from './processes';

/** The part of the sandbox contract (TEAM-BRIEF "Contracts") the harness uses. */
export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface HarnessSandboxOptions {
  port?: number;
  host?: string;
  seed?: 'demo' | 'empty' | { tasks: number };
  dataFile?: string;
}

type StartSandbox = (options?: HarnessSandboxOptions) => Promise<RunningSandbox>;

export async function startSandbox(options: HarnessSandboxOptions = {}): Promise<RunningSandbox> {
  const modulePath = path.join(REPO_ROOT, 'out', 'sandbox', 'server.js');
  if (!fs.existsSync(modulePath)) {
    throw new Error(`the sandbox is not built (${path.relative(REPO_ROOT, modulePath)} missing): run \`npm run compile\``);
  }
  const mod = (await import(modulePath)) as { startSandbox?: StartSandbox };
  if (typeof mod.startSandbox !== 'function') throw new Error(`${modulePath} does not export startSandbox`);
  const sandbox = await mod.startSandbox({ seed: 'demo', ...options });
  const unregister = onCleanup(() => sandbox.close());
  return {
    url: sandbox.url,
    port: sandbox.port,
    close: async () => {
      unregister();
      await sandbox.close();
    },
  };
}

// Every process the harness starts is the leader of its own process group, registered here, and killed as a
// group (code-server forks an extension host and file watchers) when the harness exits, fails, or gets Ctrl-C.
import { ChildProcess, spawn, SpawnOptions } from 'child_process';

const groups = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void> | void>();
let handlersInstalled = false;

/** Starts `command` in a new process group that is killed with the harness. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child);
  child.once('exit', () => groups.delete(child));
  return child;
}

/** Sends SIGTERM to the child's group, then SIGKILL after `graceMs` if anything in it is still alive. */
export async function killGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.pid === undefined) {
    return;
  }
  const pid = child.pid;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pid)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (groupAlive(pid)) {
    signalGroup(pid, 'SIGKILL');
  }
  groups.delete(child);
}

/** Registers async cleanup (closing the sandbox, the browser) to run on Ctrl-C / SIGTERM before exiting. */
export function onCleanup(fn: () => Promise<void> | void): () => void {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Synchronous last resort: 'exit' handlers cannot wait, so everything left gets SIGKILL. */
function killAllNow(): void {
  for (const child of groups) {
    if (child.pid !== undefined) {
      signalGroup(child.pid, 'SIGKILL');
    }
  }
  groups.clear();
}

function installHandlers(): void {
  if (handlersInstalled) {
    return;
  }
  handlersInstalled = true;
  process.once('exit', killAllNow);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // `on`, not `once`: a second Ctrl-C during the clean-up would otherwise kill this process by default and
    // orphan the groups (they are detached); it skips the graceful part instead.
    process.on(signal, () => {
      if (stopping) {
        killAllNow();
        process.exit(130);
      }
      stopping = true;
      console.error(`\n[harness] ${signal}: stopping everything this run started…`);
      void runCleanups().finally(() => {
        killAllNow();
        process.exit(130);
      });
    });
  }
}

async function runCleanups(): Promise<void> {
  const pending = [...cleanups].map(async (fn) => {
    try {
      await fn();
    } catch (error) {
      console.error('[harness] cleanup failed', error);
    }
  });
  cleanups.clear();
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 5000))]);
}

// A child process the launcher (`npm start`) keeps running: in its own process group (processes.ts, so
// Ctrl-C / SIGTERM to the launcher stops it with everything it forked), restarted when it exits without the
// launcher asking (a crash, or `kill <pid>` to restart only that child), stopped with the launcher.
import * as fs from 'fs';
import type { SpawnOptions } from 'child_process';
import { killGroup, onCleanup, spawnGroup } from './processes';

export interface SupervisedOptions {
  /** Names the child in the launcher's output ("sandbox"). */
  name: string;
  command: string;
  /** The arguments of each start; `previous` is the last start's ready line match (to keep a port it chose). */
  args: (previous: RegExpExecArray | undefined) => string[];
  spawnOptions?: Omit<SpawnOptions, 'stdio' | 'detached'>;
  /** A line on stdout that says the child is ready; its match is kept as `ready`. */
  ready: RegExp;
  /** The child's stdout and stderr are appended here (default: the launcher's own stdout/stderr). */
  logFile?: string;
  startTimeoutMs?: number;
  /** Wait before a restart, doubled after each crash in a row (default 250 ms, at most 8 s). */
  restartDelayMs?: number;
  /** Crashes within a minute before giving up (default 5): a child that cannot start is not retried forever. */
  maxRestartsPerMinute?: number;
  /** Told about restarts and give-ups, for the launcher's output. */
  report?: (message: string) => void;
}

export interface Supervised {
  readonly name: string;
  /** The current process (undefined between a crash and its restart). */
  readonly pid: number | undefined;
  /** The ready line of the current (or last) run. */
  readonly ready: RegExpExecArray;
  /** How many times it was restarted. */
  readonly restarts: number;
  /** Resolves with the next start's pid (after a crash or a `kill`); rejects if supervision gives up. */
  nextStart(): Promise<number>;
  /** Stops it for good (its whole process group), without a restart. */
  stop(): Promise<void>;
}

/** Starts `command`, waits for its ready line, and keeps it running until `stop()` or the launcher exits. */
export async function supervise(options: SupervisedOptions): Promise<Supervised> {
  const report = options.report ?? ((message: string) => console.log(`[${options.name}] ${message}`));
  const baseDelay = options.restartDelayMs ?? 250;
  const crashes: number[] = [];
  let stopping = false;
  let current: { pid: number | undefined; stop: () => Promise<void> } | undefined;
  let ready: RegExpExecArray | undefined;
  let restarts = 0;
  let waiters: { resolve: (pid: number) => void; reject: (error: Error) => void }[] = [];

  const settle = (outcome: { pid: number } | { error: Error }): void => {
    const pending = waiters;
    waiters = [];
    for (const waiter of pending) {
      if ('pid' in outcome) {
        waiter.resolve(outcome.pid);
      } else {
        waiter.reject(outcome.error);
      }
    }
  };

  const start = async (): Promise<void> => {
    const started = await startOnce(options, options.args(ready));
    ready = started.ready;
    current = started;
    void started.exited.then(({ code, signal }) => {
      current = undefined;
      if (!stopping) {
        restartAfter(`exited (${code ?? signal})`);
      }
    });
  };

  const restartAfter = (why: string): void => {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0] < now - 60_000) {
      crashes.shift();
    }
    if (crashes.length > (options.maxRestartsPerMinute ?? 5)) {
      report(`${why}, ${crashes.length} times within a minute; not restarting it again`);
      settle({ error: new Error(`${options.name} keeps exiting; supervision gave up`) });
      return;
    }
    const delay = Math.min(baseDelay * 2 ** (crashes.length - 1), 8_000);
    report(`${why}; restarting in ${delay} ms`);
    setTimeout(() => {
      if (stopping) {
        return;
      }
      start().then(
        () => {
          restarts++;
          report(`restarted (pid ${current?.pid})`);
          settle({ pid: current?.pid ?? -1 });
        },
        // A start that failed (port still taken, crash on start-up) counts as one more crash.
        (error: Error) => {
          if (!stopping) {
            restartAfter(`restart failed: ${error.message}`);
          }
        },
      );
    }, delay);
  };

  await start();
  const stop = async (): Promise<void> => {
    stopping = true;
    unregister();
    settle({ error: new Error(`${options.name} was stopped`) });
    await current?.stop();
  };
  const unregister = onCleanup(stop);
  return {
    name: options.name,
    get pid() { return current?.pid; },
    get ready() { return ready!; },
    get restarts() { return restarts; },
    nextStart: () => new Promise<number>((resolve, reject) => waiters.push({ resolve, reject })),
    stop,
  };
}

interface Started {
  pid: number | undefined;
  ready: RegExpExecArray;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

async function startOnce(options: SupervisedOptions, args: string[]): Promise<Started> {
  const child = spawnGroup(options.command, args, { ...options.spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  child.stdout?.pipe(log ?? process.stdout, { end: false });
  child.stderr?.pipe(log ?? process.stderr, { end: false });
  void exited.then(() => log?.end());
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  try {
    const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`${options.name} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
      child.stdout?.on('data', function onData(chunk: Buffer) {
        seen += chunk.toString();
        const match = options.ready.exec(seen);
        if (match) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve(match);
        }
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (${code ?? signal}) before it was ready:\n${seen.trim().split('\n').slice(-5).join('\n')}`));
      });
    });
    return { pid: child.pid, ready, exited, stop: () => killGroup(child) };
  } catch (error) {
    await killGroup(child);
    throw error;
  }
}

// The sandbox in a process of its own, driven through its admin endpoints (sandbox/admin.ts). HubSpot
// does not run in the extension host: with the sandbox in the bench's process, every create would also
// pay, on the client's own thread and heap, for the server's work and garbage.
import { spawn } from 'child_process';
import * as path from 'path';
import type { RequestLogEntry, SandboxKnobs, SandboxState, SeedSpec } from '../../sandbox/server';
import { OUT } from './paths';

export interface SandboxProcess {
  url: string;
  reset(seed: SeedSpec): Promise<void>;
  configure(knobs: Partial<SandboxKnobs>): Promise<void>;
  clearRequests(): Promise<void>;
  requests(): Promise<RequestLogEntry[]>;
  state(): Promise<SandboxState>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

export async function startSandboxProcess(seed: 'empty' | 'demo'): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [path.join(OUT, 'sandbox', 'cli.js'), '--port', '0', '--seed', seed], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code}) before listening`));
    });
  });
  child.stdout!.resume();

  const admin = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__sandbox/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`sandbox ${method} ${route}: ${response.status} ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url,
    reset: async (s) => { await admin('POST', 'reset', { seed: s }); },
    configure: async (knobs) => { await admin('POST', 'config', knobs); },
    clearRequests: async () => { await admin('DELETE', 'requests'); },
    requests: async () => (await admin<{ requests: RequestLogEntry[] }>('GET', 'requests')).requests,
    state: () => admin<SandboxState>('GET', 'state'),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

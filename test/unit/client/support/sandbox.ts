// One sandbox per describe block, re-seeded before each test so tests do not see each other's writes.
import { startSandbox } from '../../../../sandbox/server';
import type { Sandbox, SandboxOptions } from '../../../../sandbox/types';

export interface SandboxRef {
  readonly sandbox: Sandbox;
}

export function useSandbox(options: SandboxOptions = {}): SandboxRef {
  let current: Sandbox | undefined;
  before(async function () {
    this.timeout(15_000); // a generated large account takes about a second
    current = await startSandbox({ seed: 'demo', ...options });
  });
  beforeEach(() => {
    current!.configure({ faults: null, rateLimits: false, latencyMs: 0, searchLagMs: 0 });
    current!.reset();
    current!.clearRequests();
  });
  after(async () => {
    await current?.close();
  });
  return {
    get sandbox(): Sandbox {
      if (!current) {
        throw new Error('sandbox not started');
      }
      return current;
    },
  };
}

/** The operations of the API requests the sandbox saw, in order. */
export function operations(sandbox: Sandbox): string[] {
  return sandbox.requests().map((r) => r.operation ?? `${r.method} ${r.path}`);
}

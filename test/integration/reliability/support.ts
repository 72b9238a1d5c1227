// In-host helpers of the reliability tests: a private sandbox started inside the extension host
// (hostile data, a canary token, faults), pointing the extension at it, and putting everything back
// the way the other in-host tests expect it (the run's sandbox, signed in as the demo owner).
import type { Container } from '../../../src/container';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox, SandboxOptions } from '../../../sandbox/types';
import type { TestHooks } from '../../../src/testHooks';
import { activateExtension, resetHooks, testHooks } from '../support/extension';
import { SANDBOX_TOKEN, sandboxUrl } from '../support/sandbox';
import { DEMO_OWNER_ID } from '../../support/demo';
import { QUIET_SETTINGS } from '../../support/quietSettings';
import { waitFor } from '../../support/waitFor';
import { configure } from '../support/settings';

export { configure };

export interface OwnSandbox {
  sandbox: Sandbox;
  container: Container;
  /** What the tests steer (src/testHooks.ts): the TODO review's answer, the creator's hooks. */
  hooks: TestHooks;
  /** Back to the run's sandbox, signed in with its token as the demo owner, hooks reset; closes this sandbox. */
  restore(): Promise<void>;
}

/** Starts a sandbox in this process and points the extension at it (not yet signed in to it). */
export async function ownSandbox(options: SandboxOptions): Promise<OwnSandbox> {
  const container = await activateExtension();
  const hooks = await testHooks();
  await container.auth.ready;
  const sandbox = await startSandbox(options);
  await configure({ ...QUIET_SETTINGS, 'hubspotTasks.baseUrl': sandbox.url });
  return {
    sandbox,
    container,
    hooks,
    restore: async () => {
      resetHooks(hooks);
      await configure({ ...QUIET_SETTINGS, 'hubspotTasks.baseUrl': sandboxUrl() });
      try {
        await container.auth.signIn(SANDBOX_TOKEN);
        await container.auth.setMe(DEMO_OWNER_ID);
      } finally {
        await sandbox.close();
      }
    },
  };
}

/** Signs in with `token` and waits until the tree has loaded (first group answered). */
export async function signInAndLoad(c: Container, token: string): Promise<void> {
  await c.auth.signIn(token);
  await c.auth.setMe(DEMO_OWNER_ID);
  await reload(c);
}

/** Refresh as the Refresh button does, then load the groups as the (possibly hidden) view would. */
export async function reload(c: Container): Promise<void> {
  await c.tree.refresh();
  await c.tree.tasks.ensureLoaded();
  await waitFor(() => c.tree.tasks.groups().every((g) => !g.loading), { what: 'groups to finish loading', timeoutMs: 30_000 });
}

/**
 * Unhandled promise rejections and uncaught errors in this extension host whose stack points into our
 * code, recorded from when `watchUnhandled()` is called. The harness also fails the run on such
 * records in the extension host log; this catches them in the test that caused them.
 */
export function watchUnhandled(ourPaths: string[]): { problems: string[]; stop(): void } {
  const problems: string[] = [];
  const record = (kind: string) => (reason: unknown) => {
    const text = reason instanceof Error ? `${reason.message}\n${reason.stack ?? ''}` : String(reason);
    if (ourPaths.some((p) => text.includes(p))) {
      problems.push(`${kind}: ${text.split('\n').slice(0, 6).join('\n')}`);
    }
  };
  const onRejection = record('unhandled rejection');
  const onError = record('uncaught error');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onError);
  return {
    problems,
    stop: () => {
      process.removeListener('unhandledRejection', onRejection);
      process.removeListener('uncaughtExceptionMonitor', onError);
    },
  };
}

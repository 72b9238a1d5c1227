// Mocha root hooks (loaded with `--require out/test/e2e/support/hooks.js`): one stack for the whole e2e run,
// and after it, the run fails if our extension left unhandled errors in the extension host log.
import { startStack, Stack } from './stack';

let current: Stack | undefined;

/** The running stack; only valid inside tests (after the root `before` hook). */
export function stack(): Stack {
  if (!current) {
    throw new Error('the e2e stack is not running: load test/e2e/support/hooks.js with --require');
  }
  return current;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(180_000);
    const started = Date.now();
    current = await startStack();
    console.log(`  [e2e] stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s: code-server ${current.server.url}, sandbox ${current.sandbox.url}`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    const running = current;
    current = undefined;
    if (!running) {
      return;
    }
    const problems = running.extensionErrors();
    await running.stop();
    if (problems.length > 0) {
      throw new Error(`unhandled errors from our extension in the extension host log:\n${problems.map((p) => p.excerpt).join('\n---\n')}`);
    }
  },
};

import * as vscode from 'vscode';
import { TEST_CONTAINER_COMMAND } from './constants';
import { Container } from './container';
import type { TestHandOff, TestHooks } from './testHooks';
import { PRODUCT_TUNING, tuningWithOverrides } from './tuning';

let container: Container | undefined;

/**
 * Returns nothing on purpose: exports are readable by any other installed extension
 * (`vscode.extensions.getExtension(id).exports`), and the Container holds the token and the client.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const cpuBefore = threadCpuMicros();
  const testing = context.extensionMode === vscode.ExtensionMode.Test;
  // The harness's timings (HUBSPOT_TEST_TUNING, see tuning.ts) and the hooks the in-host tests steer
  // (testHooks.ts) only under test; users get the product's timings and no hooks.
  const hooks: TestHooks | undefined = testing ? {} : undefined;
  const built = new Container(context, hooks ? tuningWithOverrides(process.env.HUBSPOT_TEST_TUNING) : PRODUCT_TUNING, hooks);
  container = built;
  context.subscriptions.push(built);
  if (hooks) {
    context.subscriptions.push(vscode.commands.registerCommand(TEST_CONTAINER_COMMAND, (): TestHandOff<Container> => ({ container: built, hooks })));
  }
  // The synchronous activate() call, the span VS Code's own activateCallTime measures, and the CPU time
  // this thread spent in it (the same work without the waits for a core on a busy machine): for users who
  // wonder what an extension costs at start-up, and for the benchmark (bench/rows/p5Host.ts reads this line).
  const cpuMs = (threadCpuMicros() - cpuBefore) / 1000;
  built.log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms (CPU ${cpuMs.toFixed(1)} ms)`);
}

export function deactivate(): void {
  container?.dispose();
  container = undefined;
}

/** This thread's CPU time (Node ≥ 23.9, as in VS Code's extension host), else the process's. */
function threadCpuMicros(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
  return usage.user + usage.system;
}

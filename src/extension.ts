import * as vscode from 'vscode';
import { Container } from './container';

let container: Container | undefined;

export function activate(context: vscode.ExtensionContext): Container {
  const started = performance.now();
  const cpuBefore = threadCpuMicros();
  container = new Container(context);
  context.subscriptions.push(container);
  // The synchronous activate() call, the span VS Code's own activateCallTime measures, and the CPU time
  // this thread spent in it (the same work without the waits for a core on a busy machine): for users who
  // wonder what an extension costs at start-up, and for the benchmark (bench/rows/p5Host.ts reads this line).
  const cpuMs = (threadCpuMicros() - cpuBefore) / 1000;
  container.log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms (CPU ${cpuMs.toFixed(1)} ms)`);
  return container;
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

// The in-host suite's entry point, loaded by VS Code's extension host as `extensionTestsPath`: the SAME module
// under code-server (scripts/test-integration.js) and under @vscode/test-electron (scripts/test-electron.js).
// It runs every compiled out/test/integration/**/*.test.js with mocha, mirrors mocha's output to the console
// (forwarded to the harness), and writes a JSON summary to $HUBSPOT_TEST_RESULT_FILE for the runner.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

/**
 * Under the code-server harness, the workbench's own log lines travel the same channel as the extension
 * host's console; this invisible prefix marks ours so the runner prints them and files the rest.
 */
const HOST_OUTPUT_MARKER = '\u2063';

interface Summary {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  failures: string[];
}

export function run(): Promise<void> {
  if (process.env.HUBSPOT_TEST_RESULT_FILE) markConsoleOutput();
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 30_000,
    slow: 5_000,
    ...(process.env.HUBSPOT_TEST_GREP ? { grep: process.env.HUBSPOT_TEST_GREP } : {}),
  });
  for (const file of findTests(__dirname)) mocha.addFile(file);

  const summary: Summary = { suite: 'in-host', passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeSummary(summary);
        if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => summary.passed++);
      runner.on('pending', () => summary.pending++);
      runner.on('fail', (test, error: unknown) => {
        summary.failed++;
        summary.failures.push(`${test.fullTitle()}: ${error instanceof Error ? error.message : String(error)}`);
      });
    } catch (error) {
      // A test file that throws while loading: report it, or the runner would only see "exit 1".
      summary.failed++;
      summary.failures.push(`loading the in-host tests: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      writeSummary(summary);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function markConsoleOutput(): void {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(HOST_OUTPUT_MARKER + format(...args));
  }
}

function writeSummary(summary: Summary): void {
  const file = process.env.HUBSPOT_TEST_RESULT_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(summary, null, 2));
}

/** Every *.test.js below `dir`, sorted so the order is the same on every machine. */
function findTests(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

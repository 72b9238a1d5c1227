// `npm run bench` (scripts/bench.js compiles, then runs this): every row, ONE table, and the same as
// JSON in bench/results/latest.json. `--rows P1,P4` runs a subset.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/server';
import { p1Bulk } from './rows/p1Bulk';
import { p2Tree, p3StatusBar } from './rows/p2p3Tree';
import { p4Scan } from './rows/p4Scan';
import { p5Size } from './rows/p5Size';
import { p6Sdk } from './rows/p6Sdk';
import { p7Limits } from './rows/p7Limits';
import { p8Records } from './rows/p8Records';
import { memoryRow } from './rows/memory';
import { RESULTS } from './support/paths';
import { formatTable, type BenchRow } from './support/table';

type RowRunner = () => Promise<BenchRow[]>;

const ROWS: Record<string, RowRunner> = {
  P1: p1Bulk,
  P2: () => withSandbox({ seed: { tasks: 10_000 } }, p2Tree),
  P3: () => withSandbox({ seed: { tasks: 10_000 } }, p3StatusBar),
  P4: p4Scan,
  P5: p5Size,
  P6: () => withSandbox({ seed: { tasks: 10_000 } }, p6Sdk),
  P7: () => withSandbox({ seed: 'demo' }, p7Limits),
  P8: () => withSandbox({ seed: 'demo' }, p8Records),
  M: () => withSandbox({ seed: 'empty' }, memoryRow),
};

async function withSandbox(options: SandboxOptions, run: (sandbox: Sandbox) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const sandbox = await startSandbox(options);
  try {
    return await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

function machine(): { nproc: number; cpu: string; node: string; load: string } {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { nproc: os.availableParallelism?.() ?? os.cpus().length, cpu, node: process.version, load: os.loadavg().map((l) => l.toFixed(1)).join(' ') };
}

async function main(): Promise<void> {
  const arg = process.argv.find((a) => a.startsWith('--rows='))?.slice('--rows='.length);
  const selected = arg ? arg.split(',').map((s) => s.trim().toUpperCase()) : Object.keys(ROWS);
  const started = Date.now();
  const rows: BenchRow[] = [];
  for (const name of selected) {
    const runner = ROWS[name];
    if (!runner) {
      throw new Error(`unknown row ${name}; known: ${Object.keys(ROWS).join(', ')}`);
    }
    const rowStarted = Date.now();
    process.stderr.write(`[bench] ${name}…\n`);
    try {
      rows.push(...(await runner()));
    } catch (error) {
      rows.push({ row: name, metric: 'run', value: 'error', goal: 'runs', pass: false, note: error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' ') : String(error) });
    }
    process.stderr.write(`[bench] ${name} done in ${((Date.now() - rowStarted) / 1000).toFixed(1)} s\n`);
  }
  const env = { ...machine(), seconds: Math.round((Date.now() - started) / 1000), date: new Date().toISOString() };
  console.log(formatTable(rows));
  console.log(`\nMachine: ${env.nproc} cores, ${env.cpu}, node ${env.node}, load average at the end ${env.load}; ${env.seconds} s`);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify({ machine: env, rows }, null, 2)}\n`);
  const failed = rows.filter((r) => r.pass === false).length;
  console.log(`${rows.filter((r) => r.pass === true).length} goals met, ${failed} missed, ${rows.filter((r) => r.pass === null).length} reported`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

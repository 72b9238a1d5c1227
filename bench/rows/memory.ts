// Row M: peak RSS of the bulk path (1,000 and 5,000 TODOs) and of the scan (a 1 % subset and the whole
// P4 corpus), each in its own child process; growth must stay within the data the workload holds.
import { execFile } from 'child_process';
import * as path from 'path';
import type { Sandbox } from '../../sandbox/server';
import { OUT } from '../support/paths';
import { scanCorpus } from '../support/scanCorpus';
import { round } from '../support/stats';
import type { BenchRow } from '../support/table';
import { todoWorkspace } from '../support/todoWorkspace';

const SLACK_MB = 16;
const OVERHEAD = 4; // JS objects and strings take a few times their JSON size

/** Asynchronous: the sandbox the child talks to runs in this process. */
function child(...args: string[]): Promise<{ maxRssKb: number; retainedKb: number; dataBytes: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', path.join(OUT, 'bench', 'child', 'memory.js'), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 180_000 }, (error, stdout) => {
      if (error) {
        reject(error);
      } else {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as { maxRssKb: number; retainedKb: number; dataBytes: number });
      }
    });
  });
}

const mb = (kbytes: number) => round(kbytes / 1024, 1);

export async function memoryRow(sandbox: Sandbox): Promise<BenchRow[]> {
  todoWorkspace(1000);
  todoWorkspace(5000);
  const corpus = scanCorpus();
  const idle = await child('idle');
  sandbox.reset('empty');
  const small = await child('bulk', '1000', sandbox.url);
  sandbox.reset('empty');
  const large = await child('bulk', '5000', sandbox.url);
  const subset = await child('scan', path.join(corpus.root, 'pkg0'));
  const full = await child('scan', corpus.root);
  const bulkGrowth = (large.retainedKb - small.retainedKb) * 1024;
  const bulkPeak = (large.maxRssKb - small.maxRssKb) * 1024;
  const bulkData = large.dataBytes - small.dataBytes;
  const scanGrowth = (full.retainedKb - subset.retainedKb) * 1024;
  const scanPeak = (full.maxRssKb - subset.maxRssKb) * 1024;
  const scanData = full.dataBytes - subset.dataBytes;
  const within = (growth: number, data: number) => growth <= OVERHEAD * data + SLACK_MB * 1024 * 1024;
  return [
    { row: 'M', metric: 'peak RSS, bulk 5,000 TODOs', value: mb(large.maxRssKb), unit: 'MB', goal: `retained growth 1k→5k ≤ ${OVERHEAD}× data + ${SLACK_MB} MB`, reference: `bulk 1,000 ${mb(small.maxRssKb)} MB; idle ${mb(idle.maxRssKb)} MB`, pass: within(bulkGrowth, bulkData), note: `heap retained after GC grows ${round(bulkGrowth / 1e6, 1)} MB (peak RSS ${round(bulkPeak / 1e6, 1)} MB) for ${round(bulkData / 1e6, 1)} MB more data (inputs + results as JSON)` },
    { row: 'M', metric: `peak RSS, scan (${corpus.files} files)`, value: mb(full.maxRssKb), unit: 'MB', goal: `retained growth subset→all ≤ ${OVERHEAD}× data + ${SLACK_MB} MB`, reference: `1 % subset ${mb(subset.maxRssKb)} MB; idle ${mb(idle.maxRssKb)} MB`, pass: within(scanGrowth, scanData), note: `heap retained after GC grows ${round(scanGrowth / 1e6, 1)} MB for ${round(scanData / 1e6, 1)} MB more results; peak RSS grows ${round(scanPeak / 1e6, 1)} MB: garbage of the ${round(corpus.bytes / 1e6, 0)} MB read (file texts), collected lazily by V8, not retained` },
  ];
}

// Numbers of reliability runs (requests, faults, tasks, duplicates, payloads) written to
// test-results/reliability/<name>.json and printed, so the README note can quote real runs.
import * as fs from 'fs';
import * as path from 'path';
import { RESULTS_DIR } from '../../../harness/paths';

export function recordNumbers(name: string, numbers: Record<string, unknown>): void {
  const dir = path.join(RESULTS_DIR, 'reliability');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ at: new Date().toISOString(), ...numbers }, null, 2));
  console.log(`      [reliability] ${name}: ${JSON.stringify(numbers)}`);
}

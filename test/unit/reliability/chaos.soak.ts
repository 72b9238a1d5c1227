// Soak (`npm run soak`, not part of `npm test`): the chaos run at 2,000 TODOs for three seeds, with 20 %
// faults. Same assertions as test/unit/reliability/chaos.test.ts; numbers in test-results/reliability/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { assertNothingLost } from './support/chaosAssertions';
import { recordNumbers } from './support/report';
import { generateTodoWorkspace, runTodoChaos } from './support/todoChaos';

const N = Number(process.env.SOAK_TODOS ?? 2000);
const SEEDS = (process.env.SOAK_SEEDS ?? '1,2,3').split(',').map(Number);

describe(`Soak: chaos with ${N} TODOs, 20 % faults, seeds ${SEEDS.join(', ')}`, function () {
  this.timeout(0);
  let sandbox: Sandbox;
  let root: string;
  before(async () => {
    sandbox = await startSandbox({ seed: 'empty' });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-soak-'));
  });
  after(async () => {
    await sandbox?.close();
    if (root) {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: exactly ${N} tasks, ${N} comments linked, no duplicate, no text lost`, async () => {
      sandbox.reset('empty');
      sandbox.clearRequests();
      const ws = path.join(root, `ws-${seed}`);
      const started = Date.now();
      const originals = generateTodoWorkspace(ws, N, seed);
      const outcome = await runTodoChaos({ sandbox, root: ws, n: N, seed, maxRounds: 8 });
      const injected = Object.values(outcome.faults).reduce((a, b) => a + b, 0);
      assert.ok(injected > 0);
      const verdict = await assertNothingLost(sandbox, ws, N, originals, outcome, { keysMatch: true });
      recordNumbers(`soak-${N}-${seed}`, {
        todos: N, seed, seconds: (Date.now() - started) / 1000, rounds: outcome.rounds, requests: outcome.requests, faultsInjected: injected,
        faults: outcome.faults, createRequests: outcome.createRequests, searchRequests: outcome.searchRequests,
        recovered: outcome.results.reduce((a, r) => a + r.recovered, 0), ...verdict,
      });
    });
  }
});

// Chaos, nothing lost (Node variant of the in-host chaos test): 500 TODO comments in a generated
// workspace become tasks through the project's duplicate-safe bulk path while the sandbox fails 20 % of
// requests with a seeded mix of 500 / 502 / 503, resets, hangs past the client timeout, truncated JSON
// and 429. Afterwards: exactly 500 tasks, 500 comments linked, no duplicate, no TODO text lost.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { assertNothingLost } from './support/chaosAssertions';
import { recordNumbers } from './support/report';
import { generateTodoWorkspace, runTodoChaos } from './support/todoChaos';

const N = 500;
const SEEDS = [20261129, 7, 42];

describe('Reliability: chaos, nothing lost (Node, 500 TODOs, 20 % faults)', function () {
  this.timeout(180_000);
  let sandbox: Sandbox;
  let root: string;

  before(async () => {
    sandbox = await startSandbox({ seed: 'empty' });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-chaos-'));
  });
  after(async () => {
    await sandbox?.close();
    if (root) {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  for (const SEED of SEEDS) {
    it(`seed ${SEED}: exactly ${N} tasks for ${N} TODOs, every comment linked once, no text lost`, async () => {
      sandbox.reset('empty');
      sandbox.clearRequests();
      const originals = generateTodoWorkspace(path.join(root, 'ws'), N, SEED);
      const outcome = await runTodoChaos({ sandbox, root: path.join(root, 'ws'), n: N, seed: SEED });
      const injected = Object.values(outcome.faults).reduce((a, b) => a + b, 0);
      assert.ok(injected > 0, `faults were injected: ${JSON.stringify(outcome.faults)}`);
      const verdict = await assertNothingLost(sandbox, path.join(root, 'ws'), N, originals, outcome, { keysMatch: true });
      assert.ok(outcome.summaries.every((s) => /^Round \d+: created \d+ HubSpot task/.test(s)), 'a summary per round');
      recordNumbers(`chaos-node-${SEED}`, {
        todos: N, seed: SEED, rounds: outcome.rounds, requests: outcome.requests, faultsInjected: injected, faults: outcome.faults,
        createRequests: outcome.createRequests, searchRequests: outcome.searchRequests, recovered: outcome.results.reduce((a, r) => a + r.recovered, 0),
        ...verdict, summaries: outcome.summaries,
      });
    });
  }

  // The worst case across runs: 85 % of requests applied then answered with a reset or truncated JSON,
  // so marker look-ups fail too and some TODOs end a run "could not be checked" although their task
  // landed. The next run must look them up first (before this, seed 4 made 305 tasks of 300 TODOs).
  it('look-ups failing too (85 % resets / truncated answers, seed 4): unchecked TODOs are looked up on the next run, never created twice', async () => {
    const n = 300;
    const seed = 4;
    sandbox.reset('empty');
    sandbox.clearRequests();
    const originals = generateTodoWorkspace(path.join(root, 'ws'), n, seed);
    const outcome = await runTodoChaos({ sandbox, root: path.join(root, 'ws'), n, seed, faultRate: 0.85, kinds: ['reset', 'malformed'], lookupWindowMs: 500, maxRounds: 8 });
    const unchecked = outcome.results.map((r) => r.unchecked.size);
    assert.ok(unchecked[0] > 0 && outcome.rounds > 1, `the first run left TODOs unchecked (${unchecked.join(', ')}) and a later run handled them`);
    const verdict = await assertNothingLost(sandbox, path.join(root, 'ws'), n, originals, outcome, { keysMatch: true });
    const injected = Object.values(outcome.faults).reduce((a, b) => a + b, 0);
    recordNumbers(`chaos-node-unchecked-${seed}`, {
      todos: n, seed, rounds: outcome.rounds, requests: outcome.requests, faultsInjected: injected, faults: outcome.faults, uncheckedPerRound: unchecked,
      createRequests: outcome.createRequests, searchRequests: outcome.searchRequests, recovered: outcome.results.reduce((a, r) => a + r.recovered, 0),
      ...verdict, summaries: outcome.summaries,
    });
  });
});

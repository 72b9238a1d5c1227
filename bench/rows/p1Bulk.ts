// P1: N TODOs → tasks with associations, batched (ours) vs one create per TODO (the reference).
import type { Sandbox } from '../../sandbox/server';
import { bulkCreateFromWorkspace } from '../support/bulkPath';
import { count, unthrottledClient } from '../support/clients';
import { median, round, timed } from '../support/stats';
import type { BenchRow } from '../support/table';
import { todoWorkspace } from '../support/todoWorkspace';

const PLAN = [
  { n: 100, runs: 5, refRuns: 5 },
  { n: 1000, runs: 5, refRuns: 3 },
  { n: 5000, runs: 3, refRuns: 1 },
];

export async function p1Bulk(sandbox: Sandbox): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const client = unthrottledClient(sandbox);
  try {
    for (const { n, runs, refRuns } of PLAN) {
      const root = todoWorkspace(n);
      const ours: number[] = [];
      const ref: number[] = [];
      const ourCreate: number[] = [];
      const refCreate: number[] = [];
      const prepare: number[] = [];
      let ourRequests = 0;
      let refRequests = 0;
      let perTodoRequests = 0;
      let problems = '';
      const run = async (mode: 'batch' | 'one-per-todo') => {
        sandbox.reset('empty');
        sandbox.clearRequests();
        const { ms, value } = await timed(() => bulkCreateFromWorkspace(client, root, mode));
        const log = sandbox.requests();
        const state = sandbox.state();
        const expectedAssociations = value.inputs.reduce((s, i) => s + (i.input.associations?.length ?? 0), 0);
        if (value.created !== n || state.tasks !== n || state.associations < expectedAssociations) {
          problems = `${mode}: ${value.created}/${n} created, ${state.tasks} tasks, ${state.associations}/${expectedAssociations} associations`;
        }
        prepare.push(value.prepareMs);
        return { ms, createMs: value.createMs, creates: count(log, 'createTask', 'batchCreateTasks'), perTodo: count(log, 'createTask', 'createTaskAssociation') };
      };
      for (let i = 0; i < Math.max(runs, refRuns); i++) {
        if (i < runs) {
          const r = await run('batch');
          ours.push(r.ms);
          ourCreate.push(r.createMs);
          ourRequests = r.creates;
          perTodoRequests = r.perTodo;
        }
        if (i < refRuns) {
          const r = await run('one-per-todo');
          ref.push(r.ms);
          refCreate.push(r.createMs);
          refRequests = r.creates;
        }
      }
      const expected = Math.ceil(n / 100);
      const requestRatio = refRequests / Math.max(1, ourRequests);
      const speedup = median(ref) / median(ours);
      const createSpeedup = median(refCreate) / median(ourCreate);
      rows.push({
        row: `P1 N=${n}`, metric: 'create requests', value: ourRequests, goal: `= ${expected}, 0 per-TODO`,
        reference: refRequests, ratio: round(requestRatio, 0), pass: ourRequests === expected && perTodoRequests === 0 && !problems,
        note: problems || undefined,
      });
      rows.push({
        row: `P1 N=${n}`, metric: `wall, median of ${runs} (ref ${refRuns})`, value: round(median(ours), 0), unit: 'ms',
        goal: `speed-up ≥ ${round(requestRatio / 10, 0)}× (request ratio's order)`, reference: round(median(ref), 0),
        ratio: round(speedup, 1), pass: speedup >= requestRatio / 10,
        note: `scan + keys + hint resolution + TODO→task mapping (the same code in both), take ${round(median(prepare), 0)} ms of each run (median)`,
      });
      rows.push({
        row: `P1 N=${n}`, metric: 'create phase only, median', value: round(median(ourCreate), 0), unit: 'ms',
        goal: `speed-up ≥ ${round(requestRatio / 10, 0)}×`, reference: round(median(refCreate), 0),
        ratio: round(createSpeedup, 1), pass: createSpeedup >= requestRatio / 10,
      });
    }
  } finally {
    client.dispose();
  }
  return rows;
}

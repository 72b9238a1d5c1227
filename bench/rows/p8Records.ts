// P8: the associated records of one tree page of 50 tasks (the tree's TaskRecords: one associations batch
// read per object type, then one names batch read per type), with a 5 ms round trip, against reading each
// task's associations one request per task and type (the per-task GET the v3 API also offers), in the
// same run. Cold: a fresh cache (names read too); warm: the account's names already known (a refresh).
import type { Sandbox } from '../../sandbox/server';
import { RECORD_TYPES, TaskRecords } from '../../src/services/taskRecords';
import { TASK_PROPERTIES } from '../../src/tasks/task';
import { silentLogger } from '../../src/util/logger';
import { unthrottledClient } from '../support/clients';
import { median, round, timed } from '../support/stats';
import type { BenchRow } from '../support/table';

const PAGE = 50;
const RUNS = 7;

export async function p8Records(sandbox: Sandbox): Promise<BenchRow[]> {
  const client = unthrottledClient(sandbox);
  try {
    const ids = (await client.tasks.listTasks({ limit: PAGE, properties: [...TASK_PROPERTIES] })).items.map((t) => t.id);
    const perTask = async () => {
      const lists = await Promise.all(ids.flatMap((id) => RECORD_TYPES.map(async (type) => [type, (await client.tasks.listTaskAssociations(id, type)).items] as const)));
      await Promise.all(RECORD_TYPES.map((type) => {
        const recordIds = [...new Set(lists.filter(([t]) => t === type).flatMap(([, refs]) => refs.map((r) => r.id)))];
        return recordIds.length ? client.crm.readObjects(type, recordIds, []) : undefined;
      }));
    };
    const cold = () => new TaskRecords(() => client, () => 'bench', silentLogger).load(ids);
    const warmRecords = new TaskRecords(() => client, () => 'bench', silentLogger);
    await warmRecords.load(ids);
    const warm = async () => {
      warmRecords.reset(); // as a refresh: associations again, names known
      await warmRecords.load(ids);
    };

    const count = async (run: () => Promise<unknown>) => {
      sandbox.clearRequests();
      await run();
      return sandbox.requests();
    };
    const coldLog = await count(cold);
    const perTaskLog = await count(perTask);
    const warmLog = await count(warm);
    const perTaskRequests = coldLog.filter((r) => r.operation === 'listTaskAssociations').length;
    sandbox.configure({ latencyMs: 5 });
    const t = { cold: [] as number[], warm: [] as number[], perTask: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      t.cold.push((await timed(cold)).ms);
      t.warm.push((await timed(warm)).ms);
      t.perTask.push((await timed(perTask)).ms);
    }
    sandbox.configure({ latencyMs: 0 });
    const m = { cold: median(t.cold), warm: median(t.warm), perTask: median(t.perTask) };
    const assoc = coldLog.filter((r) => r.operation === 'batchReadTaskAssociations').length;
    return [
      {
        row: 'P8', metric: `requests for a page of ${PAGE} tasks' records (cold: + names)`, value: coldLog.length, goal: '≤ 6: 3 associations + ≤ 3 names, 0 per task',
        reference: perTaskLog.length, ratio: round(perTaskLog.length / coldLog.length, 1), pass: assoc === 3 && coldLog.length <= 6 && perTaskRequests === 0,
        note: `ours: ${coldLog.map((r) => r.operation).join(', ')}; reference: one associations GET per task and type (${PAGE} × 3) + the same names reads`,
      },
      { row: 'P8', metric: 'requests after a refresh (names cached per account)', value: warmLog.length, goal: '= 3', pass: warmLog.length === 3 },
      {
        row: 'P8', metric: `time for a page of ${PAGE}, 5 ms RTT, cold, median of ${RUNS}`, value: round(m.cold, 1), unit: 'ms', goal: 'speed-up ≥ 5× vs per task',
        reference: `per task ${round(m.perTask, 1)} ms`, ratio: round(m.perTask / m.cold, 1), pass: m.perTask / m.cold >= 5,
      },
      { row: 'P8', metric: `time after a refresh, 5 ms RTT, median of ${RUNS}`, value: round(m.warm, 1), unit: 'ms', goal: 'reported', reference: `per task ${round(m.perTask, 1)} ms`, ratio: round(m.perTask / m.warm, 1), pass: null },
    ];
  } finally {
    client.dispose();
  }
}

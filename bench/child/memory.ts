// Child process of row M: one workload in a fresh process, then its peak RSS (process.resourceUsage).
//   memory.js bulk N SANDBOX_URL   — prepare N generated TODOs and create them through the bulk path
//   memory.js scan ROOT            — scan a folder
//   memory.js idle                 — the same modules loaded, no work (baseline)
// Prints JSON {maxRssKb, retainedKb, dataBytes}: dataBytes = the size of the data the workload must hold (inputs +
// results as JSON), to tell growth with the data from growth beyond it.
import { HubSpotClient } from '../../src/hubspot/client';
import { scanWorkspace } from '../../src/todo/core/workspaceScanner';
import { bulkCreateFromWorkspace } from '../support/bulkPath';
import { TOKEN } from '../support/clients';
import { todoWorkspace } from '../support/todoWorkspace';

/** Heap still in use after a full GC (with the workload's results alive): what the workload retains. */
function retained(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1024);
}

async function main(): Promise<void> {
  const [mode, arg, url] = process.argv.slice(2);
  let dataBytes = 0;
  let retainedKb = retained();
  if (mode === 'bulk') {
    const client = new HubSpotClient({ baseUrl: url, getToken: async () => TOKEN, requestsPer10s: 1_000_000, searchesPerSecond: 1_000_000 });
    const outcome = await bulkCreateFromWorkspace(client, todoWorkspace(Number(arg)), 'batch');
    if (outcome.created !== Number(arg)) {
      throw new Error(`created ${outcome.created} of ${arg}`);
    }
    client.dispose();
    retainedKb = retained();
    dataBytes = JSON.stringify(outcome.inputs).length + JSON.stringify([...(outcome.result?.created.values() ?? [])]).length;
  } else if (mode === 'scan') {
    const result = await scanWorkspace({ root: arg });
    retainedKb = retained();
    dataBytes = JSON.stringify(result.files.map((f) => ({ ...f, todos: f.todos.map((t) => ({ ...t, comment: undefined, continuation: undefined })) }))).length;
  }
  process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, retainedKb, dataBytes })}\n`);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});

// P6: the same workload — list 10,000 tasks, create 1,000, one search — through the official
// @hubspot/api-client (dev dependency only, never shipped) and through our client, same sandbox,
// interleaved; plus each one's bundled size (esbuild, minified, of a one-line entry).
import { Client } from '@hubspot/api-client';
import * as esbuild from 'esbuild';
import * as path from 'path';
import type { Sandbox } from '../../sandbox/server';
import type { HubSpotClient } from '../../src/hubspot/client';
import type { CreateInput, SearchRequest } from '../../src/hubspot/types';
import { DEFAULT_FILTERS } from '../../src/tasks/filters';
import { buildGroupSearch, groupsFor } from '../../src/tasks/grouping';
import { TASK_PROPERTIES } from '../../src/tasks/task';
import { DEMO_OWNER } from '../support/bulkPath';
import { TOKEN, unthrottledClient } from '../support/clients';
import { ROOT } from '../support/paths';

// The same esbuild plugin as the extension bundle (esbuild.js), a plain JS file outside the tsc build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFetchShims: esbuild.Plugin = require(path.join(ROOT, 'scripts', 'nodeFetchShims.js'));
import { kb, median, round, timed } from '../support/stats';
import type { BenchRow } from '../support/table';

const RUNS = 3;
const SEED = { tasks: 10_000 };

function inputs(): CreateInput[] {
  return Array.from({ length: 1000 }, (_, i) => ({
    properties: { hs_task_subject: `Bench task ${i}`, hs_timestamp: new Date(Date.UTC(2026, 11, 1 + (i % 28))).toISOString(), hs_task_status: 'NOT_STARTED', hubspot_owner_id: DEMO_OWNER },
  }));
}

function searchBody(): SearchRequest {
  return buildGroupSearch(groupsFor('due', new Date(), DEFAULT_FILTERS)[0], DEFAULT_FILTERS, DEMO_OWNER, { limit: 100 })!;
}

async function ours(client: HubSpotClient): Promise<number> {
  let listed = 0;
  let cursor: string | undefined;
  do {
    const page = await client.tasks.listTasks({ limit: 100, after: cursor, properties: [...TASK_PROPERTIES] });
    listed += page.items.length;
    cursor = page.cursor;
  } while (cursor);
  const created = await client.tasks.batchCreateTasks(inputs());
  await client.tasks.searchTasks(searchBody());
  return listed + created.results.length;
}

async function viaSdk(sdk: Client): Promise<number> {
  const tasks = sdk.crm.objects.tasks;
  let listed = 0;
  let after: string | undefined;
  do {
    const page = await tasks.basicApi.getPage(100, after, [...TASK_PROPERTIES]);
    listed += page.results.length;
    after = page.paging?.next?.after;
  } while (after);
  let created = 0;
  const all = inputs();
  for (let i = 0; i < all.length; i += 100) {
    const response = await tasks.batchApi.create({ inputs: all.slice(i, i + 100).map((input) => ({ properties: input.properties as Record<string, string>, associations: [] })) });
    created += response.results.length;
  }
  await tasks.searchApi.doSearch(searchBody() as never);
  return listed + created;
}

async function bundleSize(contents: string, plugins: esbuild.Plugin[] = []): Promise<number> {
  const result = await esbuild.build({
    plugins,
    stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node18', write: false, logLevel: 'silent',
  });
  return result.outputFiles[0].contents.length;
}

export async function p6Sdk(sandbox: Sandbox): Promise<BenchRow[]> {
  const client = unthrottledClient(sandbox);
  // The SDK's default limiter (9 requests / s) would dominate; lift it like ours: both run unthrottled.
  const sdk = new Client({ accessToken: TOKEN, basePath: sandbox.url, limiterOptions: { maxConcurrent: 1, minTime: 0 } });
  try {
    const t = { ours: [] as number[], sdk: [] as number[] };
    const requests = { ours: 0, sdk: 0 };
    const items = { ours: 0, sdk: 0 };
    for (let i = 0; i < RUNS; i++) {
      sandbox.reset(SEED);
      sandbox.clearRequests();
      const a = await timed(() => ours(client));
      t.ours.push(a.ms);
      items.ours = a.value;
      requests.ours = sandbox.requests().length;
      sandbox.reset(SEED);
      sandbox.clearRequests();
      const b = await timed(() => viaSdk(sdk));
      t.sdk.push(b.ms);
      items.sdk = b.value;
      requests.sdk = sandbox.requests().length;
    }
    const size = {
      // Built as the extension bundle is (esbuild.js): node-fetch's whatwg-url fallback resolved to Node's URL.
      ours: await bundleSize("export { HubSpotClient } from './src/hubspot/client';", [nodeFetchShims]),
      sdk: await bundleSize("export { Client } from '@hubspot/api-client';"),
    };
    const m = { ours: median(t.ours), sdk: median(t.sdk) };
    const sameWork = items.ours === items.sdk && items.ours === 11_000;
    return [
      { row: 'P6', metric: 'requests (list 10k, create 1k, search)', value: requests.ours, goal: '≤ SDK', reference: requests.sdk, ratio: round(requests.ours / requests.sdk, 2), pass: requests.ours <= requests.sdk && sameWork, note: sameWork ? undefined : `items: ours ${items.ours}, SDK ${items.sdk}` },
      { row: 'P6', metric: `wall, median of ${RUNS}`, value: round(m.ours, 0), unit: 'ms', goal: '≤ SDK', reference: round(m.sdk, 0), ratio: round(m.ours / m.sdk, 2), pass: m.ours <= m.sdk, note: 'both clients with their client-side rate limiters lifted (loopback); same sandbox, interleaved' },
      { row: 'P6', metric: 'bundled size (esbuild, minified)', value: kb(size.ours), unit: 'KB', goal: '≥ 20× smaller than SDK', reference: kb(size.sdk), ratio: round(size.sdk / size.ours, 1), pass: size.sdk / size.ours >= 20, note: 'ratio = SDK / ours; both minified, ours with node-fetch built as in esbuild.js' },
    ];
  } finally {
    client.dispose();
  }
}

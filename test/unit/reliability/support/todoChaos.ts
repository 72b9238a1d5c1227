// The TODO → task bulk path under injected faults, in Node: a generated workspace of N TODO comments,
// the project's scanner, keys, task content and duplicate-safe batch creation (src/todo/core/taskCreation.ts),
// and the project's link rewrite (src/todo/core/writeBack.ts) applied to the files on disk as the
// WorkspaceEdit does in the editor. Rounds repeat what a user does after a partial failure: run the
// command again on the TODOs still unlinked. Shared by the chaos test (npm test) and the soak run.
import * as fs from 'fs';
import * as path from 'path';
import { HubSpotClient } from '../../../../src/hubspot/client';
import type { ApiTask } from '../../../../src/hubspot/types';
import { createInput, markerToken } from '../../../../src/todo/core/taskContent';
import { findTodos, todoKeys } from '../../../../src/todo/core/todoParser';
import { scanWorkspace } from '../../../../src/todo/core/workspaceScanner';
import { applyEdits, linkEdit } from '../../../../src/todo/core/writeBack';
import type { KeyValueStore } from '../../../../src/services/events';
import { createTasksForTodos, type CreationResult } from '../../../../src/todo/core/taskCreation';
import { UncheckedTodos } from '../../../../src/todo/core/uncheckedTodos';
import type { Sandbox } from '../../../../sandbox/types';
import { CapturingLogger } from '../../client/support/clients';
import { DEMO_OWNER_ID as OWNER, SANDBOX_TOKEN } from '../../../support/demo';

export { OWNER };
const TODOS_PER_FILE = 50;

/** A small seeded PRNG (mulberry32): the same seed gives the same workspace. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = [
  { ext: 'ts', line: (t: string) => `  // ${t}`, code: (i: number) => `export const v${i} = "TODO: not a comment ${i}"; // keep` },
  { ext: 'py', line: (t: string) => `    # ${t}`, code: (i: number) => `url_${i} = "http://example.com/#TODO-${i}"` },
  { ext: 'sql', line: (t: string) => `-- ${t}`, code: (i: number) => `SELECT '${i} -- TODO: in a string' FROM t;` },
  { ext: 'go', line: (t: string) => `\t// ${t}`, code: (i: number) => `var s${i} = \`// TODO: raw string ${i}\`` },
];
const WORDS = ['retry', 'überprüfen', 'naïve', 'cache', '日本語', 'flaky', 'edge case', 'ünïcödé', 'emoji 🚀', 'quote "x"', "it's", '<b>bold</b>', 'a & b'];
const TAGS = ['TODO', 'TODO', 'TODO', 'FIXME', 'HACK', 'BUG', 'XXX'];

/** Writes N TODO comments (plus TODO look-alikes in strings that must NOT count) under `root`. */
export function generateTodoWorkspace(root: string, n: number, seed: number): Map<string, string> {
  const random = prng(seed);
  const originals = new Map<string, string>();
  fs.rmSync(root, { recursive: true, force: true });
  for (let file = 0, i = 0; i < n; file++) {
    const lang = LANGUAGES[file % LANGUAGES.length];
    const lines: string[] = [];
    for (let k = 0; k < TODOS_PER_FILE && i < n; k++, i++) {
      const tag = TAGS[Math.floor(random() * TAGS.length)];
      const word = WORDS[Math.floor(random() * WORDS.length)];
      // Every 10th TODO repeats its file's first text: identical TODOs get distinct keys by ordinal.
      const text = k % 10 === 9 ? 'check this again' : `${word} #${i} (seed ${seed})`;
      lines.push(lang.code(i), lang.line(`${tag}: ${text}`), '');
    }
    const relative = path.join(`pkg${file % 3}`, `file${file}.${lang.ext}`);
    const absolute = path.join(root, relative);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    const content = lines.join(file % 2 === 0 ? '\n' : '\r\n');
    fs.writeFileSync(absolute, content);
    originals.set(absolute, content);
  }
  return originals;
}

export interface ScannedTodo {
  file: string;
  languageId: string;
  relativePath: string;
  key: string;
  linkedTaskId?: string;
  text: string;
}

export async function scanTodos(root: string): Promise<ScannedTodo[]> {
  const result = await scanWorkspace({ root, useGitignore: false });
  const out: ScannedTodo[] = [];
  for (const file of result.files) {
    const keys = todoKeys(file.relativePath, file.todos);
    file.todos.forEach((todo, i) => out.push({ file: file.path, languageId: file.languageId, relativePath: file.relativePath, key: keys[i], linkedTaskId: todo.linkedTaskId, text: todo.rawText }));
  }
  return out;
}

/** The link write-back on disk: each TODO found again by its key in the current text. */
function linkOnDisk(byFile: Map<string, { languageId: string; relativePath: string; links: Map<string, string> }>): number {
  let linked = 0;
  for (const [file, { languageId, relativePath, links }] of byFile) {
    const text = fs.readFileSync(file, 'utf8');
    const todos = findTodos(text, languageId);
    const keys = todoKeys(relativePath, todos);
    const edits = todos.flatMap((todo, i) => {
      const id = links.get(keys[i]);
      return id && !todo.linkedTaskId ? [linkEdit(todo, id)] : [];
    });
    linked += edits.length;
    fs.writeFileSync(file, applyEdits(text, edits));
  }
  return linked;
}

export interface ChaosOutcome {
  todos: number;
  rounds: number;
  results: CreationResult[];
  requests: number;
  faults: Record<string, number>;
  createRequests: number;
  searchRequests: number;
  logger: CapturingLogger;
  /** Summary lines as a user would read them, one per round. */
  summaries: string[];
}

export interface ChaosOptions {
  sandbox: Sandbox;
  root: string;
  n: number;
  seed: number;
  faultRate?: number;
  /** Fault kinds (default: all seven). */
  kinds?: ('500' | '502' | '503' | 'reset' | 'hang' | 'malformed' | '429')[];
  maxRounds?: number;
  /** Look-up window of each round (default 3000 ms). */
  lookupWindowMs?: number;
  /**
   * Remember the TODOs a round could not check, and look them up first in the next round, as the
   * extension does (default true; false shows what happens without it).
   */
  rememberUnchecked?: boolean;
}

/** Workspace state in memory (JSON round-trip, as VS Code stores it). */
export class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  }
}

export async function runTodoChaos(options: ChaosOptions): Promise<ChaosOutcome> {
  const { sandbox, root, n, seed } = options;
  const logger = new CapturingLogger();
  const client = new HubSpotClient({
    baseUrl: sandbox.url,
    getToken: async () => SANDBOX_TOKEN,
    logger,
    // Small, so the sandbox's `hang` faults (held 1.5 s) outlast it: a timeout after the create applied.
    timeoutMs: 800,
    retryBaseDelayMs: 20,
    maxRetryDelayMs: 200,
    requestsPer10s: 100_000,
    searchesPerSecond: 100_000,
  });
  sandbox.configure({
    searchLagMs: 150,
    timeoutHangMs: 1500,
    faults: { rate: options.faultRate ?? 0.2, seed, kinds: options.kinds ?? ['500', '502', '503', 'reset', 'hang', 'malformed', '429'] },
  });
  const unchecked = options.rememberUnchecked === false ? undefined : new UncheckedTodos(new MemoryStore());
  const results: CreationResult[] = [];
  const summaries: string[] = [];
  let rounds = 0;
  try {
    for (; rounds < (options.maxRounds ?? 6); ) {
      const unlinked = (await scanTodos(root)).filter((t) => !t.linkedTaskId);
      if (unlinked.length === 0) {
        break;
      }
      rounds++;
      const now = new Date();
      const inputs = unlinked.map((todo) => {
        const text = fs.readFileSync(todo.file, 'utf8');
        const item = findTodos(text, todo.languageId)[todoKeys(todo.relativePath, findTodos(text, todo.languageId)).indexOf(todo.key)];
        return { key: todo.key, input: createInput({ todo: item, relativePath: todo.relativePath, key: todo.key, documentText: text }, { now, ownerId: OWNER, defaultDueDays: 7 }, []).input };
      });
      const byKey = new Map(unlinked.map((t) => [t.key, t]));
      let linkedThisRound = 0;
      const result = await createTasksForTodos(client, inputs, {
        lookupWindowMs: options.lookupWindowMs ?? 3000,
        checkFirst: unchecked?.get(sandbox.url, inputs.map((i) => i.key)),
        logger,
        onChunk: (created) => {
          const byFile = new Map<string, { languageId: string; relativePath: string; links: Map<string, string> }>();
          for (const { key, task } of created) {
            const todo = byKey.get(key)!;
            const entry = byFile.get(todo.file) ?? { languageId: todo.languageId, relativePath: todo.relativePath, links: new Map<string, string>() };
            entry.links.set(key, task.id);
            byFile.set(todo.file, entry);
          }
          linkedThisRound += linkOnDisk(byFile);
        },
      });
      await unchecked?.settle(sandbox.url, inputs, result);
      results.push(result);
      summaries.push(`Round ${rounds}: created ${result.created.size} HubSpot task(s) (${result.recovered} found by marker after an ambiguous failure), linked ${linkedThisRound}; ${result.failed.size} failed and were left unchanged.`);
    }
  } finally {
    sandbox.configure({ faults: null });
    client.dispose();
  }
  const log = sandbox.requests();
  const faults: Record<string, number> = {};
  for (const entry of log) {
    if (entry.fault) {
      faults[entry.fault] = (faults[entry.fault] ?? 0) + 1;
    }
  }
  return {
    todos: n,
    rounds,
    results,
    requests: log.length,
    faults,
    createRequests: log.filter((e) => e.operation === 'batchCreateTasks').length,
    searchRequests: log.filter((e) => e.operation === 'searchTasks').length,
    logger,
    summaries,
  };
}

/** Every task in the sandbox (faults must be off), read through the API, with its body. */
export async function allTasks(sandbox: Sandbox): Promise<ApiTask[]> {
  const client = new HubSpotClient({ baseUrl: sandbox.url, getToken: async () => SANDBOX_TOKEN, requestsPer10s: 100_000, searchesPerSecond: 100_000 });
  const tasks: ApiTask[] = [];
  try {
    let after: string | undefined;
    do {
      const page = await client.tasks.listTasks({ limit: 100, after, properties: ['hs_task_body', 'hs_task_subject'] });
      tasks.push(...page.items);
      after = page.cursor;
    } while (after);
  } finally {
    client.dispose();
  }
  return tasks;
}

/** key → ids of the tasks whose body carries that TODO's marker. */
export function tasksByMarker(tasks: readonly ApiTask[], keys: readonly string[]): Map<string, string[]> {
  const byToken = new Map(keys.map((key) => [markerToken(key), key]));
  const out = new Map<string, string[]>(keys.map((key) => [key, []]));
  for (const task of tasks) {
    const tokens = (task.properties.hs_task_body ?? '').match(/hstodo[0-9a-f]+/g) ?? [];
    for (const token of new Set(tokens)) {
      const key = byToken.get(token);
      if (key) {
        out.get(key)!.push(task.id);
      }
    }
  }
  return out;
}

/** The files with every `(HS-123)` link removed: must equal what was generated (no TODO text lost). */
export function unlinkedText(text: string): string {
  return text.replace(/\(HS-\d+\)/g, '');
}

// P4: the workspace TODO scan (the project's scanner, warm cache) vs ripgrep finding the same tags in
// the same files, on the generated corpus; match sets compared with rg's line-anchored regex.
import { spawnSync } from 'child_process';
import { scanWorkspace } from '../../src/todo/core/workspaceScanner';
import { RG_TODO_REGEX, scanCorpus } from '../support/scanCorpus';
import { median, round, timed } from '../support/stats';
import type { BenchRow } from '../support/table';

const RUNS = 5;

export function rgArgs(root: string, regex = RG_TODO_REGEX): string[] {
  // --no-require-git: honour .gitignore without a git repository, like the scanner;
  // --max-filesize 1M: the scanner's default limit (files over 1 MiB are skipped).
  return ['--no-heading', '--line-number', '--color', 'never', '--no-require-git', '--max-filesize', '1M', '-e', regex, root];
}

function runRg(root: string, regex?: string): string {
  const result = spawnSync('rg', rgArgs(root, regex), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    throw result.error;
  }
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`rg exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

function rgMatches(output: string, root: string): Set<string> {
  const set = new Set<string>();
  for (const line of output.split('\n')) {
    if (!line) {
      continue;
    }
    const m = /^(.*?):(\d+):/.exec(line);
    if (m) {
      set.add(`${m[1].slice(root.length + 1)}:${m[2]}`);
    }
  }
  return set;
}

async function ourMatches(root: string): Promise<Set<string>> {
  const result = await scanWorkspace({ root });
  const set = new Set<string>();
  for (const file of result.files) {
    for (const todo of file.todos) {
      set.add(`${file.relativePath}:${todo.range.line + 1}`);
    }
  }
  return set;
}

export async function p4Scan(): Promise<BenchRow[]> {
  const corpus = scanCorpus();
  const { root } = corpus;
  // Warm the page cache and both tools once, untimed.
  const ours = await ourMatches(root);
  const rg = rgMatches(runRg(root), root);
  const naive = rgMatches(runRg(root, 'TODO|FIXME|HACK|XXX|BUG'), root).size;
  const t = { ours: [] as number[], rg: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    t.ours.push((await timed(() => scanWorkspace({ root }))).ms);
    t.rg.push((await timed(async () => runRg(root))).ms);
  }
  const onlyOurs = [...ours].filter((m) => !rg.has(m));
  const onlyRg = [...rg].filter((m) => !ours.has(m));
  const same = onlyOurs.length === 0 && onlyRg.length === 0;
  const m = { ours: median(t.ours), rg: median(t.rg) };
  const sample = (xs: string[]) => xs.slice(0, 3).join(', ');
  return [
    {
      row: 'P4', metric: `TODOs found (${corpus.files} files, ${round(corpus.bytes / 1e6, 0)} MB)`, value: ours.size, goal: 'same set as rg', reference: rg.size,
      pass: same && ours.size === corpus.expected,
      note: `${same ? 'identical file:line sets' : `only ours ${onlyOurs.length} (${sample(onlyOurs)}), only rg ${onlyRg.length} (${sample(onlyRg)})`}; generator's truth ${corpus.expected}; a naive \`rg 'TODO|FIXME|…'\` reports ${naive} lines (strings, docstrings, prose)`,
    },
    { row: 'P4', metric: `scan wall, warm, median of ${RUNS}`, value: round(m.ours, 0), unit: 'ms', goal: '≤ 2× rg', reference: round(m.rg, 0), ratio: round(m.ours / m.rg, 2), pass: m.ours <= 2 * m.rg },
  ];
}

// Where things are: the repository root (this file compiles to out/bench/support/), and the cache
// folder for generated corpora (outside the repository, so tsc, eslint and vsce never see them).
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const OUT = path.join(ROOT, 'out');
export const CACHE = process.env.BENCH_CACHE_DIR || path.join(os.tmpdir(), 'hubspot-tasks-bench');
export const RESULTS = path.join(ROOT, 'bench', 'results');

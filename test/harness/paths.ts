// Where things are, and the provisioned tools (resolved once per process by scripts/provision.js).
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';

/** The repository root: the nearest folder above this file with our package.json (works from src and out/). */
export const REPO_ROOT = findRepoRoot(__dirname);
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const SAMPLE_WORKSPACE = path.join(REPO_ROOT, 'sample-workspace');
export const VSIX_PATH = path.join(REPO_ROOT, 'dist', 'hubspot-tasks.vsix');

export interface Provisioned {
  nodeBin: string;
  nodeDir: string;
  codeServerEntry: string;
  codeServerVersion: string;
  chromium: string;
}

let provisioned: Provisioned | undefined;

/** Runs the idempotent provisioning (seconds when warm) and returns the tools' paths. */
export function ensureProvisioned(): Provisioned {
  if (provisioned) {
    return provisioned;
  }
  const script = path.join(REPO_ROOT, 'scripts', 'provision.js');
  const result = spawnSync(process.execPath, [script, '--json'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`provisioning failed (exit ${result.status ?? result.signal}); see the output above`);
  }
  provisioned = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as Provisioned;
  return provisioned;
}

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hubspot-tasks') {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`no hubspot-tasks package.json above ${start}`);
    }
  }
}

// A fresh set of folders per run: code-server's user data and extensions, XDG homes, TMPDIR and a workspace,
// so no run sees another's state and nothing is written into ~ or /tmp.
import * as fs from 'fs';
import * as path from 'path';
import { CACHE_DIR } from './paths';

export interface RunDirs {
  root: string;
  userData: string;
  extensions: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  tmp: string;
  workspace: string;
}

/** How many old run folders of one kind to keep for post-mortems (their logs). */
const KEEP_RUNS = 3;

/** Creates `.vscode-test/runs/<kind>-<time>-<pid>/…`, pruning older runs of the same kind. */
export function createRunDirs(kind: string): RunDirs {
  const runsDir = path.join(CACHE_DIR, 'runs');
  fs.mkdirSync(runsDir, { recursive: true });
  pruneOldRuns(runsDir, kind);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const root = path.join(runsDir, `${kind}-${stamp}-${process.pid}`);
  return layout(root);
}

/** A persistent set of folders (used by `npm start`, whose state should survive a restart). */
export function persistentDirs(root: string): RunDirs {
  return layout(root);
}

function layout(root: string): RunDirs {
  const dirs: RunDirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    xdgCache: path.join(root, 'xdg', 'cache'),
    tmp: path.join(root, 'tmp'),
    workspace: path.join(root, 'workspace'),
  };
  for (const dir of Object.values(dirs)) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return dirs;
}

/** The quiet settings from the recipe, plus whatever the run needs (the sandbox base URL). */
export function writeUserSettings(dirs: RunDirs, settings: Record<string, unknown>): void {
  const file = path.join(dirs.userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // A fresh run has none; a hand-edited file with comments is replaced by ours.
  }
  const quiet = {
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    // Run folders live inside this repository: without this, Git offers to open it in every run.
    'git.openRepositoryInParentFolders': 'never',
  };
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...quiet, ...settings }, null, 2));
}

/** Environment for code-server (and its extension host) that keeps every write inside the run folder. */
export function runEnv(dirs: RunDirs, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmp,
    ...extra,
  };
}

/** Copies a folder tree (the sample workspace) into the run's workspace folder. */
export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

function pruneOldRuns(runsDir: string, kind: string): void {
  const old = fs
    .readdirSync(runsDir)
    .filter((name) => name.startsWith(`${kind}-`))
    .sort()
    .reverse()
    .slice(KEEP_RUNS - 1);
  for (const name of old) {
    const pid = Number(name.split('-').pop());
    if (pid && pid !== process.pid && isAlive(pid)) {
      continue; // another run in progress
    }
    fs.rmSync(path.join(runsDir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// `npm start`'s process model with real processes: SIGINT or SIGTERM to the top process stops every process it
// started (the sandbox, code-server's stand-in and what that forked), and the sandbox, killed alone, comes back
// on the same URL. The launcher is a light copy of scripts/start.js's process part (fixtures/launcher.ts), so
// this runs in seconds without packaging or code-server.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { REPO_ROOT } from '../../harness/paths';
import { waitFor } from '../../support/waitFor';

const LAUNCHER = path.join(__dirname, 'fixtures', 'launcher.js');

interface Pids { launcher: number; sandbox: number; url: string; editor: number; grandchild: number }

/** Alive and not a zombie (a reparented child nobody reaped yet is gone for our purpose). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

describe('npm start: process model (real processes)', function () {
  this.timeout(60_000);
  let dir: string;
  let top: ChildProcess | undefined;
  let lines: Record<string, unknown>[];
  let pids: Pids | undefined;

  /** Starts the launcher through `sh -c <script>`, as npm runs package.json scripts, and reads its JSON lines. */
  function launch(script: string): ChildProcess {
    const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
    });
    return child;
  }

  const exited = (child: ChildProcess) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'process-model-'));
    lines = [];
    pids = undefined;
  });

  afterEach(() => {
    // Whatever a failed case left running.
    for (const pid of pids ? [pids.sandbox, pids.editor, pids.grandchild, pids.launcher] : []) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    }
    top?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function started(): Promise<Pids> {
    pids = await waitFor(() => lines.find((l) => 'launcher' in l) as Pids | undefined, { what: 'the launcher to report its children', timeoutMs: 30_000 });
    for (const [name, pid] of Object.entries(pids)) {
      if (typeof pid === 'number') {
        assert.ok(alive(pid), `${name} (${pid}) is running`);
      }
    }
    return pids;
  }

  async function allGone(p: Pids): Promise<void> {
    const all = { launcher: p.launcher, sandbox: p.sandbox, editor: p.editor, grandchild: p.grandchild };
    await waitFor(() => Object.values(all).every((pid) => !alive(pid)), {
      what: () => `every process to stop; still running: ${Object.entries(all).filter(([, pid]) => alive(pid)).map(([n]) => n).join(', ')}`,
      timeoutMs: 15_000,
    });
  }

  it('SIGINT to the top process npm starts (npm forwards it to its script\'s shell) stops every child and grandchild', async () => {
    const start = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
    assert.ok(start.includes('node scripts/start.js'), `package.json's start script runs the launcher: ${start}`);
    // npm signals the shell it ran the script in; only `exec` makes that shell the launcher itself.
    top = launch(start.replace('scripts/start.js', `${JSON.stringify(LAUNCHER)} ${JSON.stringify(path.join(dir, 'data.json'))}`));
    const p = await started();
    assert.strictEqual(p.launcher, top.pid, 'the script\'s shell became the launcher (exec): npm\'s signals reach it');
    process.kill(top.pid!, 'SIGINT');
    await exited(top);
    await allGone(p);
  });

  it('the sandbox killed alone comes back on the same URL; SIGTERM to the top process then stops everything', async () => {
    top = launch(`exec ${JSON.stringify(process.execPath)} ${JSON.stringify(LAUNCHER)} ${JSON.stringify(path.join(dir, 'data.json'))}`);
    const p = await started();
    const created = await fetch(`${p.url}/crm/v3/objects/tasks`, {
      method: 'POST',
      headers: { authorization: 'Bearer sandbox-token', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { hs_task_subject: 'kept across a restart', hs_timestamp: '2030-01-01T00:00:00Z' } }),
    });
    assert.strictEqual(created.status, 201);
    const { id } = (await created.json()) as { id: string };

    process.kill(p.sandbox, 'SIGTERM'); // what "kill <sandbox pid>" sends
    const restarted = await waitFor(() => lines.find((l) => 'sandboxRestarted' in l)?.sandboxRestarted as number | undefined, { what: 'the sandbox to restart', timeoutMs: 20_000 });
    assert.notStrictEqual(restarted, p.sandbox, 'a new process');
    assert.ok(!alive(p.sandbox), 'the old one is gone');
    assert.ok(alive(p.editor) && alive(p.launcher), 'nothing else was restarted');
    const again = await fetch(`${p.url}/crm/v3/objects/tasks/${id}`, { headers: { authorization: 'Bearer sandbox-token' } });
    assert.strictEqual(again.status, 200, 'same URL, and the data file kept the task written before the restart');

    process.kill(top.pid!, 'SIGTERM');
    await exited(top);
    await allGone({ ...p, sandbox: restarted });
  });
});

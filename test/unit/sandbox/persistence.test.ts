// --data FILE: the account survives a restart and a kill; the file is replaced atomically.
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { waitFor } from '../../support/waitFor';
import { call, taskInput } from './helpers';

const CLI = path.resolve(__dirname, '../../../sandbox/cli.js');

describe('sandbox: persistence', function () {
  this.timeout(20_000); // spawns the CLI; same as test/unit/.mocharc.json
  let dir: string;
  let file: string;
  let sandbox: Sandbox | undefined;
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-data-'));
    file = path.join(dir, 'account.json');
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    child = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fileHas = (text: string) => () => (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(text) ? true : undefined);

  it('restores tasks, archives and associations after close and restart', async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', dataFile: file });
    const kept = (await call(sandbox, 'POST', '/crm/v3/objects/tasks', {
      ...taskInput('kept'), associations: [{ to: { id: '51000001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] }],
    })).body.id as string;
    const gone = (await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('gone'))).body.id as string;
    await call(sandbox, 'DELETE', `/crm/v3/objects/tasks/${gone}`);
    const state = sandbox.state();
    await sandbox.close();

    sandbox = await startSandbox({ port: 0, seed: 'demo', dataFile: file });
    assert.deepEqual(sandbox.state(), state, 'the file wins over the seed');
    const got = await call(sandbox, 'GET', `/crm/v3/objects/tasks/${kept}?properties=hs_task_subject&associations=contacts`);
    assert.equal(got.body.properties.hs_task_subject, 'kept');
    assert.deepEqual(got.body.associations.contacts.results, [{ id: '51000001', type: 'task_to_contact' }]);
    assert.equal((await call(sandbox, 'GET', `/crm/v3/objects/tasks/${gone}`)).status, 404);
    const next = (await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('new'))).body.id as string;
    assert.ok(Number(next) > Number(gone), 'ids keep growing after a restart');
  });

  it('writes changes without waiting for close, always as a complete file', async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', dataFile: file });
    let reads = 0;
    const reader = setInterval(() => {
      JSON.parse(fs.readFileSync(file, 'utf8')); // throws (failing the test) on a torn file
      reads++;
    }, 1);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 15; i++) {
        ids.push((await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput(`burst ${i}`))).body.id);
      }
      await waitFor(fileHas(`"id":"${ids[14]}"`), { timeoutMs: 3000, what: 'the last task in the file', intervalMs: 10 });
    } finally {
      clearInterval(reader);
    }
    assert.ok(reads > 0);
    assert.deepEqual(fs.readdirSync(dir), ['account.json'], 'no temp file is left behind');
  });

  it('survives a kill -9 of the CLI', async () => {
    child = spawn(process.execPath, [CLI, '--port', '0', '--seed', 'empty', '--data', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(out)?.[1], { timeoutMs: 10_000, what: 'the CLI to listen', intervalMs: 10 });
    const fake = { url } as Sandbox;
    const id = (await call(fake, 'POST', '/crm/v3/objects/tasks', taskInput('before the kill'))).body.id as string;
    await waitFor(fileHas(`"id":"${id}"`), { timeoutMs: 3000, what: 'the task in the file', intervalMs: 10 });
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    sandbox = await startSandbox({ port: 0, dataFile: file });
    const got = await call(sandbox, 'GET', `/crm/v3/objects/tasks/${id}?properties=hs_task_subject`);
    assert.equal(got.body.properties.hs_task_subject, 'before the kill');
  });
});

// Seeded fault injection: repeatable sequences, and what each kind does to the client and the data.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { FaultKind, Sandbox } from '../../../sandbox/types';
import { call, taskInput, TOKEN } from './helpers';

describe('sandbox: fault injection', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
  });
  afterEach(() => sandbox.close());

  async function statuses(n: number): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      out.push((await call(sandbox, 'GET', '/crm/v3/owners')).status);
    }
    return out;
  }

  it('repeats the same faults for the same seed and request sequence', async function () {
    this.timeout(20_000); // 72 sequential requests: slow on a loaded machine
    const kinds: FaultKind[] = ['500', '502', '503', '429'];
    sandbox.configure({ faults: { rate: 0.4, seed: 42, kinds } });
    const first = await statuses(24);
    sandbox.configure({ faults: { rate: 0.4, seed: 42, kinds } });
    const again = await statuses(24);
    assert.deepEqual(again, first);
    const failures = first.filter((s) => s !== 200).length;
    assert.ok(failures >= 3 && failures <= 17, `about 40% should fail, got ${failures}/24`);
    assert.ok(new Set(first.filter((s) => s !== 200)).size >= 3, 'several kinds appear');
    sandbox.configure({ faults: { rate: 0.4, seed: 43, kinds } });
    assert.notDeepEqual(await statuses(24), first, 'another seed gives another sequence');
    const faulted = sandbox.requests().filter((e) => e.fault);
    assert.ok(faulted.every((e) => kinds.includes(e.fault as FaultKind)));
  });

  it('answers 5xx and 429 faults before applying the request', async () => {
    for (const kind of ['500', '502', '503', '429'] as FaultKind[]) {
      sandbox.configure({ faults: { rate: 1, seed: 1, kinds: [kind] } });
      const before = sandbox.state().tasks;
      const r = await call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput(kind));
      assert.equal(r.status, Number(kind));
      assert.equal(r.body.status, 'error');
      assert.ok(r.body.correlationId);
      if (kind === '429') {
        assert.equal(r.body.policyName, 'TEN_SECONDLY_ROLLING');
      }
      assert.equal(sandbox.state().tasks, before, `${kind} must not apply the create`);
    }
  });

  it('resets the connection after applying the request', async () => {
    sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['reset'] } });
    await assert.rejects(call(sandbox, 'POST', '/crm/v3/objects/tasks', taskInput('reset')));
    assert.equal(sandbox.state().tasks, 1, 'the create was applied although the client got no answer');
    assert.equal(sandbox.requests().at(-1)?.fault, 'reset');
  });

  it('hangs past the client timeout, then drops the connection', async () => {
    sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['hang'] }, timeoutHangMs: 5000 });
    const started = Date.now();
    await assert.rejects(fetch(`${sandbox.url}/crm/v3/objects/tasks`, {
      method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(taskInput('hang')), signal: AbortSignal.timeout(150),
    }), /aborted|timeout/i);
    assert.ok(Date.now() - started < 2000);
    assert.equal(sandbox.state().tasks, 1);
    sandbox.configure({ timeoutHangMs: 100 });
    await assert.rejects(call(sandbox, 'GET', '/crm/v3/owners'), 'the server drops a hung response itself after timeoutHangMs');
  });

  it('sends malformed JSON', async () => {
    sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['malformed'] } });
    const res = await fetch(`${sandbox.url}/crm/v3/owners`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.throws(() => JSON.parse(text));
  });

  it('does not inject faults into admin endpoints, and stops when turned off', async () => {
    sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['500'] } });
    assert.equal((await fetch(`${sandbox.url}/__sandbox/state`)).status, 200);
    sandbox.configure({ faults: null });
    assert.deepEqual(await statuses(5), [200, 200, 200, 200, 200]);
  });
});

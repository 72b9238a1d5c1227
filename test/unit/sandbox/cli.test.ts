// The command line: flags map to SandboxOptions.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../sandbox/cli';

describe('sandbox: command line', () => {
  it('maps every flag to an option', () => {
    assert.deepEqual(parseArgs([
      '--port', '4010', '--host', '0.0.0.0', '--seed', 'tasks:10000', '--data', 'a.json', '--token', 't1', '--token', 't2',
      '--no-scope-token', 'n1', '--rate-limits', '--latency', '50', '--fault-rate', '0.2', '--fault-seed', '7',
      '--fault-kinds', '500,reset', '--search-lag', '800', '--hang-ms', '100',
    ]), {
      port: 4010, host: '0.0.0.0', seed: { tasks: 10000 }, dataFile: 'a.json', tokens: ['t1', 't2'], noScopeTokens: ['n1'],
      rateLimits: true, latencyMs: 50, faults: { rate: 0.2, seed: 7, kinds: ['500', 'reset'] }, searchLagMs: 800, timeoutHangMs: 100,
    });
  });

  it('defaults to port 4010 and rejects unknown flags and bad values', () => {
    assert.deepEqual(parseArgs([]), { port: 4010 });
    assert.deepEqual(parseArgs(['--seed', 'demo']), { port: 4010, seed: 'demo' });
    assert.throws(() => parseArgs(['--bogus']), /unknown option/);
    assert.throws(() => parseArgs(['--latency', 'soon']), /number/);
    assert.throws(() => parseArgs(['--seed', 'huge']), /seed/);
    assert.throws(() => parseArgs(['--fault-rate', '0.5', '--fault-kinds', 'explode']), /fault kinds/);
    assert.throws(() => parseArgs(['--rate-limit', '0']), /positive integer/);
    assert.throws(() => parseArgs(['--rate-limit', '1.5']), /positive integer/);
  });

  it('--rate-limit N sets the account limit and enforces it', () => {
    assert.deepEqual(parseArgs(['--rate-limit', '190']), { port: 4010, rateLimitPer10s: 190, rateLimits: true });
  });
});

describe('sandbox: command line, write validation', () => {
  it('--validation-rules takes inline JSON or a file; --batch-create-errors picks the batch mode', () => {
    const rules = { tasks: { hs_task_subject: [{ ruleType: 'MAX_LENGTH', ruleArguments: ['20'] }] } };
    assert.deepEqual(parseArgs(['--validation-rules', JSON.stringify(rules), '--batch-create-errors', 'per-input']), {
      port: 4010, validationRules: rules, batchCreateErrors: 'per-input',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'rules-')), 'rules.json');
    writeFileSync(file, JSON.stringify(rules));
    assert.deepEqual(parseArgs(['--validation-rules', file]).validationRules, rules);
    assert.throws(() => parseArgs(['--validation-rules', '{"tasks": {"hs_task_subject": [{"ruleType": "SHOUTING"}]}}']), /ruleType/);
    assert.throws(() => parseArgs(['--validation-rules', '{"tasks": {"no_such_property": []}}']), /no property/);
    assert.throws(() => parseArgs(['--batch-create-errors', 'sometimes']), /batchCreateErrors/);
  });
});

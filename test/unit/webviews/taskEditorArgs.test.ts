import * as assert from 'assert';
import { prefillOf, taskIdOf } from '../../../src/commands/taskEditorArgs';

describe('task editor command arguments', () => {
  it('finds the task id in what the tree, hovers, reminders and the palette pass', () => {
    assert.strictEqual(taskIdOf('60000000001'), '60000000001');
    assert.strictEqual(taskIdOf(' 42 '), '42');
    assert.strictEqual(taskIdOf(42), '42');
    assert.strictEqual(taskIdOf({ kind: 'task', task: { id: '7' } }), '7');
    assert.strictEqual(taskIdOf({ id: 'task:today:7', task: { id: '8' } }), '8', 'the carried task wins over a node id');
    assert.strictEqual(taskIdOf({ taskId: '9' }), '9');
    assert.strictEqual(taskIdOf({ id: '10' }), '10');
  });
  it('refuses anything that is not a HubSpot id (it would end up in a URL path)', () => {
    for (const bad of [undefined, null, '', 'abc', '1/../2', '12a', { id: 'task:1' }, { task: { id: 5.5 } }, []]) {
      assert.strictEqual(taskIdOf(bad), undefined, JSON.stringify(bad));
    }
  });
  it('takes only known, well-typed prefill fields for a new task', () => {
    assert.deepStrictEqual(prefillOf({ subject: 'Call', notes: 'n', dueAt: 5, ownerId: '1', evil: '<x>' }), { subject: 'Call', notes: 'n', dueAt: 5 });
    assert.strictEqual(prefillOf({ subject: 3, dueAt: Number.NaN }), undefined);
    assert.strictEqual(prefillOf('Call'), undefined);
    assert.strictEqual(prefillOf(undefined), undefined);
  });
});

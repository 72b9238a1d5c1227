// The memory of TODOs no run could confirm: kept until a run settles them, per account, never lost to
// a cancel, tolerant of a hand-edited or foreign state value.
import * as assert from 'assert';
import type { CreationResult, TodoInput } from '../../../src/todo/core/taskCreation';
import { UncheckedTodos } from '../../../src/todo/core/uncheckedTodos';
import { MemoryStore } from '../reliability/support/todoChaos';

const item = (key: string): TodoInput => ({ key, input: { properties: { hs_task_subject: key } } });
const result = (parts: Partial<CreationResult>): CreationResult => ({ created: new Map(), failed: new Map(), cancelled: [], recovered: 0, unchecked: new Set(), ...parts });

describe('UncheckedTodos', () => {
  it('remembers unchecked keys with when, forgets settled ones, keeps cancelled ones', async () => {
    let now = 1_000;
    const store = new UncheckedTodos(new MemoryStore(), () => now);
    const items = ['a', 'b', 'c'].map(item);
    await store.settle('acct', items, result({ unchecked: new Set(['a', 'b', 'c']) }));
    assert.deepStrictEqual([...store.get('acct', ['a', 'b', 'c', 'd'])], [['a', 1000], ['b', 1000], ['c', 1000]]);
    now = 2_000;
    // a: found by marker (created); b: cancelled before its look-up; c: still could not be checked.
    await store.settle('acct', items, result({ created: new Map([['a', { id: '1', properties: {}, createdAt: '', updatedAt: '' }]]), cancelled: ['b'], unchecked: new Set(['c']) }));
    assert.deepStrictEqual([...store.get('acct', ['a', 'b', 'c'])], [['b', 1000], ['c', 2000]]);
    // A validation failure after being proven absent: nothing left to check.
    await store.settle('acct', items, result({ failed: new Map([['b', 'bad'], ['c', 'bad']]) }));
    assert.deepStrictEqual(store.get('acct', ['a', 'b', 'c']).size, 0);
  });

  it('ignores a state value of the wrong shape instead of failing', () => {
    const memory = new MemoryStore();
    memory.values.set('hubspotTasks.todo.unchecked', 'garbage');
    assert.strictEqual(new UncheckedTodos(memory).get('acct', ['a']).size, 0);
    memory.values.set('hubspotTasks.todo.unchecked', { acct: 42 });
    assert.strictEqual(new UncheckedTodos(memory).get('acct', ['a']).size, 0);
  });
});

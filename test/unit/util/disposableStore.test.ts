import * as assert from 'assert';
import { DisposableStore } from '../../../src/util/disposableStore';
import { lazyFeature } from '../../../src/util/lazyFeature';

describe('DisposableStore', () => {
  it('disposes in reverse order, once, and logs a failing dispose() instead of stopping; add() returns its first item', () => {
    const order: string[] = [];
    const errors: unknown[] = [];
    const store = new DisposableStore();
    store.add({ dispose: () => order.push('first') });
    const second = { dispose: () => { throw new Error('broken'); } };
    assert.strictEqual(store.add(second, { dispose: () => order.push('third') }), second);
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args[1]);
    try {
      store.dispose();
      store.dispose();
    } finally {
      console.error = consoleError;
    }
    assert.deepStrictEqual(order, ['third', 'first']);
    assert.strictEqual(errors.length, 1);
    assert.match(String(errors[0]), /broken/);
  });
});

describe('lazyFeature', () => {
  it('loads on the first get() only, logs the load time once, and current never loads', () => {
    let loads = 0;
    const logged: string[] = [];
    const feature = lazyFeature('Thing', () => ({ n: ++loads }), { debug: (message: string) => logged.push(message) });
    assert.strictEqual(feature.current, undefined);
    assert.strictEqual(loads, 0);
    const first = feature.get();
    assert.strictEqual(feature.get(), first);
    assert.strictEqual(feature.current, first);
    assert.strictEqual(loads, 1);
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0], /^Thing loaded in \d+ ms\.$/);
  });
});

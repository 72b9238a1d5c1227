import * as assert from 'assert';
import { SearchPacer, type PacerClock } from '../../../src/util/searchPacer';

/** A clock the test moves by hand: timers run in order when their time comes. */
function manualClock(): PacerClock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = ++ids;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.id !== handle);
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) {
          break;
        }
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.callback();
      }
      now = end;
    },
  };
}

describe('SearchPacer: search as you type within 5 searches per second', () => {
  it('sends one search when typing pauses, for the last text typed', async () => {
    const clock = manualClock();
    const sent: { query: string; at: number }[] = [];
    const delivered: string[] = [];
    const pacer = new SearchPacer(async (query) => {
      sent.push({ query, at: clock.now() });
      return query.toUpperCase();
    }, (_query, outcome) => delivered.push('result' in outcome ? outcome.result : 'error'), { debounceMs: 250, minIntervalMs: 200 }, clock);
    for (const prefix of ['a', 'ac', 'acm', 'acme']) {
      pacer.request(prefix);
      clock.advance(100); // a keystroke every 100 ms
    }
    clock.advance(500);
    await Promise.resolve();
    assert.deepStrictEqual(sent.map((s) => s.query), ['acme']);
    assert.deepStrictEqual(delivered, ['ACME']);
  });

  it('never starts two searches less than 200 ms apart, however the text changes', async () => {
    const clock = manualClock();
    const starts: number[] = [];
    const pacer = new SearchPacer(async (query) => {
      starts.push(clock.now());
      return query;
    }, () => undefined, { debounceMs: 0, minIntervalMs: 200 }, clock);
    for (let i = 0; i < 50; i++) {
      pacer.request(`q${i}`);
      clock.advance(30);
    }
    clock.advance(1000);
    assert.ok(starts.length >= 5, `${starts.length} searches`);
    for (let i = 1; i < starts.length; i++) {
      assert.ok(starts[i] - starts[i - 1] >= 200, `${starts[i] - starts[i - 1]} ms apart`);
    }
    const perSecond = Math.max(...starts.map((s) => starts.filter((x) => x >= s && x < s + 1000).length));
    assert.ok(perSecond <= 5, `${perSecond} in one second`);
  });

  it('drops an older answer that arrives after a newer query was asked', async () => {
    const clock = manualClock();
    const resolvers = new Map<string, (value: string) => void>();
    const delivered: string[] = [];
    const pacer = new SearchPacer((query) => new Promise<string>((resolve) => resolvers.set(query, resolve)),
      (query) => delivered.push(query), { debounceMs: 0, minIntervalMs: 0 }, clock);
    pacer.request('old');
    clock.advance(1);
    pacer.request('new');
    clock.advance(1);
    resolvers.get('new')?.('N');
    resolvers.get('old')?.('O');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(delivered, ['new']);
  });
});

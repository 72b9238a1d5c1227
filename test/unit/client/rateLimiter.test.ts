import * as assert from 'assert';
import { announcedLimit, RateLimiter } from '../../../src/hubspot/rateLimiter';
import { FakeClock, settle } from './support/fakeClock';

/** Starts `n` acquisitions and records the fake time at which each one was granted. */
function start(limiter: RateLimiter, clock: FakeClock, kinds: ('request' | 'search')[]): number[] {
  const granted: number[] = [];
  kinds.forEach((kind, i) => {
    void limiter.acquire(kind).then(() => { granted[i] = clock.now(); });
  });
  return granted;
}

describe('RateLimiter (fake clock)', () => {
  it('lets 100 requests through at once and queues the 101st until the rolling window frees a slot', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    const granted = start(limiter, clock, Array(101).fill('request'));
    await settle();
    assert.strictEqual(granted.filter((t) => t !== undefined).length, 100);
    assert.strictEqual(granted[100], undefined, 'the 101st waits instead of failing');
    assert.strictEqual(limiter.queued, 1);
    await clock.advance(9_999);
    assert.strictEqual(granted[100], undefined);
    await clock.advance(1);
    assert.strictEqual(granted[100], 10_000);
  });

  it('is rolling, not fixed: requests spread over the window free slots one by one', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, requestsPerWindow: 3, windowMs: 1_000 });
    const first = start(limiter, clock, ['request']);
    await clock.advance(400);
    const rest = start(limiter, clock, ['request', 'request', 'request', 'request']);
    await clock.advance(2_000);
    assert.deepStrictEqual(first, [0]);
    // 400, 400 fill the window; the next gets the slot of t=0 at 1000, then the ones of t=400 at 1400.
    assert.deepStrictEqual(rest, [400, 400, 1_000, 1_400]);
  });

  it('with a large limit, still queues the request past it until the oldest leaves the window', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, requestsPerWindow: 1_000, windowMs: 10_000 });
    const early = start(limiter, clock, Array(600).fill('request'));
    await clock.advance(5_000);
    const late = start(limiter, clock, Array(401).fill('request'));
    await settle();
    assert.ok(early.every((t) => t === 0));
    assert.deepStrictEqual(late.slice(0, 400), Array(400).fill(5_000));
    assert.strictEqual(late[400], undefined, 'the 1,001st waits');
    await clock.advance(4_999);
    assert.strictEqual(late[400], undefined);
    await clock.advance(1);
    assert.strictEqual(late[400], 10_000);
  });

  it('holds searches to 5 per second while plain requests are not slowed by that limit', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    const searches = start(limiter, clock, Array(12).fill('search'));
    await clock.advance(3_000);
    assert.deepStrictEqual(searches, [0, 0, 0, 0, 0, 1_000, 1_000, 1_000, 1_000, 1_000, 2_000, 2_000]);
    const plain = start(limiter, clock, Array(10).fill('request'));
    await settle();
    assert.deepStrictEqual(plain, Array(10).fill(3_000));
  });

  it('serves requests in FIFO order across kinds', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, searchesPerWindow: 1 });
    const order: string[] = [];
    for (const [i, kind] of (['search', 'search', 'request'] as const).entries()) {
      void limiter.acquire(kind).then(() => order.push(`${kind}${i}`));
    }
    await clock.advance(1_000);
    assert.deepStrictEqual(order, ['search0', 'search1', 'request2']);
  });

  it('counts searches in the 10-second window too (conservative)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, requestsPerWindow: 2, searchesPerWindow: 10 });
    const granted = start(limiter, clock, ['search', 'search', 'request']);
    await clock.advance(10_000);
    assert.deepStrictEqual(granted, [0, 0, 10_000]);
  });

  it('pauseFor holds every request after a 429 and reports the window remainder', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    await limiter.acquire('request');
    await clock.advance(3_000);
    assert.strictEqual(limiter.windowRemainingMs(), 7_000);
    limiter.pauseFor(2_500);
    assert.strictEqual(limiter.delayFor('request'), 2_500);
    const granted = start(limiter, clock, ['request', 'search']);
    await clock.advance(2_499);
    assert.deepStrictEqual(granted, []);
    await clock.advance(1);
    assert.deepStrictEqual(granted, [5_500, 5_500]);
    await clock.advance(10_000);
    assert.strictEqual(limiter.windowRemainingMs(), 0);
  });

  it('a released slot counts from the response, since HubSpot counted the request on arrival', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, searchesPerWindow: 1 });
    const release = await limiter.acquire('search');
    await clock.advance(300); // a slow first response
    release();
    const granted = start(limiter, clock, ['search']);
    await clock.advance(999);
    assert.deepStrictEqual(granted, [], 'not at 1000 ms after sending');
    await clock.advance(301);
    assert.deepStrictEqual(granted, [1_300], '1000 ms after the response');
  });

  /** Response headers as HubSpot sends them on a non-search answer. */
  const announcing = (max: string | null, interval: string | null = '10000') => (name: string): string | null =>
    ({ 'x-hubspot-ratelimit-max': max, 'x-hubspot-ratelimit-interval-milliseconds': interval })[name] ?? null;
  const noHeaders = (): string | null => null;

  it('paces by the limit HubSpot announces: 190 frees the queue at once, 100 narrows it again', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, followAnnounced: true });
    const first = start(limiter, clock, Array(200).fill('request'));
    await settle();
    assert.strictEqual(first.filter((t) => t !== undefined).length, 100, 'the lowest tier until HubSpot says');
    limiter.observe(announcing('190'));
    await settle();
    assert.strictEqual(first.filter((t) => t !== undefined).length, 190, 'the waiting requests go without waiting out the window');
    assert.deepStrictEqual(limiter.limit, { max: 190, intervalMs: 10_000 });
    await clock.advance(10_000);
    assert.deepStrictEqual(first.slice(190), Array(10).fill(10_000));
    // Downgraded (or another tier's token): 10 in the window, so 90 more now (190 would take all 95).
    limiter.observe(announcing('100'));
    const late = start(limiter, clock, Array(95).fill('request'));
    await settle();
    assert.strictEqual(late.filter((t) => t !== undefined).length, 90);
    await clock.advance(10_000);
    assert.deepStrictEqual(late.slice(90), Array(5).fill(20_000));
  });

  it('takes any announced number and interval, not only the two tiers', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, followAnnounced: true });
    limiter.observe(announcing('3', '1000'));
    const granted = start(limiter, clock, Array(7).fill('request'));
    await clock.advance(3_000);
    assert.deepStrictEqual(granted, [0, 0, 0, 1_000, 1_000, 1_000, 2_000]);
  });

  it('keeps the learnt limit through answers without headers (search) and ignores garbled ones', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, followAnnounced: true });
    limiter.observe(announcing('190'));
    for (const header of [noHeaders, announcing('0'), announcing('190.5'), announcing('lots'), announcing('190', '0'), announcing('190', null), announcing(null)]) {
      limiter.observe(header);
      assert.deepStrictEqual(limiter.limit, { max: 190, intervalMs: 10_000 });
    }
    const granted = start(limiter, clock, Array(191).fill('request'));
    await settle();
    assert.strictEqual(granted.filter((t) => t !== undefined).length, 190);
  });

  it('a fixed limit (tests, benchmarks) ignores announcements', () => {
    const limiter = new RateLimiter({ clock: new FakeClock(), requestsPerWindow: 100_000 });
    limiter.observe(announcing('100'));
    assert.deepStrictEqual(limiter.limit, { max: 100_000, intervalMs: 10_000 });
  });

  it('announcedLimit reads HubSpot\'s two headers', () => {
    assert.deepStrictEqual(announcedLimit(announcing('190', '10000')), { max: 190, intervalMs: 10_000 });
    assert.strictEqual(announcedLimit(noHeaders), undefined);
    assert.strictEqual(announcedLimit(announcing('100', '-5')), undefined);
  });

  it('falls back to the defaults for nonsense limits', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, requestsPerWindow: 0, searchesPerWindow: Number.NaN });
    const granted = start(limiter, clock, Array(6).fill('search'));
    await settle();
    assert.strictEqual(granted.filter((t) => t !== undefined).length, 5);
  });
});

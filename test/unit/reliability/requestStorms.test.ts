// Request storms from settings (issue 13, point 7): every interval and size setting is held within bounds in
// code, whatever a settings.json holds; refreshes never pile up behind each other; the test timings reach
// the extension only as a whole Tuning object.
import * as assert from 'assert';
import { clampSetting, SETTING_LIMITS } from '../../../src/settingLimits';
import { PRODUCT_TUNING, tuningWithOverrides } from '../../../src/tuning';
import { RefreshGate } from '../../../src/util/refreshGate';

describe('Setting limits', () => {
  it('intervals: 0 and below switch off; anything else is at least one minute and at most a day', () => {
    for (const limits of [SETTING_LIMITS.autoRefreshMinutes, SETTING_LIMITS.statusRefreshMinutes]) {
      assert.strictEqual(clampSetting(0.00001, limits), 1, 'a timer every millisecond becomes one a minute');
      assert.strictEqual(clampSetting(0, limits), 0);
      assert.strictEqual(clampSetting(-3, limits), 0);
      assert.strictEqual(clampSetting(7.5, limits), 7.5);
      assert.strictEqual(clampSetting(1e12, limits), 1440);
      assert.strictEqual(clampSetting('often', limits), 5);
      assert.strictEqual(clampSetting(Number.NaN, limits), 5);
      assert.strictEqual(clampSetting(null, limits), 5);
    }
  });

  it('sizes: page size a whole number from 1 to 200, scanned files at most 10 MB', () => {
    assert.strictEqual(clampSetting(1e9, SETTING_LIMITS.pageSize), 200);
    assert.strictEqual(clampSetting(-5, SETTING_LIMITS.pageSize), 1);
    assert.strictEqual(clampSetting(2.5, SETTING_LIMITS.pageSize), 2);
    assert.strictEqual(clampSetting('abc', SETTING_LIMITS.pageSize), 50);
    assert.strictEqual(clampSetting(1e9, SETTING_LIMITS.maxFileSizeKB), 10 * 1024);
    assert.strictEqual(clampSetting(0, SETTING_LIMITS.maxFileSizeKB), 1);
    assert.strictEqual(clampSetting(Infinity, SETTING_LIMITS.maxFileSizeKB), 1024, 'not finite: the default');
  });

  it('duplicate checks last 1 s to 2 minutes; default due dates 0 to 3650 days', () => {
    assert.strictEqual(clampSetting(0.001, SETTING_LIMITS.duplicateCheckSeconds), 1);
    assert.strictEqual(clampSetting(86_400, SETTING_LIMITS.duplicateCheckSeconds), 120);
    assert.strictEqual(clampSetting(-1, SETTING_LIMITS.defaultDueInDays), 0);
    assert.strictEqual(clampSetting(1e9, SETTING_LIMITS.defaultDueInDays), 3650);
    assert.strictEqual(clampSetting('soon', SETTING_LIMITS.defaultDueInDays), 7);
  });
});

/** A refresh the test finishes by hand, counting how many started and with which `force`. */
function manualRefresh() {
  const started: boolean[] = [];
  const finishers: Array<() => void> = [];
  const run = (force: boolean) => {
    started.push(force);
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  return { started, run, finish: () => finishers.shift()!() };
}

describe('RefreshGate: one refresh at a time', () => {
  it('a forced refresh asked for while one runs is skipped (the caller gets the running one)', async () => {
    const r = manualRefresh();
    const gate = new RefreshGate(r.run);
    const first = gate.forced();
    for (let i = 0; i < 1000; i++) {
      void gate.forced(); // a timer firing every millisecond while HubSpot is slow
    }
    assert.deepStrictEqual(r.started, [true]);
    r.finish();
    await first;
    assert.strictEqual(gate.isRunning, false);
    void gate.forced();
    assert.deepStrictEqual(r.started, [true, true], 'the next tick after it finished runs');
    r.finish();
  });

  it('changes asked for while one runs cost ONE more read after it, however many', async () => {
    const r = manualRefresh();
    const gate = new RefreshGate(r.run);
    const first = gate.changed();
    const later = Array.from({ length: 50 }, () => gate.changed());
    assert.ok(later.every((p) => p === later[0]), 'all share one follow-up');
    assert.deepStrictEqual(r.started, [false]);
    r.finish();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(r.started, [false, false]);
    r.finish();
    await later[0];
    assert.strictEqual(gate.isRunning, false);
  });

  it('a failed refresh does not wedge the gate', async () => {
    let calls = 0;
    const gate = new RefreshGate(async () => {
      calls++;
      if (calls === 1) {
        throw new Error('HubSpot down');
      }
    });
    const failing = gate.forced();
    const followUp = gate.changed();
    await assert.rejects(failing, /HubSpot down/);
    await followUp;
    assert.strictEqual(calls, 2);
    await gate.forced();
    assert.strictEqual(calls, 3);
  });

  it('focus: a full re-read at most once per interval', async () => {
    let now = 1_000_000;
    const r = manualRefresh();
    const gate = new RefreshGate(r.run, () => now);
    const first = gate.forced(60_000);
    r.finish();
    await first;
    await gate.forced(60_000);
    now += 59_999;
    await gate.forced(60_000);
    assert.deepStrictEqual(r.started, [true], 'focus within the minute: no request');
    now += 1;
    const again = gate.forced(60_000);
    assert.deepStrictEqual(r.started, [true, true]);
    r.finish();
    await again;
  });
});

describe('Tuning', () => {
  it('the product defaults are frozen; test overrides come as one whole object, bad values ignored', () => {
    assert.ok(Object.isFrozen(PRODUCT_TUNING) && Object.isFrozen(PRODUCT_TUNING.client));
    assert.deepStrictEqual(tuningWithOverrides(undefined), { client: {}, outageRetryBaseMs: 5000, autoRefreshPeriodMs: undefined });
    assert.deepStrictEqual(tuningWithOverrides('not json'), tuningWithOverrides(undefined));
    const t = tuningWithOverrides(JSON.stringify({ client: { retryBaseDelayMs: 20, searchesPerSecond: -1, bogus: 3 }, outageRetryBaseMs: 2000, autoRefreshPeriodMs: '1' }));
    assert.deepStrictEqual(t, { client: { retryBaseDelayMs: 20 }, outageRetryBaseMs: 2000, autoRefreshPeriodMs: undefined });
    assert.ok(Object.isFrozen(t) && Object.isFrozen(t.client));
  });
});

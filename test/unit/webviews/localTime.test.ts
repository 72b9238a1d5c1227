import * as assert from 'assert';
import { defaultDueAt, fromLocalInput, toLocalInput } from '../../../src/webviews/localTime';

describe('local date-time input ⇄ hs_timestamp', () => {
  it('formats ms as the local wall-clock time of a datetime-local input', () => {
    const ms = new Date(2026, 10, 29, 7, 5).getTime();
    assert.strictEqual(toLocalInput(ms), '2026-11-29T07:05');
    assert.strictEqual(toLocalInput(null), '');
  });
  it('parses the input back in local time (seconds optional)', () => {
    assert.strictEqual(fromLocalInput('2026-11-29T07:05'), new Date(2026, 10, 29, 7, 5).getTime());
    assert.strictEqual(fromLocalInput('2026-11-29T07:05:30'), new Date(2026, 10, 29, 7, 5, 30).getTime());
    assert.strictEqual(fromLocalInput(toLocalInput(1_800_000_000_000)), Math.floor(1_800_000_000_000 / 60_000) * 60_000);
  });
  it('says "no value" for empty and "invalid" for impossible or garbled input', () => {
    assert.strictEqual(fromLocalInput('  '), null);
    for (const bad of ['2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T25:00', '2026-01-01', 'tomorrow', '2026-01-01T10:61']) {
      assert.strictEqual(fromLocalInput(bad), undefined, bad);
    }
  });
  it('defaults a new task to tomorrow 09:00 local time', () => {
    assert.strictEqual(defaultDueAt(new Date(2026, 11, 31, 22, 0)), new Date(2027, 0, 1, 9, 0).getTime());
  });
});

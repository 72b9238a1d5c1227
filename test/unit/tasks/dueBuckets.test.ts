import * as assert from 'assert';
import { calendarDaysBetween, dayBoundaries } from '../../../src/tasks/dueBuckets';

// Day boundaries follow the machine's zone; pin one with DST so the test means the same everywhere.
describe('dueBuckets (local time zone)', () => {
  const savedTz = process.env.TZ;
  before(() => {
    process.env.TZ = 'America/New_York';
  });
  after(() => {
    if (savedTz === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = savedTz;
    }
  });

  it('today/tomorrow/next week start at local midnight', () => {
    const now = new Date(2026, 10, 25, 23, 30); // Wednesday 25 Nov 2026, 23:30 local
    const b = dayBoundaries(now);
    assert.strictEqual(new Date(b.startOfToday).toString().slice(0, 24), 'Wed Nov 25 2026 00:00:00');
    assert.strictEqual(new Date(b.startOfTomorrow).toString().slice(0, 24), 'Thu Nov 26 2026 00:00:00');
    assert.strictEqual(new Date(b.startOfDayAfterTomorrow).toString().slice(0, 24), 'Fri Nov 27 2026 00:00:00');
    assert.strictEqual(new Date(b.startOfNextWeek).toString().slice(0, 24), 'Mon Nov 30 2026 00:00:00');
    // 23:30 New York is already the 26th in UTC: the buckets must not follow UTC.
    assert.strictEqual(now.getUTCDate(), 26);
  });

  it('a day across the DST change is 23 hours long, not 24', () => {
    const b = dayBoundaries(new Date(2026, 2, 8, 12, 0)); // Sunday 8 March 2026: clocks go forward
    assert.strictEqual(b.startOfTomorrow - b.startOfToday, 23 * 3_600_000);
    assert.strictEqual(new Date(b.startOfTomorrow).getHours(), 0);
  });

  it('on Monday, next week is seven days away; on Sunday, one', () => {
    const monday = dayBoundaries(new Date(2026, 10, 30, 9));
    assert.strictEqual(new Date(monday.startOfNextWeek).getDate(), 7);
    const sunday = dayBoundaries(new Date(2026, 10, 29, 9));
    assert.strictEqual(new Date(sunday.startOfNextWeek).getDate(), 30);
  });

  it('calendarDaysBetween counts calendar days, not 24-hour spans', () => {
    assert.strictEqual(calendarDaysBetween(new Date(2026, 10, 25, 23, 59), new Date(2026, 10, 26, 0, 1)), 1);
    assert.strictEqual(calendarDaysBetween(new Date(2026, 2, 7, 12), new Date(2026, 2, 9, 12)), 2);
    assert.strictEqual(calendarDaysBetween(new Date(2026, 10, 25), new Date(2026, 10, 20)), -5);
  });
});

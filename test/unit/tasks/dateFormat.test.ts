// The one date formatter (src/tasks/dateFormat.ts), the user's locale and the first day of its week.
import * as assert from 'assert';
import type { AccountApi } from '../../../src/hubspot/api';
import type { PropertyDefinition } from '../../../src/hubspot/types';
import { TaskProperties } from '../../../src/services/taskProperties';
import { formatDateTime, formatDayTime, formatMoment, formatRelativeDue, formatTime, userLocale } from '../../../src/tasks/dateFormat';
import { dayBoundaries, firstDayOfWeek } from '../../../src/tasks/dueBuckets';
import { groupsFor } from '../../../src/tasks/grouping';
import { DEFAULT_FILTERS } from '../../../src/tasks/filters';

const SECONDS = /\d:\d\d:\d\d/;

describe('date formatting (one formatter, the user\'s locale, no seconds)', () => {
  const at = new Date(2026, 11, 5, 9, 7, 42);

  it('writes times and dates as the locale does, never with seconds', () => {
    assert.strictEqual(formatTime(at, 'en-GB'), '09:07');
    assert.match(formatTime(at, 'en-US'), /^9:07\sAM$/);
    assert.strictEqual(formatTime(at, 'de'), '09:07');
    assert.strictEqual(formatDateTime(at, 'de'), '05.12.2026, 09:07');
    assert.strictEqual(formatDateTime(at, 'en-GB'), '5 Dec 2026, 09:07');
    assert.match(formatDateTime(at, 'en-US'), /^Dec 5, 2026, 9:07\sAM$/);
    for (const text of [formatTime(at, 'en-US'), formatDateTime(at, 'fr'), formatDayTime(at, 'ja'), formatRelativeDue(at, at, undefined, 'en-US')]) {
      assert.doesNotMatch(text, SECONDS, text);
    }
  });

  it('says the time alone for today, the date and time for another day', () => {
    assert.strictEqual(formatMoment(at, new Date(2026, 11, 5, 23, 0), 'en-GB'), '09:07');
    assert.strictEqual(formatMoment(at, new Date(2026, 11, 6, 0, 30), 'en-GB'), '5 Dec 2026, 09:07');
  });

  it('uses the same time in relative due dates', () => {
    const now = new Date(2026, 11, 5, 8, 0);
    assert.strictEqual(formatRelativeDue(at, now, undefined, 'en-GB'), 'today 09:07');
    assert.match(formatRelativeDue(new Date(2026, 11, 6, 14, 30), now, undefined, 'en-US'), /^tomorrow 2:30\sPM$/);
  });

  it('falls back to the runtime\'s locale for a tag Intl does not accept', () => {
    assert.strictEqual(formatDateTime(at, 'not a locale!'), formatDateTime(at, undefined));
  });

  it('takes the region from the system when VS Code\'s display language has none', () => {
    assert.strictEqual(userLocale('en', 'en-GB'), 'en-GB');
    assert.strictEqual(userLocale('de', 'en-US'), 'de-US');
    assert.strictEqual(userLocale('en', 'en'), 'en-US', 'a system locale without region: its likely one');
    assert.strictEqual(userLocale('pt-br', 'en-GB'), 'pt-br', 'a display language with its own region keeps it');
    assert.strictEqual(userLocale('qps-ploc', 'de-DE'), 'qps-Ploc-DE');
  });
});

describe('the first day of the week follows the locale', () => {
  it('reads Intl\'s week data: Monday in Germany and the UK, Sunday in the US, Saturday in Egypt', () => {
    assert.strictEqual(firstDayOfWeek('de-DE'), 1);
    assert.strictEqual(firstDayOfWeek('en-GB'), 1);
    assert.strictEqual(firstDayOfWeek('en-US'), 0);
    assert.strictEqual(firstDayOfWeek('ar-EG'), 6);
  });

  it('is Monday when the locale is not one Intl knows', () => {
    assert.strictEqual(firstDayOfWeek('not a locale!'), 1);
  });

  it('ends "This week" where the locale\'s week ends', () => {
    const thursday = new Date(2026, 11, 3, 10, 0);
    assert.strictEqual(new Date(dayBoundaries(thursday, 1).startOfNextWeek).getDay(), 1);
    assert.strictEqual(new Date(dayBoundaries(thursday, 0).startOfNextWeek).getDate(), 6, 'Sunday the 6th');
    const thisWeek = (weekStartsOn: number) => groupsFor('due', thursday, { ...DEFAULT_FILTERS }, weekStartsOn).find((g) => g.id === 'thisWeek');
    const saturday = { due: new Date(2026, 11, 5, 12, 0) } as Parameters<NonNullable<ReturnType<typeof thisWeek>>['contains']>[0];
    const sunday = { due: new Date(2026, 11, 6, 12, 0) } as typeof saturday;
    assert.ok(thisWeek(1)!.contains(sunday), 'a Monday week holds Sunday');
    assert.ok(thisWeek(0)!.contains(saturday), 'a Sunday week holds Saturday');
    assert.ok(!thisWeek(0)!.contains(sunday), 'a Sunday week ends before Sunday');
  });
});

describe('task property definitions (one read per account, shared)', () => {
  const STATUS: PropertyDefinition = {
    name: 'hs_task_status', label: 'Status', type: 'enumeration', fieldType: 'select',
    options: [{ value: 'NOT_STARTED', label: 'Noch nicht begonnen' }, { value: 'WAITING', label: 'Wartet' }] as PropertyDefinition['options'],
  };

  function fakeAccount(reads: string[], answer: (name: string) => Promise<PropertyDefinition>): () => AccountApi {
    const api: AccountApi = {
      accountDetails: () => { throw new Error('not expected'); },
      taskProperty: (name) => {
        reads.push(name);
        return answer(name);
      },
    };
    return () => api;
  }

  it('gives the portal\'s labels and reads a definition once per account', async () => {
    const reads: string[] = [];
    let account = 'a';
    const properties = new TaskProperties(fakeAccount(reads, async () => STATUS), () => account);
    assert.strictEqual(await properties.label('hs_task_status', 'NOT_STARTED'), 'Noch nicht begonnen');
    assert.strictEqual(await properties.label('hs_task_status', 'WAITING'), 'Wartet');
    assert.strictEqual((await properties.definition('hs_task_status')).options.length, 2);
    assert.deepStrictEqual(reads, ['hs_task_status']);
    account = 'b';
    await properties.label('hs_task_status', 'WAITING');
    assert.deepStrictEqual(reads, ['hs_task_status', 'hs_task_status'], 'another account reads its own');
  });

  it('reads again after five minutes, and after a failed read', async () => {
    const reads: string[] = [];
    let now = 0;
    let fail = true;
    const properties = new TaskProperties(fakeAccount(reads, async () => {
      if (fail) {
        throw new Error('503');
      }
      return STATUS;
    }), () => 'a', () => now);
    assert.strictEqual(await properties.label('hs_task_status', 'NOT_STARTED'), 'Not started', 'unreadable: the value in words');
    fail = false;
    assert.strictEqual(await properties.label('hs_task_status', 'NOT_STARTED'), 'Noch nicht begonnen');
    now = 4 * 60_000;
    await properties.label('hs_task_status', 'NOT_STARTED');
    assert.strictEqual(reads.length, 2);
    now = 6 * 60_000;
    await properties.label('hs_task_status', 'NOT_STARTED');
    assert.strictEqual(reads.length, 3);
  });
});

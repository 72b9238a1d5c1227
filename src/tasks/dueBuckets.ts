// Day boundaries in the user's local time zone (the machine's), DST-safe: days are stepped with
// setDate, never by adding 24 hours.

export interface DayBoundaries {
  startOfToday: number;
  startOfTomorrow: number;
  startOfDayAfterTomorrow: number;
  /** Start of next week's first day (weeks start on `weekStartsOn`, 0 = Sunday, 1 = Monday: firstDayOfWeek()). */
  startOfNextWeek: number;
}

export function startOfLocalDay(date: Date, addDays = 0): Date {
  const result = new Date(date.getFullYear(), date.getMonth(), date.getDate() + addDays, 0, 0, 0, 0);
  return result;
}

export function dayBoundaries(now: Date, weekStartsOn = 1): DayBoundaries {
  const daysToNextWeek = ((weekStartsOn - now.getDay() + 7) % 7) || 7;
  return {
    startOfToday: startOfLocalDay(now).getTime(),
    startOfTomorrow: startOfLocalDay(now, 1).getTime(),
    startOfDayAfterTomorrow: startOfLocalDay(now, 2).getTime(),
    startOfNextWeek: startOfLocalDay(now, daysToNextWeek).getTime(),
  };
}

interface WeekInfo {
  /** 1 = Monday … 7 = Sunday. */
  firstDay: number;
}

/**
 * The day weeks start on where `locale` is used, as `Date.getDay()` counts (0 = Sunday, 1 = Monday):
 * from Intl's week data (`Intl.Locale.prototype.getWeekInfo()`, or the older `weekInfo` getter), else
 * Monday (ISO 8601) when the runtime has neither or does not know the locale.
 */
export function firstDayOfWeek(locale: string | undefined): number {
  try {
    const l = new Intl.Locale(locale ?? new Intl.DateTimeFormat().resolvedOptions().locale) as Intl.Locale & { getWeekInfo?(): WeekInfo; weekInfo?: WeekInfo };
    const firstDay = (l.getWeekInfo?.() ?? l.weekInfo)?.firstDay;
    if (typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7) {
      return firstDay % 7;
    }
  } catch {
    // Not a tag Intl accepts: Monday.
  }
  return 1;
}

/** Whole local calendar days from `now`'s day to `date`'s day (negative in the past). */
export function calendarDaysBetween(now: Date, date: Date): number {
  const a = startOfLocalDay(now);
  const b = startOfLocalDay(date);
  // Round: a DST day is 23 or 25 hours long.
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

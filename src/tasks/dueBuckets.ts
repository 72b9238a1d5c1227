// Day boundaries in the user's local time zone (the machine's), DST-safe: days are stepped with
// setDate, never by adding 24 hours.

export interface DayBoundaries {
  startOfToday: number;
  startOfTomorrow: number;
  startOfDayAfterTomorrow: number;
  /** Start of next week's first day (weeks start on `weekStartsOn`, 1 = Monday). */
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

/** Whole local calendar days from `now`'s day to `date`'s day (negative in the past). */
export function calendarDaysBetween(now: Date, date: Date): number {
  const a = startOfLocalDay(now);
  const b = startOfLocalDay(date);
  // Round: a DST day is 23 or 25 hours long.
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

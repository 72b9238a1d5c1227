// "today 14:30", "tomorrow", "3 days ago", "in 2 weeks": short due dates for tree descriptions.
import { calendarDaysBetween } from './dueBuckets';
import type { Translate } from './filters';

const identity: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ''));

export function formatRelativeDue(due: Date, now: Date, t: Translate = identity, locale?: string): string {
  const days = calendarDaysBetween(now, due);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(due);
  const hasTime = due.getHours() !== 0 || due.getMinutes() !== 0;
  if (days === 0) {
    return hasTime ? t('today {0}', time) : t('today');
  }
  if (days === 1) {
    return hasTime ? t('tomorrow {0}', time) : t('tomorrow');
  }
  if (days === -1) {
    return t('yesterday');
  }
  const abs = Math.abs(days);
  let amount: string;
  if (abs < 14) {
    amount = t('{0} days', abs);
  } else if (abs < 60) {
    amount = t('{0} weeks', Math.round(abs / 7));
  } else if (abs < 730) {
    amount = t('{0} months', Math.round(abs / 30.44));
  } else {
    amount = t('{0} years', Math.round(abs / 365.25));
  }
  return days > 0 ? t('in {0}', amount) : t('{0} ago', amount);
}

/** Full local date and time, for tooltips. */
export function formatDateTime(date: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

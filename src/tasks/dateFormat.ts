// The one place dates and times become text for people: the tree, tooltips, the TODO hover, the task
// editor, the status bar, notifications and pickers all format here, in the user's locale (VS Code's
// display language, `vscode.env.language`, passed in by the caller), never with seconds. Pure: no
// `vscode` import, so the webview bundle and plain mocha use it too.
import { calendarDaysBetween } from './dueBuckets';
import type { Translate } from './filters';

const identity: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ''));

const formats = new Map<string, Intl.DateTimeFormat>();
const locales = new Map<string, string>();

/**
 * The user's locale: VS Code's display language (`vscode.env.language`, e.g. "en" or "de") with the
 * region of the system's locale (Intl's default, from the OS) when the language names none. VS Code
 * has one English, so "en" alone would read as en-US everywhere: a British system makes it en-GB
 * (day-month dates, 24-hour times, weeks from Monday), an American one en-US.
 */
export function userLocale(language: string, systemLocale?: string): string {
  const key = `${language}|${systemLocale ?? ''}`;
  let locale = locales.get(key);
  if (locale === undefined) {
    locale = language;
    try {
      const display = new Intl.Locale(language);
      const region = new Intl.Locale(systemLocale ?? new Intl.DateTimeFormat().resolvedOptions().locale).maximize().region;
      if (!display.region && region) {
        locale = new Intl.Locale(language, { region }).toString();
      }
    } catch {
      // Not a BCP 47 tag Intl knows: formatters fall back to the runtime's locale.
    }
    locales.set(key, locale);
  }
  return locale;
}

/** The styles this module writes; each formatter is made once per locale (tree rows format on every repaint). */
const STYLES = {
  time: { timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dayTime: { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A cached formatter; a locale Intl does not accept (e.g. the pseudo-locale `qps-ploc`) falls back to the runtime's. */
function formatter(locale: string | undefined, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${style}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, STYLES[style]);
    } catch {
      format = new Intl.DateTimeFormat(undefined, STYLES[style]);
    }
    formats.set(key, format);
  }
  return format;
}

/** "09:00" / "9:00 AM": hours and minutes as the locale writes them. */
export function formatTime(date: Date, locale?: string): string {
  return formatter(locale, 'time').format(date);
}

/** "5 Dec 2026" / "Dec 5, 2026": a day (a due date given without a time). */
export function formatDate(date: Date, locale?: string): string {
  return formatter(locale, 'date').format(date);
}

/** "5 Dec 2026, 09:00" / "Dec 5, 2026, 9:00 AM": a full date and time (tooltips, hover, editor). */
export function formatDateTime(date: Date, locale?: string): string {
  return formatter(locale, 'dateTime').format(date);
}

/** "Sat 5 Dec, 09:00": a day of the coming weeks and its time (snooze and due pickers). */
export function formatDayTime(date: Date, locale?: string): string {
  return formatter(locale, 'dayTime').format(date);
}

/** The time alone when `date` is today, else the date and time: when data was loaded or last tried. */
export function formatMoment(date: Date, now: Date, locale?: string): string {
  return calendarDaysBetween(now, date) === 0 ? formatTime(date, locale) : formatDateTime(date, locale);
}

/** "today 09:00", "tomorrow", "3 days ago", "in 2 weeks": short due dates for tree rows and pickers. */
export function formatRelativeDue(due: Date, now: Date, t: Translate = identity, locale?: string): string {
  const days = calendarDaysBetween(now, due);
  const time = formatTime(due, locale);
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

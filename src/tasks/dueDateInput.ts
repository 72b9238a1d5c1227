// Due-date choices for "Set due date": presets and typed input, in the user's local time zone.
import { startOfLocalDay } from './dueBuckets';

export interface DueChoice {
  // English label with the l10n marker comment (scripts/l10n.js collects it); the view translates it.
  label: string;
  date: Date;
}

/** Keeps the time of day of `keepTimeOf` (the task's current due time) or uses 09:00. */
function at(day: Date, keepTimeOf: Date | undefined): Date {
  const result = new Date(day);
  result.setHours(keepTimeOf?.getHours() ?? 9, keepTimeOf?.getMinutes() ?? 0, 0, 0);
  return result;
}

export function dueChoices(now: Date, keepTimeOf?: Date): DueChoice[] {
  const daysToMonday = ((1 - now.getDay() + 7) % 7) || 7;
  return [
    { label: /*l10n*/ 'Today', date: at(startOfLocalDay(now), keepTimeOf) },
    { label: /*l10n*/ 'Tomorrow', date: at(startOfLocalDay(now, 1), keepTimeOf) },
    { label: /*l10n*/ 'In 2 days', date: at(startOfLocalDay(now, 2), keepTimeOf) },
    { label: /*l10n*/ 'Next Monday', date: at(startOfLocalDay(now, daysToMonday), keepTimeOf) },
    { label: /*l10n*/ 'In a week', date: at(startOfLocalDay(now, 7), keepTimeOf) },
  ];
}

/**
 * Parses "2026-12-24", "2026-12-24 14:30", "today", "tomorrow", "+3" / "+3d" (days from today).
 * Returns undefined for anything else (including impossible dates like 2026-02-31).
 */
export function parseDueInput(text: string, now: Date, keepTimeOf?: Date): Date | undefined {
  const input = text.trim().toLowerCase();
  if (input === 'today') {
    return at(startOfLocalDay(now), keepTimeOf);
  }
  if (input === 'tomorrow') {
    return at(startOfLocalDay(now, 1), keepTimeOf);
  }
  const relative = /^\+(\d{1,4})d?$/.exec(input);
  if (relative) {
    return at(startOfLocalDay(now, Number(relative[1])), keepTimeOf);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{1,2}):(\d{2}))?$/.exec(input);
  if (!match) {
    return undefined;
  }
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    return undefined;
  }
  if (match[4] !== undefined) {
    if (h > 23 || mi > 59) {
      return undefined;
    }
    date.setHours(h, mi, 0, 0);
    return date;
  }
  return at(date, keepTimeOf);
}

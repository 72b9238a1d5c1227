// The small hint syntax inside a TODO's text (documented in README "TODO comments → HubSpot tasks"):
//   @contact:<id or email>  @company:<id or domain>  @deal:<id>   (quotes allow spaces: @company:"Acme Inc")
//   !high | !medium | !low   or   p:high / priority:low
//   due:2026-12-01 | due:today | due:tomorrow | due:+3d (d, w, m) | due:friday (next such day, today included)
// A hint starts after whitespace (or the start of the text), so `bob@contact:x` is plain text.

export type TaskPriorityHint = 'HIGH' | 'MEDIUM' | 'LOW';
export type AssociationHintKind = 'contact' | 'company' | 'deal';

export interface AssociationHint {
  kind: AssociationHintKind;
  /** As written, quotes removed: an id, an email, a domain or a name. */
  value: string;
}

export interface TodoHints {
  associations: AssociationHint[];
  priority?: TaskPriorityHint;
  /** The due hint as written (`tomorrow`, `+3d` …); resolve with `resolveDue`. */
  due?: string;
}

export interface ParsedHints {
  hints: TodoHints;
  /** The text with hint tokens removed and blanks collapsed. */
  text: string;
}

const HINT = /(^|\s)(?:@(contact|company|deal):("[^"]*"|[^\s"]+)|!(high|medium|low)\b|(?:p|priority):(high|medium|low)\b|due:("[^"]*"|[^\s"]+))/gi;
const TRAILING_PUNCTUATION = /[.,;:)\]}]+$/;

export function parseHints(text: string, into?: TodoHints): ParsedHints {
  const hints: TodoHints = into ?? { associations: [] };
  const stripped = text.replace(HINT, (_match, lead: string, kind?: string, value?: string, bang?: string, prio?: string, due?: string) => {
    if (kind && value !== undefined) {
      const clean = unquote(value);
      if (clean) hints.associations.push({ kind: kind.toLowerCase() as AssociationHintKind, value: clean });
    } else if (bang || prio) {
      hints.priority = (bang ?? prio)!.toUpperCase() as TaskPriorityHint;
    } else if (due !== undefined) {
      const clean = unquote(due);
      if (clean) hints.due = clean;
    }
    return lead;
  });
  return { hints, text: stripped.replace(/\s+/g, ' ').trim() };
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).trim();
  return value.replace(TRAILING_PUNCTUATION, '');
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Resolves a due hint against `now` (local time) to a calendar date `YYYY-MM-DD`, or undefined when
 * the hint is not understood (the caller reports it rather than guessing).
 */
export function resolveDue(due: string, now: Date): string | undefined {
  const value = due.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? formatDate(date) : undefined;
  }
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (value === 'today') return formatDate(today);
  if (value === 'tomorrow') return formatDate(addDays(today, 1));
  const relative = /^\+(\d{1,4})([dwm])$/.exec(value);
  if (relative) {
    const n = Number(relative[1]);
    if (relative[2] === 'd') return formatDate(addDays(today, n));
    if (relative[2] === 'w') return formatDate(addDays(today, 7 * n));
    const target = new Date(today.getFullYear(), today.getMonth() + n, 1);
    const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
    target.setDate(Math.min(today.getDate(), lastDay));
    return formatDate(target);
  }
  const weekday = WEEKDAYS.findIndex((day) => value.length >= 3 && fullName(day).startsWith(value));
  if (weekday >= 0) return formatDate(addDays(today, (weekday - today.getDay() + 7) % 7));
  return undefined;
}

function fullName(day: string): string {
  return { sun: 'sunday', mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday' }[day]!;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

export function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

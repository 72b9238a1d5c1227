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

// Parsed with a loop, not a regular expression: the text is any line of any file the user opens, and
// the regexes this replaced backtracked (`@deal:` followed by 200,000 commas took 45 s to strip its
// trailing punctuation). Every step below moves forward, so the cost is linear in the text's length.

export function parseHints(text: string, into?: TodoHints): ParsedHints {
  const hints: TodoHints = into ?? { associations: [] };
  const kept: string[] = [];
  const quotes = new QuoteFinder(text);
  let copiedUpTo = 0;
  // The next place a hint can start, found natively rather than by a JavaScript step per character.
  const starts = HINT_START;
  starts.lastIndex = 0;
  while (starts.test(text)) {
    const i = starts.lastIndex - 1;
    const end = readHint(text, i, hints, quotes);
    if (end === i) {
      continue;
    }
    kept.push(text.slice(copiedUpTo, i));
    copiedUpTo = end;
    // Resume after the hint (a hint ends in a non-blank, so the next one needs a blank first).
    starts.lastIndex = end;
  }
  kept.push(text.slice(copiedUpTo));
  return { hints, text: collapseBlanks(kept.join('')) };
}

/**
 * A hint starts at the start of the text or right after whitespace (`\S` is the complement of `isSpace`
 * below), with the first character of one of its forms: `@`, `!`, `p` or `d` in either case. Most words
 * of a TODO's text start with none, and never reach readHint's loops (which ran on every word, mostly
 * before the JIT had optimized them).
 */
const HINT_START = /(?<!\S)[!@DPdp]/g;

/** Reads one hint at `i` into `hints`; returns the offset after it, or `i` when none starts there. */
function readHint(text: string, i: number, hints: TodoHints, quotes: QuoteFinder): number {
  const c = text.charCodeAt(i);
  if (c === 64 /* @ */) {
    for (const kind of ASSOCIATION_KINDS) {
      if (!startsWithIgnoreCase(text, i + 1, kind) || text.charCodeAt(i + 1 + kind.length) !== 58 /* : */) {
        continue;
      }
      const value = readValue(text, i + kind.length + 2, quotes);
      if (!value) {
        return i;
      }
      const clean = unquote(value.raw);
      if (clean && clean.length <= MAX_HINT_VALUE) {
        hints.associations.push({ kind, value: clean });
      }
      return value.end;
    }
    return i;
  }
  if (c === 33 /* ! */) {
    const level = readLevel(text, i + 1);
    if (!level) {
      return i;
    }
    hints.priority = level.priority;
    return level.end;
  }
  for (const prefix of PRIORITY_PREFIXES) {
    if (!startsWithIgnoreCase(text, i, prefix)) {
      continue;
    }
    const level = readLevel(text, i + prefix.length);
    if (!level) {
      continue;
    }
    hints.priority = level.priority;
    return level.end;
  }
  if (startsWithIgnoreCase(text, i, 'due:')) {
    const value = readValue(text, i + 4, quotes);
    if (!value) {
      return i;
    }
    const clean = unquote(value.raw);
    if (clean && clean.length <= MAX_HINT_VALUE) {
      hints.due = clean;
    }
    return value.end;
  }
  return i;
}

/**
 * Longest value taken from a hint (an email address has at most 254 characters): a longer one is
 * removed from the subject but not used, so a hostile line cannot send megabytes to HubSpot's search.
 */
export const MAX_HINT_VALUE = 254;

const ASSOCIATION_KINDS: readonly AssociationHintKind[] = ['contact', 'company', 'deal'];
const PRIORITY_PREFIXES = ['p:', 'priority:'];
const LEVELS: readonly TaskPriorityHint[] = ['HIGH', 'MEDIUM', 'LOW'];

/** `high` | `medium` | `low` (any case) at `at`, ending at a word boundary. */
function readLevel(text: string, at: number): { priority: TaskPriorityHint; end: number } | undefined {
  for (const priority of LEVELS) {
    const end = at + priority.length;
    if (startsWithIgnoreCase(text, at, priority) && !isAsciiWordChar(text.charCodeAt(end))) {
      return { priority, end };
    }
  }
  return undefined;
}

/** A `"quoted value"` (closed on the same text) or a run of characters other than whitespace and quotes. */
function readValue(text: string, at: number, quotes: QuoteFinder): { raw: string; end: number } | undefined {
  if (text.charCodeAt(at) === 34 /* " */) {
    const close = quotes.after(at);
    return close < 0 ? undefined : { raw: text.slice(at, close + 1), end: close + 1 };
  }
  let end = at;
  while (end < text.length && !isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 34) {
    end++;
  }
  return end > at ? { raw: text.slice(at, end), end } : undefined;
}

/**
 * The next `"` after an offset. Offsets only grow, so the text is searched once in all: a line of many
 * `due:"` openers without closers does not search to its end once per opener.
 */
class QuoteFinder {
  private next = -2;
  private from = -1;

  constructor(private readonly text: string) {}

  after(at: number): number {
    if (at < this.from || (this.next !== -1 && this.next <= at)) {
      this.next = this.text.indexOf('"', at + 1);
    }
    this.from = at;
    return this.next;
  }
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).trim();
  }
  let end = value.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(value.charCodeAt(end - 1))) {
    end--;
  }
  return value.slice(0, end);
}

/** `.,;:)]}`: what ends a sentence or a bracket after a hint, not part of its value. */
const TRAILING_PUNCTUATION = new Set([46, 44, 59, 58, 41, 93, 125]);

/** ASCII case-insensitive, as the `i` flag of the regular expression this replaced. */
function startsWithIgnoreCase(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) {
    return false;
  }
  for (let k = 0; k < word.length; k++) {
    const a = text.charCodeAt(at + k);
    const b = word.charCodeAt(k);
    if (a !== b && !(isAsciiLetter(b) && (a | 0x20) === (b | 0x20) && isAsciiLetter(a))) {
      return false;
    }
  }
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** What `\s` matches in a JavaScript regular expression. */
function isSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Runs of whitespace become one space, none at the ends. Native (`\s` and `trim` both mean `isSpace`): the
 * loop this replaced stepped through every character of every TODO's text, mostly before the JIT had
 * optimized it, and the regular expression cannot backtrack (one class, one quantifier).
 */
function collapseBlanks(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
  if (value === 'today') {
    return formatDate(today);
  }
  if (value === 'tomorrow') {
    return formatDate(addDays(today, 1));
  }
  const relative = /^\+(\d{1,4})([dwm])$/.exec(value);
  if (relative) {
    const n = Number(relative[1]);
    if (relative[2] === 'd') {
      return formatDate(addDays(today, n));
    }
    if (relative[2] === 'w') {
      return formatDate(addDays(today, 7 * n));
    }
    const target = new Date(today.getFullYear(), today.getMonth() + n, 1);
    const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
    target.setDate(Math.min(today.getDate(), lastDay));
    return formatDate(target);
  }
  const weekday = WEEKDAYS.findIndex((day) => value.length >= 3 && fullName(day).startsWith(value));
  if (weekday >= 0) {
    return formatDate(addDays(today, (weekday - today.getDay() + 7) % 7));
  }
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

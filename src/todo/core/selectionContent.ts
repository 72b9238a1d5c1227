// What a selection of code becomes as a task: the subject from its first line (comment markers, a TODO
// tag and hints taken off), notes with where it is (a link to the lines on the web when the repository
// has a web remote) and the code itself, secrets redacted, in the notes allowlist (src/tasks/htmlToText.ts:
// paragraphs, line breaks, escaped text, one http(s) link). Pure: the command feeds it the editor's text.
import { escapeNoteText, safeHref } from '../../tasks/htmlToText';
import { parseHints, resolveDue, type TodoHints } from './hints';
import { redactSecrets } from './secrets';

/** HubSpot shows subjects on one line; a longer first line is cut here. */
const SUBJECT_MAX = 200;
/** The code quoted in the notes: enough for a function, bounded for a whole file selected. */
const CODE_LINES_MAX = 200;

export interface SelectionInput {
  /** The selected text. */
  text: string;
  relativePath: string;
  /** 1-based lines of the selection. */
  firstLine: number;
  lastLine: number;
  /** The lines at the commit, else on the branch (gitLinks.ts); absent without a web remote. */
  link?: string;
  now: Date;
}

export interface SelectionTask {
  subject: string;
  notes: string;
  hints: TodoHints;
  /** From a due hint (`due:friday`), Unix ms. */
  dueAt?: number;
}

/** Comment openers and closers around a first line, and a leading TODO-style tag with its punctuation. */
const LEADING_MARKERS = /^(?:\/\/+|\/\*+|\*+|#+|--+|;+|%+|<!--|'|REM\b|"""|''')\s*/i;
const TRAILING_MARKERS = /\s*(?:\*+\/|-->|"""|''')\s*$/;
const TAG = /^(?:TODO|FIXME|HACK|XXX|BUG|NOTE)\b[\s:!;,/\-)(]*/i;

export function selectionTask(input: SelectionInput): SelectionTask {
  const lines = input.text.replace(/\r\n?/g, '\n').split('\n');
  const { hints } = parseHints(input.text);
  const first = lines.find((line) => line.trim() !== '') ?? '';
  let subject = first.trim();
  for (let i = 0; i < 3; i++) {
    subject = subject.replace(LEADING_MARKERS, '').replace(TRAILING_MARKERS, '').replace(TAG, '').trim();
  }
  subject = redactSecrets(parseHints(subject).text).trim() || `${input.relativePath}:${input.firstLine}`;
  if (subject.length > SUBJECT_MAX) {
    subject = `${subject.slice(0, SUBJECT_MAX - 1)}…`;
  }
  const where = input.firstLine === input.lastLine
    ? `${input.relativePath}, line ${input.firstLine}`
    : `${input.relativePath}, lines ${input.firstLine}–${input.lastLine}`;
  const href = safeHref(input.link);
  const link = href ? ` — <a href="${escapeNoteText(href).replace(/"/g, '&quot;')}">view source</a>` : '';
  const shown = lines.slice(0, CODE_LINES_MAX);
  const code = shown
    // Indentation kept visible: HTML collapses leading blanks, no-break spaces it keeps.
    .map((line) => escapeNoteText(redactSecrets(line).replace(/^[ \t]+/, (blank) => '\u00a0'.repeat(blank.replace(/\t/g, '    ').length))))
    .join('<br>');
  const more = lines.length > shown.length ? `<br>… (${lines.length - shown.length} more lines)` : '';
  const notes = `<p>${escapeNoteText(where)}${link}</p><p>${code}${more}</p>`;
  // As for TODOs (taskContent.ts dueOf): the hinted day at 9:00 local time; no hint, the editor's default.
  const day = hints.due ? resolveDue(hints.due, input.now) : undefined;
  const [y, m, d] = day ? day.split('-').map(Number) : [];
  return { subject, notes, hints, ...(day ? { dueAt: new Date(y, m - 1, d, 9).getTime() } : {}) };
}

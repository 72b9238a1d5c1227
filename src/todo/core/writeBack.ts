// Text edits that link a TODO to its task (`TODO: x` → `TODO(HS-123): x`) and that clean up TODOs whose
// tasks are completed. Linking only rewrites the header (tag, parentheses, colon): the TODO's text,
// its hints and the rest of the line are kept byte for byte.
import { Comment } from './commentScanner';
import { TodoItem } from './todoParser';

export const DEFAULT_LINK_FORMAT = '{tag}(HS-{id}): {text}';

/** A replacement of document offsets [start, end) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Checks a link format: it needs `{tag}`, `{id}` inside `(…)` or `[…]` right after the tag as
 * `HS-{id}`, and `{text}` after it, so that the parser reads the linked TODO back. Returns the
 * format to use (the default when the configured one is unusable) and why it was rejected.
 */
export function validateLinkFormat(format: string | undefined): { format: string; problem?: string } {
  if (!format) return { format: DEFAULT_LINK_FORMAT };
  const ok = /^\{tag\}[([][^()[\]]*HS-\{id\}[^()[\]]*[)\]]:?\s*\{text\}$/.test(format.replace('{author}', 'a'));
  return ok ? { format } : { format: DEFAULT_LINK_FORMAT, problem: `unsupported link format "${format}"` };
}

/** The edit that links `todo` to task `id`. The original author (`TODO(alice)`) is kept. */
export function linkEdit(todo: TodoItem, id: string, format = DEFAULT_LINK_FORMAT): TextEdit {
  const valid = validateLinkFormat(format).format;
  const textAt = valid.indexOf('{text}');
  let prefix = valid.slice(0, textAt);
  if (todo.author && !prefix.includes('{author}')) prefix = prefix.replace('HS-{id}', '{author}, HS-{id}');
  prefix = prefix.replace(/\{author\},?\s*/g, (m) => (todo.author ? m.replace('{author}', todo.author) : ''));
  const header = prefix.replace('{tag}', todo.tag).replace('{id}', id);
  // Without text after the header, keep whatever followed it (` */`, `-->`) as it was.
  if (todo.rawText === '') return { start: todo.header.startOffset, end: todo.header.endOffset, text: header.trimEnd() };
  return { start: todo.header.startOffset, end: todo.textOffset, text: /\s$/.test(header) ? header : `${header} ` };
}

/** Marks a completed linked TODO as done: `TODO(HS-1): x` → `DONE(HS-1): x`. Nothing else changes. */
export function markDoneEdit(todo: TodoItem, doneTag = 'DONE'): TextEdit {
  return { start: todo.header.startOffset, end: todo.header.startOffset + todo.tag.length, text: doneTag };
}

/**
 * Removes a completed TODO: its line and continuation lines. A whole line goes when the comment is all
 * that is on it; a trailing comment after code goes with the blanks before it; a block comment that
 * holds nothing but the TODO goes entirely; otherwise only the TODO's lines inside the block go.
 */
export function removeEdits(text: string, todo: TodoItem): TextEdit[] {
  const comment = todo.comment;
  const spans = [todo.range, ...todo.continuation];
  if (comment.kind === 'line') {
    // Each line of a line-comment TODO is its own comment.
    return [comment, ...todo.continuation.map((line) => line.comment)].map((c) => removeRange(text, c.start, c.end));
  }
  const remaining = blockTextOutside(text, comment, spans.map((s) => [s.startOffset, s.endOffset] as const));
  if (remaining.trim() === '') return [removeRange(text, comment.start, comment.end)];
  return spans.map((span) => {
    const lineStart = text.lastIndexOf('\n', span.startOffset - 1) + 1;
    const lineEnd = endOfLine(text, span.endOffset);
    const before = text.slice(lineStart, span.startOffset);
    const after = text.slice(span.endOffset, lineEnd);
    // An inner line (only blanks and `*` before it, nothing after): drop the whole line.
    if (/^[\s*]*$/.test(before) && after.trim() === '' && lineStart > comment.start) return { start: lineStart, end: nextLineStart(text, lineEnd), text: '' };
    return { start: span.startOffset, end: span.endOffset, text: '' };
  });
}

function removeRange(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = endOfLine(text, end);
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  if (alone) return { start: lineStart, end: nextLineStart(text, lineEnd), text: '' };
  let from = start;
  while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return { start: from, end, text: '' };
}

function blockTextOutside(text: string, comment: Comment, spans: (readonly [number, number])[]): string {
  let out = '';
  let at = comment.contentStart;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    out += text.slice(at, s);
    at = e;
  }
  out += text.slice(at, comment.contentEnd);
  return out.replace(/^[ \t]*\*(?!\/)/gm, '');
}

function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > offset && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function nextLineStart(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r') lineEnd++;
  return text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
}

/** Applies non-overlapping edits to a text (for tests and for files written without an editor). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

// Text edits that link a TODO to its task (`TODO: x` → `TODO(HS-123): x`) and that clean up TODOs whose
// tasks are completed. Linking only rewrites the header (tag, parentheses, colon): the TODO's text,
// its hints and the rest of the line are kept byte for byte.
import { Comment } from './commentScanner';
import { knownLanguageIds, syntaxFor, type CommentSyntax } from './languages';
import { TodoItem } from './todoParser';

export const DEFAULT_LINK_FORMAT = '{tag}(HS-{id}): {text}';

/** A replacement of document offsets [start, end) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** What may be written as a task id: HubSpot ids are decimal digits (checked at the API edge too). */
const TASK_ID = /^\d{1,30}$/;

export function isTaskId(id: unknown): id is string {
  return typeof id === 'string' && TASK_ID.test(id);
}

/** C0/C1 controls, DEL and the Unicode line and paragraph separators: each could start a new code line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Every text that ends a comment in a language the scanner knows (block closers from the language table),
 * plus what ends one without being a comment closer: Lua's long brackets, template and PHP tags, the end
 * of an embedded script or style. A link format holding one would close the TODO's comment and turn the
 * rest of the line into code. Pascal's `}` is one of them, so a literal brace is refused.
 */
export const COMMENT_CLOSERS: readonly string[] = (() => {
  const closers = new Set<string>([']]', ']=', '?>', '%>', '</script', '</style']);
  const add = (syntax: CommentSyntax | undefined) => {
    for (const block of syntax?.block ?? []) {
      closers.add(block.close);
    }
  };
  for (const id of knownLanguageIds()) {
    const syntax = syntaxFor(id);
    add(syntax);
    add(syntax?.embedded?.script);
    add(syntax?.embedded?.style);
  }
  return [...closers];
})();

/** Longest accepted link format: the workspace sets it, and it is validated for every linked TODO. */
export const MAX_LINK_FORMAT_LENGTH = 200;

/**
 * Checks a link format: it needs `{tag}`, `{id}` inside `(…)` or `[…]` right after the tag as
 * `HS-{id}`, and `{text}` after it, so that the parser reads the linked TODO back. It may hold no
 * control character (a newline would write a line of code) and no comment closer (`*\/`, `-->`, …).
 * Returns the format to use (the default when the configured one is unusable) and why it was rejected.
 */
export function validateLinkFormat(format: string | undefined): { format: string; problem?: string } {
  if (!format) {
    return { format: DEFAULT_LINK_FORMAT };
  }
  const rejected = (why: string) => ({ format: DEFAULT_LINK_FORMAT, problem: why });
  // A header, not a document: the shape check below backtracks over every `HS-{id}` in a long format.
  if (format.length > MAX_LINK_FORMAT_LENGTH) {
    return rejected(`it is longer than ${MAX_LINK_FORMAT_LENGTH} characters`);
  }
  if (CONTROL.test(format)) {
    return rejected('it contains a control character or line break');
  }
  // What the format writes around the placeholders (they are filled with the tag, digits and the author).
  const literal = format.replace(/\{(?:tag|id|text|author)\}/g, () => ' ');
  const closer = COMMENT_CLOSERS.find((c) => literal.toLowerCase().includes(c));
  if (closer !== undefined) {
    return rejected(`it contains "${closer}", which ends a comment in some languages`);
  }
  if (/[{}]/.test(literal)) {
    return rejected('it contains a brace other than {tag}, {id}, {author} and {text}');
  }
  const ok = /^\{tag\}[([][^()[\]]*HS-\{id\}[^()[\]]*[)\]]:?\s*\{text\}$/.test(format.replace('{author}', () => 'a'));
  return ok ? { format } : rejected('it must look like {tag}(HS-{id}): {text}');
}

/**
 * The edit that links `todo` to task `id`. The original author (`TODO(alice)`) is kept. Throws when
 * `id` is not a HubSpot id: it is written into the user's file, so nothing else may get there.
 */
export function linkEdit(todo: TodoItem, id: string, format = DEFAULT_LINK_FORMAT): TextEdit {
  if (!isTaskId(id)) {
    throw new Error(`Refusing to write "${JSON.stringify(id).slice(1, 41)}" as a task id: not a HubSpot id.`);
  }
  const valid = validateLinkFormat(format).format;
  const textAt = valid.indexOf('{text}');
  let prefix = valid.slice(0, textAt);
  if (todo.author && !prefix.includes('{author}')) {
    prefix = prefix.replace('HS-{id}', '{author}, HS-{id}');
  }
  // One pass with a function replacement: a string replacement would expand `$&`, `$'` and `` $` `` in
  // the inserted text (a tag or author from the file), and a second pass would rescan inserted text.
  const header = prefix.replace(/\{author\},?\s*|\{tag\}|\{id\}/g, (m) => {
    if (m === '{tag}') {
      return todo.tag;
    }
    if (m === '{id}') {
      return id;
    }
    return todo.author ? todo.author + m.slice('{author}'.length) : '';
  });
  // Without text after the header, keep whatever followed it (` */`, `-->`) as it was.
  if (todo.rawText === '') {
    return { start: todo.header.startOffset, end: todo.header.endOffset, text: header.trimEnd() };
  }
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
  if (remaining.trim() === '') {
    return [removeRange(text, comment.start, comment.end)];
  }
  return spans.map((span) => {
    const lineStart = text.lastIndexOf('\n', span.startOffset - 1) + 1;
    const lineEnd = endOfLine(text, span.endOffset);
    const before = text.slice(lineStart, span.startOffset);
    const after = text.slice(span.endOffset, lineEnd);
    // An inner line (only blanks and `*` before it, nothing after): drop the whole line.
    if (/^[\s*]*$/.test(before) && after.trim() === '' && lineStart > comment.start) {
      return { start: lineStart, end: nextLineStart(text, lineEnd), text: '' };
    }
    return { start: span.startOffset, end: span.endOffset, text: '' };
  });
}

function removeRange(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = endOfLine(text, end);
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  if (alone) {
    return { start: lineStart, end: nextLineStart(text, lineEnd), text: '' };
  }
  let from = start;
  while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) {
    from--;
  }
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
  if (nl < 0) {
    return text.length;
  }
  return nl > offset && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function nextLineStart(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r') {
    lineEnd++;
  }
  return text[lineEnd] === '\n' ? lineEnd + 1 : lineEnd;
}

/** Applies non-overlapping edits to a text (for tests and for files written without an editor). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

// Finds TODO-style tags in comments: `TODO: text`, `TODO(alice): text`, linked `TODO(HS-123): text`,
// with continuation lines and hints. A tag counts only at the start of a comment line (after the
// marker and decoration such as `*` or `///`), so prose that merely mentions "TODO" is not a task.
import { createHash } from 'crypto';
import { Comment, LineIndex, scanComments, syntaxExtras } from './commentScanner';
import { BY_CONTENT, CommentSyntax, mayDeclareLanguage, syntaxFor } from './languages';
import { parseHints, TodoHints } from './hints';
import { escapeRegExp } from './scanChars';

export const DEFAULT_TAGS: readonly string[] = ['TODO', 'FIXME', 'HACK', 'XXX', 'BUG'];

export interface TodoOptions {
  tags?: readonly string[];
  /** Tokenize the whole text instead of only the lines around tags (slower; same result — tests compare). */
  exhaustive?: boolean;
}

/** A piece of one line: zero-based line, UTF-16 columns [start, end), document offsets [startOffset, endOffset). */
export interface LineSpan {
  line: number;
  start: number;
  end: number;
  startOffset: number;
  endOffset: number;
}

export interface ContinuationLine extends LineSpan {
  /** The line's comment text, decoration removed, verbatim otherwise. */
  text: string;
  /** The comment holding this line (its own for line comments, the TODO's for a block). */
  comment: Comment;
}

export interface TodoItem {
  tag: string;
  /** Subject: first line and continuation lines joined, hints removed, blanks collapsed. */
  text: string;
  /** The first line's text after the header, verbatim (hints included). */
  rawText: string;
  hints: TodoHints;
  linkedTaskId?: string;
  author?: string;
  /** From the tag to the end of the first line's comment text (trailing blanks excluded). */
  range: LineSpan;
  /** The header: tag, optional `(…)`/`[…]` and `:` (not the blanks after it). */
  header: LineSpan;
  /** Offset where `rawText` starts (after the header and its blanks). */
  textOffset: number;
  continuation: ContinuationLine[];
  /** The comment holding the tag (for clean-up). */
  comment: Comment;
}

interface Segment {
  comment: Comment;
  line: number;
  /** Offset where the segment's line starts (commentRuns knows it: findTodos need not walk the lines again). */
  lineOffset: number;
  /** Offsets of the line's comment text after decoration. */
  start: number;
  end: number;
}

/** Scans a document's comments and returns its TODOs in document order. */
export function findTodos(text: string, language: string | CommentSyntax, options: TodoOptions = {}): TodoItem[] {
  const tags = options.tags && options.tags.length > 0 ? options.tags : DEFAULT_TAGS;
  const hits = tagOffsets(text, tags);
  if (hits.length === 0) {
    return [];
  }
  const syntax = typeof language === 'string' ? effectiveLanguage(text, language) : language;
  if (syntax === undefined) {
    return [];
  }
  const comments = options.exhaustive ? scanComments(text, syntax) : scanComments(text, syntax, { onlyContaining: hits });
  if (comments.length === 0) {
    return [];
  }
  const lines = new LineIndex(text);
  const headerRe = headerPattern(tags);
  // The exhaustive path keeps every line of every comment: the reference the tests compare the fast path with.
  const runs = commentRuns(text, comments, lines, options.exhaustive ? undefined : hits);
  const todos: TodoItem[] = [];
  for (const run of runs) {
    let k = 0;
    while (k < run.length) {
      const segment = run[k];
      // A header starts with a tag: most lines of a long block comment do not, and need no slice and no regex.
      const item = startsWithTag(text, segment.start, tags) ? parseHeader(text, segment, headerRe) : undefined;
      if (!item) {
        k++;
        continue;
      }
      k++;
      while (k < run.length) {
        const next = run[k];
        const body = text.slice(next.start, next.end);
        if (body.trim() === '' || headerRe.test(body)) {
          break;
        }
        const spanStart = { line: next.line, character: next.start - next.lineOffset };
        const trimmedEnd = next.start + body.trimEnd().length;
        item.continuation.push({
          line: spanStart.line,
          start: spanStart.character,
          end: spanStart.character + (trimmedEnd - next.start),
          startOffset: next.start,
          endOffset: trimmedEnd,
          text: detach(body.trimEnd()),
          comment: next.comment,
        });
        k++;
      }
      const first = parseHints(item.rawText, item.hints);
      const parts = [first.text];
      for (const line of item.continuation) {
        parts.push(parseHints(line.text, item.hints).text);
      }
      item.text = parts.filter((part) => part !== '').join(' ');
      todos.push(item);
    }
  }
  return todos;
}

/**
 * The language whose comments to read: what the file's content declares (a shebang, an Emacs or Vim mode
 * line) wins over what its name suggests, so a Tcl script named `.sh` or an extensionless Perl script is
 * read as what it is. Undefined for a file that only its content could tell and does not.
 */
function effectiveLanguage(text: string, language: string): string | undefined {
  const declared = mayDeclareLanguage(text) ? syntaxExtras().languageFromContent(text) : undefined;
  if (declared !== undefined && syntaxFor(declared)) {
    return declared;
  }
  return language === BY_CONTENT ? undefined : language;
}

/**
 * A copy of a substring that does not keep the whole document alive: V8's slices point into their
 * parent string, and TODOs outlive the text of a workspace scan (measured: most of the scan's GC time).
 */
function detach(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

/**
 * Sorted offsets where any tag occurs as a word of its own. A header starts after a comment marker,
 * decoration or blanks, never right after a letter, and the header pattern wants punctuation, a blank or
 * the end after the tag, so `DEBUG`, `$DEBUG`, `BUGS` and `TODOs` are no hits (in Perl, `DEBUG` alone is most
 * of them): fewer lines to tokenize and fewer comments to keep. A tag that is not all letters, digits and
 * `_` keeps every occurrence (its neighbours are left to the header pattern).
 */
function tagOffsets(text: string, tags: readonly string[]): number[] {
  const offsets: number[] = [];
  for (const tag of tags) {
    const whole = /^\w+$/.test(tag);
    for (let at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + tag.length)) {
      if (!whole || (!isAsciiWordChar(text.charCodeAt(at - 1)) && !isAsciiWordChar(text.charCodeAt(at + tag.length)))) {
        offsets.push(at);
      }
    }
  }
  return tags.length > 1 ? offsets.sort((a, b) => a - b) : offsets;
}

/** ASCII letters, digits and `_` (NaN, before the start or past the end, is none). */
function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

let cachedHeader: { key: string; regex: RegExp } | undefined;

/**
 * `TAG`, optional `(inner)` or `[inner]`, more tags after `/` (`TODO/FIXME:`), then `:`, or punctuation
 * before a blank or the end (`FIXME! …`, `HACK; …`, `FIXME, …`, `TODO- …`, `XXX...`), or a blank or the
 * end: never `TODOS`, `TODO-list` or `TODO.md`.
 */
function headerPattern(tags: readonly string[]): RegExp {
  const key = tags.join('\n');
  if (cachedHeader?.key === key) {
    return cachedHeader.regex;
  }
  const alternatives = [...tags].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const regex = new RegExp(
    `^(${alternatives})(?:\\(([^()\\n]*)\\)|\\[([^\\[\\]\\n]*)\\])?(?:/(?:${alternatives}))*(?::|[!?;,.\\-]+:?(?=\\s|$)|(?=\\s|$))[ \\t]*`,
  );
  cachedHeader = { key, regex };
  return regex;
}

function parseHeader(text: string, segment: Segment, headerRe: RegExp): TodoItem | undefined {
  const body = text.slice(segment.start, segment.end);
  const match = headerRe.exec(body);
  if (!match) {
    return undefined;
  }
  const inner = match[2] ?? match[3];
  let linkedTaskId: string | undefined;
  let author: string | undefined;
  if (inner !== undefined) {
    for (const part of inner.split(',').map((p) => p.trim()).filter(Boolean)) {
      const link = /^HS-(\d+)$/i.exec(part);
      if (link && !linkedTaskId) {
        linkedTaskId = link[1];
      } else if (!author) {
        author = detach(part);
      }
    }
  }
  const position = { line: segment.line, character: segment.start - segment.lineOffset };
  const rawText = detach(body.slice(match[0].length).trimEnd());
  const textOffset = segment.start + match[0].length;
  const headerEnd = segment.start + match[0].trimEnd().length;
  const rangeEnd = segment.start + body.trimEnd().length;
  return {
    tag: match[1],
    text: '',
    rawText,
    hints: { associations: [] },
    linkedTaskId,
    author,
    range: span(position, segment.start, Math.max(rangeEnd, headerEnd)),
    header: span(position, segment.start, headerEnd),
    textOffset,
    continuation: [],
    comment: segment.comment,
  };
}

function span(position: { line: number; character: number }, startOffset: number, endOffset: number): LineSpan {
  return { line: position.line, start: position.character, end: position.character + (endOffset - startOffset), startOffset, endOffset };
}

function startsWithTag(text: string, at: number, tags: readonly string[]): boolean {
  for (const tag of tags) {
    if (text.startsWith(tag, at)) {
      return true;
    }
  }
  return false;
}

/**
 * Groups comment lines that read as one comment: the lines of a block comment, or line comments on
 * consecutive lines with the same marker, each alone on its line. With `hits` (sorted tag offsets), a
 * block comment keeps only the lines that can matter: a line holding a tag, and the lines after it up to
 * a blank one (a TODO's continuation ends there). The rest (most of a module's POD or docstring) cannot
 * start a TODO nor continue one, and dropping them keeps the next kept line's neighbours as they were.
 */
function commentRuns(text: string, comments: Comment[], lines: LineIndex, hits?: readonly number[]): Segment[][] {
  const runs: Segment[][] = [];
  let hit = 0;
  // The next line break, remembered: comments come in order, and searching from each of many block
  // comments on one long line to that line's end was quadratic.
  let newline = -2;
  const nextNewline = (from: number) => {
    if (newline !== -1 && newline < from) {
      newline = text.indexOf('\n', from);
    }
    return newline;
  };
  let previous: { comment: Comment; line: number; alone: boolean } | undefined;
  for (const comment of comments) {
    const start = lines.position(comment.start);
    const startLine = start.line;
    const startLineOffset = comment.start - start.character;
    if (comment.kind === 'line') {
      const alone = text.slice(startLineOffset, comment.start).trim() === '';
      const segment: Segment = { comment, line: startLine, lineOffset: startLineOffset, ...decorated(text, comment.contentStart, comment.contentEnd, comment.marker, false) };
      const joins = previous !== undefined && previous.comment.kind === 'line' && previous.comment.marker === comment.marker &&
        previous.line === startLine - 1 && alone && previous.alone;
      if (joins) {
        runs[runs.length - 1].push(segment);
      } else {
        runs.push([segment]);
      }
      previous = { comment, line: startLine, alone };
      continue;
    }
    const run: Segment[] = [];
    let lineStart = comment.contentStart;
    let line = startLine;
    // The previous line was kept and not blank: this one may continue a TODO.
    let continuing = false;
    while (lineStart <= comment.contentEnd) {
      const nl = nextNewline(lineStart);
      const lineEnd = nl < 0 || nl > comment.contentEnd ? comment.contentEnd : nl;
      let keep = continuing || hits === undefined;
      if (!keep) {
        while (hit < hits!.length && hits![hit] < lineStart) {
          hit++;
        }
        keep = hit < hits!.length && hits![hit] <= lineEnd;
      }
      if (keep) {
        const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        const segment: Segment = { comment, line, lineOffset: line === startLine ? startLineOffset : lineStart, ...decorated(text, lineStart, contentEnd, comment.marker, line !== startLine) };
        run.push(segment);
        continuing = text.slice(segment.start, segment.end).trim() !== '';
      }
      if (lineEnd >= comment.contentEnd) {
        break;
      }
      lineStart = lineEnd + 1;
      line++;
    }
    runs.push(run);
    previous = { comment, line: lines.position(comment.end).line, alone: false };
  }
  return runs;
}

/**
 * Skips blanks and decoration at the start of a comment line: a repeated marker character (`///`,
 * `//!`, `##`, `;;;`, `---`), a Javadoc `*` on inner block lines, then blanks.
 */
function decorated(text: string, start: number, end: number, marker: string, innerBlockLine: boolean): { start: number; end: number } {
  let i = start;
  if (!innerBlockLine) {
    const repeat = marker.charCodeAt(marker.length - 1);
    if (marker.length <= 2) {
      while (i < end && text.charCodeAt(i) === repeat) {
        i++;
      }
    }
    if (i < end && (text[i] === '!' || (marker === '/*' && text[i] === '*'))) {
      i++;
    }
  }
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    i++;
  }
  // POD: a command paragraph's `=head1`, `=item` is decoration too (`=head1 TODO`, `=item * TODO plans`).
  if (innerBlockLine && marker.charCodeAt(0) === 61 /* = */ && text.charCodeAt(i) === 61) {
    while (i < end && /\w/.test(text[i + 1])) {
      i++;
    }
    i++;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
      i++;
    }
  }
  if (innerBlockLine && i < end && text[i] === '*' && text[i + 1] !== '/') {
    i++;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
      i++;
    }
  }
  return { start: i, end };
}

/**
 * A stable key of a TODO for the no-duplicates marker: the workspace-relative path, the tag, the
 * TODO's text as written, and its ordinal among identical TODOs in the file. Unchanged by edits elsewhere
 * in the file (no line numbers), changed by a rename, which only risks a second task, never a lost one.
 */
export function todoKey(relativePath: string, todo: Pick<TodoItem, 'tag' | 'rawText' | 'continuation'>, ordinal = 0): string {
  const text = [todo.rawText, ...todo.continuation.map((line) => line.text)].join('\n');
  return createHash('sha256').update(`${relativePath.replace(/\\/g, '/')}\n${todo.tag}\n${text}\n${ordinal}`).digest('hex').slice(0, 20);
}

/** Keys for all TODOs of one file, numbering identical ones by their order. */
export function todoKeys(relativePath: string, todos: readonly TodoItem[]): string[] {
  const seen = new Map<string, number>();
  return todos.map((todo) => {
    const identity = `${todo.tag}\n${todo.rawText}`;
    const ordinal = seen.get(identity) ?? 0;
    seen.set(identity, ordinal + 1);
    return todoKey(relativePath, todo, ordinal);
  });
}

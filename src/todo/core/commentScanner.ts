// Finds the comments of a document by its language's comment syntax, skipping string literals so a
// tag or a `//` inside a string never counts. One left-to-right pass: linear in the text length,
// whatever the input (unterminated comments and strings simply run to their natural end).
import type * as SyntaxExtrasModule from './syntaxExtras';
import type { SpecialHost } from './syntaxExtras';
import { CommentSyntax, StringRule, syntaxFor } from './languages';
import { CR, escapeRegExp, isSpace, NL, onlyBlanksBefore } from './scanChars';

let extras: typeof SyntaxExtrasModule | undefined;
/**
 * Here-documents, POD, Perl's quote-like operators, CMake brackets, Zig's string lines and the language a
 * file's content declares: in their own bundle (dist/todoSyntaxExtras.js), loaded the first time a file
 * needs them, so the main bundle stays small.
 */
export function syntaxExtras(): typeof SyntaxExtrasModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (extras ??= require('./syntaxExtras') as typeof SyntaxExtrasModule);
}

export interface Comment {
  kind: 'line' | 'block';
  /** Offset of the opening marker. */
  start: number;
  /** Offset just past the comment (past the closing marker; a line comment stops before `\r\n`). */
  end: number;
  /** The text between the markers. */
  contentStart: number;
  contentEnd: number;
  /** The opening marker as written (`//`, `#`, `<!--` …). */
  marker: string;
  /** False for a block comment that runs to the end of the text. */
  terminated: boolean;
}


function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

export interface ScanOptions {
  /**
   * Sorted offsets of interest (e.g. where a tag occurs). When given, only comments containing one
   * are returned, plus the line comments on the lines right below a returned one (continuations).
   * The text is still tokenized from the start, so strings are still recognised.
   */
  onlyContaining?: readonly number[];
}

/** Scans a whole text. An unknown language has no comments (returns []). */
export function scanComments(text: string, language: string | CommentSyntax, options: ScanOptions = {}): Comment[] {
  const syntax = typeof language === 'string' ? syntaxFor(language) : language;
  if (!syntax) {
    return [];
  }
  const sink = new CommentSink(text, options.onlyContaining);
  const scanner = new RegionScanner(text, syntax, sink);
  if (options.onlyContaining) {
    scanner.scanAround(options.onlyContaining);
  } else {
    scanner.scan(0, text.length);
  }
  return sink.comments;
}

/** Collects comments, keeping only the interesting ones when asked to (saves objects on big files). */
class CommentSink {
  readonly comments: Comment[] = [];
  private hit = 0;
  private lastKept: Comment | undefined;

  constructor(private readonly text: string, private readonly hits: readonly number[] | undefined) {}

  /** The last kept comment is a line comment on the line ending at `lineEnd`: its continuation may follow. */
  mayContinueAfter(lineEnd: number): boolean {
    return this.lastKept !== undefined && this.lastKept.kind === 'line' && this.lastKept.end <= lineEnd && this.text.lastIndexOf('\n', lineEnd - 1) < this.lastKept.end;
  }

  push(comment: Comment): void {
    const hits = this.hits;
    if (!hits) {
      this.comments.push(comment);
      return;
    }
    while (this.hit < hits.length && hits[this.hit] < comment.contentStart) {
      this.hit++;
    }
    const containsHit = this.hit < hits.length && hits[this.hit] < comment.contentEnd;
    const continues = this.lastKept !== undefined && comment.kind === 'line' && this.lastKept.kind === 'line' &&
      this.nextLine(this.lastKept.end, comment.start);
    if (containsHit || continues) {
      this.comments.push(comment);
      this.lastKept = comment;
    } else {
      this.lastKept = undefined;
    }
  }

  /** Only blanks and exactly one line break between the two offsets. */
  private nextLine(from: number, to: number): boolean {
    let breaks = 0;
    for (let k = from; k < to; k++) {
      const c = this.text.charCodeAt(k);
      if (c === NL) {
        breaks++;
      } else if (!isSpace(c)) {
        return false;
      }
      if (breaks > 1) {
        return false;
      }
    }
    return breaks === 1;
  }
}

class RegionScanner implements SpecialHost {
  /** The candidate finder, made once: scanAround calls scan once per region, thousands of times on a large file. */
  private finder: ((i: number) => number) | undefined;
  private greaterThanAt = -2;
  private greaterThanFrom = Number.POSITIVE_INFINITY;
  /** Where the code ends and data begins (Perl's `__END__`): past it only POD is read. */
  private codeEnd = Infinity;
  /** Multi-line literals that ran to the end unclosed, by rule: where the first of them opened. */
  private readonly unclosed = new Map<StringRule, number>();
  readonly unclosedQuote = new Map<number, number>();
  /** Here-document delimiters with no closing line after the offset where they were looked for. */
  readonly missingDelimiters = new Map<string, number>();

  constructor(
    readonly text: string,
    private readonly syntax: CommentSyntax,
    readonly out: CommentSink,
  ) {
    if (syntax.special?.includes('perl-pod')) {
      // Perl's code ends at `__END__` / `__DATA__` alone on a line: found once, not per `_`.
      this.codeEnd = dataSection(text);
    }
  }

  /**
   * Tokenizes only the lines that matter for the given offsets. A line that contains none of the
   * syntax's multi-line openers (block comment, multi-line string, escaped line break …) starts and
   * ends in code, so lines before an opener or an offset of interest can be skipped unread; from
   * such a line the full tokenizer runs until it is back in code at a line start. Same result as
   * `scan` for comments containing the offsets, several times faster on large files.
   */
  scanAround(offsets: readonly number[]): void {
    const text = this.text;
    const to = text.length;
    const { openers, search } = multiLineOpeners(this.syntax);
    // The first opener at or after `pos` (Infinity: none left), found again only once `pos` has passed it.
    let nextOpener = search ? -1 : Infinity;
    let hit = 0;
    let pos = 0;
    // Openers that need a line start (`\n=head1`) are searched with their line break: the first line has none.
    if (openers.some((opener) => opener.charCodeAt(0) === NL && text.startsWith(opener.slice(1)))) {
      const lineEnd = text.indexOf('\n');
      pos = this.scan(0, to, lineEnd < 0 ? to : lineEnd);
    }
    while (pos < to) {
      while (hit < offsets.length && offsets[hit] < pos) {
        hit++;
      }
      let target = hit < offsets.length ? offsets[hit] : Infinity;
      if (nextOpener < pos) {
        nextOpener = nextOpenerFrom(search!, text, pos);
      }
      if (nextOpener < target) {
        target = nextOpener;
      }
      // Perl's data section: reached from the line of its `__END__`, so POD in it is read from its start.
      if (this.codeEnd >= pos && this.codeEnd < target) {
        target = this.codeEnd;
      }
      if (target === Infinity) {
        return;
      }
      const lineStart = text.lastIndexOf('\n', target - 1) + 1;
      const lineEnd = text.indexOf('\n', target);
      pos = this.scan(Math.max(lineStart, pos), to, lineEnd < 0 ? to : lineEnd);
    }
  }

  /**
   * Tokenizes [from, to). With `stopAfter`, returns at the first line start past that offset where
   * the tokenizer is in code (and no comment continuation can follow); otherwise returns `to`.
   */
  scan(from: number, to: number, stopAfter = Infinity): number {
    const { text, syntax } = this;
    const next = (this.finder ??= this.candidateFinder());
    // The next line break at or after the stop point, found once per line: past the stop point each
    // candidate asks for it, and searching again per candidate was quadratic on a long line.
    let nl = -1;
    let nlFrom = -1;
    let i = from;
    outer: while (i < to) {
      const candidate = next(i);
      if (candidate >= this.codeEnd && candidate < to) {
        // Data (after Perl's `__END__`), except POD, which is still documentation.
        for (let at = text.indexOf('\n=', Math.max(from, this.codeEnd, 1) - 1); at >= 0 && at < to; at = text.indexOf('\n=', at + 1)) {
          if (isLetter(text.charCodeAt(at + 2))) {
            at = syntaxExtras().pod(this, at + 1, to) - 1;
          }
        }
        return to;
      }
      if (i >= stopAfter || candidate > stopAfter) {
        const searchFrom = Math.max(i, stopAfter);
        if (searchFrom < nlFrom || (nl >= 0 && nl < searchFrom) || nlFrom < 0) {
          nl = text.indexOf('\n', searchFrom);
          nlFrom = searchFrom;
        }
        const lineEnd = nl < 0 ? to : nl;
        if (candidate > lineEnd) {
          if (lineEnd >= to) {
            return to;
          }
          if (!this.out.mayContinueAfter(lineEnd)) {
            return lineEnd + 1;
          }
          // A kept line comment ends this line: read the next line for its continuation.
          stopAfter = lineEnd + 1;
          const nl2 = text.indexOf('\n', stopAfter);
          if (candidate > (nl2 < 0 ? to : nl2)) {
            return nl2 < 0 ? to : nl2 + 1;
          }
        }
      }
      i = candidate;
      if (i >= to) {
        break;
      }
      const code = text.charCodeAt(i);
      if (syntax.escapeOutside && code === syntax.escapeOutside.charCodeAt(0)) {
        i += text.charCodeAt(i + 1) === NL ? 1 : 2;
        continue;
      }
      if (syntax.embedded && code === 60 /* < */) {
        const after = this.embedded(i, to);
        if (after > i) {
          i = after;
          continue;
        }
      }
      if (syntax.special) {
        const after = this.special(i, to);
        if (after > i) {
          i = after;
          continue;
        }
      }
      // Indexed loops, not for…of: this runs per candidate, mostly before the JIT has optimized it, and an
      // unoptimized for…of pays for an iterator and a result object per step.
      for (let r = 0; r < syntax.block.length; r++) {
        const rule = syntax.block[r];
        if (!text.startsWith(rule.open, i)) {
          continue;
        }
        if (rule.lineStart && !(onlyBlanksBefore(this.text, i, from) && this.restOfLineBlankOrWord(i + rule.open.length, to))) {
          continue;
        }
        i = this.blockComment(i, to, rule.open, rule.close, rule.nested === true, rule.lineStart === true);
        continue outer;
      }
      for (let r = 0; r < syntax.line.length; r++) {
        const rule = syntax.line[r];
        if (rule.keyword) {
          if (!this.keywordAt(rule.open, i, to)) {
            continue;
          }
        } else if (!text.startsWith(rule.open, i)) {
          continue;
        }
        const position = rule.position ?? 'anywhere';
        if (position === 'lineStart' && !onlyBlanksBefore(this.text, i, from)) {
          continue;
        }
        if (position === 'wordStart' && !this.wordStartBefore(i, from)) {
          continue;
        }
        if (position === 'commandStart' && !this.commandStartBefore(i, from)) {
          continue;
        }
        if (position === 'column0' && i > 0 && text.charCodeAt(i - 1) !== NL) {
          continue;
        }
        if (rule.unlessClosed && this.closesOnLine(rule.open, i + rule.open.length, to)) {
          continue;
        }
        if (rule.blankAfter && i + rule.open.length < to && !isSpace(text.charCodeAt(i + rule.open.length)) && text.charCodeAt(i + rule.open.length) !== NL) {
          continue;
        }
        if (rule.open === '//' && syntax.urlAware && this.isUrlSlashes(i, from, to)) {
          continue;
        }
        i = this.lineComment(i, to, rule.open.length, text.slice(i, i + rule.open.length));
        continue outer;
      }
      for (let r = 0; r < syntax.strings.length; r++) {
        const rule = syntax.strings[r];
        if (!text.startsWith(rule.open, i)) {
          continue;
        }
        if (rule.needsBoundary && i > from && !this.boundaryBefore(i)) {
          continue;
        }
        const after = this.skipString(rule, i, to);
        if (after <= i) {
          continue; // a char rule that did not match
        }
        i = after;
        continue outer;
      }
      i++;
    }
    return to;
  }

  /**
   * Returns a function giving the next offset ≥ i whose character can start a comment, a string or
   * an escape. One native search (a regular expression of those characters) per call: one `indexOf`
   * cursor per character was a JavaScript loop over all of them per candidate (eleven in Perl), mostly
   * run before the JIT had optimized it. Offsets only grow (scanAround calls scan always further on),
   * so an answer at or past `i` found from at or before `i` is reused.
   */
  private candidateFinder(): (i: number) => number {
    const search = candidateSearch(this.syntax);
    const text = this.text;
    let searchedFrom = Infinity;
    let found = -1;
    return (i: number) => {
      if (i < searchedFrom || found < i) {
        search.lastIndex = i;
        found = search.test(text) ? search.lastIndex - 1 : Infinity;
        searchedFrom = i;
      }
      return found;
    };
  }

  private lineComment(i: number, to: number, markerLength: number, marker: string): number {
    let end = this.text.indexOf('\n', i + markerLength);
    if (end < 0 || end > to) {
      end = to;
    }
    const contentEnd = end > i + markerLength && this.text.charCodeAt(end - 1) === CR ? end - 1 : end;
    this.out.push({ kind: 'line', start: i, end: contentEnd, contentStart: i + markerLength, contentEnd, marker, terminated: true });
    return end;
  }

  blockComment(i: number, to: number, open: string, close: string, nested: boolean, lineStart: boolean): number {
    const text = this.text;
    const contentStart = i + open.length;
    let closeAt = -1;
    if (nested) {
      let depth = 1;
      let j = contentStart;
      while (j < to) {
        if (text.startsWith(close, j)) {
          if (--depth === 0) {
            closeAt = j;
            break;
          }
          j += close.length;
        } else if (text.startsWith(open, j)) {
          depth++;
          j += open.length;
        } else {
          j++;
        }
      }
    } else {
      let from = contentStart;
      while (from < to) {
        const at = text.indexOf(close, from);
        if (at < 0 || at + close.length > to) {
          break;
        }
        if (!lineStart || onlyBlanksBefore(this.text, at, 0)) {
          closeAt = at;
          break;
        }
        // Any later marker on this line has text before it too: resume on the next line.
        const nl = text.indexOf('\n', at);
        from = nl < 0 ? to : nl + 1;
      }
    }
    const terminated = closeAt >= 0;
    const contentEnd = terminated ? closeAt : to;
    const end = terminated ? closeAt + close.length : to;
    this.out.push({ kind: 'block', start: i, end, contentStart, contentEnd, marker: open, terminated });
    return end;
  }

  /** Returns the offset after the literal, or `i` when a char rule does not match here. */
  private skipString(rule: StringRule, i: number, to: number): number {
    const text = this.text;
    if (rule.char) {
      return this.skipChar(rule, i, to);
    }
    const escape = rule.escape ? rule.escape.charCodeAt(0) : -1;
    const closeCode = rule.close.charCodeAt(0);
    const multiline = rule.multiline === true && !(rule.gluedLineOnly && i > 0 && isWordChar(text.charCodeAt(i - 1)));
    // A quote (not a `"""`-style opener made for many lines) that never closes was no quote: an apostrophe
    // in a file whose content is not the language its name says (a Tcl script named `.sh`). Recover at the
    // next line instead of hiding every later comment. Once one has run to the end unclosed, a later one
    // of the same kind is known to as well (kept linear on a file full of them).
    const recovers = multiline && rule.open.length < 3;
    if (recovers && this.unclosed.has(rule) && this.unclosed.get(rule)! < i) {
      return this.lineEndFrom(i + rule.open.length, to);
    }
    // A native search for the next character the loop reacts to: the literal's characters were stepped over one
    // by one (a Python docstring: hundreds of thousands of steps per corpus), mostly before the JIT had optimized
    // the loop. `test` with `lastIndex` allocates nothing.
    const stops = stopSearch(rule, !multiline);
    let j = i + rule.open.length;
    while (j < to) {
      stops.lastIndex = j;
      if (!stops.test(text)) {
        break;
      }
      j = stops.lastIndex - 1;
      if (j >= to) {
        break;
      }
      const c = text.charCodeAt(j);
      if (c === escape) {
        j += 2;
        continue;
      }
      if (c === closeCode && text.startsWith(rule.close, j)) {
        if (rule.doubled && text.startsWith(rule.close, j + rule.close.length)) {
          j += rule.close.length * 2;
          continue;
        }
        return j + rule.close.length;
      }
      if (c === NL && !multiline) {
        return j;
      }
      j++;
    }
    if (recovers) {
      this.unclosed.set(rule, i);
      return this.lineEndFrom(i + rule.open.length, to);
    }
    return to;
  }

  /** The line break at or after `from` (or `to`): where a literal cut at its line ends. */
  lineEndFrom(from: number, to: number): number {
    const nl = this.text.indexOf('\n', from);
    return nl < 0 || nl > to ? to : nl;
  }

  private skipChar(rule: StringRule, i: number, to: number): number {
    const text = this.text;
    const j = i + rule.open.length;
    if (j >= to) {
      return i;
    }
    const c = text.charCodeAt(j);
    if (c === NL || c === CR) {
      return i;
    }
    if (rule.escape && c === rule.escape.charCodeAt(0)) {
      // '\n', '\x41', '\u{1F600}', '\'': the close must come within a short escape sequence.
      const limit = Math.min(to, j + 12);
      for (let k = j + 2; k < limit; k++) {
        const d = text.charCodeAt(k);
        if (d === NL) {
          return i;
        }
        if (text.startsWith(rule.close, k)) {
          return k + rule.close.length;
        }
      }
      return i;
    }
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    return text.startsWith(rule.close, j + width) ? j + width + rule.close.length : i;
  }

  private special(i: number, to: number): number {
    const text = this.text;
    const code = text.charCodeAt(i);
    const specials = this.syntax.special!;
    for (let s = 0; s < specials.length; s++) {
      const kind = specials[s];
      if (kind === 'cmake-bracket' || kind === 'heredoc' || kind === 'shell-heredoc' || kind === 'perl-pod' || kind === 'zig-multiline' || kind === 'perl-quote') {
        // Only the characters that can open one call the extras: every `s`, `t`, `#` of a Perl or CMake line
        // comes here, three calls each in Perl, which was the most of a cold Perl scan's time.
        if (opensOther(kind, code)) {
          const after = syntaxExtras().otherSpecial(this, kind, code, i, to);
          if (after !== i) {
            return after;
          }
        }
        continue;
      }
      if (kind === 'rust-raw' && (code === 114 || code === 98) && (i === 0 || !isWordChar(text.charCodeAt(i - 1)))) {
        let j = i + (code === 98 ? 1 : 0);
        if (text.charCodeAt(j) !== 114) {
          continue;
        }
        j++;
        const hashStart = j;
        while (text.charCodeAt(j) === 35) {
          j++;
        }
        if (text.charCodeAt(j) !== 34) {
          continue;
        }
        return this.closeAfter(`"${'#'.repeat(j - hashStart)}`, j + 1, to);
      }
      if (kind === 'swift-raw' && code === 35) {
        let j = i;
        while (text.charCodeAt(j) === 35) {
          j++;
        }
        // No quote after the run: no `#` of it opens a raw string, and nothing else in Swift starts
        // with `#`, so skip the whole run (looking at it again from each `#` was quadratic).
        if (text.charCodeAt(j) !== 34) {
          return j;
        }
        return this.closeAfter(`"${'#'.repeat(j - i)}`, j + 1, to);
      }
      if (kind === 'cpp-raw' && code === 82 && text.charCodeAt(i + 1) === 34) {
        const before = i > 0 ? text.charCodeAt(i - 1) : 32;
        if (isWordChar(before) && !/(?:^|[^\w])(?:u8|u|U|L)$/.test(text.slice(Math.max(0, i - 3), i))) {
          continue;
        }
        const paren = text.slice(i + 2, Math.min(to, i + 19)).indexOf('(') + i + 2;
        if (paren < i + 2 || /[\s\\)"]/.test(text.slice(i + 2, paren))) {
          continue;
        }
        return this.closeAfter(`)${text.slice(i + 2, paren)}"`, paren + 1, to);
      }
      if (kind === 'lua-long') {
        if (code === 45 && text.startsWith('--[', i)) {
          const level = this.luaLevel(i + 2);
          if (level < 0) {
            continue;
          }
          const close = `]${'='.repeat(level)}]`;
          return this.blockComment(i, to, text.slice(i, i + 4 + level), close, false, false);
        }
        if (code === 91) {
          const level = this.luaLevel(i);
          if (level < 0) {
            continue;
          }
          return this.closeAfter(`]${'='.repeat(level)}]`, i + level + 2, to);
        }
      }
    }
    return i;
  }

  /** `[==[` at i → 2; not a long bracket → -1. */
  luaLevel(i: number): number {
    let j = i + 1;
    while (this.text.charCodeAt(j) === 61) {
      j++;
    }
    return this.text.charCodeAt(j) === 91 ? j - i - 1 : -1;
  }

  closeAfter(close: string, from: number, to: number): number {
    const at = this.text.indexOf(close, from);
    return at < 0 || at + close.length > to ? to : at + close.length;
  }

  /** `<script …>…</script>` and `<style …>…</style>` bodies, scanned with the embedded syntaxes. */
  private embedded(i: number, to: number): number {
    const text = this.text;
    const embedded = this.syntax.embedded!;
    const head = text.slice(i + 1, i + 7).toLowerCase();
    const tag = head.startsWith('script') ? 'script' : head.startsWith('style') ? 'style' : undefined;
    if (!tag) {
      return i;
    }
    const after = text.charCodeAt(i + 1 + tag.length);
    if (!(isSpace(after) || after === 62 /* > */ || after === NL || after === 47 /* / */)) {
      return i;
    }
    const openEnd = this.nextGreaterThan(i);
    if (openEnd < 0 || openEnd >= to) {
      return i;
    }
    if (text.charCodeAt(openEnd - 1) === 47) {
      return openEnd + 1; // <script src="…"/>
    }
    const closer = new RegExp(`</${tag}\\s*>`, 'gi');
    closer.lastIndex = openEnd + 1;
    const close = closer.exec(text);
    const bodyEnd = close && close.index < to ? close.index : to;
    let syntax = tag === 'script' ? embedded.script : embedded.style;
    if (tag === 'style' && /\blang\s*=\s*["']?(?:scss|less|stylus)/i.test(text.slice(i, openEnd))) {
      syntax = syntaxFor('scss') ?? syntax;
    }
    new RegionScanner(text, syntax, this.out).scan(openEnd + 1, bodyEnd);
    return close && close.index < to ? close.index + close[0].length : to;
  }

  /**
   * `text.indexOf('>', i)`, remembered: offsets only grow, and `<script <script …` without any `>`
   * searched to the end once per tag.
   */
  private nextGreaterThan(i: number): number {
    if (i < this.greaterThanFrom || (this.greaterThanAt !== -1 && this.greaterThanAt < i)) {
      this.greaterThanAt = this.text.indexOf('>', i);
    }
    this.greaterThanFrom = i;
    return this.greaterThanAt;
  }

  private keywordAt(word: string, i: number, to: number): boolean {
    const text = this.text;
    if (i + word.length > to) {
      return false;
    }
    if (text.slice(i, i + word.length).toUpperCase() !== word.toUpperCase()) {
      return false;
    }
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) {
      return false;
    }
    const after = i + word.length < to ? text.charCodeAt(i + word.length) : NL;
    return after === NL || isSpace(after);
  }

  private wordStartBefore(i: number, from: number): boolean {
    if (i <= from) {
      return true;
    }
    const before = this.text.charCodeAt(i - 1);
    // Blanks, line start, or a shell separator: `a;# x` is a comment, `$#` and `a#b` are not.
    return isSpace(before) || before === NL || before === 59 /* ; */ || before === 38 /* & */ || before === 124 /* | */ || before === 40 /* ( */;
  }

  private closesOnLine(marker: string, from: number, to: number): boolean {
    const at = this.text.indexOf(marker, from);
    return at >= 0 && at < this.lineEndFrom(from, to);
  }

  /** Tcl: first on its line, or after `;` or `{` (a new command), blanks between. */
  private commandStartBefore(i: number, from: number): boolean {
    for (let k = i - 1; k >= from; k--) {
      const c = this.text.charCodeAt(k);
      if (c === NL || c === 59 /* ; */ || c === 123 /* { */) {
        return true;
      }
      if (!isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  private boundaryBefore(i: number): boolean {
    const before = this.text.charCodeAt(i - 1);
    return !(isWordChar(before) || before === 41 || before === 93 || before === 125 || before === 39 || before === 34 || before === 46);
  }

  /** `scheme://host` outside a string: a URL, unless a blank follows the slashes (`label:// note`). */
  private isUrlSlashes(i: number, from: number, to: number): boolean {
    const text = this.text;
    if (i - 2 < from || text.charCodeAt(i - 1) !== 58 /* : */) {
      return false;
    }
    const after = i + 2 < to ? text.charCodeAt(i + 2) : NL;
    if (after === NL || isSpace(after)) {
      return false;
    }
    let j = i - 2;
    while (j >= from && /[A-Za-z0-9+.-]/.test(text[j])) {
      j--;
    }
    return j < i - 2 && /[A-Za-z]/.test(text[j + 1]);
  }


  /** After `%{` / `=begin`: nothing but blanks (or, for `=begin`, words) up to the line end. */
  private restOfLineBlankOrWord(j: number, to: number): boolean {
    const c = j < to ? this.text.charCodeAt(j) : NL;
    return c === NL || isSpace(c);
  }
}

/** By syntax, made once (weakly: a caller may pass syntaxes of its own). */
const candidateSearches = new WeakMap<CommentSyntax, RegExp>();

/** A global regular expression finding the next character that can start a comment, a string or an escape. */
function candidateSearch(syntax: CommentSyntax): RegExp {
  let search = candidateSearches.get(syntax);
  if (!search) {
    const starts = startCharacters(syntax);
    let units = '';
    for (let c = 0; c < starts.length; c++) {
      if (starts[c]) {
        units += `\\u${c.toString(16).padStart(4, '0')}`;
      }
    }
    // No such character (a syntax with no comments nor strings): a search that never matches.
    search = new RegExp(units === '' ? '[^\\s\\S]' : `[${units}]`, 'g');
    candidateSearches.set(syntax, search);
  }
  return search;
}

/** The ASCII characters that can start a comment, a string or an escape of the syntax, flagged by code. */
function startCharacters(syntax: CommentSyntax): Uint8Array {
  const starts = new Uint8Array(128);
  const mark = (s: string) => {
    const code = s.charCodeAt(0);
    if (code < 128) {
      starts[code] = 1;
    }
  };
  for (const rule of syntax.line) {
    mark(rule.open);
    if (rule.keyword) {
      mark(rule.open.toLowerCase());
    }
  }
  for (const rule of syntax.block) {
    mark(rule.open);
  }
  for (const rule of syntax.strings) {
    mark(rule.open);
  }
  if (syntax.escapeOutside) {
    mark(syntax.escapeOutside);
  }
  if (syntax.embedded) {
    mark('<');
  }
  for (const special of syntax.special ?? []) {
    if (special === 'rust-raw') { mark('r'); mark('b'); }
    if (special === 'swift-raw') {
      mark('#');
    }
    if (special === 'cpp-raw') {
      mark('R');
    }
    if (special === 'lua-long') { mark('['); mark('-'); }
    if (special === 'cmake-bracket') { mark('['); mark('#'); }
    if (special === 'heredoc' || special === 'shell-heredoc') {
      mark('<');
    }
    if (special === 'zig-multiline') {
      mark('\\');
    }
    if (special === 'perl-pod') {
      mark('=');
    }
    if (special === 'perl-quote') {
      // Frequent letters, but only looked at on the lines the scan tokenizes (around tags and openers).
      for (const c of 'qmsty~') {
        mark(c);
      }
    }
  }
  return starts;
}

/**
 * By rule (weakly: a caller may pass syntaxes of its own): [the search for a literal that may span lines,
 * the one for a literal cut at its line end].
 */
const stopSearches = new WeakMap<StringRule, [RegExp | undefined, RegExp | undefined]>();

/**
 * A global regular expression finding the next escape, close quote start or (for a literal cut at its line)
 * line break, made once per rule and kind: `skipString` sets `lastIndex` and calls `test`.
 */
function stopSearch(rule: StringRule, stopsAtLineEnd: boolean): RegExp {
  let byKind = stopSearches.get(rule);
  if (!byKind) {
    byKind = [undefined, undefined];
    stopSearches.set(rule, byKind);
  }
  const kind = stopsAtLineEnd ? 1 : 0;
  let search = byKind[kind];
  if (!search) {
    const codes = [rule.close.charCodeAt(0)];
    if (rule.escape) {
      codes.push(rule.escape.charCodeAt(0));
    }
    if (stopsAtLineEnd) {
      codes.push(NL);
    }
    const units = codes.map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('');
    search = byKind[kind] = new RegExp(`[${units}]`, 'g');
  }
  return search;
}

/** Whether `code` can start the given special literal of syntaxExtras.otherSpecial (it returns `i` for every other). */
function opensOther(kind: string, code: number): boolean {
  switch (kind) {
    case 'cmake-bracket':
      return code === 35 /* # */ || code === 91; /* [ */
    case 'heredoc':
    case 'shell-heredoc':
      return code === 60; /* < */
    case 'perl-pod':
      return code === 61; /* = */
    case 'zig-multiline':
      return code === 92; /* \ */
    default: // perl-quote: q, qq, qw, qx, qr, m, s, tr, y, and `~` of `=~` / `!~`
      return code === 113 || code === 109 || code === 115 || code === 116 || code === 121 || code === 126;
  }
}

/** Offset of Perl's `__END__` or `__DATA__` alone on a line, or Infinity (one search for the rare `\n__`). */
function dataSection(text: string): number {
  const isMarker = (at: number) => /^__(?:END|DATA)__[ \t\r]*(?:\n|$)/.test(text.slice(at, at + 20));
  if (text.startsWith('__') && isMarker(0)) {
    return 0;
  }
  for (let at = text.indexOf('\n__'); at >= 0; at = text.indexOf('\n__', at + 1)) {
    if (isMarker(at + 1)) {
      return at + 1;
    }
  }
  return Infinity;
}

interface MultiLineOpeners {
  openers: readonly string[];
  /**
   * One global regular expression for all of them (none when there are none): `scanAround` searched each
   * opener with its own `indexOf` cursor, and an opener a file does not hold (`qr{`, `$` before `\r\n`) cost a search
   * of the whole file: thirteen for each Perl file, mostly stopping at every `$`, `q` or line break.
   */
  search: RegExp | undefined;
}

/** By syntax, made once (weakly: a caller may pass syntaxes of its own). */
const multiLineOpenersBySyntax = new WeakMap<CommentSyntax, MultiLineOpeners>();

/** Texts that can carry tokenizer state across a line break (see `scanAround`). */
function multiLineOpeners(syntax: CommentSyntax): MultiLineOpeners {
  let known = multiLineOpenersBySyntax.get(syntax);
  if (!known) {
    const openers = multiLineOpenerTexts(syntax);
    known = { openers, search: openers.length > 0 ? new RegExp(openers.map(escapeRegExp).join('|'), 'g') : undefined };
    multiLineOpenersBySyntax.set(syntax, known);
  }
  return known;
}

/**
 * The offset of the first opener at or after `pos`, or Infinity. An opener that starts with its line break
 * (`\n=head1`) matters from the line after it, so it counts at the character after its line break, and the
 * search starts one character early to find one whose line starts at `pos`. (Not a lookbehind: on Node 20 one
 * made the whole search five times slower.)
 */
function nextOpenerFrom(search: RegExp, text: string, pos: number): number {
  search.lastIndex = Math.max(0, pos - 1);
  for (let match = search.exec(text); match; match = search.exec(text)) {
    const at = match[0].charCodeAt(0) === NL ? match.index + 1 : match.index;
    if (at >= pos) {
      return at;
    }
    search.lastIndex = match.index + 1;
  }
  return Infinity;
}

function multiLineOpenerTexts(syntax: CommentSyntax): string[] {
  const openers = new Set<string>();
  for (const rule of syntax.block) {
    openers.add(rule.open);
  }
  for (const rule of syntax.strings) {
    if (rule.multiline) {
      openers.add(rule.open);
    }
    if (rule.escape) {
      openers.add(`${rule.escape}\n`).add(`${rule.escape}\r\n`);
    }
  }
  if (syntax.escapeOutside) {
    openers.add(`${syntax.escapeOutside}\n`).add(`${syntax.escapeOutside}\r\n`);
  }
  for (const special of syntax.special ?? []) {
    if (special === 'rust-raw') {
      openers.add('r"').add('r#');
    }
    if (special === 'swift-raw') {
      openers.add('#"').add('##');
    }
    if (special === 'cpp-raw') {
      openers.add('R"');
    }
    if (special === 'lua-long' || special === 'cmake-bracket') {
      openers.add('[[').add('[=');
    }
    if (special === 'heredoc' || special === 'shell-heredoc') {
      openers.add('<<');
    }
    if (special === 'perl-pod') {
      openers.add('\n='); // `__END__` is found once (codeEnd), not by a cursor of its own
    }
    if (special === 'perl-quote') {
      // The quote-like operators that span lines in practice: `q{…}`/`qq{…}`, `qw(…)` lists, `qr{…}x`.
      // A one-line one is read anyway when its line is tokenized.
      // (Not `m{` or `s{`, nor `w(` alone: `$opts{`, `new(` are everywhere, and each hit costs a line's scan.)
      for (const opener of ['q{', 'qq(', 'qw(', 'qw/', 'qw[', 'qw{', 'qr{']) {
        openers.add(opener);
      }
    }
  }
  if (syntax.embedded) {
    openers.add('<');
  }
  return [...openers];
}

/**
 * Offsets → (line, character). Counts line breaks forward from the last query (queries come in
 * document order), so a large file with a few TODOs does not pay for an index of every line.
 */
export class LineIndex {
  private line = 0;
  private lineStartOffset = 0;
  /** The line break ending the current line (-1: the last line; -2: not looked up yet). */
  private lineEnd = -2;

  constructor(private readonly text: string) {}

  /**
   * Zero-based line and character (UTF-16 code units, as VS Code positions count). Each line's end is
   * searched for once: many queries on one long line must not search to its end again and again.
   */
  position(offset: number): { line: number; character: number } {
    if (offset < this.lineStartOffset) {
      this.line = this.lineStartOffset = 0;
      this.lineEnd = -2;
    }
    const text = this.text;
    if (this.lineEnd === -2) {
      this.lineEnd = text.indexOf('\n', this.lineStartOffset);
    }
    while (this.lineEnd >= 0 && this.lineEnd < offset) {
      this.line++;
      this.lineStartOffset = this.lineEnd + 1;
      this.lineEnd = text.indexOf('\n', this.lineStartOffset);
    }
    return { line: this.line, character: offset - this.lineStartOffset };
  }

  /**
   * Offset of the start of the line holding `offset`. From the forward index, not by searching back:
   * on a long line with many comments a search back per comment was quadratic.
   */
  lineStartOf(offset: number): number {
    return offset - this.position(offset).character;
  }
}

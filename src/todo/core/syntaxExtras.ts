// The less common parts of the comment scanner, in their own bundle (dist/todoSyntaxExtras.js, loaded by
// commentScanner.syntaxExtras() the first time a file needs them): here-documents, POD, Perl's quote-like
// operators, CMake's brackets, Zig's string lines, and the language a file's content declares (shebang,
// Emacs mode line, Vim modeline). Linear like the rest of the scanner.
import type { Comment } from './commentScanner';
import type { SpecialLiteral } from './languages';
import { CR, isSpace, NL, onlyBlanksBefore } from './scanChars';

/** What these need of the scanner that calls them (commentScanner's RegionScanner). */
export interface SpecialHost {
  readonly text: string;
  readonly out: { push(comment: Comment): void };
  /** Here-document delimiters with no closing line after the offset where they were looked for. */
  readonly missingDelimiters: Map<string, number>;
  /** Perl quotes that ran to the end unclosed, by closing character: where the first of them opened. */
  readonly unclosedQuote: Map<number, number>;
  scan(from: number, to: number): number;
  lineEndFrom(from: number, to: number): number;
  blockComment(i: number, to: number, open: string, close: string, nested: boolean, lineStart: boolean): number;
  luaLevel(i: number): number;
  closeAfter(close: string, from: number, to: number): number;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

const own = (table: Record<string, string>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** The specials that are not raw strings: bracket comments, here-documents, POD, Zig's `\\\\` lines. */
export function otherSpecial(h: SpecialHost, kind: SpecialLiteral, code: number, i: number, to: number): number {
  if (kind === 'perl-quote') {
    return perlQuote(h, code, i, to);
  }
  const text = h.text;
  if (kind === 'cmake-bracket') {
    if (code === 35 /* # */ && text.charCodeAt(i + 1) === 91 /* [ */) {
      const level = h.luaLevel(i + 1);
      if (level >= 0) {
        return h.blockComment(i, to, text.slice(i, i + 3 + level), `]${'='.repeat(level)}]`, false, false);
      }
    } else if (code === 91) {
      const level = h.luaLevel(i);
      if (level >= 0) {
        return h.closeAfter(`]${'='.repeat(level)}]`, i + level + 2, to);
      }
    }
    return i;
  }
  if ((kind === 'heredoc' || kind === 'shell-heredoc') && code === 60 /* < */) {
    return hereDocument(h, i, to, kind === 'shell-heredoc');
  }
  if (kind === 'perl-pod' && (i === 0 || text.charCodeAt(i - 1) === NL)) {
    if (code === 61 /* = */ && isLetter(text.charCodeAt(i + 1))) {
      return pod(h, i, to);
    }
    return i;
  }
  if (kind === 'zig-multiline' && code === 92 /* \ */ && text.charCodeAt(i + 1) === 92) {
    return h.lineEndFrom(i, to);
  }
  return i;
}

/**
 * Perl's quote-like operators, whose delimiters may be anything and whose text may span lines:
 * `q{…}`, `qq(…)`, `qw[…]`, `qr/…/`, `m!…!`, `s{…}{…}`, `tr/a/b/`, `y/…/…/`, and `/…/` after `=~` / `!~`.
 * A `#` inside one is text. Not after a sigil or `->` (`$q{x}`, `$h->{s}`), not before `=>` (`s => 1`).
 */
function perlQuote(h: SpecialHost, code: number, i: number, to: number): number {
  const text = h.text;
  let j: number;
  let parts: number;
  if (code === 126 /* ~ */) {
    const before = text.charCodeAt(i - 1);
    if (before !== 61 && before !== 33) {
      return i;
    }
    j = i + 1;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      j++;
    }
    if (text.charCodeAt(j) !== 47 /* / */) {
      return i;
    }
    parts = 1;
  } else {
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (isWordChar(before) || before === 36 || before === 64 || before === 37 || before === 38 || before === 45 || before === 62 || before === 123 || before === 92 || before === 58 || before === 39) {
      return i; // `$q`, `@s`, `%m`, `&y`, `-s $file`, `->s`, `{s}`, `\s` in a regex, `Foo::y`, `'s`
    }
    let word = 1;
    while (word < 3 && isLetter(text.charCodeAt(i + word))) {
      word++;
    }
    const name = text.slice(i, i + word);
    if (isWordChar(text.charCodeAt(i + word))) {
      return i;
    }
    parts = name === 's' || name === 'tr' || name === 'y' ? 2 : name === 'q' || name === 'qq' || name === 'qw' || name === 'qx' || name === 'qr' || name === 'm' ? 1 : 0;
    if (parts === 0) {
      return i;
    }
    j = i + word;
    const spaced = j;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      j++;
    }
    const d = text.charCodeAt(j);
    // After a blank, `#` starts a comment; `=`, `,`, `;`, `)` and `}` end an expression (`s => 1`, `(q)`).
    if (!(d > 32 && d < 127) || isWordChar(d) || (d === 35 && j > spaced) || d === 61 || d === 44 || d === 59 || d === 41 || d === 125 || d === 93 || d === 62) {
      return i;
    }
  }
  for (let part = 0; part < parts; part++) {
    while (part > 0 && j < to && isSpace(text.charCodeAt(j))) {
      j++;
    }
    const open = text.charCodeAt(j);
    const close = open === 123 ? 125 : open === 40 ? 41 : open === 91 ? 93 : open === 60 ? 62 : open;
    // One that ran to the end unclosed tells that a later one with the same closer does too (linear).
    if ((h.unclosedQuote.get(close) ?? Infinity) < j) {
      return h.lineEndFrom(i + 1, to);
    }
    let depth = 1;
    let k = j + 1;
    for (; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 92 /* \ */) {
        k++;
      } else if (c === close && --depth === 0) {
        break;
      } else if (c === open && close !== open) {
        depth++;
      }
    }
    if (k >= to) {
      // Never closed: not a quote after all (recover on the next line, as for strings).
      h.unclosedQuote.set(close, j);
      return h.lineEndFrom(i + 1, to);
    }
    // `s/a/b/`: the second part shares the middle delimiter; `s{a}{b}` opens a new one.
    j = close === open && part === 0 && parts === 2 ? k : k + 1;
  }
  return j;
}

/** `=head1 …` at a line start up to the line of `=cut` (or the end): one block comment. */
export function pod(h: SpecialHost, i: number, to: number): number {
  const text = h.text;
  let markerEnd = i + 1;
  while (markerEnd < to && isWordChar(text.charCodeAt(markerEnd))) {
    markerEnd++;
  }
  let cut = text.indexOf('\n=cut', markerEnd);
  while (cut >= 0 && isWordChar(text.charCodeAt(cut + 5))) {
    cut = text.indexOf('\n=cut', cut + 5);
  }
  const contentEnd = cut < 0 || cut >= to ? to : cut;
  const end = contentEnd === to ? to : h.lineEndFrom(contentEnd + 1, to);
  h.out.push({ kind: 'block', start: i, end, contentStart: markerEnd, contentEnd, marker: text.slice(i, markerEnd), terminated: contentEnd !== to });
  return end;
}

/**
 * `<<EOF`, `<<-EOF`, `<<~EOS`, `<<'EOF'`, `<<"EOF"`, `<<\EOF` (and `<< EOF` in shell): the rest of the line
 * is code (a comment there counts), the lines up to the delimiter are data. Not a here-document when
 * no line closes it (a shift, `1 <<FLAG`): then the `<<` is plain code. Returns `i` when none starts here.
 */
function hereDocument(h: SpecialHost, i: number, to: number, shell: boolean): number {
  const text = h.text;
  if (text.charCodeAt(i + 1) !== 60 || text.charCodeAt(i + 2) === 60 || (i > 0 && text.charCodeAt(i - 1) === 60)) {
    return i;
  }
  let j = i + 2;
  const indented = text.charCodeAt(j) === 45 /* - */ || text.charCodeAt(j) === 126; /* ~ */
  if (indented) {
    j++;
  }
  const blanksFrom = j;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) {
    j++;
  }
  let quote = text.charCodeAt(j);
  if (shell && quote === 92 /* \ */) {
    j++;
    quote = text.charCodeAt(j);
  }
  let word: string;
  if (quote === 34 || quote === 39) {
    const close = text.indexOf(String.fromCharCode(quote), j + 1);
    const nl = h.lineEndFrom(j, to);
    if (close < 0 || close > nl || close === j + 1) {
      return i;
    }
    word = text.slice(j + 1, close);
    j = close + 1;
  } else {
    if ((j > blanksFrom && !shell) || !(isLetter(quote) || quote === 95)) {
      return i;
    }
    const start = j;
    while (j < to && isWordChar(text.charCodeAt(j)) && text.charCodeAt(j) < 128) {
      j++;
    }
    word = text.slice(start, j);
  }
  const lineEnd = h.lineEndFrom(j, to);
  if (lineEnd >= to) {
    return i;
  }
  const known = h.missingDelimiters.get(word);
  if (known !== undefined && known <= lineEnd) {
    return i;
  }
  const bodyEnd = delimiterLineEnd(h, word, lineEnd + 1, to, indented);
  if (bodyEnd < 0) {
    h.missingDelimiters.set(word, lineEnd);
    return i;
  }
  // The rest of the introducing line (`cat <<EOF # TODO: x`, `<<EOF;`): code, scanned as such.
  h.scan(j, lineEnd);
  return bodyEnd;
}

/** End of the line holding only `word` (after blanks when indented), searched from `from`; -1: none. */
function delimiterLineEnd(h: SpecialHost, word: string, from: number, to: number, indented: boolean): number {
  const text = h.text;
  for (let at = text.indexOf(word, from); at >= 0 && at + word.length <= to; at = text.indexOf(word, at + 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (lineStart < from || (lineStart !== at && !(indented && onlyBlanksBefore(text, at, lineStart)))) {
      continue;
    }
    let k = at + word.length;
    while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === CR || text.charCodeAt(k) === 59 /* ; */ || text.charCodeAt(k) === 41 /* ) */)) {
      k++;
    }
    if (k >= to || text.charCodeAt(k) === NL) {
      return k;
    }
  }
  return -1;
}

/** Interpreters named by a shebang → language id (versions such as `python3.11` or `tclsh8.6` are cut off). */
const BY_INTERPRETER: Record<string, string> = {
  sh: 'shellscript', bash: 'shellscript', dash: 'shellscript', ksh: 'shellscript', mksh: 'shellscript', zsh: 'shellscript',
  ash: 'shellscript', busybox: 'shellscript', fish: 'fish', perl: 'perl', python: 'python', pypy: 'python', ruby: 'ruby',
  node: 'javascript', nodejs: 'javascript', deno: 'typescript', bun: 'javascript', 'ts-node': 'typescript', tsx: 'typescript',
  tclsh: 'tcl', wish: 'tcl', expect: 'tcl', jimsh: 'tcl', lua: 'lua', luajit: 'lua', php: 'php', rscript: 'r',
  awk: 'awk', gawk: 'awk', mawk: 'awk', nawk: 'awk', make: 'makefile', pwsh: 'powershell', julia: 'julia',
  elixir: 'elixir', escript: 'erlang', guile: 'scheme', racket: 'racket', sbcl: 'lisp', clisp: 'lisp', groovy: 'groovy',
  swift: 'swift', crystal: 'crystal', runghc: 'haskell', runhaskell: 'haskell', ocaml: 'ocaml', nix: 'nix',
  'nix-shell': 'nix', octave: 'octave', scala: 'scala', kotlin: 'kotlin', dart: 'dart', raku: 'raku', perl6: 'raku',
};

/** Emacs mode names (lower case) → language id, where they differ from ours. */
const BY_MODE: Record<string, string> = {
  'c++': 'cpp', 'shell-script': 'shellscript', sh: 'shellscript', bash: 'shellscript', cperl: 'perl', 'emacs-lisp': 'elisp',
  js: 'javascript', js2: 'javascript', conf: 'ini', 'conf-unix': 'ini', 'conf-windows': 'ini', autoconf: 'm4', m4: 'm4',
  nxml: 'xml', sgml: 'xml', tex: 'latex', 'makefile-gmake': 'makefile', 'makefile-automake': 'makefile', 'makefile-bsdmake': 'makefile',
  gnumakefile: 'makefile', 'cmake': 'cmake', pod: 'perl', objc: 'objectivec', 'fortran': 'fortran', 'f90': 'fortran-modern',
  'c': 'c', tcl: 'tcl', python: 'python', perl: 'perl', ruby: 'ruby', lua: 'lua', yaml: 'yaml', meson: 'meson', nix: 'nix',
  awk: 'awk', sql: 'sql', scheme: 'scheme', lisp: 'lisp', haskell: 'haskell', html: 'html', xml: 'xml', makefile: 'makefile',
  po: 'po', java: 'java', go: 'go', rust: 'rust', typescript: 'typescript', javascript: 'javascript', css: 'css',
};

/** Vim filetypes → language id, where they differ from ours. */
const BY_VIM_FILETYPE: Record<string, string> = {
  sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript', make: 'makefile', automake: 'makefile', cmake: 'cmake',
  tcl: 'tcl', perl: 'perl', python: 'python', ruby: 'ruby', c: 'c', cpp: 'cpp', vim: 'vim', lua: 'lua', yaml: 'yaml',
  conf: 'ini', dosini: 'ini', javascript: 'javascript', typescript: 'typescript', awk: 'awk', sql: 'sql', tex: 'latex',
  m4: 'm4', po: 'po', meson: 'meson', nix: 'nix', html: 'html', xml: 'xml', pod: 'perl', go: 'go', rust: 'rust', lisp: 'lisp',
};

/**
 * The language a file's content declares: a shebang (`#!/usr/bin/env perl`, `#!/bin/sh` followed by the Tcl
 * idiom `exec tclsh "$0"`), an Emacs mode line on the first line (the second after a shebang:
 * `-*- mode: tcl -*-`, `-*- C++ -*-`) or a Vim modeline near the end (`vim: set ft=tcl:`). Looks at a few
 * hundred characters at each end only: it runs for every file that holds a tag.
 */
export function languageFromContent(text: string): string | undefined {
  const head = text.length > 600 ? text.slice(0, 600) : text;
  let fromShebang: string | undefined;
  if (head.charCodeAt(0) === 35 /* # */ && head.charCodeAt(1) === 33 /* ! */) {
    fromShebang = interpreterOf(head);
  }
  const emacs = /-\*-(.*?)-\*-/.exec(firstLines(head, fromShebang ? 2 : 1));
  if (emacs) {
    const mode = /(?:^|;)\s*mode\s*:\s*([\w+.-]+)/i.exec(emacs[1])?.[1] ?? (/:/.test(emacs[1]) ? undefined : emacs[1].trim());
    const id = mode ? modeLanguage(mode.toLowerCase()) : undefined;
    if (id) {
      return id;
    }
  }
  const region = text.length > 1200 ? `${head}\n${text.slice(-600)}` : text;
  if (region.indexOf('vim:') >= 0 || region.indexOf('vi:') >= 0 || region.indexOf('ex:') >= 0) {
    const vim = /(?:^|\s)(?:vim?|ex):.*?\b(?:ft|filetype|syntax)=([\w+.-]+)/m.exec(region);
    const filetype = vim?.[1].toLowerCase();
    // An unknown filetype is returned as is: the caller uses it only if it has a syntax for it.
    const id = filetype ? own(BY_VIM_FILETYPE, filetype) ?? filetype : undefined;
    if (id) {
      return id;
    }
  }
  return fromShebang;
}

function firstLines(head: string, count: number): string {
  let end = -1;
  for (let k = 0; k < count; k++) {
    end = head.indexOf('\n', end + 1);
    if (end < 0) {
      return head;
    }
  }
  return head.slice(0, end);
}

function modeLanguage(mode: string): string | undefined {
  const name = mode.endsWith('-mode') ? mode.slice(0, -5) : mode;
  return own(BY_MODE, name);
}

function interpreterOf(head: string): string | undefined {
  const line = firstLines(head, 1);
  const words = line.slice(2).trim().split(/\s+/);
  let k = 0;
  // `#!/usr/bin/env -S perl -w`, `#!/usr/bin/env VAR=1 python3`.
  if (/(?:^|\/)env$/.test(words[0] ?? '')) {
    k++;
    while (k < words.length && (words[k].startsWith('-') || words[k].includes('='))) {
      k++;
    }
  }
  const program = (words[k] ?? '').slice((words[k] ?? '').lastIndexOf('/') + 1).toLowerCase().replace(/[\d.]+$/, '').replace(/-?$/, '');
  const id = own(BY_INTERPRETER, program);
  // Tcl's portable launcher: a shell script that restarts itself with tclsh or wish on its third line.
  if (id === 'shellscript' && /^\s*exec\s+(?:\S*\/)?(?:tclsh|wish|expect|jimsh)[\d.]*\s/m.test(firstLines(head, 5))) {
    return 'tcl';
  }
  return id;
}

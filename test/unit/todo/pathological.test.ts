// Parsers over file content must stay linear whatever the file holds (issue 13.3): a file the user
// opens runs through the TODO parser in the extension host, so one hostile line used to hang it
// (`// TODO @deal:` and 200,000 commas: 45 s). Every comment syntax gets a few dozen pathological
// inputs (long runs of commas, blanks, `*`, `/`, `#` and of its own markers, unterminated comments
// and strings, very long lines, many tags and hints), each parsed at 16 KB and 64 KB: megabytes per
// language. Long-line cases, where a quadratic pass can hide behind fast native searches, also run at
// 2 MB for a few representative syntaxes. Each parse is compared with a plain scan of the same bytes
// in the same run: linear code stays within a constant factor; the quadratic code this replaced was
// over it by far (the hint regex at 16 KB already: thousands of times a plain scan).
import * as assert from 'assert';
import { assertLinearTime } from '../../support/linearTime';
import { scanComments } from '../../../src/todo/core/commentScanner';
import { CommentSyntax, knownLanguageIds, syntaxFor } from '../../../src/todo/core/languages';
import { findTodos } from '../../../src/todo/core/todoParser';
import { MAX_HINT_VALUE, parseHints } from '../../../src/todo/core/hints';
import { validateLinkFormat } from '../../../src/todo/core/writeBack';

/**
 * How much slower than a plain scan a parse may be. Linear code measured up to ~400× at 16 KB on a
 * loaded 2-core machine (the JIT's first runs) and less at larger sizes; the quadratic code failed by
 * 1,500× to 1,000,000×. Generous on purpose: this must never flake, only catch a quadratic pass.
 */
const FACTOR = 1_000;
const SIZES = [16 * 1024, 64 * 1024];
const LONG_LINE_SIZE = 2 * 1024 * 1024;
/** Long-line cases at LONG_LINE_SIZE: a syntax per kind of scanner path (block comments, markup, raw strings). */
const LONG_LINE_CASES: { id: string; names: RegExp }[] = [
  { id: 'typescript', names: /many TODO comments|long line of "(\/\*|\*\/)"|run of "'"/ },
  { id: 'html', names: /many TODO comments|long line of "(<!--|<\/script )"|"<script " repeated/ },
  { id: 'swift', names: /run of "#"/ },
  { id: 'python', names: /many TODO comments|run of "#"|long line of "\\"\\"\\""/ },
];

/** Repeats `unit` to about `size` characters, between `head` and `tail`. */
function fill(head: string, unit: string, size: number, tail = ''): string {
  return head + unit.repeat(Math.max(1, Math.ceil((size - head.length - tail.length) / unit.length))) + tail;
}

interface Case {
  name: string;
  make: (size: number) => string;
  /** Hostile through the length of one line: also run at LONG_LINE_SIZE. */
  longLine?: boolean;
}

/** Pathological inputs for one syntax, built from its own markers. */
function casesFor(syntax: CommentSyntax): Case[] {
  const line = syntax.line.find((rule) => !rule.keyword)?.open;
  const block = syntax.block[0];
  // A comment that holds a TODO, in whichever form the syntax has.
  const todo = (body: string) => (line ? `${line} TODO ${body}` : `${block.open} TODO ${body} ${block.close}`);
  const openers = new Set<string>();
  for (const rule of syntax.line) {
    openers.add(rule.open);
  }
  for (const rule of syntax.block) {
    openers.add(rule.open).add(rule.close);
  }
  for (const rule of syntax.strings) {
    openers.add(rule.open);
  }
  if (syntax.escapeOutside) {
    openers.add(syntax.escapeOutside);
  }
  for (const special of syntax.special ?? []) {
    if (special === 'rust-raw') {
      openers.add('r#').add('br#');
    }
    if (special === 'swift-raw') {
      openers.add('#');
    }
    if (special === 'cpp-raw') {
      openers.add('R"(');
    }
    if (special === 'lua-long') {
      openers.add('[=').add('--[=');
    }
  }
  if (syntax.embedded) {
    openers.add('<script ').add('<style ').add('</script ');
  }
  const cases: Case[] = [
    { name: 'a hint followed by a run of commas', make: (n) => fill(`${line ?? block.open} TODO @deal:`, ',', n, block && !line ? `x ${block.close}` : 'x') },
    { name: 'a due hint followed by a run of closing brackets', make: (n) => fill(`${line ?? block.open} TODO due:`, ')]}.;:', n) },
    { name: 'unterminated quoted hints', make: (n) => fill(line ? `${line} TODO` : `${block.open} TODO`, ' @deal:"x due:"y', n) },
    { name: 'many hints and tags on one line', make: (n) => fill(line ? `${line} TODO` : `${block.open} TODO`, ' TODO @deal:1 !high p:low due:+3d @company:"A"', n) },
    { name: 'a TODO with an unclosed author list', make: (n) => fill(line ? `${line} TODO(` : `${block.open} TODO(`, 'a,', n) },
    { name: 'one very long TODO line', make: (n) => fill(line ? `${line} TODO: ` : `${block.open} TODO: `, 'word ', n) },
    { name: 'many TODO lines with hints', make: (n) => fill('', `${todo('call @contact:a@b.c !high due:tomorrow,')}\n`, n) },
    { name: 'many TODO comments on one line', make: (n) => fill('', block ? `${block.open}TODO${block.close}` : `${line} TODO `, n), longLine: true },
  ];
  // Runs of blanks, commas, `*`, `/`, `#` everywhere, and of every character the syntax gives a meaning.
  const runs = new Set([' ', ',', '*', '/', '#']);
  for (const opener of openers) {
    for (const char of opener) {
      runs.add(char);
    }
  }
  for (const run of runs) {
    cases.push({ name: `a TODO and a run of ${JSON.stringify(run)}`, make: (n) => fill(`${todo('x')}\n`, run, n, `\n${todo('y')}`), longLine: true });
  }
  for (const opener of openers) {
    cases.push({ name: `${JSON.stringify(opener)} repeated without a close`, make: (n) => fill(`${todo('x')}\n`, `${opener}TODO `, n), longLine: true });
    cases.push({ name: `${JSON.stringify(opener)} opened once, never closed`, make: (n) => fill(`${todo('x')}\n${opener}`, 'TODO a ', n) });
    // (A one-character opener's long line is the run of that character above.)
    if (opener.length > 1) {
      cases.push({ name: `a TODO, then a long line of ${JSON.stringify(opener)}`, make: (n) => fill(`${todo('x')}\n`, opener, n, `\n${todo('y')}`), longLine: true });
    }
  }
  return cases;
}

/** One syntax object per family (many language ids share one). */
function syntaxes(): { id: string; syntax: CommentSyntax }[] {
  const seen = new Set<CommentSyntax>();
  const out: { id: string; syntax: CommentSyntax }[] = [];
  for (const id of knownLanguageIds()) {
    const syntax = syntaxFor(id)!;
    if (!seen.has(syntax)) {
      seen.add(syntax);
      out.push({ id, syntax });
    }
  }
  return out;
}

const report: string[] = [];

/**
 * Throws when parsing `make(size)` costs more than FACTOR plain passes (+ the helper's slack: a 16 KB parse
 * takes 5–20 ms, so one GC pause could pass FACTOR alone; the old hint regex took 312 ms there) at any size.
 */
function assertLinear(label: string, make: (size: number) => string, parse: (text: string) => unknown, sizes = SIZES): void {
  // Compile the code paths this input takes first, so that the JIT's first runs are not measured.
  parse(make(2048));
  for (const size of sizes) {
    const text = make(size);
    const { took, ratio } = assertLinearTime({ label: `${label}, ${(text.length / 1024).toFixed(0)} KB`, input: text, run: () => parse(text), factor: FACTOR });
    if (process.env.PATHOLOGICAL_REPORT) {
      report.push(`${ratio.toFixed(0).padStart(6)}× ${(text.length / 1024).toFixed(0).padStart(5)} KB ${took.toFixed(1).padStart(8)} ms  ${label}`);
    }
  }
}

/** What the extension runs on a document (the lazy scan around tags), and the full tokenizer. */
function parser(syntax: CommentSyntax): (text: string) => void {
  return (text) => {
    findTodos(text, syntax);
    scanComments(text, syntax);
  };
}

describe('pathological file content: every parser stays linear (issue 13.3)', function () {
  this.timeout(120_000);
  this.slow(30_000);

  it('parses the hint syntax in time linear in the line (45 s before, for 200,000 commas)', () => {
    // Punctuation that does not end the value: the old regex tried to strip it from every comma.
    assertLinear('parseHints, commas', (n) => fill('@deal:', ',', n, 'x'), parseHints);
    assertLinear('parseHints, closing brackets', (n) => fill('due:', ')]};:.', n, ' @deal:1 due:x'), parseHints);
    assertLinear('parseHints, unterminated quotes', (n) => fill('', ' due:"x @deal:"', n), parseHints);
    assertLinear('parseHints, blanks', (n) => fill('@deal:x', ' \u00a0\t', n, '!high'), parseHints);
    // Still a hint parser: the value loses its trailing punctuation, the text keeps the rest.
    const parsed = parseHints(`call @deal:42${','.repeat(200_000)} now @company:${','.repeat(200_000)}x @contact:${'a'.repeat(MAX_HINT_VALUE)}`);
    // A value longer than any id, email or domain is dropped: it is never sent to HubSpot's search.
    assert.deepStrictEqual(parsed.hints.associations, [{ kind: 'deal', value: '42' }, { kind: 'contact', value: 'a'.repeat(MAX_HINT_VALUE) }]);
    assert.strictEqual(parsed.text, 'call now');
  });

  it('checks a link format from the workspace in bounded time, whatever its length', () => {
    // The shape check backtracked over every `HS-{id}` of a long format: 112 KB took 7.5 s, per linked TODO.
    assertLinear('validateLinkFormat', (n) => fill('{tag}(', 'HS-{id}', n, ' {text}'), validateLinkFormat);
    assert.match(validateLinkFormat(fill('{tag}(', 'HS-{id}', 4096, ' {text}')).problem ?? '', /longer than/);
    assert.strictEqual(validateLinkFormat('{tag}[HS-{id}] {text}').problem, undefined);
  });

  for (const { id, syntax } of syntaxes()) {
    it(`${id}: finds TODOs in megabytes of hostile input in linear time`, () => {
      const cases = casesFor(syntax);
      for (const c of cases) {
        assertLinear(`${id}, ${c.name}`, c.make, parser(syntax));
      }
      // The cases are real input for the parser: the TODOs in them are found.
      assert.ok(findTodos(cases[6].make(4096), syntax).length > 10, `${id}: TODOs are found`);
      if (process.env.PATHOLOGICAL_REPORT) {
        console.log(report.splice(0).join('\n'));
      }
    });
  }

  it(`long lines of ${(LONG_LINE_SIZE / 1024 / 1024).toFixed(0)} MB: no pass searches a line again from each comment or marker on it`, () => {
    let count = 0;
    for (const { id, names } of LONG_LINE_CASES) {
      const syntax = syntaxFor(id)!;
      for (const c of casesFor(syntax).filter((k) => k.longLine && names.test(k.name))) {
        assertLinear(`${id}, ${c.name}`, c.make, parser(syntax), [LONG_LINE_SIZE]);
        count++;
      }
    }
    assert.ok(count >= 10, `${count} long-line cases ran`);
    if (process.env.PATHOLOGICAL_REPORT) {
      console.log(report.splice(0).join('\n'));
    }
  });
});

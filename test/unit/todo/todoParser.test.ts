// TODO parsing: tags, word bounds, link and author markers, continuation lines, hints, keys.
import * as assert from 'assert';
import { findTodos, todoKeys } from '../../../src/todo/core/todoParser';
import { parseHints, resolveDue } from '../../../src/todo/core/hints';

describe('todoParser', () => {
  it('matches the default tags, word-bounded, at the start of a comment line', () => {
    const text = [
      '// TODO: a', '// FIXME b', '// HACK(x): c', '// XXX d', '// BUG: e',
      '// TODOS are not tags', '// TODO-list neither', '// see the TODO: not at the start', '//TODO: tight',
    ].join('\n\n');
    assert.deepStrictEqual(findTodos(text, 'typescript').map((t) => `${t.tag}:${t.text}`), ['TODO:a', 'FIXME:b', 'HACK:c', 'XXX:d', 'BUG:e', 'TODO:tight']);
  });

  it('uses configured tags only, longest first', () => {
    const text = '# NOTE: n\n# TODO: t\n# NOTEWORTHY: w';
    assert.deepStrictEqual(findTodos(text, 'python', { tags: ['NOTE', 'NOTEWORTHY'] }).map((t) => t.tag), ['NOTE', 'NOTEWORTHY']);
  });

  it('skips decoration: /** *, ///, //!, ##, ;;;', () => {
    const text = '/**\n * TODO: javadoc\n */\n/// TODO: triple\n//! TODO: inner doc';
    assert.deepStrictEqual(findTodos(text, 'rust').map((t) => t.text), ['javadoc', 'triple', 'inner doc']);
    assert.deepStrictEqual(findTodos('## TODO: two\n', 'python').map((t) => t.text), ['two']);
    assert.deepStrictEqual(findTodos(';;; TODO: three\n', 'lisp').map((t) => t.text), ['three']);
  });

  it('reads a linked marker and an author', () => {
    const [linked, authored, both, bracket] = findTodos(
      '// TODO(HS-123456): linked\n// TODO(alice): mine\n// FIXME(bob, HS-7): both\n// TODO[HS-9] bracketed', 'typescript');
    assert.strictEqual(linked.linkedTaskId, '123456');
    assert.strictEqual(linked.author, undefined);
    assert.strictEqual(authored.linkedTaskId, undefined);
    assert.strictEqual(authored.author, 'alice');
    assert.deepStrictEqual([both.author, both.linkedTaskId, both.text], ['bob', '7', 'both']);
    assert.strictEqual(bracket.linkedTaskId, '9');
  });

  it('gives the header and text ranges on the line', () => {
    const text = 'x();   // TODO(HS-1): fix it   ';
    const [todo] = findTodos(text, 'typescript');
    assert.strictEqual(text.slice(todo.header.startOffset, todo.header.endOffset), 'TODO(HS-1):');
    assert.strictEqual(text.slice(todo.range.startOffset, todo.range.endOffset), 'TODO(HS-1): fix it');
    assert.deepStrictEqual([todo.range.line, todo.range.start, todo.range.end], [0, 10, 28]);
    assert.strictEqual(todo.rawText, 'fix it');
  });

  describe('continuation lines', () => {
    it('takes the following lines of the same comment until a blank line or another tag', () => {
      const text = '// TODO: first\n//   second\n// third\n//\n// unrelated\n// FIXME: other\n// more';
      const todos = findTodos(text, 'typescript');
      assert.deepStrictEqual(todos.map((t) => t.text), ['first second third', 'other more']);
      assert.deepStrictEqual(todos[0].continuation.map((c) => [c.line, c.text]), [[1, 'second'], [2, 'third']]);
    });

    it('does not join a comment that follows code or a different marker', () => {
      assert.deepStrictEqual(findTodos('// TODO: a\nx(); // b\n', 'typescript')[0].continuation, []);
      assert.deepStrictEqual(findTodos('// TODO: a\n/* b */\n', 'typescript')[0].continuation, []);
      assert.deepStrictEqual(findTodos('// TODO: a\n\n// b\n', 'typescript')[0].continuation, []);
    });

    it('continues inside a block comment up to its end', () => {
      const [todo] = findTodos('/*\n * TODO: first\n * second\n */', 'c');
      assert.strictEqual(todo.text, 'first second');
    });
  });

  describe('hints', () => {
    it('parses associations, priority and due, and strips them from the subject', () => {
      const [todo] = findTodos('// TODO: call back @contact:ann@example.com @company:acme.com, @deal:42 !high due:2026-12-01 please', 'typescript');
      assert.strictEqual(todo.text, 'call back please');
      assert.deepStrictEqual(todo.hints, {
        associations: [
          { kind: 'contact', value: 'ann@example.com' },
          { kind: 'company', value: 'acme.com' },
          { kind: 'deal', value: '42' },
        ],
        priority: 'HIGH',
        due: '2026-12-01',
      });
      assert.strictEqual(todo.rawText, 'call back @contact:ann@example.com @company:acme.com, @deal:42 !high due:2026-12-01 please');
    });

    it('accepts p:/priority: forms, quoted values, hints on continuation lines', () => {
      const [todo] = findTodos('# TODO: ship it p:low\n#   @company:"Acme Inc" due:friday', 'python');
      assert.strictEqual(todo.text, 'ship it');
      assert.strictEqual(todo.hints.priority, 'LOW');
      assert.deepStrictEqual(todo.hints.associations, [{ kind: 'company', value: 'Acme Inc' }]);
      assert.strictEqual(todo.hints.due, 'friday');
    });

    it('only takes a hint after a blank: emails and words stay text', () => {
      const parsed = parseHints('mail bob@contact:x and wow!high stays, due:tomorrow.');
      assert.strictEqual(parsed.text, 'mail bob@contact:x and wow!high stays,');
      assert.deepStrictEqual(parsed.hints, { associations: [], due: 'tomorrow' });
    });

    it('resolves due hints against a fixed now (Sunday 2026-11-29)', () => {
      const now = new Date(2026, 10, 29, 15, 0);
      assert.strictEqual(resolveDue('2026-12-01', now), '2026-12-01');
      assert.strictEqual(resolveDue('2026-02-30', now), undefined);
      assert.strictEqual(resolveDue('today', now), '2026-11-29');
      assert.strictEqual(resolveDue('tomorrow', now), '2026-11-30');
      assert.strictEqual(resolveDue('+3d', now), '2026-12-02');
      assert.strictEqual(resolveDue('+2w', now), '2026-12-13');
      assert.strictEqual(resolveDue('+3m', now), '2027-02-28');
      assert.strictEqual(resolveDue('friday', now), '2026-12-04');
      assert.strictEqual(resolveDue('Fri', now), '2026-12-04');
      assert.strictEqual(resolveDue('sunday', now), '2026-11-29');
      assert.strictEqual(resolveDue('someday', now), undefined);
    });
  });

  describe('keys', () => {
    it('are stable across line moves and link rewrites, distinct for identical TODOs and other files', () => {
      const before = findTodos('// TODO: same\n// TODO: same\n', 'typescript');
      const after = findTodos('\n\nx();\n// TODO(HS-1): same\n// TODO: same\n', 'typescript');
      const a = todoKeys('src/a.ts', before);
      assert.deepStrictEqual(todoKeys('src/a.ts', after), a);
      assert.notStrictEqual(a[0], a[1]);
      assert.notDeepStrictEqual(todoKeys('src/b.ts', before), a);
      assert.match(a[0], /^[0-9a-f]{20}$/);
    });
  });
});

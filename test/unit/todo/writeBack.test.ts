// Link rewrite and clean-up edits: round trips through the parser, nothing else on the line changes.
import * as assert from 'assert';
import { findTodos } from '../../../src/todo/core/todoParser';
import { applyEdits, COMMENT_CLOSERS, DEFAULT_LINK_FORMAT, linkEdit, markDoneEdit, removeEdits, validateLinkFormat } from '../../../src/todo/core/writeBack';

function link(text: string, language: string, id: string, format?: string): string {
  const [todo] = findTodos(text, language);
  return applyEdits(text, [linkEdit(todo, id, format)]);
}

describe('writeBack', () => {
  it('rewrites only the header with the default format', () => {
    assert.strictEqual(link('x(); // TODO: fix @contact:a@b.c !high due:+3d  ', 'typescript', '123'), 'x(); // TODO(HS-123): fix @contact:a@b.c !high due:+3d  ');
    assert.strictEqual(link('# FIXME fix it\r\nnext', 'python', '9'), '# FIXME(HS-9): fix it\r\nnext');
    assert.strictEqual(link('/* TODO */', 'c', '5'), '/* TODO(HS-5): */');
  });

  it('keeps the author', () => {
    assert.strictEqual(link('// TODO(alice): x', 'typescript', '1'), '// TODO(alice, HS-1): x');
    assert.strictEqual(link('// TODO(alice): x', 'typescript', '1', '{tag}({author}, HS-{id}) {text}'), '// TODO(alice, HS-1) x');
    assert.strictEqual(link('// TODO: x', 'typescript', '1', '{tag}({author}, HS-{id}) {text}'), '// TODO(HS-1) x');
  });

  it('round-trips: the linked TODO parses back with the id and the same text and hints', () => {
    const cases: [string, string][] = [
      ['// TODO: a @deal:7 p:low', 'typescript'], ['-- HACK b', 'sql'], ['<!-- XXX: c -->', 'html'],
      ['; BUG d', 'lisp'], ['% TODO e due:friday', 'latex'], ["' TODO: f", 'vb'], ['/*\n * TODO: g\n * more\n */', 'java'],
    ];
    for (const format of [DEFAULT_LINK_FORMAT, '{tag}[HS-{id}] {text}', '{tag}(HS-{id}) {text}']) {
      for (const [text, language] of cases) {
        const [before] = findTodos(text, language);
        const [after] = findTodos(link(text, language, '4242', format), language);
        assert.strictEqual(after.linkedTaskId, '4242', `${format} ${text}`);
        assert.deepStrictEqual([after.tag, after.text, after.rawText, after.hints], [before.tag, before.text, before.rawText, before.hints]);
      }
    }
  });

  it('rejects formats the parser could not read back', () => {
    assert.strictEqual(validateLinkFormat('{text} #{id}').format, DEFAULT_LINK_FORMAT);
    assert.ok(validateLinkFormat('{text} #{id}').problem);
    assert.strictEqual(validateLinkFormat('{tag}[HS-{id}]: {text}').problem, undefined);
  });

  describe('hostile input (issue 13.2)', () => {
    it('refuses to write an id that is not HubSpot digits: nothing from the server becomes code', () => {
      const [todo] = findTodos('// TODO: x', 'typescript');
      for (const id of ['1\nprocess.exit(1)', "1$'", '1*/ evil(); /*', '', '12a', '1'.repeat(31), ' 1', '١٢']) {
        assert.throws(() => linkEdit(todo, id), /not a HubSpot id/, JSON.stringify(id));
      }
      assert.strictEqual(linkEdit(todo, '1'.repeat(30)).text, `TODO(HS-${'1'.repeat(30)}): `);
    });

    it("inserts `$'`, `$&` and `` $` `` in a tag or author literally (no replacement patterns)", () => {
      const text = "x(); // TODO($'a$&b$`): keep $' this";
      const [todo] = findTodos(text, 'typescript');
      assert.strictEqual(todo.author, "$'a$&b$`");
      assert.strictEqual(applyEdits(text, [linkEdit(todo, '7')]), "x(); // TODO($'a$&b$`, HS-7): keep $' this");
      const tagged = "// $'FIX: y";
      const [custom] = findTodos(tagged, 'typescript', { tags: ["$'FIX"] });
      assert.strictEqual(applyEdits(tagged, [linkEdit(custom, '8')]), "// $'FIX(HS-8): y");
    });

    it('rejects link formats with control characters or line breaks', () => {
      for (const format of ['{tag}(HS-{id}\nrequire("x")): {text}', '{tag}(HS-{id}\r): {text}', '{tag}(HS-{id}\u2028): {text}', '{tag}(\tHS-{id}): {text}', '{tag}(HS-{id}\u0085): {text}']) {
        const result = validateLinkFormat(format);
        assert.strictEqual(result.format, DEFAULT_LINK_FORMAT, JSON.stringify(format));
        assert.match(result.problem ?? '', /control character/);
      }
    });

    it('rejects link formats that hold a comment closer of any supported language', () => {
      for (const closer of ['*/', '-->', '-}', '|#', '*)', '#>', '=#', ']#', '%}', '}', '?>', '%>', ']]']) {
        assert.ok(COMMENT_CLOSERS.includes(closer) || closer === '}', closer);
        const format = `{tag}(HS-{id} ${closer} x): {text}`;
        const result = validateLinkFormat(format);
        assert.strictEqual(result.format, DEFAULT_LINK_FORMAT, format);
        assert.ok(result.problem, format);
      }
      // A closer never reaches a file, even through linkEdit given the format directly.
      const [todo] = findTodos('/* TODO: x */', 'c');
      assert.strictEqual(linkEdit(todo, '5', '{tag}(HS-{id} */ evil(); /*): {text}').text, 'TODO(HS-5): ');
      // Valid formats still pass.
      for (const ok of [DEFAULT_LINK_FORMAT, '{tag}[HS-{id}] {text}', '{tag}({author}, HS-{id}) {text}', '{tag}(see HS-{id}): {text}']) {
        assert.strictEqual(validateLinkFormat(ok).problem, undefined, ok);
      }
    });
  });

  it('marks done without touching anything else', () => {
    const text = '  // TODO(HS-1): x\n';
    const [todo] = findTodos(text, 'typescript');
    assert.strictEqual(applyEdits(text, [markDoneEdit(todo)]), '  // DONE(HS-1): x\n');
  });

  describe('removal', () => {
    const remove = (text: string, language = 'typescript') => {
      const [todo] = findTodos(text, language);
      return applyEdits(text, removeEdits(text, todo));
    };

    it('removes whole lines of a line-comment TODO with its continuation', () => {
      assert.strictEqual(remove('a();\n  // TODO(HS-1): x\n  //   more\nb();\n'), 'a();\nb();\n');
      assert.strictEqual(remove('a();\r\n// TODO(HS-1): x\r\nb();'), 'a();\r\nb();');
    });

    it('keeps the code before a trailing comment', () => {
      assert.strictEqual(remove('a(); // TODO(HS-1): x\nb();'), 'a();\nb();');
    });

    it('removes a block comment that holds only the TODO, or only its lines otherwise', () => {
      assert.strictEqual(remove('a();\n/*\n * TODO(HS-1): x\n */\nb();'), 'a();\nb();');
      assert.strictEqual(remove('/**\n * Docs.\n * TODO(HS-1): x\n *   more\n *\n * Tail.\n */'), '/**\n * Docs.\n *\n * Tail.\n */');
      assert.strictEqual(remove('x = 1 /* TODO(HS-1): y */ + 2'), 'x = 1 + 2');
    });
  });
});

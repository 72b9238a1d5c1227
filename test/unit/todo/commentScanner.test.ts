// The comment scanner over a corpus of tricky cases, one language family at a time.
import * as assert from 'assert';
import { scanComments } from '../../../src/todo/core/commentScanner';
import { findTodos } from '../../../src/todo/core/todoParser';
import { BY_CONTENT, knownLanguageIds, languageForFile } from '../../../src/todo/core/languages';

/** The comment contents (between the markers) of `text`. */
function comments(language: string, text: string): string[] {
  return scanComments(text, language).map((c) => text.slice(c.contentStart, c.contentEnd));
}

/** The TODO texts found in `text`. */
function todos(language: string, text: string): string[] {
  return findTodos(text, language).map((t) => t.text);
}

describe('commentScanner', () => {
  describe('// and /* */ family', () => {
    it('finds line and block comments in TypeScript', () => {
      assert.deepStrictEqual(comments('typescript', 'a(); // one\n/* two */ b(); /* three\n four */'), [' one', ' two ', ' three\n four ']);
    });

    it('ignores markers and tags inside double, single and template strings', () => {
      const text = [
        `const a = "// TODO: not a comment";`,
        `const b = '/* TODO: nor this */';`,
        'const c = `multi',
        '// TODO: still inside the template',
        '`; // TODO: real',
      ].join('\n');
      assert.deepStrictEqual(todos('typescript', text), ['real']);
    });

    it('handles escaped quotes and backslashes in strings', () => {
      const text = `x = "a \\" // TODO: in string"; y = "\\\\"; // TODO: after`;
      assert.deepStrictEqual(todos('javascript', text), ['after']);
    });

    it('does not start a comment at http:// in prose-like code or unquoted URLs', () => {
      assert.deepStrictEqual(comments('scss', 'a { background: url(http://example.com/x.png); } // note'), [' note']);
      assert.deepStrictEqual(comments('typescript', 'const u = "http://example.com"; // TODO: x'), [' TODO: x']);
      assert.deepStrictEqual(comments('cpp', 'default:// note'), [' note']);
    });

    it('closes a C block comment at the first */ (no nesting in C)', () => {
      assert.deepStrictEqual(comments('c', '/* a /* b */ c */'), [' a /* b ']);
    });

    it('nests block comments in Rust, Swift, Kotlin, Scala and Dart', () => {
      for (const language of ['rust', 'swift', 'kotlin', 'scala', 'dart']) {
        assert.deepStrictEqual(comments(language, '/* a /* b */ c */ x // d'), [' a /* b */ c ', ' d'], language);
      }
    });

    it('knows raw strings: Rust r#"…"#, C++ R"(…)", Go backticks, C# verbatim, Swift #"…"#', () => {
      assert.deepStrictEqual(todos('rust', 'let s = r#"// TODO: no "quoted" "#; // TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('cpp', 'auto s = R"x(// TODO: no )" still )x"; // TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('go', 's := `// TODO: no\n` // TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('csharp', 'var s = @"C:\\dir\\"" // TODO: no"; // TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('swift', 'let s = #"// TODO: "no" "#; // TODO: yes'), ['yes']);
    });

    it('takes Rust lifetimes and char literals apart', () => {
      assert.deepStrictEqual(todos('rust', "fn f<'a>(x: &'a str) -> char { '\"' } // TODO: yes"), ['yes']);
      assert.deepStrictEqual(todos('java', "char c = '\\''; // TODO: yes"), ['yes']);
    });

    it('Java and Kotlin text blocks hide tags', () => {
      assert.deepStrictEqual(todos('java', 'String s = """\n// TODO: no\n"""; // TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('kotlin', 'val s = """\n// TODO: no\n"""\n// TODO: yes'), ['yes']);
    });

    it('PHP has # comments as well; CSS has only block comments', () => {
      assert.deepStrictEqual(todos('php', '<?php $a = "# TODO: no"; # TODO: yes'), ['yes']);
      assert.deepStrictEqual(comments('css', 'a { content: "/* no */"; } // not a comment\n/* yes */'), [' yes ']);
    });
  });

  describe('# family', () => {
    it('Python: not in strings or triple-quoted strings', () => {
      const text = ['s = "# TODO: no"', "t = '''", '# TODO: no', "'''", 'u = """ # TODO: no """  # TODO: yes'].join('\n');
      assert.deepStrictEqual(todos('python', text), ['yes']);
    });

    it('Shell: # only at a word start, not in $# or ${#x} or a#b', () => {
      assert.deepStrictEqual(comments('shellscript', 'echo $# ${#arr} a#b "#no" \'#no\' # yes\nx=1;# also'), [' yes', ' also']);
    });

    it('Ruby, Perl, R, Elixir, TOML, Makefile, PowerShell, Julia', () => {
      assert.deepStrictEqual(todos('ruby', 'x = "#{y} # TODO: no" # TODO: yes\n=begin\nTODO: block\n=end'), ['yes', 'block']);
      assert.deepStrictEqual(todos('perl', 'my $n = $#list; # TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('r', 'x <- "# TODO: no" # TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('elixir', 'c = ?#\ns = "# TODO: no" # TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('toml', "a = '# TODO: no' # TODO: yes"), ['yes']);
      assert.deepStrictEqual(todos('makefile', 'X = a\\#b # TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('powershell', '$s = "`"# TODO: no"\n<#\n  TODO: block\n#>\n# TODO: line'), ['block', 'line']);
      assert.deepStrictEqual(todos('julia', '#= outer #= inner =# TODO: no =#\n# TODO: yes'), ['yes']);
    });

    it('YAML: # needs a blank before it, apostrophes in plain scalars are not quotes', () => {
      assert.deepStrictEqual(todos('yaml', "title: don't panic # TODO: yes\nurl: a#b\nq: '# TODO: no'"), ['yes']);
    });

    it('Dockerfile: # only at the start of a line', () => {
      assert.deepStrictEqual(todos('dockerfile', '# TODO: yes\nRUN echo # TODO: no'), ['yes']);
    });
  });

  describe('-- family', () => {
    it('SQL: -- and /* */, quotes with doubled quotes', () => {
      assert.deepStrictEqual(todos('sql', "SELECT 'it''s -- TODO: no' -- TODO: yes\n/* FIXME: block */"), ['yes', 'block']);
    });

    it('Lua: --[[ ]] and --[==[ ]==] blocks, [[ ]] strings', () => {
      assert.deepStrictEqual(todos('lua', 's = [[ -- TODO: no ]] -- TODO: yes\n--[==[\nTODO: long ]] still\n]==]'), ['yes', 'long ]] still']);
    });

    it('Haskell: nested {- -} and primes are not quotes', () => {
      assert.deepStrictEqual(todos('haskell', "x' = 1 -- TODO: yes\n{- a {- b -}\n TODO: nested -} c = 'x' -- TODO: after"), ['yes', 'nested', 'after']);
    });
  });

  describe('; and % and other families', () => {
    it('Lisp, Clojure and INI', () => {
      assert.deepStrictEqual(todos('lisp', '(a "; TODO: no") ; TODO: yes\n#| TODO: block |#'), ['yes', 'block']);
      assert.deepStrictEqual(todos('clojure', '(def c \\;) ;; TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('ini', '; TODO: yes\nkey = value ; TODO: no'), ['yes']);
    });

    it('TeX, Erlang and MATLAB', () => {
      assert.deepStrictEqual(todos('latex', '50\\% done % TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('erlang', 'C = $%, S = "% TODO: no" % TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('matlab', "x = a'; s = '% TODO: no'; % TODO: yes\n%{\nTODO: block\n%}"), ['yes', 'block']);
    });

    it("VB: ' and REM; batch files", () => {
      assert.deepStrictEqual(todos('vb', 's = "\' TODO: no" \' TODO: yes\nREM TODO: rem\nDim remark'), ['yes', 'rem']);
      assert.deepStrictEqual(todos('bat', 'REM TODO: yes\n:: FIXME: also\necho REM TODO: no'), ['yes', 'also']);
    });

    it('OCaml, F#, Pascal, Fortran', () => {
      assert.deepStrictEqual(todos('ocaml', '(* a (* b *)\n TODO: nested *) let s = "(* TODO: no"'), ['nested']);
      assert.deepStrictEqual(todos('fsharp', '// TODO: yes'), ['yes']);
      assert.deepStrictEqual(todos('pascal', "s := '{ TODO: no }'; { TODO: yes }"), ['yes']);
      assert.deepStrictEqual(todos('fortran', "print *, '! TODO: no' ! TODO: yes"), ['yes']);
    });
  });

  describe('<!-- --> family', () => {
    it('HTML, XML and Markdown comments', () => {
      assert.deepStrictEqual(todos('html', '<p>TODO: text, not a comment</p><!-- TODO: yes -->'), ['yes']);
      assert.deepStrictEqual(todos('xml', '<a><!--\n  FIXME: multi\n--></a>'), ['multi']);
      assert.deepStrictEqual(todos('markdown', '# TODO: a heading\n<!-- TODO: yes -->'), ['yes']);
    });

    it('scans <script> and <style> bodies with their own syntax (HTML, Vue, Svelte)', () => {
      const text = '<template><!-- TODO: markup --></template>\n<script lang="ts">\nconst s = "<!-- TODO: no -->"; // TODO: script\n</script>\n<style lang="scss">\n// TODO: scss\n</style>';
      assert.deepStrictEqual(todos('vue', text), ['markup', 'script', 'scss']);
      assert.deepStrictEqual(todos('html', '<style>/* TODO: css */</style><script>// TODO: js\n</script>'), ['css', 'js']);
    });
  });

  describe('robustness', () => {
    it('handles CRLF line endings without \\r in the text', () => {
      const found = findTodos('// TODO: one\r\n//   more\r\nx(); // FIXME: two\r\n', 'typescript');
      assert.deepStrictEqual(found.map((t) => t.text), ['one more', 'two']);
      assert.deepStrictEqual(found.map((t) => t.range.line), [0, 2]);
    });

    it('counts columns in UTF-16 units, like VS Code (tabs and astral characters)', () => {
      const text = '\tconst s = "😀"; // TODO: émoji 😀 ok';
      const [todo] = findTodos(text, 'typescript');
      assert.strictEqual(todo.text, 'émoji 😀 ok');
      assert.strictEqual(todo.range.start, text.indexOf('TODO'));
      assert.strictEqual(text.slice(todo.range.startOffset, todo.range.endOffset), 'TODO: émoji 😀 ok');
    });

    it('runs to the end on unterminated comments and strings', () => {
      assert.deepStrictEqual(scanComments('x /* open', 'c').map((c) => c.terminated), [false]);
      assert.deepStrictEqual(todos('typescript', 'const s = "open\n// TODO: next line is code again'), ['next line is code again']);
      assert.deepStrictEqual(todos('python', 's = """open\n# TODO: inside the string'), []);
      assert.deepStrictEqual(todos('rust', '/* a /* b */\nTODO: still in the outer comment\nlet s = "TODO: no";'), ['still in the outer comment let s = "TODO: no";']);
    });

    it('stays linear on pathological input (very long lines, many openers, no closers)', function () {
      this.timeout(20000);
      const long = `// TODO: ${'x'.repeat(2_000_000)}`;
      assert.strictEqual(findTodos(long, 'typescript')[0].text.length, 2_000_000);
      for (const [language, unit] of [['rust', '/*'], ['c', '"'], ['cpp', 'R"'], ['lua', '[=['], ['html', '<script>'], ['matlab', 'x %}'], ['haskell', '{-']] as const) {
        const text = `${unit.repeat(200_000)} TODO`;
        scanComments(text, language);
        findTodos(text, language);
      }
    });

    it('knows a language for common file names and has a syntax for each', () => {
      const ids = new Set(knownLanguageIds());
      for (const file of ['a.ts', 'b.PY', 'Makefile', 'Dockerfile', 'dockerfile.dev', 'x.tsx', 'CMakeLists.txt', 'a.vue', 'c.sql', 'd.el', 'e.ex']) {
        const id = languageForFile(file);
        assert.ok(id && ids.has(id), `${file} → ${id}`);
      }
      assert.strictEqual(languageForFile('README'), BY_CONTENT, 'no extension: the content decides');
      assert.strictEqual(languageForFile('dir/x.unknownext'), undefined);
    });
  });
});

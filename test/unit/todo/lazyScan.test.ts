// The fast path (tokenizing only around tags) must find exactly what a full tokenization finds.
// Seeded random documents built from each language's own tricky pieces.
import * as assert from 'assert';
import { findTodos } from '../../../src/todo/core/todoParser';

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

const PIECES: Record<string, string[]> = {
  typescript: ['// TODO: a', '/* TODO: b', '*/', '"', "'", '`', '${', '}', '\\', '\n', '\r\n', 'x', ' ', 'http://x', '// more', '  '],
  python: ['# TODO: a', '"""', "'''", '"', "'", '\\', '\n', 'x = 1', ' ', '#   more', 'FIXME'],
  rust: ['// TODO: a', '/*', '*/', 'r#"', '"#', '"', "'a", "'x'", '\n', ' ', 'TODO'],
  lua: ['-- TODO: a', '--[[', ']]', '[==[', ']==]', '"', '\n', ' ', 'x'],
  html: ['<!-- TODO: a', '-->', '<script>', '</script>', '// TODO: s', '<style>', '</style>', '/* TODO: c */', '\n', ' '],
  shellscript: ['# TODO: a', '"', "'", '\\', '$#', '\n', ' ', 'echo'],
  cpp: ['// TODO: a', 'R"x(', ')x"', '"', '/*', '*/', '\\\n', '\n', ' '],
  matlab: ['% TODO: a', '%{', '%}', "a'", "'", '\n', ' '],
  // POD blocks: the fast path keeps only a block's lines from a tag to the next blank line.
  perl: ['# TODO: a', '\n=head1 BUGS', '\n=item TODO b', '\n=cut', 'DEBUG', '$DEBUG', 'BUG', 'FIXME: c', 'more', '"', "'", 'q{', '}', '\n', '\n\n', ' ', 'x'],
};

describe('lazy scan equals the full scan', () => {
  for (const [language, pieces] of Object.entries(PIECES)) {
    it(`${language}: 300 random documents`, () => {
      const random = rng(language.length * 7919);
      let withTodos = 0;
      let found = 0;
      for (let n = 0; n < 300; n++) {
        let text = '';
        const length = 5 + Math.floor(random() * 80);
        for (let k = 0; k < length; k++) {
          text += pieces[Math.floor(random() * pieces.length)];
        }
        const strip = (todos: ReturnType<typeof findTodos>) => todos.map((t) => ({ ...t, comment: { ...t.comment }, continuation: t.continuation.map((c) => ({ ...c, comment: undefined })) }));
        const lazy = findTodos(text, language);
        assert.deepStrictEqual(strip(lazy), strip(findTodos(text, language, { exhaustive: true })), JSON.stringify(text));
        if (lazy.length > 0) {
          withTodos++;
        }
        found += lazy.length;
      }
      // Two empty results are equal too: the comparison means something only if TODOs were found, in many
      // documents (not one lucky one). Measured: 135 (shellscript) to 280 (html) of the 300 hold one or more.
      assert.ok(withTodos >= 100, `${language}: TODOs found in ${withTodos} of 300 documents (${found} in all)`);
    });
  }
});

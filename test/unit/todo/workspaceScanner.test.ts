// The workspace scan over a real temporary folder: .gitignore rules, exclude globs, binary and large
// files, unknown languages, cancellation; and the glob / gitignore matchers on their own.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ExcludeMatcher } from '../../../src/todo/core/glob';
import { GitignoreFile, GitignoreStack } from '../../../src/todo/core/gitignore';
import { scanWorkspace } from '../../../src/todo/core/workspaceScanner';

describe('glob and gitignore matchers', () => {
  it('VS Code exclude globs', () => {
    const m = new ExcludeMatcher(['**/node_modules', 'out', '**/*.{log,tmp}', 'docs/**/draft?.md']);
    for (const p of ['node_modules', 'a/b/node_modules', 'out', 'x/y.log', 'z.tmp', 'docs/a/b/draft1.md']) {
      assert.ok(m.matches(p), p);
    }
    for (const p of ['src/out', 'node_modules_x', 'x/y.logs', 'docs/draft12.md']) {
      assert.ok(!m.matches(p), p);
    }
  });

  it('gitignore: anchoring, folders only, negation, ** and precedence of deeper files', () => {
    const root = new GitignoreFile('', '# comment\n*.log\n!keep.log\n/build\ntmp/\ndocs/**/secret\n\\#hash\n');
    const sub = new GitignoreFile('pkg', '!*.log\nlocal.txt\n');
    const stack = new GitignoreStack().with(root);
    const deep = stack.with(sub);
    assert.ok(stack.ignores('a/b.log', false));
    assert.ok(!stack.ignores('keep.log', false));
    assert.ok(stack.ignores('build', true));
    assert.ok(!stack.ignores('src/build', true), 'anchored to the root');
    assert.ok(stack.ignores('x/tmp', true));
    assert.ok(!stack.ignores('x/tmp', false), 'tmp/ only matches folders');
    assert.ok(stack.ignores('docs/secret', false) && stack.ignores('docs/a/b/secret', false));
    assert.ok(stack.ignores('#hash', false));
    assert.ok(!deep.ignores('pkg/x.log', false), 'the deeper file re-includes');
    assert.ok(deep.ignores('pkg/local.txt', false));
    assert.ok(!deep.ignores('local.txt', false), 'a deeper file applies below its folder only');
  });
});

describe('scanWorkspace', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'todo-scan-'));
    const write = (relative: string, content: string | Buffer) => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), content);
    };
    write('.gitignore', 'ignored/\n*.gen.ts\n');
    write('src/a.ts', 'const s = "TODO: no";\n// TODO: one @deal:1\n');
    write('src/b.py', '# FIXME: two\n');
    write('src/c.gen.ts', '// TODO: generated, ignored\n');
    write('ignored/d.ts', '// TODO: ignored folder\n');
    write('node_modules/e/index.js', '// TODO: excluded by glob\n');
    write('src/nested/.gitignore', '!*.gen.ts\n');
    write('src/nested/f.gen.ts', '// TODO: re-included\n');
    write('src/bin.ts', Buffer.concat([Buffer.from('// TODO: binary\n'), Buffer.from([0, 1, 2, 3])]));
    write('src/large.ts', `// TODO: too large\n${'x'.repeat(2048)}\n`);
    write('src/notes.unknown', '// TODO: unknown language\n');
    write('src/bom.ts', '\ufeff// TODO: after a BOM\n');
    write('.git/HEAD', '// TODO: never read\n');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds TODOs honouring .gitignore, excludes, binary and size limits', async () => {
    const result = await scanWorkspace({ root, excludes: ['**/node_modules'], maxFileSize: 1024 });
    const found = result.files.flatMap((f) => f.todos.map((t) => `${f.relativePath}:${t.range.line}:${t.text}`));
    assert.deepStrictEqual(found, ['src/a.ts:1:one', 'src/b.py:0:two', 'src/bom.ts:0:after a BOM', 'src/nested/f.gen.ts:0:re-included']);
    assert.strictEqual(result.stats.skippedBinary, 1);
    assert.strictEqual(result.stats.skippedLarge, 1);
    assert.strictEqual(result.stats.skippedUnknownLanguage, 1);
    assert.strictEqual(result.files[0].languageId, 'typescript');
    assert.strictEqual(result.files[0].path, path.join(root, 'src', 'a.ts'));
  });

  it('can ignore .gitignore and use other tags', async () => {
    const result = await scanWorkspace({ root, useGitignore: false, tags: ['FIXME'], excludes: ['node_modules'] });
    assert.deepStrictEqual(result.files.map((f) => f.relativePath), ['src/b.py']);
    const all = await scanWorkspace({ root, useGitignore: false, excludes: [] });
    assert.ok(all.files.some((f) => f.relativePath === 'ignored/d.ts'));
    assert.ok(all.files.some((f) => f.relativePath === 'node_modules/e/index.js'));
    assert.ok(!all.files.some((f) => f.relativePath.startsWith('.git/')));
  });

  it('parses only files holding a tag as a word of its own (DEBUG, XXX_SIZE, TODOs are not tags)', async () => {
    const words = mkdtempSync(path.join(tmpdir(), 'todo-words-'));
    try {
      writeFileSync(path.join(words, 'debug.c'), '#define DEBUG 1\nint XXX_SIZE = 2; /* TODOs live elsewhere */\n');
      writeFileSync(path.join(words, 'real.c'), '#ifdef DEBUG\n/* FIXME, wrong on big-endian */\n#endif\n');
      writeFileSync(path.join(words, 'start.py'), 'TODO = 1\n');
      const result = await scanWorkspace({ root: words });
      assert.strictEqual(result.stats.filesRead, 3);
      assert.strictEqual(result.stats.filesWithTags, 2, 'real.c and start.py (a tag at the very start of the file) are parsed, debug.c is not');
      assert.deepStrictEqual(result.files.map((f) => f.relativePath), ['real.c']);
    } finally {
      rmSync(words, { recursive: true, force: true });
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(scanWorkspace({ root, signal: controller.signal }), { name: 'AbortError' });
  });
});

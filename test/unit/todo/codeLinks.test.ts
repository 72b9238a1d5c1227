// Issue 15.1–15.3, the pure halves: the HS-id index "Go to Code" and the deleted-TODO check read, the
// recorded location in a task's notes, and the permalink (commit) next to the branch link, from real git
// repositories made with the git CLI (the fallback that reads .git itself).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { HsIdIndex, isFromTodo, linkedSites, recordedLocation, RemovedIds } from '../../../src/todo/core/hsIdIndex';
import { findRepo, lineUrl } from '../../../src/todo/core/gitRemote';
import { notesHtml } from '../../../src/todo/core/taskContent';
import { findTodos, todoKeys } from '../../../src/todo/core/todoParser';

describe('HS-id index (issue 15.1, 15.2)', () => {
  const source = ['// TODO(HS-11): first', 'const a = 1;', '  # not a comment in ts', '/* FIXME(HS-12): second */', '// TODO(HS-11): again', '// TODO: unlinked'].join('\n');

  it('finds each linked TODO of a parsed file by id, with line and column', () => {
    const index = new HsIdIndex();
    index.setFile('/w/a.ts', linkedSites(findTodos(source, 'typescript')));
    assert.deepStrictEqual(index.sites('12'), [{ id: '12', line: 3, column: 3, file: '/w/a.ts' }]);
    assert.deepStrictEqual(index.sites('11').map((s) => s.line), [0, 4]);
    assert.strictEqual(index.ids, 2);
    assert.deepStrictEqual(index.sites('99'), []);
  });

  it('reports the ids a file no longer holds, and keeps ids that are still elsewhere', () => {
    const index = new HsIdIndex();
    index.setFile('/w/a.ts', [{ id: '1', line: 0, column: 0 }, { id: '2', line: 1, column: 0 }]);
    index.setFile('/w/b.ts', [{ id: '2', line: 5, column: 0 }]);
    assert.deepStrictEqual(index.setFile('/w/a.ts', [{ id: '1', line: 3, column: 0 }]), ['2']);
    assert.ok(index.has('2'), 'still in b.ts');
    assert.deepStrictEqual(index.sites('1'), [{ id: '1', line: 3, column: 0, file: '/w/a.ts' }], 'the moved line');
    assert.deepStrictEqual(index.deleteUnder('/w/b.ts'), ['2']);
    assert.ok(!index.has('2'));
  });

  it('a deleted folder removes every file under it, not its namesake siblings', () => {
    const index = new HsIdIndex();
    index.setFile('/w/src/a.ts', [{ id: '1', line: 0, column: 0 }]);
    index.setFile('/w/src/deep/b.ts', [{ id: '2', line: 0, column: 0 }]);
    index.setFile('/w/src2/c.ts', [{ id: '3', line: 0, column: 0 }]);
    assert.deepStrictEqual(index.deleteUnder('/w/src').sort(), ['1', '2']);
    assert.deepStrictEqual([index.has('1'), index.has('2'), index.has('3')], [false, false, true]);
    assert.deepStrictEqual(index.fileNames(), ['/w/src2/c.ts']);
  });

  it('a removed id counts as deleted only if it did not reappear anywhere before the changes settled', () => {
    const index = new HsIdIndex();
    const removed = new RemovedIds();
    index.setFile('/w/a.ts', [{ id: '7', line: 0, column: 0 }, { id: '8', line: 1, column: 0 }, { id: '100', line: 2, column: 0 }]);
    removed.add(index.setFile('/w/a.ts', [])); // cut from a.ts…
    index.setFile('/w/b.ts', [{ id: '8', line: 0, column: 0 }]); // …and 8 pasted into b.ts
    assert.deepStrictEqual(removed.take(index), ['7', '100']);
    assert.strictEqual(removed.size, 0);
  });
});

describe('recorded location in a TODO task\'s notes (issue 15.1)', () => {
  const todo = findTodos('x\n// TODO: ship it\n', 'typescript')[0];
  const notes = notesHtml({ todo, relativePath: 'src/a & b.ts', key: todoKeys('src/a & b.ts', [todo])[0], documentText: 'x\n// TODO: ship it\n', webUrl: 'https://github.com/o/r/blob/main/src/a.ts#L2' });

  it('reads path and line back from the notes the extension writes, HTML-escaped path included', () => {
    assert.ok(isFromTodo(notes));
    assert.deepStrictEqual(recordedLocation(notes), { path: 'src/a & b.ts', line: 2 });
  });

  it('reads them from notes turned into plain text by an editor', () => {
    assert.deepStrictEqual(recordedLocation('ship it\nlib/x.py, line 40 — view source\nTODO key: hstodoabc'), { path: 'lib/x.py', line: 40 });
  });

  it('offers nothing for a task not made from a TODO, or a path leaving the workspace', () => {
    assert.strictEqual(recordedLocation('<p>src/a.ts, line 3</p>'), undefined);
    assert.strictEqual(recordedLocation('<p>../../etc/passwd, line 3</p><p>TODO key: hstodoabc</p>'), undefined);
    assert.strictEqual(recordedLocation('<p>/etc/passwd, line 3</p><p>TODO key: hstodoabc</p>'), undefined);
  });
});

describe('permalinks: the commit next to the branch (issue 15.3, .git fallback)', function () {
  this.timeout(20_000);
  let root: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' }).trim();
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'todo-permalink-'));
    git('init', '-q', '-b', 'feature/x');
    git('remote', 'add', 'origin', 'git@github.com:o/r.git');
    writeFileSync(path.join(root, 'a.ts'), '// TODO: x\n');
    git('add', 'a.ts');
    git('commit', '-q', '-m', 'one');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the commit of the checked-out branch (loose ref) and links the line at it', () => {
    const commit = git('rev-parse', 'HEAD');
    const repo = findRepo(path.join(root, 'a.ts'));
    assert.strictEqual(repo?.commit, commit);
    assert.strictEqual(lineUrl(repo!, path.join(root, 'a.ts'), 1), 'https://github.com/o/r/blob/feature/x/a.ts#L1');
    assert.strictEqual(lineUrl(repo!, path.join(root, 'a.ts'), 1, repo!.commit), `https://github.com/o/r/blob/${commit}/a.ts#L1`);
  });

  it('reads it from packed-refs after `git pack-refs`, and from HEAD when detached', () => {
    const commit = git('rev-parse', 'HEAD');
    git('pack-refs', '--all');
    // findRepo keeps answers per folder for 2 s: ask from another folder of the same repository.
    writeFileSync(path.join(root, 'b.ts'), '');
    assert.strictEqual(findRepo(path.join(root, 'sub', 'b.ts'))?.commit, commit);
    git('checkout', '-q', '--detach');
    const detached = findRepo(path.join(root, 'sub', 'deeper', 'c.ts'));
    assert.deepStrictEqual([detached?.ref, detached?.commit], [commit, commit]);
  });

  it('the notes carry both links, the permalink naming the short commit', () => {
    const todo = findTodos('// TODO: x\n', 'typescript')[0];
    const html = notesHtml({ todo, relativePath: 'a.ts', key: 'k', documentText: '// TODO: x\n', webUrl: 'https://github.com/o/r/blob/main/a.ts#L1', permalink: `https://github.com/o/r/blob/${'a'.repeat(40)}/a.ts#L1`, commit: 'a'.repeat(40) });
    assert.match(html, /<a href="https:\/\/github.com\/o\/r\/blob\/main\/a.ts#L1">view source<\/a> · <a href="https:\/\/github.com\/o\/r\/blob\/a{40}\/a.ts#L1">permalink aaaaaaa<\/a>/);
    assert.deepStrictEqual(recordedLocation(html), { path: 'a.ts', line: 1 }, 'the recorded location is still read');
  });
});

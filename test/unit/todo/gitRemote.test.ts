// Issue 13.9: the repository's git metadata is untrusted input. A `.git/config` that is a symlink to
// /dev/zero made readFileSync allocate until the extension host aborted; a FIFO blocks an open forever.
// Every git file is now lstat'ed (regular files only, no symlinks), opened without blocking and read
// up to 64 KB. Without the fix the /dev/zero cases exhaust memory and the FIFO case never returns.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { findRepo, MAX_GIT_FILE_BYTES, readGitFile } from '../../../src/todo/core/gitRemote';

const CONFIG = '[remote "origin"]\n\turl = https://github.com/o/r.git\n';
const HEAD = 'ref: refs/heads/main\n';
const posix = process.platform !== 'win32';

describe('gitRemote: hostile git metadata (issue 13.9)', function () {
  // A regression hangs (FIFO) or runs out of memory (/dev/zero): fail in bounded time instead.
  this.timeout(5_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'todo-git-hostile-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A repository at root/<name> whose .git holds config and HEAD unless overridden; returns a file in it. */
  function repo(name: string, files: { config?: (file: string) => void; head?: (file: string) => void } = {}): string {
    const dir = path.join(root, name);
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    const config = path.join(dir, '.git', 'config');
    const head = path.join(dir, '.git', 'HEAD');
    (files.config ?? ((f) => writeFileSync(f, CONFIG)))(config);
    (files.head ?? ((f) => writeFileSync(f, HEAD)))(head);
    return path.join(dir, 'a.ts');
  }

  it('a well-formed repository still gives a link (the control case)', () => {
    assert.strictEqual(findRepo(repo('ok'))?.web, 'https://github.com/o/r');
  });

  (posix ? it : it.skip)('.git/config or .git/HEAD as a symlink to /dev/zero: no link, no allocation', () => {
    const before = process.memoryUsage().rss;
    assert.strictEqual(findRepo(repo('config-zero', { config: (f) => symlinkSync('/dev/zero', f) })), undefined);
    assert.strictEqual(findRepo(repo('head-zero', { head: (f) => symlinkSync('/dev/zero', f) })), undefined);
    assert.strictEqual(readGitFile('/dev/zero'), undefined, 'a character device is not read');
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory stays bounded');
  });

  (posix ? it : it.skip)('a FIFO as .git/config or HEAD: no link, and no blocking open', () => {
    const fifo = (f: string) => execFileSync('mkfifo', [f]);
    assert.strictEqual(findRepo(repo('config-fifo', { config: fifo })), undefined);
    assert.strictEqual(findRepo(repo('head-fifo', { head: fifo })), undefined);
  });

  it('an oversized config (a valid remote first, then padding past 64 KB): not read', () => {
    const big = (f: string) => writeFileSync(f, CONFIG + `# ${'x'.repeat(MAX_GIT_FILE_BYTES)}\n`);
    assert.strictEqual(findRepo(repo('big', { config: big })), undefined);
    assert.strictEqual(readGitFile(path.join(root, 'big', '.git', 'config')), undefined);
    assert.strictEqual(readGitFile(path.join(root, 'big', '.git', 'config'), 1024 * 1024)?.startsWith(CONFIG), true, 'under a larger cap it is read');
  });

  (posix ? it : it.skip)('a symlink to a regular file is not followed either (it could point at anything)', () => {
    const target = path.join(root, 'elsewhere-config');
    writeFileSync(target, CONFIG);
    assert.strictEqual(findRepo(repo('linked', { config: (f) => symlinkSync(target, f) })), undefined);
  });

  (posix ? it : it.skip)('a `.git` file whose gitdir: points at hostile places is handled', () => {
    // gitdir → a directory whose config is /dev/zero.
    const evil = path.join(root, 'evil-gitdir');
    mkdirSync(evil);
    symlinkSync('/dev/zero', path.join(evil, 'config'));
    writeFileSync(path.join(evil, 'HEAD'), HEAD);
    const worktree = path.join(root, 'worktree');
    mkdirSync(worktree);
    writeFileSync(path.join(worktree, '.git'), `gitdir: ${evil}\n`);
    assert.strictEqual(findRepo(path.join(worktree, 'a.ts')), undefined);

    // gitdir → a device, /dev itself, and a commondir that points at /dev/zero's directory.
    for (const [name, target] of [['to-device', '/dev/zero'], ['to-dev', '/dev']]) {
      const dir = path.join(root, name);
      mkdirSync(dir);
      writeFileSync(path.join(dir, '.git'), `gitdir: ${target}\n`);
      assert.strictEqual(findRepo(path.join(dir, 'a.ts')), undefined, name);
    }
    const common = path.join(root, 'common-gitdir');
    mkdirSync(common);
    writeFileSync(path.join(common, 'HEAD'), HEAD);
    writeFileSync(path.join(common, 'commondir'), '/dev\n');
    const viaCommon = path.join(root, 'via-common');
    mkdirSync(viaCommon);
    writeFileSync(path.join(viaCommon, '.git'), `gitdir: ${common}\n`);
    assert.strictEqual(findRepo(path.join(viaCommon, 'a.ts')), undefined);

    // The `.git` file itself a symlink to /dev/zero.
    const linkedDotGit = path.join(root, 'dotgit-zero');
    mkdirSync(linkedDotGit);
    symlinkSync('/dev/zero', path.join(linkedDotGit, '.git'));
    assert.strictEqual(findRepo(path.join(linkedDotGit, 'a.ts')), undefined);

    // A sane worktree pointer still works.
    const real = path.join(root, 'real-gitdir');
    mkdirSync(real);
    writeFileSync(path.join(real, 'config'), CONFIG);
    writeFileSync(path.join(real, 'HEAD'), HEAD);
    const good = path.join(root, 'good-worktree');
    mkdirSync(good);
    writeFileSync(path.join(good, '.git'), 'gitdir: ../real-gitdir\n');
    assert.strictEqual(findRepo(path.join(good, 'a.ts'))?.ref, 'main');
  });
});

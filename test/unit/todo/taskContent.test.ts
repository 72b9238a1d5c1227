// Task content from a TODO (escaped notes, marker, due, priority) and web links from .git/config.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { findRepo, lineUrl, parseRemotes, webRemote } from '../../../src/todo/core/gitRemote';
import { createInput, markerToken } from '../../../src/todo/core/taskContent';
import { findTodos, todoKeys } from '../../../src/todo/core/todoParser';
import { parseDefaultAssociations } from '../../../src/todo/core/hintResolver';

describe('task content', () => {
  const text = 'const a = "<b>&</b>";\n// TODO: fix <this> & that !low due:2026-12-24\n//   second line\nconst b = 2;\n';
  const [todo] = findTodos(text, 'typescript');
  const [key] = todoKeys('src/a.ts', [todo]);

  it('builds subject, escaped notes with path, line, code, link and marker; due, priority, owner', () => {
    const { input, problems } = createInput(
      { todo, relativePath: 'src/a.ts', key, documentText: text, webUrl: 'https://github.com/o/r/blob/main/src/a.ts#L2' },
      { now: new Date(2026, 10, 29), ownerId: '42', defaultDueDays: 7 },
      [],
    );
    assert.deepStrictEqual(problems, []);
    const p = input.properties;
    assert.strictEqual(p.hs_task_subject, 'fix <this> & that second line');
    assert.strictEqual(p.hs_task_priority, 'LOW');
    assert.strictEqual(p.hubspot_owner_id, '42');
    assert.strictEqual(p.hs_task_status, 'NOT_STARTED');
    assert.strictEqual(new Date(p.hs_timestamp!).getTime(), new Date(2026, 11, 24, 9).getTime());
    assert.strictEqual(input.objectWriteTraceId, key);
    assert.strictEqual(input.associations, undefined);
    const body = p.hs_task_body!;
    assert.ok(body.includes('fix &lt;this&gt; &amp; that'));
    assert.ok(body.includes('&quot;&lt;b&gt;&amp;&lt;/b&gt;&quot;'), 'surrounding code escaped');
    assert.ok(!/<b>|<this>/.test(body));
    assert.ok(body.includes('src/a.ts, line 2'));
    assert.ok(body.includes('href="https://github.com/o/r/blob/main/src/a.ts#L2"'));
    assert.ok(body.includes(markerToken(key)));
  });

  it('falls back to the default due date and reports a hint it does not understand', () => {
    const [odd] = findTodos('# TODO: x due:someday', 'python');
    const { input, problems } = createInput({ todo: odd, relativePath: 'a.py', key: 'k', documentText: '' }, { now: new Date(2026, 10, 29, 15), defaultDueDays: 3 }, []);
    assert.strictEqual(new Date(input.properties.hs_timestamp!).getTime(), new Date(2026, 11, 2, 9).getTime());
    assert.strictEqual(problems.length, 1);
  });

  it('parses default associations in the hint syntax', () => {
    assert.deepStrictEqual(parseDefaultAssociations(['company:acme.com', '@deal:7', 'nonsense', ' contact:a@b.c ']), [
      { kind: 'company', value: 'acme.com' }, { kind: 'deal', value: '7' }, { kind: 'contact', value: 'a@b.c' },
    ]);
  });
});

describe('git remote links', () => {
  it('understands https, scp-like and ssh remotes on GitHub, GitLab and Bitbucket; nothing else', () => {
    assert.deepStrictEqual(webRemote('git@github.com:owner/repo.git'), { web: 'https://github.com/owner/repo', host: 'github' });
    assert.deepStrictEqual(webRemote('https://user:secret@gitlab.com/group/sub/repo.git'), { web: 'https://gitlab.com/group/sub/repo', host: 'gitlab' });
    assert.deepStrictEqual(webRemote('ssh://git@bitbucket.org:22/team/repo'), { web: 'https://bitbucket.org/team/repo', host: 'bitbucket' });
    assert.strictEqual(webRemote('https://git.example.com/o/r.git'), undefined);
    assert.strictEqual(webRemote('/local/path/repo'), undefined);
  });

  it('reads .git/config and HEAD, links to the line on the branch', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'todo-git-'));
    try {
      mkdirSync(path.join(root, '.git'));
      mkdirSync(path.join(root, 'src', 'deep'), { recursive: true });
      writeFileSync(path.join(root, '.git', 'config'), '[core]\n\tbare = false\n[remote "upstream"]\n\turl = git@gitlab.com:x/y.git\n[remote "origin"]\n\turl = https://github.com/o/r.git\n');
      writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/feature/a b\n');
      const file = path.join(root, 'src', 'deep', 'x y.ts');
      const repo = findRepo(file)!;
      assert.strictEqual(repo.host, 'github');
      assert.strictEqual(lineUrl(repo, file, 12), 'https://github.com/o/r/blob/feature/a%20b/src/deep/x%20y.ts#L12');
      assert.deepStrictEqual([...parseRemotes('[remote "origin"]\nurl = a\n[branch "main"]\nurl = b\n')], [['origin', 'a']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// Issue 13.8: task notes carry code around the TODO and are visible to the whole portal. Secret-bearing
// files are not scanned, secrets in the lines sent are redacted, and how many lines go is a setting.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { DEFAULT_SECRET_FILES, REDACTED, redactSecrets, SecretFileMatcher, wildcardMatch } from '../../../src/todo/core/secrets';
import { clampContextLines, notesHtml, subjectOf, type TodoContext } from '../../../src/todo/core/taskContent';
import { findTodos } from '../../../src/todo/core/todoParser';
import { scanWorkspace } from '../../../src/todo/core/workspaceScanner';

const PAT = 'pat-na1-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

/** Secret values that must never reach HubSpot, each in a line as code would hold it. */
const SECRET_LINES: [line: string, secret: string][] = [
  ['API_KEY=abc123def456', 'abc123def456'],
  ['export DB_PASSWORD="hunter2 is my password"', 'hunter2 is my password'],
  ['  password: s3cr3t!', 's3cr3t!'],
  ['"clientSecret": "0123-abcd-secret"', '0123-abcd-secret'],
  ["const authToken = 'tok_live_9f8e7d';", 'tok_live_9f8e7d'],
  ['x-api-key => K3yV@lue', 'K3yV@lue'],
  [`const hubspot = "${PAT}";`, PAT],
  ['gh = ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['openai("sk-proj-Abcdefghijklmnop1234567890")', 'sk-proj-Abcdefghijklmnop1234567890'],
  ['stripe.key(sk_live_51H8abcdefGHIJKL)', 'sk_live_51H8abcdefGHIJKL'],
  ['slack: xoxb-123456789012-abcdefABCDEF', 'xoxb-123456789012-abcdefABCDEF'],
  [`cookie(${JWT})`, JWT],
  ['aws_id = AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['new Key("AIzaSyA1234567890abcdefghijklmnopqrstuv")', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
  ['fetch(url, { headers: { Authorization: "Bearer abcdef0123456789" } })', 'abcdef0123456789'],
  ['db = connect("postgres://admin:pa55w0rd@db.internal/app")', 'pa55w0rd'],
  ['blob = "q8Zr2Lk9XbVt4Wn7Pm1Hs6Jd3Fg0Ya5="', 'q8Zr2Lk9XbVt4Wn7Pm1Hs6Jd3Fg0Ya5='],
  ['sig: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
  ['-----BEGIN RSA PRIVATE KEY-----', 'BEGIN RSA PRIVATE KEY'],
];

/** Ordinary code that must stay readable. */
const PLAIN_LINES = [
  'const total = count + 1;',
  'author: alice',
  "import { Page2 } from 'src/components/Page2/index';",
  'timeoutMs = 15_000',
  'const tokenCount = tokens.length',
  'const token = await getToken(session);',
  'apiKey: process.env.HUBSPOT_API_KEY,',
  'password = ""',
  'return UserProfileComponentFactory.create(options);',
];

describe('Secrets stay out of HubSpot (issue 13.8)', () => {
  describe('secret-bearing files', () => {
    const matcher = new SecretFileMatcher();

    it('the defaults match .env files, package-manager credentials, keys and credential files', () => {
      for (const file of ['.env', '.env.local', 'config/.env.production', 'prod.env', '.npmrc', 'C:\\u\\.pypirc', '/home/u/.netrc', '.git-credentials',
        'certs/server.pem', 'tls.key', 'id_rsa', 'id_ed25519.pub', '.aws/credentials', 'credentials.json', 'secrets.yaml', 'prod.tfvars', 'ID_RSA', '.ENV']) {
        assert.ok(matcher.matches(file), file);
      }
      for (const file of ['env.ts', 'environment.ts', 'src/keys.ts', 'tokens.py', 'README.md', '.envoy.yaml', 'key.go', 'npmrc.md', 'secret.service.ts']) {
        assert.ok(!matcher.matches(file), file);
      }
      assert.ok(!new SecretFileMatcher([]).matches('.env'), 'an empty list scans everything');
    });

    it('its fast paths (exact names, extensions, prefixes, suffixes) answer as the plain wildcard match does', () => {
      const patterns = [...DEFAULT_SECRET_FILES, 'a?c', '*x*', 'Report-*.TXT', '*-secret.yml'];
      const matcher = new SecretFileMatcher(patterns);
      const names = ['.env', '.ENV', 'x.env', '.env.local', 'env', 'a.b.env', '.pem', 'pem', 'server.PEM', 'id_rsa',
        'id_rsa.pub', 'credentials', 'credentials.json', 'my-credentials', 'secrets.yaml', 'abc', 'axc', 'ac',
        'report-1.txt', 'prod-secret.yml', 'secret.yml', 'index.ts', '', '.', 'dir/.npmrc', 'C:\\x\\key.key', 'a.tfvars.json'];
      for (const name of names) {
        const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
        const expected = patterns.some((p) => wildcardMatch(p.toLowerCase(), base));
        assert.strictEqual(matcher.matches(name), expected, name);
      }
      assert.strictEqual(new SecretFileMatcher([]).matches('.env'), false);
    });

    it('the wildcard matcher is linear: a pathological pattern against a long name returns at once', () => {
      const started = process.hrtime.bigint();
      assert.strictEqual(wildcardMatch('*a*a*a*a*a*a*a*a*a*a*ab', 'a'.repeat(255)), false);
      assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 50);
      assert.ok(wildcardMatch('id_rsa*', 'id_rsa') && wildcardMatch('?env', 'xenv') && !wildcardMatch('*.pem', 'pem'));
    });

    it('the workspace scanner skips them (and counts them); an empty list scans them', async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'todo-secrets-'));
      try {
        mkdirSync(path.join(root, 'src'));
        writeFileSync(path.join(root, '.env'), '# TODO: rotate\nAPI_KEY=abc123\n');
        writeFileSync(path.join(root, '.npmrc'), '# TODO: move\n//registry.npmjs.org/:_authToken=npm_abc\n');
        writeFileSync(path.join(root, 'src', 'a.ts'), '// TODO: real work\n');
        const scanned = await scanWorkspace({ root });
        assert.deepStrictEqual(scanned.files.map((f) => f.relativePath), ['src/a.ts']);
        assert.strictEqual(scanned.stats.skippedSecret, 2);
        const all = await scanWorkspace({ root, secretFiles: new SecretFileMatcher([]) });
        assert.deepStrictEqual(all.files.map((f) => f.relativePath), ['.env', '.npmrc', 'src/a.ts']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('package.json\'s default for hubspotTasks.todo.excludeSecretFiles is DEFAULT_SECRET_FILES, user-level only', () => {
      const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { configuration: unknown } };
      const sections = [manifest.contributes.configuration].flat() as { properties: Record<string, { default?: unknown; scope?: string; maximum?: number }> }[];
      const props = Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, { default?: unknown; scope?: string; maximum?: number }>;
      assert.deepStrictEqual(props['hubspotTasks.todo.excludeSecretFiles'].default, DEFAULT_SECRET_FILES);
      assert.strictEqual(props['hubspotTasks.todo.excludeSecretFiles'].scope, 'application');
      assert.strictEqual(props['hubspotTasks.todo.contextLines'].default, 3);
      assert.strictEqual(props['hubspotTasks.todo.contextLines'].maximum, 20);
    });
  });

  describe('redaction', () => {
    it('removes every secret value and token shape', () => {
      for (const [line, secret] of SECRET_LINES) {
        const out = redactSecrets(line);
        assert.ok(!out.includes(secret), `${line} → ${out}`);
        assert.ok(out.includes(REDACTED), out);
      }
      assert.strictEqual(redactSecrets('API_KEY=abc123def456'), `API_KEY=${REDACTED}`);
      assert.strictEqual(redactSecrets('password: "hunter2"'), `password: "${REDACTED}"`);
    });

    it('leaves ordinary code alone', () => {
      for (const line of PLAIN_LINES) {
        assert.strictEqual(redactSecrets(line), line);
      }
    });

    it('is linear on hostile lines: 20,000 lines of pathological text well within a bound', () => {
      const lines = ['a='.repeat(5000), 'x'.repeat(100_000), `${'Ab1'.repeat(30000)}`, 'eyJ'.repeat(20000), '://a:'.repeat(20000), `"${'k'.repeat(63)}": `.repeat(2000)];
      const started = process.hrtime.bigint();
      for (let i = 0; i < 20_000; i++) {
        redactSecrets(lines[i % lines.length]);
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Lines are cut at 400 characters before matching: 10–40 µs each (≈ 0.5 s here); a key/value pattern
      // that retried every position and length took 0.4 ms per line (5.5 s).
      assert.ok(ms < 2_000, `${ms.toFixed(0)} ms`);
    });
  });

  describe('task notes', () => {
    const file = ['const a = 1;', 'const b = 2;', 'const API_KEY = "abc123def456";', 'const c = 3;', `// TODO: rotate ${PAT} soon`, 'const d = 4;', 'password = hunter2', 'const e = 5;', 'const f = 6;'].join('\n');
    const [todo] = findTodos(file, 'typescript');
    const context: TodoContext = { todo, relativePath: 'src/x.ts', key: 'k1', documentText: file };

    it('redact the code around the TODO and the TODO text; the subject too', () => {
      const notes = notesHtml(context, 3);
      for (const secret of ['abc123def456', PAT, 'hunter2']) {
        assert.ok(!notes.includes(secret), `${secret} in ${notes}`);
      }
      assert.ok(notes.includes('const c = 3;') && notes.includes(REDACTED));
      assert.ok(!subjectOf(context).includes(PAT));
    });

    it('carry `contextLines` lines above and below (0 = no code at all), capped at 20', () => {
      const codeLines = (notes: string) => /<pre><code>([\s\S]*)<\/code><\/pre>/.exec(notes)?.[1].split('\n') ?? [];
      assert.strictEqual(codeLines(notesHtml(context, 1)).length, 3);
      assert.strictEqual(codeLines(notesHtml(context, 3)).length, 7);
      assert.ok(!notesHtml(context, 0).includes('<pre>'), 'no code block at 0');
      assert.ok(!notesHtml(context, 0).includes('const c = 3;'));
      assert.deepStrictEqual([clampContextLines(0), clampContextLines(-4), clampContextLines(2.7), clampContextLines(1e9), clampContextLines('9'), clampContextLines(undefined)], [0, 0, 2, 20, 3, 3]);
      const long = Array.from({ length: 100 }, (_, i) => `line${i}`).concat('// TODO: mid', ...Array.from({ length: 100 }, (_, i) => `after${i}`)).join('\n');
      const [mid] = findTodos(long, 'typescript');
      assert.strictEqual(codeLines(notesHtml({ ...context, todo: mid, documentText: long }, 1000)).length, 41);
    });
  });
});

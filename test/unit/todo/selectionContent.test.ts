import * as assert from 'assert';
import { selectionTask } from '../../../src/todo/core/selectionContent';
import { sanitizeNotes } from '../../../src/tasks/htmlToText';

describe('a task from a selection of code (selectionContent)', () => {
  const now = new Date(2026, 11, 7, 15, 0); // a Monday

  it('takes the subject from the first line, without comment markers, tag and hints', () => {
    const task = selectionTask({
      text: '  # TODO: retry the upload @company:acme.com due:friday !high\n  upload(file)\n',
      relativePath: 'src/up.py', firstLine: 10, lastLine: 11, now,
    });
    assert.strictEqual(task.subject, 'retry the upload');
    assert.deepStrictEqual(task.hints.associations, [{ kind: 'company', value: 'acme.com' }]);
    assert.strictEqual(task.hints.priority, 'HIGH');
    assert.strictEqual(task.dueAt, new Date(2026, 11, 11, 9).getTime());
  });

  it('puts the code in the notes escaped, indentation kept, secrets redacted, with a link to the lines', () => {
    const task = selectionTask({
      text: 'if (a < b && c) {\n    key = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n}',
      relativePath: 'lib/x.ts', firstLine: 3, lastLine: 5, link: 'https://github.com/o/r/blob/abc/lib/x.ts#L3-L5', now,
    });
    assert.match(task.notes, /^<p>lib\/x\.ts, lines 3–5 — <a href="https:\/\/github\.com\/o\/r\/blob\/abc\/lib\/x\.ts#L3-L5">view source<\/a><\/p>/);
    assert.ok(task.notes.includes('if (a &lt; b &amp;&amp; c) {<br>&nbsp;&nbsp;&nbsp;&nbsp;key = '), task.notes);
    assert.ok(!task.notes.includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), 'the token is redacted');
    assert.strictEqual(sanitizeNotes(task.notes), task.notes, 'already in the notes allowlist');
  });

  it('drops a link that is not http(s) and never builds markup from the code', () => {
    const task = selectionTask({ text: '<script>alert(1)</script>', relativePath: 'a.html', firstLine: 1, lastLine: 1, link: 'javascript:alert(1)', now });
    assert.strictEqual(task.notes, '<p>a.html, line 1</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    assert.strictEqual(task.subject, '<script>alert(1)</script>');
  });
});

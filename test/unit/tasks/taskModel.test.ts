import * as assert from 'assert';
import { dueChoices, parseDueInput } from '../../../src/tasks/dueDateInput';
import { htmlToText } from '../../../src/tasks/htmlToText';
import { taskUrl } from '../../../src/tasks/links';
import { formatRelativeDue } from '../../../src/tasks/dateFormat';
import { parseHubSpotDate, parseTask } from '../../../src/tasks/task';

describe('task model', () => {
  it('parses HubSpot strings: ms or ISO dates, priority, status default, owner', () => {
    const task = parseTask({
      id: '42',
      properties: { hs_task_subject: '  Call  ', hs_timestamp: '2026-11-25T15:00:00.000Z', hs_task_priority: 'medium', hs_task_status: null, hubspot_owner_id: '' },
      createdAt: 'x', updatedAt: 'y',
    });
    assert.strictEqual(task.subject, 'Call');
    assert.strictEqual(task.due?.toISOString(), '2026-11-25T15:00:00.000Z');
    assert.strictEqual(task.priority, 'MEDIUM');
    assert.strictEqual(task.status, 'NOT_STARTED');
    assert.strictEqual(task.ownerId, undefined);
    assert.strictEqual(parseHubSpotDate('1764082800000')?.getTime(), 1764082800000);
    assert.strictEqual(parseHubSpotDate('not a date'), undefined);
    assert.strictEqual(parseHubSpotDate(''), undefined);
  });
});

describe('htmlToText (untrusted notes)', () => {
  it('keeps text, drops markup, scripts and event handlers', () => {
    const html = '<p>Call <b>Ada</b> &amp; <i>Bob</i></p><script>alert(1)</script><img src=x onerror="alert(2)"><ul><li>one</li><li>two</li></ul>';
    assert.strictEqual(htmlToText(html), 'Call Ada & Bob\n• one\n• two');
  });

  it('decodes entities once: an encoded tag stays visible text, not markup', () => {
    assert.strictEqual(htmlToText('&lt;script&gt;x&lt;/script&gt; &#65;&#x42; &nbsp;&hellip;'), '<script>x</script> AB …');
  });

  it('handles style blocks, comments, unterminated tags, control characters and truncation', () => {
    assert.strictEqual(htmlToText('<style>p{}</style><!-- secret -->Hi<br>there\u0007 <img src="x'), 'Hi\nthere');
    assert.strictEqual(htmlToText('abcdefghij', { maxLength: 5 }), 'abcd…');
    assert.strictEqual(htmlToText(''), '');
  });
});

describe('relative dates', () => {
  const now = new Date(2026, 10, 25, 10, 0);
  it('reads like a person would say it', () => {
    assert.strictEqual(formatRelativeDue(new Date(2026, 10, 25, 14, 30), now, undefined, 'en-GB'), 'today 14:30');
    assert.strictEqual(formatRelativeDue(new Date(2026, 10, 26), now), 'tomorrow');
    assert.strictEqual(formatRelativeDue(new Date(2026, 10, 24, 9), now), 'yesterday');
    assert.strictEqual(formatRelativeDue(new Date(2026, 10, 20), now), '5 days ago');
    assert.strictEqual(formatRelativeDue(new Date(2026, 11, 16), now), 'in 3 weeks');
    assert.strictEqual(formatRelativeDue(new Date(2027, 5, 1), now), 'in 6 months');
    assert.strictEqual(formatRelativeDue(new Date(2020, 0, 1), now), '7 years ago');
  });

  it('translates through the given function', () => {
    const t = (message: string, ...args: Array<string | number>) => `[${message}|${args.join(',')}]`;
    assert.strictEqual(formatRelativeDue(new Date(2026, 10, 28), now, t), '[in {0}|[{0} days|3]]');
  });
});

describe('due date input', () => {
  const now = new Date(2026, 10, 25, 10, 0); // Wednesday
  it('parses dates, times, words and +N; rejects impossible dates', () => {
    assert.strictEqual(parseDueInput('2026-12-24', now)?.toString(), new Date(2026, 11, 24, 9, 0).toString());
    assert.strictEqual(parseDueInput('2026-12-24 14:30', now)?.toString(), new Date(2026, 11, 24, 14, 30).toString());
    assert.strictEqual(parseDueInput('+3', now, new Date(2026, 0, 1, 16, 45))?.toString(), new Date(2026, 10, 28, 16, 45).toString());
    assert.strictEqual(parseDueInput('tomorrow', now)?.getDate(), 26);
    assert.strictEqual(parseDueInput('2026-02-31', now), undefined);
    assert.strictEqual(parseDueInput('2026-12-24 25:00', now), undefined);
    assert.strictEqual(parseDueInput('soon', now), undefined);
  });

  it('offers presets ending at next Monday and a week ahead', () => {
    const choices = dueChoices(now);
    assert.deepStrictEqual(choices.map((c) => c.date.getDate()), [25, 26, 27, 30, 2]);
  });
});

describe('task links', () => {
  it('builds the HubSpot record URL (object type 0-27)', () => {
    assert.strictEqual(taskUrl({ uiDomain: 'app-eu1.hubspot.com', portalId: 123 }, '456'), 'https://app-eu1.hubspot.com/contacts/123/record/0-27/456');
  });
  it('links to the default app host for a UI domain that is not HubSpot\'s, and refuses an id that is not plain', () => {
    assert.strictEqual(taskUrl({ uiDomain: 'evil.com/x?', portalId: 1 }, '2'), 'https://app.hubspot.com/contacts/1/record/0-27/2');
    assert.strictEqual(taskUrl({ uiDomain: 'app.hubspot.com', portalId: 1 }, '2/../3'), undefined);
  });
});

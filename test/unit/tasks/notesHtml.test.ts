import * as assert from 'assert';
import { mergeNotes, noteTokens, safeHref, sameNotes, sanitizeNotes } from '../../../src/tasks/htmlToText';

/** A note as HubSpot's editor writes one: paragraphs, bold, italic, underline, a link, both kinds of list. */
const HUBSPOT_NOTE = '<p>Call <strong>Ana</strong> about the <em>Q3</em> renewal &amp; <u>pricing</u>.</p>'
  + '<p>Deck: <a href="https://example.com/deck?a=1&amp;b=2">slides</a><br/>Mail: <a href=\'mailto:ana@example.com\'>Ana</a></p>'
  + '<ul><li>bring <b>numbers</b></li><li>ask about <i>seats</i></li></ul><ol><li>first</li><li>second</li></ol>';

describe('notes as allowlisted HTML (one module: src/tasks/htmlToText.ts)', () => {
  it('keeps a note already in the allowlist byte for byte', () => {
    assert.strictEqual(sanitizeNotes(HUBSPOT_NOTE), HUBSPOT_NOTE);
  });

  it('an edit of one word keeps every other byte of the formatting', () => {
    // What the webview sends: its own serialisation (<br>, decoded entities written anew), one word changed.
    const edited = '<p>Call <strong>Ana</strong> about the <em>Q4</em> renewal &amp; <u>pricing</u>.</p>'
      + '<p>Deck: <a href="https://example.com/deck?a=1&amp;b=2">slides</a><br>Mail: <a href="mailto:ana@example.com">Ana</a></p>'
      + '<ul><li>bring <b>numbers</b></li><li>ask about <i>seats</i></li></ul><ol><li>first</li><li>second</li></ol>';
    assert.strictEqual(mergeNotes(HUBSPOT_NOTE, edited), HUBSPOT_NOTE.replace('Q3', 'Q4'));
  });

  it('an edit in two places keeps the bytes between them', () => {
    const edited = sanitizeNotes(HUBSPOT_NOTE).replace('Call', 'Phone').replace('second', '2nd').replace('<br/>', '<br>');
    assert.strictEqual(mergeNotes(HUBSPOT_NOTE, edited), HUBSPOT_NOTE.replace('Call', 'Phone').replace('second', '2nd'));
  });

  it('formatting added by the edit is saved as the editor wrote it', () => {
    const merged = mergeNotes('<p>plain words here</p>', '<p>plain <b>words</b> here</p>');
    assert.strictEqual(merged, '<p>plain <b>words</b> here</p>');
  });

  it('reduces hostile or pasted HTML to the allowlist', () => {
    const hostile = '<div style="x"><p onclick="steal()">Hi <script>alert(1)</script><img src=x onerror=alert(1)>'
      + '<a href="javascript:alert(1)">js</a> <a href=" JaVa&#x09;script:alert(1)">js2</a> <a href="data:text/html,x">data</a>'
      + ' <a href="https://ok.example/" target="_blank" onmouseover="x()">ok</a><span style="color:red">red</span>'
      + '<iframe src="https://evil"></iframe><svg><a href="https://x">svg</a></svg><style>p{}</style><!-- c --></p></div>'
      + '<a href="https://x"/onclick=alert(1)>slash</a><table><tr><td>cell</td></tr></table>';
    const clean = sanitizeNotes(hostile);
    assert.strictEqual(clean, '<p></p><p>Hi js js2 data <a href="https://ok.example/">ok</a>red</p><a href="https://x">slash</a><p></p><p>cell</p>');
    for (const tag of clean.match(/<\/?([a-z]+)/g) ?? []) {
      assert.ok(['p', 'a'].includes(tag.replace(/[</]/g, '')), tag);
    }
    assert.ok(!/on\w+=|javascript|script|style|iframe|svg|img/i.test(clean), clean);
  });

  it('accepts only http, https and mailto links', () => {
    assert.strictEqual(safeHref('https://a.example/x'), 'https://a.example/x');
    assert.strictEqual(safeHref('MAILTO:a@b.example'), 'MAILTO:a@b.example');
    for (const bad of ['javascript:alert(1)', ' jav\tascript:x', 'java&#115;cript:x', 'data:text/html,x', 'vbscript:x', '/relative', '//host/x', '']) {
      assert.strictEqual(safeHref(bad), undefined, bad);
    }
  });

  it('closes what a browser would close, so the page parses the note as it is saved', () => {
    assert.strictEqual(sanitizeNotes('<p>a<ul><li>b<li>c</ul>d<b>e'), '<p>a</p><ul><li>b</li><li>c</li></ul>d<b>e</b>');
    assert.strictEqual(sanitizeNotes('<p><b>x</p>y</b>'), '<p><b>x</b></p>y');
  });

  it('turns plain-text notes and preformatted code into paragraphs and line breaks', () => {
    assert.strictEqual(sanitizeNotes('one\ntwo\n\nthree'), '<p>one<br>two</p><p>three</p>');
    assert.strictEqual(sanitizeNotes('<pre><code>a &lt; b\nc</code></pre>'), '<p>a &lt; b<br>c</p>');
  });

  it('tells a re-serialised note from an edited one', () => {
    assert.ok(sameNotes('<p>a&#39;s<br/>b</p>', "<p>a's<br>b</p>"));
    assert.ok(!sameNotes('<p>a <b>b</b></p>', '<p>a b</p>'));
    assert.ok(!sameNotes('<p>a b</p>', '<p>a c</p>'));
  });

  it('stays linear on hostile input (64 KB of unclosed tags)', () => {
    const started = Date.now();
    const tokens = noteTokens('<b><a href="https://x">'.repeat(3000) + 'x');
    assert.ok(tokens.length > 3000);
    mergeNotes('<p>' + 'word '.repeat(5000) + '</p>', '<p>' + 'word '.repeat(2500) + 'changed ' + 'word '.repeat(2499) + '</p>');
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
  });
});

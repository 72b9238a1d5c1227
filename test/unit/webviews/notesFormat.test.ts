import * as assert from 'assert';
import { decodeEntities, escapeHtml, notesToText as htmlToText, textToHtml } from '../../../src/tasks/htmlToText';

describe('task notes: HubSpot HTML ⇄ plain text', () => {
  describe('htmlToText', () => {
    it('turns paragraphs into blank-line separated text and <br> into line breaks', () => {
      assert.strictEqual(htmlToText('<p>Call Ana</p><p>Ask about <b>pricing</b><br>and dates</p>'), 'Call Ana\n\nAsk about pricing\nand dates');
    });
    it('drops script, style and comments entirely, keeping nothing they contain', () => {
      assert.strictEqual(htmlToText('<p>a</p><script>alert(1)</script><style>p{}</style><!-- secret --><p>b</p>'), 'a\n\nb');
    });
    it('keeps the text of event-handler markup as nothing but its visible text', () => {
      assert.strictEqual(htmlToText('<img src=x onerror="alert(1)">hi <a href="javascript:alert(1)">link</a>'), 'hi link');
    });
    it('decodes entities, so escaped markup becomes literal text (shown via textarea.value)', () => {
      assert.strictEqual(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x1F600; &#169;</p>'), '<script>alert(1)</script> & 😀 ©');
    });
    it('renders lists as dashes, nested lists indented', () => {
      assert.strictEqual(htmlToText('<p>Todo:</p><ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul>'), 'Todo:\n\n- one\n- two\n  - deep');
    });
    it('collapses HTML whitespace and handles attributes containing >', () => {
      assert.strictEqual(htmlToText('<div title="a > b">  lots\n   of   space </div><div>next</div>'), 'lots of space\nnext');
    });
    it('passes plain text (no tags) through with its line breaks', () => {
      assert.strictEqual(htmlToText('line 1\r\nline 2 & 1 < 2'), 'line 1\nline 2 & 1 < 2');
      assert.strictEqual(htmlToText(null), '');
      assert.strictEqual(htmlToText(''), '');
    });
    it('does not take a lone < for a tag', () => {
      assert.strictEqual(htmlToText('<p>1 < 2 and 3 > 2</p>'), '1 < 2 and 3 > 2');
    });
    it('survives an unterminated tag or comment without throwing', () => {
      assert.strictEqual(htmlToText('<p>ok</p><!-- never closed'), 'ok');
      assert.strictEqual(typeof htmlToText('<p>ok<b'), 'string');
    });
    it('refuses NUL and surrogate code points in numeric entities', () => {
      assert.strictEqual(decodeEntities('&#0;&#xD800;&#x110000;'), '\ufffd\ufffd\ufffd');
      assert.strictEqual(decodeEntities('&unknown; &AMP;'), '&unknown; &');
    });
  });

  describe('textToHtml', () => {
    it('escapes every character that matters in HTML', () => {
      assert.strictEqual(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
      assert.strictEqual(textToHtml('<script>alert("x")</script>'), '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    });
    it('makes paragraphs from blank lines and <br> from single line breaks', () => {
      assert.strictEqual(textToHtml('a\nb\n\n\nc\r\n'), '<p>a<br>b</p><p>c</p>');
      assert.strictEqual(textToHtml('   \n '), '');
    });
    it('round-trips: text → HTML → text is stable', () => {
      for (const text of ['a', 'a\nb', 'a\n\nb\nc', '<b>not bold</b> & "quotes"', '- item\n- item 2']) {
        assert.strictEqual(htmlToText(textToHtml(text)), text);
      }
    });
    it('round-trips HubSpot-style paragraphs: HTML → text → HTML is stable', () => {
      const html = '<p>First</p><p>Second<br>line</p>';
      assert.strictEqual(textToHtml(htmlToText(html)), html);
    });
  });
});

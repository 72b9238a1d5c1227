// The one HTML → text converter for task notes (issues 12.6 and 13.5): the tree's tooltips and the task
// editor's textarea used two converters with different entity tables, and both were quadratic
// (64 KB of `<a` cost 1.6 s per task per render).
import * as assert from 'assert';
import { assertLinearTime } from '../../support/linearTime';
import { htmlToText, TOOLTIP_INPUT_LIMIT } from '../../../src/tasks/htmlToText';
import { NOTES_INPUT_LIMIT as EDITOR_NOTES_INPUT_LIMIT, notesToText as editorText, textToHtml } from '../../../src/tasks/htmlToText';

const tooltip = (html: string) => htmlToText(html);

describe('htmlToText: one converter for every view of task notes', () => {
  describe('tooltip layout (tree)', () => {
    it('one line per block, bullets for list items, blanks collapsed', () => {
      assert.strictEqual(tooltip('<h1>Plan</h1><p>Call <b>Ada</b>\n  &amp;   Bob</p><div>next</div><ul><li>one</li><li>two</li></ul>'), 'Plan\nCall Ada & Bob\nnext\n• one\n• two');
      assert.strictEqual(tooltip('a<br><br><br>b<p></p><p>c</p>'), 'a\nb\nc');
    });

    it('plain-text notes keep their lines, without blank lines or runs of blanks', () => {
      assert.strictEqual(tooltip('first   line\r\n\r\n  second &amp; last  '), 'first line\nsecond & last');
    });

    it('cuts to maxLength with an ellipsis', () => {
      assert.strictEqual(htmlToText('<p>abcdef ghij</p>', { maxLength: 8 }), 'abcdef…');
    });
  });

  describe('document layout (the editor)', () => {
    it('paragraphs as blank lines, <br> as a line break, nested lists indented', () => {
      assert.strictEqual(editorText('<p>Call Ana</p><p>Ask<br>about <i>it</i></p><ol><li>one<ul><li>deep</li></ul></li><li>two</li></ol>'), 'Call Ana\n\nAsk\nabout it\n\n- one\n  - deep\n- two');
    });

    it('table cells separated by tabs, rows by lines', () => {
      assert.strictEqual(editorText('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>'), 'a\tb\nc\td');
    });

    it('round-trips what the editor saves', () => {
      for (const text of ['a', 'a\nb', 'a\n\nb\nc', '<b>x</b> &amp; "q"', '- item\n- item 2', '1 < 2 > 0']) {
        assert.strictEqual(editorText(textToHtml(text)), text);
      }
    });
  });

  describe('both layouts', () => {
    const layouts = [tooltip, editorText];

    it('drop script, style and other hidden content, comments and unterminated markup', () => {
      for (const convert of layouts) {
        assert.strictEqual(convert('<p>a</p><script>alert("<p>x</p>")</script><STYLE>p{}</STYLE><!-- secret --><template>t</template>b'), 'a\nb'.replace('\n', convert === tooltip ? '\n' : '\n\n'));
        // An unclosed script hides the rest; an unterminated tag or comment is never shown as text.
        assert.strictEqual(convert('<p>ok</p><script>alert(1)'), 'ok');
        assert.strictEqual(convert('<p>ok</p><img src="x onerror=alert(1)>more'), 'ok');
        assert.strictEqual(convert('<p>ok</p><!-- never closed <p>x</p>'), 'ok');
      }
    });

    it('decode entities once, from one table: the same text in the tooltip and the editor', () => {
      const html = '<p>&lt;b&gt; &amp;lt; &pound;5 &deg; &hellip; &#169; &#x1F600; &AMP; &unknown; &#0; &#xD800; &#x110000;</p>';
      const expected = '<b> &lt; £5 ° … © 😀 & &unknown; \ufffd \ufffd \ufffd';
      assert.strictEqual(tooltip(html), expected);
      assert.strictEqual(editorText(html), expected);
    });

    it('remove control characters, including those written as entities', () => {
      for (const convert of layouts) {
        assert.strictEqual(convert('<p>a\u0007b&#7;c\u001bd</p>'), 'abcd');
      }
    });

    it('keep a lone < and attribute values holding >', () => {
      for (const convert of layouts) {
        assert.strictEqual(convert('<p>1 < 2 and 3 > 2</p>'), '1 < 2 and 3 > 2');
        assert.strictEqual(convert('<a title="x > y" href=\'a>b\'>link</a> <i>i</i>'), 'link i');
      }
    });
  });

  describe('bounded input', () => {
    it('the tooltip converts at most TOOLTIP_INPUT_LIMIT characters and says so with an ellipsis', () => {
      const html = `<p>${'word '.repeat(TOOLTIP_INPUT_LIMIT / 5)}</p><p>AFTER THE LIMIT</p>`;
      const text = htmlToText(html, { maxLength: Number.POSITIVE_INFINITY });
      assert.ok(text.endsWith('…'), text.slice(-20));
      assert.ok(!text.includes('AFTER'));
      assert.ok(text.length < TOOLTIP_INPUT_LIMIT);
    });

    it('the editor converts up to EDITOR_NOTES_INPUT_LIMIT: every note HubSpot can store, whole', () => {
      const note = `<p>${'x'.repeat(65_536)}</p><p>end</p>`;
      assert.ok(editorText(note).endsWith('\n\nend'));
      const huge = `<p>${'y'.repeat(EDITOR_NOTES_INPUT_LIMIT)}</p><p>end</p>`;
      assert.ok(editorText(huge).endsWith('y…'));
    });

    it('never splits a surrogate pair at the cut', () => {
      const html = `${'a'.repeat(TOOLTIP_INPUT_LIMIT - 1)}😀`;
      const text = htmlToText(html, { maxLength: Number.POSITIVE_INFINITY });
      assert.ok(text.endsWith('a…'), JSON.stringify(text.slice(-3)));
    });
  });

  describe('linear time on hostile notes', function () {
    this.timeout(60_000);
    /** How much slower than a plain pass over the same bytes a conversion may be; measured ≤ ~60×. */
    const FACTOR = 1_000;
    const SIZE = 64 * 1024;

    const repeat = (unit: string, head = '', tail = '') => head + unit.repeat(Math.ceil(SIZE / unit.length)) + tail;
    const cases: [string, string][] = [
      ['64 KB of <a (1.6 s before)', repeat('<a')],
      ['tags with unterminated quotes', repeat('<a "')],
      ['an unclosed script', repeat('x<', '<script>')],
      ['comment openers', repeat('<!--')],
      ['ampersands far from a semicolon', repeat('&', '', ';')],
      ['cell ends, then text', repeat('</td>', '<p>', 'x')],
      ['line breaks, then paragraphs', repeat('<br>') + repeat('<p>')],
      ['blanks and tabs before a tag', repeat(' \t', 'a', '<b>')],
      ['many small paragraphs', repeat('<p>w&amp;x </p>')],
      ['plain text with entities', repeat('a &amp; b ')],
    ];

    for (const [name, html] of cases) {
      it(`${name}: within ${FACTOR}× a plain pass, in both layouts`, () => {
        for (const [layout, convert] of [['tooltip', (h: string) => htmlToText(h, { maxLength: 1000 })], ['editor', editorText]] as const) {
          convert(html.slice(0, 2048)); // compile first: the JIT's first run is not the converter's cost
          assertLinearTime({ label: layout, input: html, run: () => convert(html), factor: FACTOR });
        }
      });
    }
  });
});

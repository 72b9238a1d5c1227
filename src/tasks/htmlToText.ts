// Task notes (`hs_task_body`) are untrusted HTML written by HubSpot's editor, an integration or any
// user of the portal. Every view of them goes through this one converter: the tree tooltip and the
// task editor's textarea. Tags are dropped (never interpreted), the content of script/style-like
// elements is discarded, entities are decoded from one table, block boundaries become line breaks,
// control characters are removed.
//
// One left-to-right pass over a bounded input: each character is looked at a constant number of
// times, whatever the markup (the regular expressions this replaced took 1.6 s on 64 KB of `<a`).

export type TextLayout = 'tooltip' | 'document';

export interface HtmlToTextOptions {
  /**
   * `tooltip` (default): one line per block, `•` list items, no blank lines, runs of blanks as one.
   * `document`: paragraphs separated by a blank line, `-` list items indented by depth, line breaks of
   * plain-text notes kept: the editor's text, which `textToHtml` turns back into the same paragraphs.
   */
  layout?: TextLayout;
  /** HTML characters converted; longer notes are cut there and the text ends with `…`. */
  maxInput?: number;
  /** Characters of text returned; longer text is cut and ends with `…`. */
  maxLength?: number;
}

/** The tooltip's bound on the HTML it converts: far more than a tooltip shows. */
export const TOOLTIP_INPUT_LIMIT = 64 * 1024;

const ELLIPSIS = '…';

/** One table for every view, so a note decodes the same everywhere. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', times: '×', divide: '÷', laquo: '«', raquo: '»',
};
/** Longest entity body read after `&` (`#x10FFFF`, the longest name): bounds the look-ahead. */
const MAX_ENTITY_BODY = 8;

/** Elements whose content is not text a person wrote. */
const HIDDEN_CONTENT_TAGS = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math']);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
/** Blocks that are lines rather than paragraphs: one line break around them, not a blank line. */
const LINE_BLOCK_TAGS = new Set(['div', 'tr', 'dt', 'dd']);

export function htmlToText(html: string | null | undefined, options: HtmlToTextOptions = {}): string {
  if (!html) {
    return '';
  }
  const layout = options.layout ?? 'tooltip';
  const maxInput = options.maxInput ?? TOOLTIP_INPUT_LIMIT;
  let input = html;
  let cut = false;
  if (input.length > maxInput) {
    // Not between the two halves of a surrogate pair.
    const end = isHighSurrogate(input.charCodeAt(maxInput - 1)) ? maxInput - 1 : maxInput;
    input = input.slice(0, end);
    cut = true;
  }
  let text = looksLikeHtml(input) ? convert(input, layout) : plainText(input, layout);
  if (cut) {
    text = `${text}${ELLIPSIS}`;
  }
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  return text.length > maxLength ? `${text.slice(0, Math.max(0, maxLength - 1)).trimEnd()}${ELLIPSIS}` : text;
}

/** Decodes character references (`&amp;`, `&#169;`, `&#x1F600;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  let at = text.indexOf('&');
  if (at < 0) {
    return text;
  }
  let out = '';
  let copied = 0;
  while (at >= 0) {
    // The `;` is looked for within the longest body only: `&&&&…;` must not search to the end per `&`.
    const limit = Math.min(text.length, at + 2 + MAX_ENTITY_BODY);
    let semicolon = at + 1;
    while (semicolon < limit && text.charCodeAt(semicolon) !== 59 /* ; */) {
      semicolon++;
    }
    const decoded = semicolon < limit && semicolon > at + 1 ? entity(text.slice(at + 1, semicolon)) : undefined;
    if (decoded === undefined) {
      at = text.indexOf('&', at + 1);
      continue;
    }
    out += text.slice(copied, at) + decoded;
    copied = semicolon + 1;
    at = text.indexOf('&', copied);
  }
  return out + text.slice(copied);
}

function entity(body: string): string | undefined {
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88; // x X
    const digits = body.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) {
      return undefined;
    }
    const code = parseInt(digits, hex ? 16 : 10);
    // NUL, surrogates and out-of-range code points never reach the text.
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  }
  return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, body.toLowerCase()) ? NAMED_ENTITIES[body.toLowerCase()] : undefined;
}

/**
 * True when the value has something that looks like a tag (or a comment): otherwise it is plain text
 * and its line breaks are its own. One search for the first tag start and one for a `>` after it.
 */
function looksLikeHtml(value: string): boolean {
  for (let at = value.indexOf('<'); at >= 0; at = value.indexOf('<', at + 1)) {
    if (value.startsWith('<!--', at)) {
      return true;
    }
    const next = value.charCodeAt(at + 1) === 47 /* / */ ? at + 2 : at + 1;
    if (isAsciiLetter(value.charCodeAt(next))) {
      return value.indexOf('>', next) >= 0;
    }
  }
  return false;
}

function plainText(value: string, layout: TextLayout): string {
  const text = value.replace(/\r\n?/g, '\n');
  return layout === 'document' ? stripControls(decodeEntities(text)) : new TextBuilder(layout).plain(text);
}

/** Removes C0 controls other than tab and line feed, and DEL: they can confuse whatever renders the text. */
function stripControls(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10) || c === 127) {
      out += text.slice(copied, i);
      copied = i + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function convert(html: string, layout: TextLayout): string {
  const out = new TextBuilder(layout);
  let hiddenDepth = 0;
  let listDepth = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i && hiddenDepth === 0) {
      out.text(html.slice(i, textEnd));
    }
    if (lt < 0) {
      break;
    }
    const tag = readTag(html, lt);
    if (tag === undefined) {
      // Not markup: a `<` in the text ("1 < 2").
      if (hiddenDepth === 0) {
        out.text('<');
      }
      i = lt + 1;
      continue;
    }
    if (tag === 'unterminated') {
      break; // a tag or comment that never closes: the rest is inside it, never text
    }
    i = tag.end;
    if (!tag.name) {
      continue; // comment, doctype, processing instruction
    }
    if (HIDDEN_CONTENT_TAGS.has(tag.name)) {
      hiddenDepth = tag.closing ? Math.max(0, hiddenDepth - 1) : hiddenDepth + 1;
      continue;
    }
    if (hiddenDepth > 0) {
      continue;
    }
    if (tag.name === 'br') {
      out.lineBreak();
    } else if (tag.name === 'ul' || tag.name === 'ol') {
      listDepth = tag.closing ? Math.max(0, listDepth - 1) : listDepth + 1;
      // A list inside a list is lines of the outer one; the outermost list is a paragraph.
      out.block(listDepth > 0 ? 1 : 2);
    } else if (tag.name === 'li') {
      out.block(1);
      if (!tag.closing) {
        out.listItem(listDepth);
      }
    } else if (tag.name === 'td' || tag.name === 'th') {
      if (tag.closing) {
        out.cellEnd();
      }
    } else if (BLOCK_TAGS.has(tag.name)) {
      out.block(LINE_BLOCK_TAGS.has(tag.name) ? 1 : 2);
    }
  }
  return out.finish();
}

interface Tag {
  /** Lower-case element name; '' for comments, doctypes and processing instructions. */
  name: string;
  closing: boolean;
  /** Offset after the tag's `>`. */
  end: number;
}

/**
 * Reads the markup starting at `<` (offset `lt`): a tag (attribute values in quotes may hold `>`), a
 * comment, or `<!…>` / `<?…>`. Undefined when the `<` starts no markup; 'unterminated' when the
 * markup runs to the end of the input. Each character is read once.
 */
function readTag(html: string, lt: number): Tag | 'unterminated' | undefined {
  if (html.startsWith('<!--', lt)) {
    const close = html.indexOf('-->', lt + 4);
    return close < 0 ? 'unterminated' : { name: '', closing: false, end: close + 3 };
  }
  const first = html.charCodeAt(lt + 1);
  if (first === 33 /* ! */ || first === 63 /* ? */) {
    const close = html.indexOf('>', lt + 2);
    return close < 0 ? 'unterminated' : { name: '', closing: false, end: close + 1 };
  }
  const closing = first === 47; /* / */
  const nameStart = closing ? lt + 2 : lt + 1;
  if (!isAsciiLetter(html.charCodeAt(nameStart))) {
    return undefined;
  }
  let j = nameStart + 1;
  while (j < html.length && isNameChar(html.charCodeAt(j))) {
    j++;
  }
  const name = html.slice(nameStart, j).toLowerCase();
  // Attributes: up to the first `>` outside a quoted value.
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (c === 62 /* > */) {
      return { name, closing, end: j + 1 };
    }
    if (c === 61 /* = */) {
      j++;
      while (j < html.length && isHtmlSpace(html.charCodeAt(j))) {
        j++;
      }
      const quote = html.charCodeAt(j);
      if (quote === 34 || quote === 39) {
        const close = html.indexOf(quote === 34 ? '"' : "'", j + 1);
        if (close < 0) {
          return 'unterminated';
        }
        j = close + 1;
      }
      continue;
    }
    j++;
  }
  return 'unterminated';
}

/**
 * Accumulates the text: blanks collapse to one space between words, never at a line's ends; line
 * breaks are counted and written only before the next text, so trailing breaks cost nothing and
 * runs of them collapse to the layout's maximum.
 */
class TextBuilder {
  private readonly parts: string[] = [];
  /** Something has been written (breaks before the first text are dropped). */
  private started = false;
  /** Line breaks owed before the next text. */
  private breaks = 0;
  /** A space owed before the next text (blanks between words). */
  private space = false;
  /** Tabs owed before the next text (table cells). */
  private tabs = 0;
  /** Right after a bullet: no space before the item's first word. */
  private itemStart = false;
  private readonly maxBreaks: number;
  private readonly bullet: string;

  constructor(private readonly layout: TextLayout) {
    this.maxBreaks = layout === 'document' ? 2 : 1;
    this.bullet = layout === 'document' ? '- ' : '• ';
  }

  /**
   * Text between tags: entities decoded (once), then whitespace collapsed, as a browser does it. The
   * tooltip also collapses no-break spaces; the document keeps them, they were meant.
   */
  text(raw: string): void {
    const text = decodeEntities(raw);
    const blankAt = this.layout === 'document' ? isHtmlSpace : isTooltipBlank;
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const blank = i === text.length || blankAt(text.charCodeAt(i));
      if (!blank) {
        if (start < 0) {
          start = i;
        }
        continue;
      }
      if (start >= 0) {
        const word = stripControls(text.slice(start, i));
        if (word !== '') {
          this.word(word);
        }
        start = -1;
      }
      if (i < text.length) {
        this.space = true;
      }
    }
  }

  /** Plain text (no markup) in the tooltip layout: lines kept, blanks collapsed, no blank lines. */
  plain(text: string): string {
    for (const line of text.split('\n')) {
      this.text(line);
      this.lineBreak();
    }
    return this.finish();
  }

  lineBreak(): void {
    this.space = false;
    this.tabs = 0;
    if (this.started) {
      this.breaks++;
    }
  }

  /** A block boundary: at least `count` line breaks (a blank line for 2), not added to those owed. */
  block(count: number): void {
    this.space = false;
    this.tabs = 0;
    if (this.started) {
      this.breaks = Math.max(this.breaks, Math.min(count, this.maxBreaks));
    }
  }

  listItem(depth: number): void {
    this.flush();
    this.parts.push(`${'  '.repeat(Math.max(0, depth - 1))}${this.bullet}`);
    this.started = true;
    this.space = false;
    this.itemStart = true;
  }

  cellEnd(): void {
    if (this.started) {
      this.tabs++;
    }
  }

  finish(): string {
    return this.parts.join('');
  }

  private word(value: string): void {
    const inLine = this.started && this.breaks === 0;
    this.flush();
    if (this.tabs > 0) {
      this.parts.push('\t'.repeat(this.tabs));
    } else if (this.space && inLine && !this.itemStart) {
      this.parts.push(' ');
    }
    this.tabs = 0;
    this.space = false;
    this.itemStart = false;
    this.parts.push(value);
    this.started = true;
  }

  private flush(): void {
    if (this.breaks > 0) {
      this.parts.push('\n'.repeat(Math.min(this.breaks, this.maxBreaks)));
      this.breaks = 0;
      this.space = false;
    }
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 45; /* - */
}

/** HTML's ASCII whitespace: what collapses between words. */
function isHtmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** The tooltip's blanks: HTML whitespace and no-break space. */
function isTooltipBlank(code: number): boolean {
  return isHtmlSpace(code) || code === 0xa0;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

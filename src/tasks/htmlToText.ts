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
export const HIDDEN_CONTENT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math']);

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

// ---- Notes as allowlisted HTML: the task editor's rich text ----------------------------------------
//
// The editor edits notes as HTML reduced to NOTE_TAGS (href only on <a>, only http/https/mailto). Three
// steps, all here so every part of the extension (and the webview, which bundles this file) agrees:
// `sanitizeNotes` reduces any HTML to the allowlist, `mergeNotes` saves an edit so that what the user
// did not change keeps HubSpot's own bytes, `sameNotes` tells an edit from a re-serialisation.

/** The only elements a saved note contains. */
export const NOTE_TAGS: ReadonlySet<string> = new Set(['b', 'strong', 'i', 'em', 'u', 'a', 'ol', 'ul', 'li', 'br', 'p']);
/** Link schemes a note may keep. */
const NOTE_LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
/** Blocks outside the allowlist that still separate paragraphs: they become <p>. */
export const PARAGRAPH_LIKE: ReadonlySet<string> = new Set([
  'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'address', 'article', 'aside', 'section', 'header',
  'footer', 'main', 'nav', 'figure', 'figcaption', 'dd', 'dt', 'tr', 'table', 'form', 'fieldset', 'dl',
]);
/** Elements that close an open <p> when they start (as an HTML parser does), so a note parses as it reads. */
const CLOSES_P = new Set(['p', 'ul', 'ol', 'li']);

/**
 * The link target a note may keep, decoded: absolute http, https or mailto. Anything else (javascript:,
 * data:, relative, obfuscated with controls or entities) is undefined.
 */
export function safeHref(raw: string | null | undefined): string | undefined {
  if (!raw) {
    return undefined;
  }
  // Browsers ignore tabs, line breaks and leading controls/spaces in a URL: so does this check.
  const href = stripControls(decodeEntities(raw)).replace(/[\t\n\r]/g, '').trim();
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(href)?.[1]?.toLowerCase();
  return scheme && NOTE_LINK_SCHEMES.has(scheme) && href.length <= 4096 ? href : undefined;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text content as a note writes it: the three characters that matter, and no-break spaces visible. */
export function escapeNoteText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

/** Plain text → minimal HTML: blank lines separate paragraphs, single line breaks become <br>. */
export function textToHtml(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (!normalized) {
    return '';
  }
  return normalized
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** An element of the allowlist in its one written form: `<b>`, `</b>`, `<a href="…">`, `<br>`. */
export function canonicalTag(name: string, closing: boolean, href?: string): string {
  if (closing) {
    return `</${name}>`;
  }
  return name === 'a' ? `<a href="${href === undefined ? '' : escapeHtml(href)}">` : `<${name}>`;
}

/**
 * A piece of a note: `key` is what it means (compared between versions), `html` how it is written (for
 * a note from HubSpot, its own bytes when they are already in the allowlist's plain form).
 */
export interface NoteToken {
  key: string;
  html: string;
}

/** Allowlisted tags written so plainly that no attribute can hide in them: kept byte for byte. */
const PLAIN_TAG = /^<(\/?)(b|strong|i|em|u|ol|ul|li|br|p)\s*\/?>$/i;
const PLAIN_LINK = /^<a\s+href\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')\s*>$/i;

/**
 * Any HTML (or plain text) → the note's tokens over the allowlist: script-like elements dropped with
 * their content, other elements outside it dropped (blocks become paragraphs), links only with a safe
 * href, every element closed where a browser would close it. One pass, linear in the input.
 */
export function noteTokens(input: string | null | undefined): NoteToken[] {
  if (!input) {
    return [];
  }
  let html = input.length > NOTES_INPUT_LIMIT ? input.slice(0, NOTES_INPUT_LIMIT) : input;
  if (!looksLikeHtml(html)) {
    html = textToHtml(html);
  }
  const tokens: NoteToken[] = [];
  /** Open allowlisted elements, innermost last; `p` entries also remember a block that became one. */
  const open: string[] = [];
  let hiddenDepth = 0;
  let preDepth = 0;
  const close = (index: number) => {
    while (open.length > index) {
      const name = open.pop() as string;
      tokens.push({ key: `</${name}>`, html: `</${name}>` });
    }
  };
  const closeP = () => {
    const at = open.lastIndexOf('p');
    if (at >= 0) {
      close(at);
    }
  };
  const text = (raw: string) => {
    // Words and the blanks between them, so an edit replaces a word, not the paragraph around it.
    for (const piece of raw.match(/\s+|[^\s]+/g) ?? []) {
      const decoded = stripControls(decodeEntities(piece));
      if (decoded === '') {
        continue;
      }
      if (preDepth > 0 && decoded.includes('\n')) {
        // Preformatted text keeps its lines as <br>.
        decoded.split('\n').forEach((line, index) => {
          if (index > 0) {
            tokens.push({ key: '<br>', html: '<br>' });
          }
          if (line) {
            tokens.push({ key: `t${line}`, html: escapeNoteText(line) });
          }
        });
        continue;
      }
      // The original bytes when they are plain text (entities included); written anew otherwise.
      const plain = !/[<>]/.test(piece) && decoded === decodeEntities(piece);
      tokens.push({ key: `t${decoded}`, html: plain ? piece : escapeNoteText(decoded) });
    }
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i && hiddenDepth === 0) {
      text(html.slice(i, textEnd));
    }
    if (lt < 0) {
      break;
    }
    const tag = readTag(html, lt);
    if (tag === undefined) {
      if (hiddenDepth === 0) {
        tokens.push({ key: 't<', html: '&lt;' });
      }
      i = lt + 1;
      continue;
    }
    if (tag === 'unterminated') {
      break;
    }
    const source = html.slice(lt, tag.end);
    i = tag.end;
    if (!tag.name) {
      continue;
    }
    if (HIDDEN_CONTENT_TAGS.has(tag.name)) {
      hiddenDepth = tag.closing ? Math.max(0, hiddenDepth - 1) : hiddenDepth + 1;
      continue;
    }
    if (hiddenDepth > 0) {
      continue;
    }
    let name = tag.name;
    if (PARAGRAPH_LIKE.has(name)) {
      if (name === 'pre') {
        preDepth = tag.closing ? Math.max(0, preDepth - 1) : preDepth + 1;
      }
      name = 'p';
    } else if (!NOTE_TAGS.has(name)) {
      continue; // span, font, img, td…: the element goes, its text stays
    }
    const converted = name !== tag.name;
    if (tag.closing) {
      if (name === 'br') {
        continue;
      }
      const at = open.lastIndexOf(name);
      if (at >= 0) {
        close(at + 1);
        open.pop();
        tokens.push({ key: `</${name}>`, html: !converted && PLAIN_TAG.test(source) ? source : `</${name}>` });
      }
      continue;
    }
    if (CLOSES_P.has(name)) {
      closeP();
    }
    if (name === 'li') {
      // A new item closes the previous one of the same list.
      const list = Math.max(open.lastIndexOf('ul'), open.lastIndexOf('ol'));
      const item = open.lastIndexOf('li');
      if (item > list) {
        close(item);
      }
    }
    if (name === 'br') {
      tokens.push({ key: '<br>', html: PLAIN_TAG.test(source) ? source : '<br>' });
      continue;
    }
    if (name === 'a') {
      const href = safeHref(attribute(html, lt, tag.end, 'href'));
      if (href === undefined || open.includes('a')) {
        continue; // no safe target, or a link in a link: the text stays, unlinked
      }
      const plain = PLAIN_LINK.exec(source);
      const keep = plain !== null && safeHref(plain[1] ?? plain[2]) === href;
      open.push('a');
      tokens.push({ key: canonicalTag('a', false, href), html: keep ? source : canonicalTag('a', false, href) });
      continue;
    }
    open.push(name);
    tokens.push({ key: `<${name}>`, html: !converted && PLAIN_TAG.test(source) && !source.endsWith('/>') ? source : `<${name}>` });
  }
  close(0);
  return tokens;
}

/** The longest note the editor converts (HubSpot's text properties hold 65,536 characters). */
export const NOTES_INPUT_LIMIT = 1024 * 1024;

/** A value of one attribute of the tag at html[lt, end), decoded later by the caller; undefined if absent. */
function attribute(html: string, lt: number, end: number, wanted: string): string | undefined {
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  const body = html.slice(lt + 1, end - 1).replace(/^\/?[a-zA-Z][a-zA-Z0-9-]*/, '');
  for (let match = re.exec(body); match; match = re.exec(body)) {
    if (match[1].toLowerCase() === wanted) {
      return match[2] ?? match[3] ?? match[4] ?? '';
    }
  }
  return undefined;
}

/** Any HTML → the note reduced to the allowlist (kept bytes where they were already plain). */
export function sanitizeNotes(html: string | null | undefined): string {
  return noteTokens(html).map((token) => token.html).join('');
}

/** Two notes that mean the same (same text, same formatting), however each is written. */
export function sameNotes(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const left = noteTokens(a);
  const right = noteTokens(b);
  return left.length === right.length && left.every((token, index) => token.key === right[index].key);
}

/** Past this many token pairs in the changed middle, the edit is taken as written (no finer alignment). */
const MERGE_CELLS_MAX = 4_000_000;

/**
 * The note to save when `edited` (the editor's HTML) replaces `original` (HubSpot's): what the two share,
 * in order, is written with the original's bytes; what the user changed comes from the edit. The result
 * is in the allowlist either way (the original's tokens are sanitised ones).
 */
export function mergeNotes(original: string | null | undefined, edited: string): string {
  const before = noteTokens(original);
  const after = noteTokens(edited);
  let start = 0;
  while (start < before.length && start < after.length && before[start].key === after[start].key) {
    start++;
  }
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1].key === after[endAfter - 1].key) {
    endBefore--;
    endAfter--;
  }
  const middle = alignMiddle(before.slice(start, endBefore), after.slice(start, endAfter));
  return [...before.slice(0, start), ...middle, ...before.slice(endBefore)].map((token) => token.html).join('');
}

/** The edit's tokens, each one the original also has at that place (longest common subsequence) in the original's bytes. */
function alignMiddle(before: NoteToken[], after: NoteToken[]): NoteToken[] {
  const n = before.length;
  const m = after.length;
  if (n === 0 || m === 0 || n * m > MERGE_CELLS_MAX) {
    return after;
  }
  // lengths[i][j]: LCS of before[i..] and after[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = before[i].key === after[j].key
        ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: NoteToken[] = [];
  let i = 0;
  let j = 0;
  while (j < m) {
    if (i < n && before[i].key === after[j].key) {
      out.push(before[i]);
      i++;
      j++;
    } else if (i < n && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      i++;
    } else {
      out.push(after[j]);
      j++;
    }
  }
  return out;
}

/** Notes as readable text (paragraphs, `-` list items): where a note is shown as text, e.g. a conflict. */
export function notesToText(html: string | null | undefined): string {
  return htmlToText(html, { layout: 'document', maxInput: NOTES_INPUT_LIMIT });
}

// Task notes (`hs_task_body`) are rich-text HTML written by HubSpot's editor or any integration:
// untrusted markup. The editor never renders it. It converts the HTML to plain text for a <textarea>
// (tags dropped, block structure kept as line breaks, entities decoded, script/style content removed)
// and saves the user's text back as minimal HTML: one <p> per paragraph, <br> for single line breaks,
// every character escaped. HubSpot shows that as ordinary paragraphs. Notes the user did not edit
// are never written back, so formatting the text view cannot show (bold, links) is not lost by a save.

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
/** Elements whose content is not text a person wrote. */
const HIDDEN_CONTENT_TAGS = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', times: '×', divide: '÷', laquo: '«', raquo: '»',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Keep NUL, surrogates and out-of-range code points out of the text.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

/** True when the value contains something that looks like a tag: otherwise it is plain text already. */
function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][^>]*>|<!--/i.test(value);
}

/** HubSpot note HTML → plain text for editing. Plain text (no tags) passes through unchanged. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) {
    return '';
  }
  if (!looksLikeHtml(html)) {
    return html.replace(/\r\n?/g, '\n');
  }
  const out: string[] = [];
  let hiddenDepth = 0;
  let listDepth = 0;
  const newline = (count: number) => {
    // Collapse runs so that nested blocks do not pile up blank lines.
    let existing = 0;
    for (let i = out.length - 1; i >= 0 && out[i] === '\n'; i--) {
      existing++;
    }
    if (out.length === 0) {
      return;
    }
    for (let i = existing; i < count; i++) {
      out.push('\n');
    }
  };
  // Comments, then tags (attribute values may contain '>' inside quotes), then text.
  const token = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>|([^<]+|<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(html)) !== null) {
    const [, closing, rawName, , text] = match;
    if (text !== undefined) {
      if (hiddenDepth === 0) {
        const collapsed = decodeEntities(text.replace(/[\t\n\r\f ]+/g, ' '));
        const atLineStart = out.length === 0 || out[out.length - 1] === '\n';
        const piece = atLineStart ? collapsed.replace(/^ +/, '') : collapsed;
        if (piece) {
          out.push(piece);
        }
      }
      continue;
    }
    if (!rawName) {
      continue; // comment, doctype, processing instruction
    }
    const name = rawName.toLowerCase();
    if (HIDDEN_CONTENT_TAGS.has(name)) {
      hiddenDepth = closing ? Math.max(0, hiddenDepth - 1) : hiddenDepth + 1;
      continue;
    }
    if (hiddenDepth > 0) {
      continue;
    }
    if (name === 'br') {
      trimTrailingSpace(out);
      out.push('\n');
    } else if (name === 'ul' || name === 'ol') {
      listDepth = closing ? Math.max(0, listDepth - 1) : listDepth + 1;
      trimTrailingSpace(out);
      newline(listDepth > 0 && !closing ? 1 : 2);
    } else if (name === 'li') {
      trimTrailingSpace(out);
      newline(1);
      if (!closing) {
        out.push(`${'  '.repeat(Math.max(0, listDepth - 1))}- `);
      }
    } else if (name === 'td' || name === 'th') {
      if (closing) {
        out.push('\t');
      }
    } else if (BLOCK_TAGS.has(name)) {
      trimTrailingSpace(out);
      newline(name === 'div' || name === 'tr' || name === 'dt' || name === 'dd' ? 1 : 2);
    }
  }
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function trimTrailingSpace(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1];
    const trimmed = last.replace(/[ \t]+$/, '');
    if (trimmed === last) {
      return;
    }
    if (trimmed) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
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

// Task notes are untrusted HTML. The tree shows them as plain text only: tags are dropped (never
// interpreted), script/style bodies discarded, entities decoded, block boundaries become line breaks.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', copy: '©', reg: '®', trade: '™', euro: '€',
};

const BLOCK_TAGS = /^(p|div|br|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article|header|footer|hr)$/i;

export function htmlToText(html: string, maxLength = Number.POSITIVE_INFINITY): string {
  if (!html) {
    return '';
  }
  let text = html
    // Content of these elements is never text the user wrote.
    .replace(/<(script|style|template|noscript|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (_tag, name: string) => {
      if (/^li$/i.test(name)) {
        return _tag.startsWith('</') ? '' : '\n• ';
      }
      return BLOCK_TAGS.test(name) ? '\n' : '';
    })
    // Any '<' left over is not a tag we recognised: drop unterminated tag starts like "<img src=x".
    .replace(/<[a-z!/?][^>]*$/gi, '');
  text = decodeEntities(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  // Strip control characters other than newline and tab (they can confuse hover rendering).
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return text.length > maxLength ? `${text.slice(0, Math.max(0, maxLength - 1)).trimEnd()}…` : text;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

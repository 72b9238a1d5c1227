// Untrusted text (HubSpot content: subjects, names, notes; server error messages; repository files) made
// inert before it reaches UI that renders more than text. VS Code renders `[label](command:id?args)` in
// notification and progress messages as a link that RUNS the command; quick picks and status-bar text
// render `$(icon)`; Markdown also renders `<scheme:…>` autolinks and reference-style links. Bidi overrides
// and invisible characters make text read differently from what it is (`invoice‮gpj.exe`).
//
// The text stays readable: the characters that would open markup get a space (`[x] (command:…)`,
// `$ (alert)`), which every one of those renderers then shows as the plain text it is. No `vscode`
// import, so plain mocha tests it; src/ui/notifier.ts is the one place it is applied to what is shown.

/** Notifications and prompts: long enough for a subject and a server message, short enough to read. */
export const DEFAULT_MAX_LENGTH = 500;

/** Line breaks and tabs: a one-line UI would otherwise run lines together or start a new "paragraph". */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/**
 * Removed outright: C0/C1 controls and DEL (terminal escapes, NUL), bidi embeddings/overrides/isolates
 * and marks, zero-width and invisible formatting characters, the soft hyphen, and Unicode tag characters
 * (invisible "ASCII smuggling"). A zero-width joiner is kept only between emoji, where it builds one glyph.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/** Half of a surrogate pair on its own (a cut string): shown as the replacement character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Markup openers, each separated by a space:
 * `](` inline link or image target (notifications' own link syntax is exactly `[label](target)`),
 * `][` full reference link, `]:` reference definition, `$(` theme icon, `<scheme:` autolink.
 */
const MARKUP_OPENER = /\](?=[([:])|\$(?=\()|<(?=[a-z][a-z0-9+.-]{0,31}:)/gi;

/**
 * One line of inert text, at most `maxLength` characters (an ellipsis marks a cut). Safe to apply twice:
 * the result of a first pass holds nothing a second pass would change (below the length cap).
 */
export function inertText(value: unknown, maxLength = DEFAULT_MAX_LENGTH): string {
  const max = Math.max(1, Math.floor(maxLength));
  let text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  // Bound the work before any pass over it: what is removed below can shrink the text only so much
  // that a 100 KB subject still costs a few microseconds, not a pass over 100 KB per notification.
  if (text.length > max * 4 + 16) {
    text = text.slice(0, max * 4 + 16);
  }
  text = text
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, '\ufffd')
    // After the removals: `]\u200b(` must not become a link once the zero-width space is gone.
    .replace(MARKUP_OPENER, (opener) => `${opener} `)
    .trim();
  if (text.length <= max) {
    return text;
  }
  let cut = max - 1;
  // Never leave half a surrogate pair before the ellipsis.
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) {
    cut--;
  }
  return `${text.slice(0, cut).trimEnd()}…`;
}

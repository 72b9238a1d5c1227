// Task notes (`hs_task_body`) are rich-text HTML written by HubSpot's editor or any integration:
// untrusted markup. The editor never renders it. It converts the HTML to plain text for a <textarea>
// (tags dropped, block structure kept as line breaks, entities decoded, script/style content removed)
// and saves the user's text back as minimal HTML: one <p> per paragraph, <br> for single line breaks,
// every character escaped. HubSpot shows that as ordinary paragraphs. Notes the user did not edit
// are never written back, so formatting the text view cannot show (bold, links) is not lost by a save.
// HTML → text is `tasks/htmlToText.ts`, shared with the tree's tooltips (one entity table for both).
import { decodeEntities, htmlToText as convertHtml } from '../tasks/htmlToText';

export { decodeEntities };

/**
 * Notes longer than this are cut before converting (the text ends with `…`). HubSpot's text
 * properties hold at most 65,536 characters, so only a hostile server's notes are cut; if the user
 * edits and saves such a note, what is saved is the text they saw.
 */
export const EDITOR_NOTES_INPUT_LIMIT = 1024 * 1024;

/**
 * HubSpot note HTML → the editor's plain text: paragraphs separated by blank lines, lists as dashes,
 * plain text (no tags) with its own line breaks. The one converter every view of notes uses.
 */
export function htmlToText(html: string | null | undefined): string {
  return convertHtml(html, { layout: 'document', maxInput: EDITOR_NOTES_INPUT_LIMIT });
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

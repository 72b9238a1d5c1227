// The notes field: a small rich-text editor (bold, italic, underline, links, lists, line breaks) over
// the note's allowlisted HTML (src/tasks/htmlToText.ts). Nothing from HubSpot or the clipboard is ever
// assigned as markup: it is parsed into an inert document (DOMParser runs no script and loads nothing)
// and copied node by node, allowlisted elements only, links only with an http/https/mailto target. What
// the page sends back is its own serialisation of the editor, over the same allowlist; the extension
// reduces it to the allowlist again and merges it into HubSpot's bytes.
import {
  canonicalTag, escapeNoteText, HIDDEN_CONTENT_TAGS, NOTE_TAGS, PARAGRAPH_LIKE, safeHref,
} from '../../tasks/htmlToText';
import { byId } from './dom';

/** Toolbar buttons → the editing command each runs (Chromium's, which writes <b>, <i>, <u>, <ul>, <ol>). */
const COMMANDS: Record<string, string> = {
  'notes-bold': 'bold',
  'notes-italic': 'italic',
  'notes-underline': 'underline',
  'notes-bullets': 'insertUnorderedList',
  'notes-numbers': 'insertOrderedList',
  'notes-unlink': 'unlink',
};

export class NotesEditor {
  private readonly root = byId('notes');
  /** The note as given to `set`; sent back unchanged while the editor still shows exactly it. */
  private original = '';
  /** The editor's serialisation right after `set`: the page's own spelling of `original`. */
  private rendered = '';
  /** The selection the link form applies to (the editor loses it while the URL is typed). */
  private linkRange: Range | undefined;

  constructor(private readonly strings: () => Record<string, string>, private readonly onEdited: () => void) {
    // Enter makes paragraphs, not <div>s.
    document.execCommand('defaultParagraphSeparator', false, 'p');
    for (const [id, command] of Object.entries(COMMANDS)) {
      const button = byId<HTMLButtonElement>(id);
      // Keep the editor's selection: the command applies to it.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        this.root.focus();
        document.execCommand(command, false);
        this.onEdited();
      });
    }
    const link = byId<HTMLButtonElement>('notes-link');
    link.addEventListener('mousedown', (event) => event.preventDefault());
    link.addEventListener('click', () => this.openLinkForm());
    byId('notes-link-apply').addEventListener('click', () => this.applyLink());
    byId('notes-link-cancel').addEventListener('click', () => this.closeLinkForm());
    byId<HTMLInputElement>('notes-link-url').addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        this.applyLink();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.closeLinkForm();
      }
    });
    // Pasted HTML is reduced to the allowlist before it reaches the editor; a drop would bypass that.
    this.root.addEventListener('paste', (event) => {
      event.preventDefault();
      const html = event.clipboardData?.getData('text/html');
      if (html) {
        document.execCommand('insertHTML', false, serialize(allowedNodes(html)));
      } else {
        document.execCommand('insertText', false, event.clipboardData?.getData('text/plain') ?? '');
      }
    });
    this.root.addEventListener('drop', (event) => event.preventDefault());
  }

  /** Shows a note (allowlisted HTML from the extension, or the page's own saved draft). */
  set(html: string): void {
    this.original = html;
    this.root.replaceChildren(...allowedNodes(html));
    this.rendered = serialize(this.root.childNodes);
    this.closeLinkForm();
  }

  /** The note as edited: the given note itself while unchanged, so an untouched note is never rewritten. */
  get value(): string {
    const now = serialize(this.root.childNodes);
    return now === this.rendered ? this.original : now;
  }

  private openLinkForm(): void {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    this.linkRange = range && this.root.contains(range.commonAncestorContainer) ? range.cloneRange() : undefined;
    const form = byId('notes-link-form');
    form.hidden = false;
    const input = byId<HTMLInputElement>('notes-link-url');
    input.value = '';
    byId('notes-link-error').textContent = '';
    input.focus();
  }

  private closeLinkForm(): void {
    byId('notes-link-form').hidden = true;
    this.linkRange = undefined;
  }

  private applyLink(): void {
    const href = safeHref(byId<HTMLInputElement>('notes-link-url').value);
    if (!href) {
      byId('notes-link-error').textContent = this.strings().linkInvalid ?? '';
      return;
    }
    const range = this.linkRange;
    this.closeLinkForm();
    this.root.focus();
    const selection = document.getSelection();
    if (range && selection) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
    if (!range || range.collapsed) {
      // No text chosen: the address itself becomes the link's text.
      document.execCommand('insertHTML', false, `${canonicalTag('a', false, href)}${escapeNoteText(href)}</a>`);
    } else {
      document.execCommand('createLink', false, href);
    }
    this.onEdited();
  }
}

/** Any HTML → new nodes of this document: allowlisted elements and text only. */
function allowedNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return copyAllowed(parsed.body.childNodes);
}

function copyAllowed(nodes: NodeListOf<ChildNode> | ChildNode[]): Node[] {
  const out: Node[] = [];
  for (const node of Array.from(nodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(document.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      continue; // comments, processing instructions
    }
    const element = node as Element;
    const name = element.localName;
    if (HIDDEN_CONTENT_TAGS.has(name)) {
      continue;
    }
    const children = copyAllowed(element.childNodes);
    const kept = NOTE_TAGS.has(name) ? name : PARAGRAPH_LIKE.has(name) ? 'p' : undefined;
    const href = kept === 'a' ? safeHref(element.getAttribute('href')) : undefined;
    if (!kept || (kept === 'a' && !href)) {
      out.push(...children);
      continue;
    }
    const copy = document.createElement(kept);
    if (href) {
      copy.setAttribute('href', href);
    }
    copy.append(...children);
    out.push(copy);
  }
  return out;
}

/** The editor's nodes as the note's HTML, over the allowlist (whatever editing commands left in the DOM). */
function serialize(nodes: NodeListOf<ChildNode> | Node[]): string {
  let html = '';
  for (const node of Array.from(nodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      html += escapeNoteText(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      continue;
    }
    const element = node as Element;
    const name = element.localName;
    if (HIDDEN_CONTENT_TAGS.has(name)) {
      continue;
    }
    const inner = serialize(element.childNodes);
    const kept = NOTE_TAGS.has(name) ? name : PARAGRAPH_LIKE.has(name) ? 'p' : undefined;
    const href = kept === 'a' ? safeHref(element.getAttribute('href')) : undefined;
    if (kept === 'br') {
      html += '<br>';
    } else if (!kept || (kept === 'a' && !href)) {
      html += inner;
    } else {
      html += `${kept === 'a' ? canonicalTag('a', false, href) : canonicalTag(kept, false)}${inner}</${kept}>`;
    }
  }
  return html;
}

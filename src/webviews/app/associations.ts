// The task's associated records (a list with a Remove button each) and search-as-you-type to add
// more, as an ARIA combobox: arrows move through results, Enter adds, Escape closes. Typing is
// debounced so a search is sent at most every 300 ms (HubSpot allows 5 searches a second).
import type { AssociationItem, AssociationObjectType, FromWebview } from '../protocol';
import { isObjectType } from '../protocol';
import { byId, el, format } from './dom';

export const SEARCH_DEBOUNCE_MS = 300;

const key = (item: AssociationItem) => `${item.objectType}:${item.id}`;

export class Associations {
  private items: AssociationItem[] = [];
  private results: AssociationItem[] = [];
  private active = -1;
  private requestId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  strings: Record<string, string> = {};
  private readonly list = byId<HTMLUListElement>('associations');
  private readonly empty = byId('associations-empty');
  private readonly input = byId<HTMLInputElement>('assoc-search');
  private readonly kind = byId<HTMLSelectElement>('assoc-type');
  private readonly listbox = byId<HTMLUListElement>('assoc-results');
  private readonly status = byId('assoc-status');

  constructor(private readonly post: (message: FromWebview) => void, private readonly onChange: () => void) {
    this.input.addEventListener('input', () => this.schedule());
    this.kind.addEventListener('change', () => this.schedule());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => this.close());
  }

  get value(): AssociationItem[] {
    return [...this.items];
  }

  set(items: AssociationItem[]): void {
    this.items = [...items];
    this.renderItems();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (!query) {
      this.requestId++; // results of searches still running are now stale
      this.close();
      this.status.textContent = '';
      return;
    }
    this.timer = setTimeout(() => {
      const objectType = this.kind.value;
      if (!isObjectType(objectType)) {
        return;
      }
      this.status.textContent = this.strings.searching ?? '';
      this.post({ type: 'search', requestId: ++this.requestId, objectType: objectType as AssociationObjectType, query });
    }, SEARCH_DEBOUNCE_MS);
  }

  /** Results of the newest search only; older answers arriving late are dropped. */
  showResults(requestId: number, items: AssociationItem[], error?: string): void {
    if (requestId !== this.requestId) {
      return;
    }
    this.results = items;
    this.active = -1;
    if (error) {
      this.status.textContent = error;
    } else {
      this.status.textContent = items.length === 0
        ? this.strings.noResults ?? ''
        : items.length === 1 ? this.strings.oneResult ?? '1' : format(this.strings.results ?? '{0}', String(items.length));
    }
    this.renderResults();
  }

  private renderResults(): void {
    const taken = new Set(this.items.map(key));
    this.listbox.replaceChildren(...this.results.map((item, index) => {
      const already = taken.has(key(item));
      const option = el('li', {
        className: 'result',
        attrs: { role: 'option', id: `assoc-option-${index}`, 'aria-selected': String(index === this.active) },
      }, [
        el('span', { className: 'label', text: item.label }),
        el('span', { className: 'detail', text: [this.strings[item.objectType], item.detail].filter(Boolean).join(' · ') }),
        ...(already ? [el('span', { className: 'detail', text: this.strings.alreadyAdded ?? '' })] : []),
      ]);
      if (already) {
        option.setAttribute('aria-disabled', 'true');
      }
      // mousedown, not click: keep focus in the input (blur would close the list first).
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.add(index);
      });
      return option;
    }));
    const open = this.results.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `assoc-option-${this.active}`);
      document.getElementById(`assoc-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private onKey(event: KeyboardEvent): void {
    const open = !this.listbox.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) {
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.results.length) % this.results.length;
      this.renderResults();
    } else if (event.key === 'Enter') {
      event.preventDefault(); // never submit the form from the search box
      if (open) {
        this.add(this.active >= 0 ? this.active : 0);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }

  private add(index: number): void {
    const item = this.results[index];
    if (!item || this.items.some((i) => key(i) === key(item))) {
      return;
    }
    this.items.push(item);
    this.renderItems();
    this.input.value = '';
    this.close();
    this.status.textContent = format(this.strings.added ?? '{0}', item.label);
    this.onChange();
  }

  private remove(item: AssociationItem, position: number): void {
    this.items = this.items.filter((i) => key(i) !== key(item));
    this.renderItems();
    this.status.textContent = format(this.strings.removed ?? '{0}', item.label);
    // Keep keyboard users in place: the next Remove button, else the search box.
    const buttons = this.list.querySelectorAll('button');
    (buttons[Math.min(position, buttons.length - 1)] ?? this.input).focus();
    this.onChange();
  }

  private close(): void {
    this.results = [];
    this.active = -1;
    this.listbox.replaceChildren();
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private renderItems(): void {
    this.list.replaceChildren(...this.items.map((item, position) => {
      const remove = el('button', {
        className: 'icon-button',
        text: '✕',
        attrs: { type: 'button', 'aria-label': format(this.strings.remove ?? 'Remove {0}', item.label), title: format(this.strings.remove ?? 'Remove {0}', item.label) },
      });
      remove.addEventListener('click', () => this.remove(item, position));
      return el('li', { className: 'chip', attrs: { 'data-key': key(item) } }, [
        el('span', { className: 'kind', text: this.strings[item.objectType] ?? item.objectType }),
        el('span', { className: 'label', text: item.label }),
        ...(item.detail ? [el('span', { className: 'detail', text: item.detail })] : []),
        remove,
      ]);
    }));
    this.empty.hidden = this.items.length > 0;
    this.list.hidden = this.items.length === 0;
  }
}

// A searchable owner picker made of two native controls: a filter box that narrows a <select>.
// Native controls keep the theme look, keyboard behaviour and screen-reader support for free.
import type { OwnerOption } from '../protocol';
import { byId, el } from './dom';

export class OwnerPicker {
  private owners: OwnerOption[] = [];
  private unassigned = 'Unassigned';
  private current = '';
  private readonly control = byId<HTMLSelectElement>('ownerId');
  private readonly filter = byId<HTMLInputElement>('owner-filter');

  constructor(onChange: () => void) {
    this.filter.addEventListener('input', () => this.render());
    this.filter.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'Enter') {
        event.preventDefault();
        // The first match becomes the owner: typing a name then Enter picks it.
        const first = this.matches()[0];
        if (first && event.key === 'Enter') {
          this.control.value = first.id;
          this.current = first.id;
          onChange();
        }
        this.control.focus();
      }
    });
    this.control.addEventListener('change', () => {
      this.current = this.control.value;
      onChange();
    });
  }

  setOwners(owners: OwnerOption[], unassignedLabel: string): void {
    this.owners = owners;
    this.unassigned = unassignedLabel;
    this.render();
  }

  get value(): string {
    return this.current;
  }

  choose(id: string): void {
    this.current = id;
    this.filter.value = '';
    this.render();
  }

  private matches(): OwnerOption[] {
    const query = this.filter.value.trim().toLowerCase();
    return query
      ? this.owners.filter((o) => o.label.toLowerCase().includes(query) || o.email.toLowerCase().includes(query))
      : this.owners;
  }

  private render(): void {
    const shown = this.matches();
    // The chosen owner always stays selectable, even when the filter hides it or HubSpot did not list it.
    const chosen = this.current && !shown.some((o) => o.id === this.current)
      ? [this.owners.find((o) => o.id === this.current) ?? { id: this.current, label: `#${this.current}`, email: '' }]
      : [];
    const options = [{ id: '', label: this.unassigned, email: '' }, ...chosen, ...shown].map((owner) => {
      const option = el('option', { text: owner.email ? `${owner.label} <${owner.email}>` : owner.label });
      option.value = owner.id;
      return option;
    });
    this.control.replaceChildren(...options);
    this.control.value = this.current;
  }
}

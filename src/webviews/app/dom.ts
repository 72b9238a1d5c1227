// Small DOM helpers. Text from HubSpot is only ever assigned through textContent / value:
// nothing in this webview builds markup from data.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`missing element #${id}`);
  }
  return element as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) {
    element.className = props.className;
  }
  if (props.text !== undefined) {
    element.textContent = props.text;
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    element.append(child); // strings become text nodes
  }
  return element;
}

/** `format('Remove {0}', name)` for the localised strings the extension sends. */
export function format(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => args[Number(index)] ?? match);
}

export function setOptions(select: HTMLSelectElement, options: { value: string; label: string }[], selected: string): void {
  select.replaceChildren(...options.map((o) => {
    const option = el('option', { text: o.label });
    option.value = o.value;
    return option;
  }));
  select.value = selected;
}

/** Tiny DOM builder: text always goes in as textContent, never as HTML. */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} saknas på sidan`);
  return element as T;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** Shows a message in a live region (role=status or role=alert); empty text hides it. */
export function say(region: HTMLElement, text: string): void {
  region.textContent = text;
  region.hidden = text === '';
}

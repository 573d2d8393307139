/**
 * A tiny element builder: `h('p', { class: 'x' }, 'text', h('b', {}, name))`. Text children and
 * attribute values are always escaped, so user text can never become markup; only `Markup` made
 * by `h` (or `trustedCss` for the page's own constant style sheet) is inserted as is.
 */
import { escapeHtml } from './escape';

export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = Markup | string | null | undefined | false | readonly Child[];
export type Attributes = Record<string, string | null | undefined | false>;

const VOID = new Set(['meta', 'br', 'hr']);
const NAME = /^[a-z][a-z0-9-]*$/;

function render(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (child instanceof Markup) return child.html;
  if (typeof child === 'string') return escapeHtml(child);
  return child.map(render).join('');
}

export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`invalid tag name: ${tag}`);
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => {
      if (!NAME.test(name)) throw new Error(`invalid attribute name: ${name}`);
      return ` ${name}="${escapeHtml(value)}"`;
    })
    .join('');
  if (VOID.has(tag)) return new Markup(`<${tag}${attrs}>`);
  return new Markup(`<${tag}${attrs}>${render(children)}</${tag}>`);
}

/** Only for constant style sheets written in this folder: `</style` would end the element, so it is refused. */
export function trustedCss(css: string): Markup {
  if (/<\/style/i.test(css)) throw new Error('style sheet must not contain </style');
  return new Markup(css);
}

export function htmlDocument(lang: string, head: Child, body: Child): string {
  return `<!DOCTYPE html>\n${h('html', { lang }, h('head', {}, head), h('body', {}, body)).html}\n`;
}

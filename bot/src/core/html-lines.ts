/**
 * An invitation's body (Outlook HTML or plain text) → the lines a reader sees, each with its list
 * depth, so the agenda parser can tell items from sub-points. Deliberately small: Outlook writes
 * `<p>`, `<div>`, `<br>`, `<ol>/<ul>/<li>` and entities; anything else is only its text. No HTML is
 * ever rendered from the result.
 */

export interface BodyLine {
  text: string;
  /** 0 outside lists, 1 for an item of a top-level list, 2 for a nested one, … */
  depth: number;
}

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'table', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'pre']);

// A Map, not an object literal: `&constructor;` must not find Object.prototype.
const NAMED = new Map(Object.entries({
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", aring: 'å', Aring: 'Å', auml: 'ä', Auml: 'Ä',
  ouml: 'ö', Ouml: 'Ö', eacute: 'é', Eacute: 'É', uuml: 'ü', Uuml: 'Ü', ndash: '–', mdash: '—', bull: '•', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', sect: '§',
}));

/** Teams sometimes writes these in capitals (`&NBSP;`); the letters above differ by case (`&Aring;` is Å). */
const CASELESS = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Decodes HTML entities in one pass (so `&amp;lt;` becomes `&lt;`, not `<`): the named ones above
 * and numeric ones, decimal (`&#228;`) and hex (`&#xE4;`). What cannot be decoded stays as written:
 * unknown names, and numbers that are no character (0, surrogates, beyond U+10FFFF).
 * The one decoder for Outlook invitation bodies and Teams message text.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      const isCharacter = value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
      return isCharacter ? String.fromCodePoint(value) : whole;
    }
    const lower = code.toLowerCase();
    return NAMED.get(code) ?? (CASELESS.has(lower) ? NAMED.get(lower) : undefined) ?? whole;
  });
}

const clean = (text: string) => text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

export function bodyLines(body: { contentType: 'html' | 'text'; content: string }): BodyLine[] {
  if (body.contentType === 'text') {
    return body.content.split(/\r?\n/).map((line) => ({ text: clean(line), depth: 0 })).filter((line) => line.text);
  }
  const html = withoutHiddenElements(withoutComments(body.content));
  const lines: BodyLine[] = [];
  let depth = 0;
  let current: string[] = [];
  let currentHasText = false;
  let currentDepth = 0;
  const flush = () => {
    const text = current.length ? clean(decodeEntities(current.join(''))) : '';
    if (text) lines.push({ text, depth: currentDepth });
    if (current.length) current = [];
    currentHasText = false;
    currentDepth = depth > 0 ? currentDepth : 0;
  };
  for (const token of tokens(html)) {
    if (token.kind === 'text') {
      current.push(token.text);
      currentHasText ||= /\S/.test(token.text);
      continue;
    }
    const { tag, closing } = token;
    if (tag === 'ol' || tag === 'ul') {
      flush();
      depth = Math.max(0, depth + (closing ? -1 : 1));
      currentDepth = depth;
    } else if (tag === 'li') {
      flush();
      currentDepth = depth;
    } else if (BLOCK.has(tag)) {
      // a paragraph inside a list item continues that item's line
      if (!(depth > 0 && (tag === 'p' || tag === 'div') && !currentHasText)) flush();
    }
  }
  flush();
  return lines;
}

/*
 * The body comes from whoever sent the invitation, so everything below reads it in one forward
 * pass: no pattern may scan the rest of the body again from every `<` (an unclosed comment, tag or
 * `<style>` repeated a hundred thousand times costs no more than one).
 */

/** `<!-- … -->` removed; an unclosed comment stays as text, as does everything after it. */
function withoutComments(html: string): string {
  const parts: string[] = [];
  let last = 0;
  for (let start = html.indexOf('<!--'); start >= 0; start = html.indexOf('<!--', last)) {
    const end = html.indexOf('-->', start + 4);
    if (end < 0) break;
    parts.push(html.slice(last, start));
    last = end + 3;
  }
  parts.push(html.slice(last));
  return parts.join('');
}

/** The elements whose content is never text a reader sees. */
const HIDDEN_OPEN = /<(head|style|script|title)\b/iy;
const HIDDEN_CLOSE = /<\/(head|style|script|title)\s*>/iy;

/**
 * `<style …>…</style>` and the like removed, content and all, up to the first closing tag of the
 * same name; one that is never closed stays (its text shows, as any unknown markup's would).
 */
function withoutHiddenElements(html: string): string {
  // every closing tag's position by name, found in one pass; each name's list is read front to back
  const closes = new Map<string, Array<{ start: number; end: number }>>();
  for (let at = html.indexOf('</'); at >= 0; at = html.indexOf('</', at + 1)) {
    HIDDEN_CLOSE.lastIndex = at;
    const match = HIDDEN_CLOSE.exec(html);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    const list = closes.get(name) ?? [];
    list.push({ start: at, end: HIDDEN_CLOSE.lastIndex });
    closes.set(name, list);
  }
  const next = new Map<string, number>();
  const parts: string[] = [];
  let last = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    HIDDEN_OPEN.lastIndex = at;
    const match = HIDDEN_OPEN.exec(html);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    const list = closes.get(name) ?? [];
    let index = next.get(name) ?? 0;
    while (index < list.length && list[index]!.start < HIDDEN_OPEN.lastIndex) index++;
    next.set(name, index);
    const close = list[index];
    if (!close) continue;
    parts.push(html.slice(last, at));
    last = close.end;
    at = last - 1;
  }
  parts.push(html.slice(last));
  return parts.join('');
}

type Token = { kind: 'text'; text: string } | { kind: 'tag'; tag: string; closing: boolean };

const TAG_HEAD = /<(\/?)([a-z][a-z0-9]*)\b/iy;

/**
 * Tags (`<p class="x">`, `</li>`) and the text between them. A `<` that starts no tag, or whose
 * tag never ends with `>`, is text.
 */
function* tokens(html: string): Generator<Token> {
  let nextGt = -2;
  let textStart = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    TAG_HEAD.lastIndex = lt;
    const head = TAG_HEAD.exec(html);
    if (!head) continue;
    if (nextGt !== -1 && nextGt < TAG_HEAD.lastIndex) nextGt = html.indexOf('>', TAG_HEAD.lastIndex);
    if (nextGt < 0) break; // no tag can end any more: the rest is text
    if (lt > textStart) yield { kind: 'text', text: html.slice(textStart, lt) };
    yield { kind: 'tag', tag: head[2]!.toLowerCase(), closing: head[1] === '/' };
    textStart = nextGt + 1;
    lt = nextGt;
  }
  if (textStart < html.length) yield { kind: 'text', text: html.slice(textStart) };
}

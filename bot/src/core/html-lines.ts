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
  const html = body.content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const lines: BodyLine[] = [];
  let depth = 0;
  let current = '';
  let currentDepth = 0;
  const flush = () => {
    const text = clean(decodeEntities(current));
    if (text) lines.push({ text, depth: currentDepth });
    current = '';
    currentDepth = depth > 0 ? currentDepth : 0;
  };
  for (const token of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>|[^<]+|</gi)) {
    const [whole, closing, rawTag] = token;
    if (!rawTag) {
      current += whole;
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (tag === 'ol' || tag === 'ul') {
      flush();
      depth = Math.max(0, depth + (closing ? -1 : 1));
      currentDepth = depth;
    } else if (tag === 'li') {
      flush();
      currentDepth = depth;
    } else if (BLOCK.has(tag)) {
      // a paragraph inside a list item continues that item's line
      if (!(depth > 0 && (tag === 'p' || tag === 'div') && !current.trim())) flush();
    }
  }
  flush();
  return lines;
}

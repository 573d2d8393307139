/**
 * Teams renders TextBlock text (and FactSet titles and values) as markdown. User text (titles,
 * names, notes, clauses) must show exactly as typed and never become emphasis, a link, a heading,
 * a list, a quote, an entity or HTML. Markdown characters are backslash-escaped (CommonMark
 * escapes) only where they can start markup, because some Teams clients show a needless backslash:
 * `Anna-Karin`, `§ 12/24`, `(I/D)` and `3.5` stay untouched. Letters such as å, ä, ö and emoji
 * are never touched. Indentation at the start of a line is dropped (four spaces or a tab would start
 * a code block; a TextBlock shows no indentation anyway). Input values, choice titles and button
 * titles are plain text: do not escape them.
 */

/** Spaces and tabs at the start of a line: an indented code block, or indentation that shows nothing. */
const INDENT = /^[ \t]+/gm;

/** Anywhere in a line: emphasis, code, strikethrough, links and images, tables, HTML, escapes. */
const INLINE = /[\\`*_~[\]|<>]/g;
/** `&amp;`, `&#60;`, `&#x3C;`: an entity would be decoded, so its `&` is escaped. */
const ENTITY = /&(?=#?[0-9a-z]+;)/gi;
/** Block markup at the start of a line: headings, quotes, bullets, thematic breaks, setext underlines. */
const LINE_START = /^([#>+=-])/gm;
/** `1. ` or `1) ` at the start of a line would start a numbered list. */
const ORDERED = /^(\d{1,9})([.)])/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INDENT, '')
    .replace(INLINE, (ch) => `\\${ch}`)
    .replace(ENTITY, '\\&')
    .replace(LINE_START, (_all, ch: string) => `\\${ch}`)
    .replace(ORDERED, (_all, number: string, mark: string) => `${number}\\${mark}`);
}

/** Several lines of user text as one TextBlock text: markdown needs a blank line to break a line. */
export function escapeLines(lines: readonly string[]): string {
  return lines.map(escapeMarkdown).join('\n\n');
}

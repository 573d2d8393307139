/**
 * Teams renders TextBlock text as markdown. User text (titles, names, notes, clauses) must show
 * exactly as typed and never become a link, emphasis, a list, an entity or HTML, so every ASCII
 * punctuation character markdown gives a meaning is backslash-escaped (CommonMark escapes).
 * Input values and choice titles are plain text and must not go through this.
 */
const MARKDOWN_META = /[\\`*_{}[\]()#+\-.!|~<>&]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_META, (ch) => `\\${ch}`);
}

/** The text a reader sees on a protokoll page: the body without tags, entities decoded, whitespace collapsed. */
export const visibleText = (html: string): string => html.slice(html.indexOf('<body>')).replace(/<[^>]+>/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
  .replace(/\s+/g, ' ');

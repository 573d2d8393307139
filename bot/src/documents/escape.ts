/**
 * Text to HTML (and XML) that shows exactly as written and never becomes markup: `<script>` stays
 * text, `&amp;` stays the five characters it is, quotes cannot end an attribute.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** The same escaping serves XML text and attribute values. */
export const escapeXml = escapeHtml;

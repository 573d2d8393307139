/**
 * Removes the bot's own @mention(s) from a Teams message text. Mentions are recognised by the id
 * in the activity's mention entities (the bot's display text may be anything); mentions of other
 * people stay as their plain names. Tolerates `<at>` markup with extra spaces and HTML entities.
 * Pure: takes plain data, not botbuilder types.
 *
 * The text is the sender's: it is read in one pass, with no regular expression that could scan the
 * rest of the text again from every `<` (thousands of unclosed `<at>` cost as much as one).
 */
import { decodeEntities } from '../core/html-lines';

export interface MentionInfo {
  mentionedId: string;
  /** the entity's text, e.g. `<at>Protokoll</at>` */
  text: string;
}

/** The start of an opening tag (`<at`, `< AT`): anything up to the next `>` is its attributes. */
const OPEN_HEAD = /<\s*at\b/iy;
/** A whole closing tag, `</at>` with any spaces. */
const CLOSE_TAG = /<\s*\/\s*at\s*>/iy;
/** The start of either tag. */
const ANY_HEAD = /<\s*(?:\/\s*)?at\b/iy;

interface Found {
  start: number;
  end: number;
}

/**
 * Finds `<at>` markup in one text. Searches only move forward: the next `>` is remembered, so a text
 * of many tags that never close costs one scan, not one per tag.
 */
class AtTags {
  private nextGt = -2;

  constructor(private readonly text: string) {}

  /** The first `<` at or after `from` where `head` matches; its end is where the match ends. */
  head(pattern: RegExp, from: number): Found | null {
    for (let at = this.text.indexOf('<', from); at >= 0; at = this.text.indexOf('<', at + 1)) {
      pattern.lastIndex = at;
      if (pattern.test(this.text)) return { start: at, end: pattern.lastIndex };
    }
    return null;
  }

  /** Just after the first `>` at or after `from`, or -1 when the text has no `>` left. */
  tagEnd(from: number): number {
    if (this.nextGt !== -1 && this.nextGt < from) this.nextGt = this.text.indexOf('>', from);
    return this.nextGt < 0 ? -1 : this.nextGt + 1;
  }

  /**
   * `<at …>inner</at>` elements in order (the first closing tag ends an element, as a lazy match
   * would). When an opening tag has no closing tag after it, no later one has either.
   */
  *elements(): Generator<{ start: number; end: number; inner: string }> {
    let from = 0;
    for (;;) {
      const open = this.head(OPEN_HEAD, from);
      const innerStart = open ? this.tagEnd(open.end) : -1;
      const close = innerStart < 0 ? null : this.head(CLOSE_TAG, innerStart);
      if (!open || !close) return;
      yield { start: open.start, end: close.end, inner: this.text.slice(innerStart, close.start) };
      from = close.end;
    }
  }
}

/** The text with every `<at …>` and `</at>` tag removed (their content kept). */
function withoutAtTags(text: string): string {
  const tags = new AtTags(text);
  const parts: string[] = [];
  let last = 0;
  for (let tag = tags.head(ANY_HEAD, 0); tag; tag = tags.head(ANY_HEAD, last)) {
    const end = tags.tagEnd(tag.end);
    if (end < 0) break;
    parts.push(text.slice(last, tag.start));
    last = end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Display text of a mention as compared: tags removed, entities decoded, spaces collapsed, lower case. */
const mentionKey = (text: string): string =>
  decodeEntities(withoutAtTags(text))
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();

/** Teams ids compare without case and without the `28:` bot prefix. */
const idKey = (id: string): string => id.trim().toLowerCase().replace(/^28:/, '');

const isLineSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0;

/** Spaces, tabs and no-break spaces off the start (`side` 1) or the end (-1); line breaks stay. */
function trimLineSpace(text: string, side: 1 | -1): string {
  if (side === 1) {
    let start = 0;
    while (start < text.length && isLineSpace(text.charCodeAt(start))) start++;
    return text.slice(start);
  }
  let end = text.length;
  while (end > 0 && isLineSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

export function stripBotMention(text: string, mentions: MentionInfo[], botId: string): string {
  const bot = idKey(botId);
  const botNames = new Set(mentions.filter((m) => bot !== '' && idKey(m.mentionedId) === bot).map((m) => mentionKey(m.text)));
  // text between the tags and each tag's name are decoded separately, so `&lt;at&gt;` stays text;
  // a removed bot mention and the spaces around it become one space
  const parts: string[] = [];
  let last = 0;
  let afterBot = false;
  const pushText = (raw: string) => {
    const decoded = decodeEntities(raw);
    parts.push(afterBot ? trimLineSpace(decoded, 1) : decoded);
  };
  for (const element of new AtTags(text).elements()) {
    pushText(text.slice(last, element.start));
    afterBot = botNames.has(mentionKey(element.inner));
    if (afterBot) parts.push(trimLineSpace(parts.pop() ?? '', -1), ' ');
    else parts.push(decodeEntities(element.inner).replace(/\u00a0/g, ' ').trim());
    last = element.end;
  }
  pushText(text.slice(last));
  return parts.join('').trim();
}

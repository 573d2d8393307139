/**
 * Removes the bot's own @mention(s) from a Teams message text. Mentions are recognised by the id
 * in the activity's mention entities (the bot's display text may be anything); mentions of other
 * people stay as their plain names. Tolerates `<at>` markup with extra spaces and HTML entities.
 * Pure: takes plain data, not botbuilder types.
 */
import { decodeEntities } from '../core/html-lines';

export interface MentionInfo {
  mentionedId: string;
  /** the entity's text, e.g. `<at>Protokoll</at>` */
  text: string;
}

const AT_TAG = /<\s*at\b[^>]*>([\s\S]*?)<\s*\/\s*at\s*>/gi;

/** Display text of a mention as compared: tags removed, entities decoded, spaces collapsed, lower case. */
const mentionKey = (text: string): string =>
  decodeEntities(text.replace(/<\s*\/?\s*at\b[^>]*>/gi, ''))
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();

/** Teams ids compare without case and without the `28:` bot prefix. */
const idKey = (id: string): string => id.trim().toLowerCase().replace(/^28:/, '');

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
    parts.push(afterBot ? decoded.replace(/^[ \t\u00a0]+/, '') : decoded);
  };
  for (const match of text.matchAll(AT_TAG)) {
    pushText(text.slice(last, match.index));
    const inner = match[1] ?? '';
    afterBot = botNames.has(mentionKey(inner));
    if (afterBot) parts.push(parts.pop()?.replace(/[ \t\u00a0]+$/, '') ?? '', ' ');
    else parts.push(decodeEntities(inner).replace(/\u00a0/g, ' ').trim());
    last = match.index + match[0].length;
  }
  pushText(text.slice(last));
  return parts.join('').trim();
}

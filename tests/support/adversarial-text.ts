/**
 * Hostile text of about 1 MB for every parser that reads what a sender wrote (the Teams message,
 * its mention entities, a roster, an invitation body from Graph): the shapes that made patterns
 * backtrack or loops rescan (long runs of spaces, tags and comments that never close, parentheses
 * that never end, thousands of lines). The unit test asserts what each parser makes of them; the
 * benchmark times them. Each case builds its input when asked, so importing this costs nothing.
 */
import { stripBotMention, type MentionInfo } from '../../bot/src/teams/mention';
import { parseCommand } from '../../bot/src/core/commands/command.parser';
import { parseRoster } from '../../bot/src/core/commands/roster.arguments';
import { bodyLines } from '../../bot/src/core/html-lines';
import { parseEventAgenda } from '../../bot/src/core/event-agenda-parser';

/** Characters of hostile text per case: 1 MiB. */
export const ADVERSARIAL_SIZE = 1 << 20;

export const ADVERSARIAL_BOT_ID = '28:protokoll-bot';
const BOT_MENTION: MentionInfo = { mentionedId: ADVERSARIAL_BOT_ID, text: '<at>Protokoll</at>' };

/** The parsers, each as the server calls it. */
export const PARSERS = {
  /** teams/mention.ts: the message text with the bot's mention entity */
  stripBotMention: (text: string) => stripBotMention(text, [BOT_MENTION], ADVERSARIAL_BOT_ID),
  /** teams/mention.ts: a hostile mention entity (its text is the sender's too) */
  mentionEntity: (entityText: string) => stripBotMention('<at>Protokoll</at> nästa', [{ mentionedId: ADVERSARIAL_BOT_ID, text: entityText }], ADVERSARIAL_BOT_ID),
  /** core/commands: the command parser and every argument parser */
  parseCommand: (text: string) => parseCommand(text),
  /** core/commands/roster.arguments.ts: what follows `ledamöter` */
  parseRoster: (text: string) => parseRoster(text),
  /** core/html-lines.ts: an invitation body (HTML) */
  bodyLines: (html: string) => bodyLines({ contentType: 'html', content: html }),
  /** core/event-agenda-parser.ts: an invitation body, HTML or plain text (`text:` prefix) */
  parseEventAgenda: (body: string) =>
    body.startsWith('text:') ? parseEventAgenda({ contentType: 'text', content: body.slice(5) }) : parseEventAgenda({ contentType: 'html', content: body }),
  /** the whole path of a message, mention removed and command parsed (the length cap aside) */
  message: (text: string) => parseCommand(stripBotMention(text, [BOT_MENTION], ADVERSARIAL_BOT_ID)),
} as const;

export type ParserName = keyof typeof PARSERS;

export interface AdversarialCase {
  parser: ParserName;
  name: string;
  input(): string;
}

/** `unit` repeated to fill `size` characters (whole units only), between `before` and `after`. */
export function fill(unit: string, before = '', after = '', size = ADVERSARIAL_SIZE): string {
  const room = Math.max(0, size - before.length - after.length);
  return before + unit.repeat(Math.max(1, Math.floor(room / unit.length))) + after;
}

const cases = (parser: ParserName, list: Array<[string, () => string]>): AdversarialCase[] =>
  list.map(([name, input]) => ({ parser, name, input }));

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  ...cases('stripBotMention', [
    ['spaces before the mention', () => fill(' ', '', '<at>Protokoll</at> nästa')],
    ['spaces, a letter, then the mention', () => fill(' ', '', 'x<at>Protokoll</at> nästa')],
    ['opening tags that never close', () => fill('<at>', '<at>Protokoll</at> ')],
    ['opening tags without their >', () => fill('<at', '<at>Protokoll</at> ')],
    ['a < before runs of spaces', () => fill('<    ', '<at>Protokoll</at> ')],
    ['closing tags only', () => fill('</at>', '<at>Protokoll</at> ')],
    ['the bot mentioned over and over', () => fill('<at>Protokoll</at> ')],
    ['mentions of someone else', () => fill('<at>Anna</at>', '<at>Protokoll</at> ')],
    ['entities that never end', () => fill('&#x1', '<at>Protokoll</at> ')],
    ['entities', () => fill('&amp;', '<at>Protokoll</at> ')],
  ]),
  ...cases('mentionEntity', [
    ['an entity text of opening tags', () => fill('<at')],
    ['an entity text of < and spaces', () => fill('< / ')],
  ]),
  ...cases('parseCommand', [
    ['spaces before the keyword', () => fill(' ', '', 'nästa')],
    ['an unknown word', () => fill('x')],
    ['a parenthesis of type letters that never closes', () => fill('i', 'ny punkt (', ')x')],
    ['a parenthesis of type letters ending in another letter', () => fill('i', 'ny punkt Budget (', 'x)')],
    ['a type tag of slashes', () => fill('i/', 'ny punkt Budget (', ')')],
    ['a paragraph number of a million digits', () => fill('1', 'ändra punkt ')],
    ['a sub-point of a million letters', () => fill('a', 'punkt 24')],
    ['a sub-point of a million other letters', () => fill('ö', 'punkt 24')],
    ['names and och', () => fill('Anna och ', 'föredragande ', 'Bo')],
    ['a long list of names', () => fill('Anna, ', 'föredragande ', 'Bo')],
    ['ansvarig over and over', () => fill('ansvarig ', 'åtgärd Boka lokal ')],
    ['a decision of att', () => fill('att ', 'beslut ')],
    ['a rule of dashes and spaces', () => fill(' - / ', 'beslutsförhet ')],
    ['a calendar address of a million letters', () => fill('a', 'kalender användare ', '@example.se')],
    ['a numbering start repeated', () => fill('start ', 'numrering år ')],
    ['a name with a period after every word', () => fill('Anna. ', 'närvarande ')],
    ['a time of spaces', () => fill(' ', 'justering senast 2024-03-08 kl', '16.00')],
    ['a roster of a letter per line', () => fill('x\n', 'ledamöter\n')],
  ]),
  ...cases('parseRoster', [
    ['tens of thousands of people', () => fill('Anna Berg; ledamot; Region Blekinge; ledamot\n', '\n')],
    ['a line of semicolons', () => fill(';', '\n')],
    ['a party that never closes', () => fill('(', '\nAnna Berg ', '; ledamot; Region Blekinge; ledamot')],
    ['a role repeated', () => fill('ledamot, ', '\nAnna Berg; ledamot; Region Blekinge; ', 'ledamot')],
    ['roles joined by och', () => fill('ledamot och ', '\nAnna Berg; ledamot; Region Blekinge; ', 'ledamot')],
    ['an address in brackets of a million letters', () => fill('a', '\nAnna Berg; ledamot; Region Blekinge; ledamot; <', '@example.se>')],
    ['the same address on every line', () => fill('Anna Berg; ledamot; Region Blekinge; ledamot; anna@example.se\n', '\n')],
  ]),
  ...cases('bodyLines', [
    ['comments that never close', () => fill('<!--')],
    ['a comment around a paragraph', () => fill('x', '<!--', '--><p>Budget</p>')],
    ['style elements that never close', () => fill('<style>', '', '<p>Budget</p>')],
    ['style elements closed once at the end', () => fill('<style>', '', '</style><p>Budget</p>')],
    ['tags without their >', () => fill('<a ')],
    ['a < before every letter', () => fill('<1')],
    ['empty paragraphs in a list', () => fill('  <p>', '<ol><li>Budget', '</ol>')],
    ['lists nested a hundred thousand deep', () => fill('<ol>', '', '<li>Budget')],
    ['entities that never end', () => fill('&#', '<p>', '</p>')],
  ]),
  ...cases('parseEventAgenda', [
    ['presenters in parentheses that never close', () => fill('(föredragande: Anna ', '<p>1. Budget ')],
    ['presenters after dashes', () => fill(' - föredragande: Anna', '<p>1. Budget', '</p>')],
    ['a presenter line of a hundred thousand names', () => fill('Anna, ', 'text:1. Budget\nFöredragande: ', 'Bo')],
    ['a type tag of slashes', () => fill('i/', 'text:1. Budget (', 'i)')],
    ['numbered lines', () => fill('1. Budget\n', 'text:')],
    ['list items', () => fill('<li>Budget</li>', '<ol>', '</ol>')],
    ['a capital line of a million letters', () => fill('AB ', 'text:')],
    ['sub-points without an item', () => fill('a) Budget\n', 'text:')],
  ]),
  ...cases('message', [
    ['spaces around the mention', () => fill(' ', '', '<at>Protokoll</at>   nästa')],
    ['a note full of markup', () => fill('<at>x</at> &amp; <b> ', '<at>Protokoll</at> anteckning ')],
  ]),
];

import path from 'node:path';
import { readFileSync } from 'node:fs';
import { stripBotMention, type MentionInfo } from '../../../bot/src/teams/mention';

const BOT = '28:bot-app-id';
const botMention = (text: string): MentionInfo => ({ mentionedId: BOT, text });
const person = (text: string, id = '29:user-anna'): MentionInfo => ({ mentionedId: id, text });

interface FixtureActivity {
  text: string;
  recipient: { id: string };
  entities: Array<{ type: string; mentioned?: { id: string }; text?: string }>;
}

/** The same mapping protokoll-bot.ts does from a Bot Framework activity. */
const mentionsOf = (activity: FixtureActivity): MentionInfo[] =>
  activity.entities
    .filter((e) => e.type === 'mention')
    .map((e) => ({ mentionedId: String(e.mentioned?.id ?? ''), text: String(e.text ?? '') }));

describe('stripBotMention with real activity shapes', () => {
  it.each([
    ['channel-message-mention.json', 'hello channel'],
    ['groupchat-message-mention.json', 'hi group'],
  ])('%s', (file, expected) => {
    const activity = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'teams', file), 'utf8')) as FixtureActivity;
    expect(stripBotMention(activity.text, mentionsOf(activity), activity.recipient.id)).toBe(expected);
  });
});

describe('stripBotMention', () => {
  it.each<[string, string, MentionInfo[], string]>([
    ['leading bot mention', '<at>Protokoll</at> nästa', [botMention('<at>Protokoll</at>')], 'nästa'],
    ['any display name', '<at>Mötessekreteraren</at> starta', [botMention('<at>Mötessekreteraren</at>')], 'starta'],
    ['extra spaces in markup', '< at >Protokoll</ at > nästa', [botMention('<at>Protokoll</at>')], 'nästa'],
    ['attributes in markup', '<at id="0">Protokoll</at> nästa', [botMention('<at>Protokoll</at>')], 'nästa'],
    ['upper-case markup', '<AT>Protokoll</AT> nästa', [botMention('<at>Protokoll</at>')], 'nästa'],
    ['&nbsp; after the mention', '<at>Protokoll</at>&nbsp;nästa', [botMention('<at>Protokoll</at>')], 'nästa'],
    ['&nbsp; inside the name', '<at>Protokoll&nbsp;Bot</at> nästa', [botMention('<at>Protokoll Bot</at>')], 'nästa'],
    ['&amp; in the name', '<at>Vård &amp; Omsorg Bot</at> nästa', [botMention('<at>Vård & Omsorg Bot</at>')], 'nästa'],
    ['&amp; in the command', '<at>Protokoll</at> föredragande Anna &amp; Bo', [botMention('<at>Protokoll</at>')], 'föredragande Anna & Bo'],
    ['no entities for the bot: nothing removed', '<at>Protokoll</at> nästa', [], 'Protokoll nästa'],
    ['bot mentioned twice', '<at>Protokoll</at> beslut att fråga <at>Protokoll</at>', [botMention('<at>Protokoll</at>'), botMention('<at>Protokoll</at>')], 'beslut att fråga'],
    ['bot mention in the middle', '<at>Protokoll</at> beslut att fråga <at>Protokoll</at>  igen', [botMention('<at>Protokoll</at>')], 'beslut att fråga igen'],
    ['line break before a mention kept', 'anteckning rad ett\n<at>Protokoll</at> rad två', [botMention('<at>Protokoll</at>')], 'anteckning rad ett\n rad två'],
    ['differently cased display text', '<at>protokoll</at> nästa', [botMention('<at>Protokoll</at>')], 'nästa'],
    ['no mention at all (personal chat)', '  nästa \n', [], 'nästa'],
    ['empty text', '', [botMention('<at>Protokoll</at>')], ''],
    ['only the mention', '<at>Protokoll</at>', [botMention('<at>Protokoll</at>')], ''],
    ['bot id compared without case', '<at>Protokoll</at> nästa', [{ mentionedId: '28:BOT-APP-ID', text: '<at>Protokoll</at>' }], 'nästa'],
    ['entity text without markup', '<at>Protokoll</at> nästa', [botMention('Protokoll')], 'nästa'],
    ['escaped markup stays text', '<at>Protokoll</at> anteckning &lt;at&gt;x&lt;/at&gt;', [botMention('<at>Protokoll</at>')], 'anteckning <at>x</at>'],
    ['numeric entities', '<at>Protokoll</at> anteckning caf&#233; &#x2013; bra', [botMention('<at>Protokoll</at>')], 'anteckning café – bra'],
    ['line breaks kept', '<at>Protokoll</at> anteckning\nrad två', [botMention('<at>Protokoll</at>')], 'anteckning\nrad två'],
  ])('%s', (_name, text, mentions, expected) => {
    expect(stripBotMention(text, mentions, BOT)).toBe(expected);
  });

  it.each<[string, string, MentionInfo[], string]>([
    [
      'another person stays as their name',
      '<at>Protokoll</at> justerare <at>Anna Berg</at>',
      [botMention('<at>Protokoll</at>'), person('<at>Anna Berg</at>')],
      'justerare Anna Berg',
    ],
    [
      'several people',
      '<at>Protokoll</at> föredragande <at>Anna Berg</at>, <at>Åsa Öberg-Ähr</at>',
      [botMention('<at>Protokoll</at>'), person('<at>Anna Berg</at>'), person('<at>Åsa Öberg-Ähr</at>', '29:user-asa')],
      'föredragande Anna Berg, Åsa Öberg-Ähr',
    ],
    [
      'a person whose name has entities',
      '<at>Protokoll</at> närvarande <at>Anna&nbsp;O&#39;Brien</at>',
      [botMention('<at>Protokoll</at>'), person("<at>Anna O'Brien</at>")],
      "närvarande Anna O'Brien",
    ],
    [
      'a person mentioned first, the bot later',
      '<at>Anna Berg</at> <at>Protokoll</at> nästa',
      [person('<at>Anna Berg</at>'), botMention('<at>Protokoll</at>')],
      'Anna Berg nästa',
    ],
    [
      'a person mentioned without any bot mention',
      'justerare <at>Anna Berg</at>',
      [person('<at>Anna Berg</at>')],
      'justerare Anna Berg',
    ],
  ])('%s', (_name, text, mentions, expected) => {
    expect(stripBotMention(text, mentions, BOT)).toBe(expected);
  });
});

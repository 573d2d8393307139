/**
 * What the bot writes is plain text, or escaped markdown when it @mentions someone: a change request
 * "Se **[den rättade versionen här](https://evil.example/login)**" told to the secretaries must not
 * become a link in a message from the bot. Mention messages are rendered as a Teams client would
 * (markdown with HTML, tests/support/markdown-injection.ts): the only markup is the declared
 * mentions, and every character of the user's text shows.
 */
import { toActivity } from '../../../bot/src/teams/reply-activity';
import { MARKDOWN_INJECTION, MARKDOWN_INJECTION_LINES, MARKDOWN_INJECTION_TEXT, shownMarkdown } from '../../support/markdown-injection';

const sandra = { id: '29:sandra', name: 'Sandra Johansson' };

describe('plain replies', () => {
  it.each(MARKDOWN_INJECTION)('%j is sent as plain text, exactly as written', (text) => {
    const activity = toActivity({ text: `Punkt 3 ${text} är tillagd.` });
    expect(activity).toMatchObject({ textFormat: 'plain', text: `Punkt 3 ${text} är tillagd.` });
  });

  it('a reply with a card is plain text too', () => {
    const activity = toActivity({ text: MARKDOWN_INJECTION_TEXT, card: { type: 'AdaptiveCard', version: '1.5', body: [] } as never });
    expect(activity).toMatchObject({ textFormat: 'plain', text: MARKDOWN_INJECTION_TEXT });
  });
});

describe('replies that @mention', () => {
  it('the brief\'s change request shows as typed, the secretary still mentioned', () => {
    const activity = toActivity({ text: 'Anna begär ändring i version 1: Se **[den rättade versionen här](https://evil.example/login)**', mentions: [sandra] });
    expect(activity.textFormat).toBe('markdown');
    expect(activity.entities).toEqual([{ type: 'mention', text: '<at>Sandra Johansson</at>', mentioned: sandra }]);
    expect(shownMarkdown(activity.text!)).toEqual({
      paragraphs: ['@Sandra Johansson: Anna begär ändring i version 1: Se **[den rättade versionen här](https://evil.example/login)**'],
      mentions: ['Sandra Johansson'],
      markup: [],
    });
  });

  it.each(MARKDOWN_INJECTION)('%j in the text makes no markup and shows every character', (text) => {
    const activity = toActivity({ text: `Ändring: ${text}`, mentions: [sandra] });
    const shown = shownMarkdown(activity.text!);
    expect(shown.markup).toEqual([]);
    expect(shown.mentions).toEqual(['Sandra Johansson']);
    expect(shown.paragraphs).toEqual([`@Sandra Johansson: Ändring: ${text.split('\n')[0]}`, ...text.split('\n').slice(1)]);
  });

  it('the whole corpus at once keeps its lines apart', () => {
    const shown = shownMarkdown(toActivity({ text: MARKDOWN_INJECTION_TEXT, mentions: [sandra, { id: '29:mats', name: 'Mats Wennstig' }] }).text!);
    expect(shown).toEqual({
      paragraphs: [`@Sandra Johansson, @Mats Wennstig: ${MARKDOWN_INJECTION_LINES[0]}`, ...MARKDOWN_INJECTION_LINES.slice(1)],
      mentions: ['Sandra Johansson', 'Mats Wennstig'],
      markup: [],
    });
  });

  it('a name with markdown is mentioned as written; one with tags cannot open a mention of its own', () => {
    const people = [
      { id: '29:anna', name: 'Anna *Karin* [Åkesson](https://evil.example)' },
      { id: '29:eve', name: 'Eve</at><at>Mats Wennstig' },
      { id: null, name: 'Bo **utan** Teams-id' },
    ];
    const activity = toActivity({ text: 'Påminnelse', mentions: people });
    const shown = shownMarkdown(activity.text!);
    expect(shown.markup).toEqual([]);
    expect(shown.mentions).toEqual(['Anna *Karin* [Åkesson](https://evil.example)', 'Eve/atatMats Wennstig']);
    expect(shown.paragraphs).toEqual(['@Anna *Karin* [Åkesson](https://evil.example), @Eve/atatMats Wennstig, Bo **utan** Teams-id: Påminnelse']);
    // each entity names the text in the message exactly, as Teams requires
    for (const entity of activity.entities ?? []) expect(activity.text).toContain(entity.text);
    expect(activity.entities?.map((e) => e.mentioned.id)).toEqual(['29:anna', '29:eve']);
  });
});

/**
 * User text in what the bot writes, over the wire: typed markdown and HTML (the injection corpus)
 * comes back as plain text in replies, as escaped markdown in messages that @mention someone (a
 * change request told to the secretary, a justering reminder to an approver whose name has
 * markdown in it), and escaped in the approval card. What a Teams client would show is checked by
 * rendering (tests/support/markdown-injection.ts): no link, image, emphasis, heading or tag, and the
 * mentions still name the right people.
 */
import { useWire } from '../support/wire';
import { meetingWithDraft } from '../support/draft-meeting';
import { describeEachStore } from '../support/stores';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';
import { MARKDOWN_INJECTION, MARKDOWN_INJECTION_LINES, MARKDOWN_INJECTION_TEXT, shownMarkdown } from '../support/markdown-injection';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'f1000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'f1000000-0000-4000-8000-000000000002' };
/** a roster name with markdown in it: it is @mentioned in reminders */
const anna: Person = { id: '29:anna', name: 'Anna-Karin *Åkesson* [Ronneby]', aadObjectId: 'f1000000-0000-4000-8000-000000000003' };
const at = (minutes: number) => new Date(Date.parse('2024-04-08T07:00:00.000Z') + minutes * 60_000).toISOString();
/** `justering senast 2024-04-12 kl. 16.00` in Stockholm (CEST) */
const DEADLINE = Date.parse('2024-04-12T14:00:00.000Z');

/** What Teams puts in an activity's text for what a member typed: the characters HTML would read, as entities. */
const typed = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describeEachStore('user text in what the bot writes', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;

  const say = async (who: Person, text: string, minute: number) => {
    const before = wire.connector.messages.length;
    await deliver(wire.app.url, channel.message(who, typed(text), at(minute)));
    return wire.connector.messages.slice(before);
  };
  const mentionMessages = (since: number) => wire.connector.messages.slice(since).filter((m) => m.entities?.some((e: any) => e.type === 'mention'));

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:text-team@thread.tacv2', teamName: 'Texttestgruppen', channelId: '19:text@thread.tacv2' }, wire.connector.url);
    await meetingWithDraft(wire.app.url, channel, { chair: mats, adjuster: anna, secretary: sandra }, at, ['justering senast 2024-04-12 kl. 16.00']);
  });

  it('replies that echo a typed title are plain text, the title exactly as typed', async () => {
    for (const [i, text] of MARKDOWN_INJECTION.entries()) {
      const title = text.replace(/\s+/g, ' ');
      const replies = await say(sandra, `ny punkt ${text}`, 70 + i);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({ textFormat: 'plain' });
      expect(replies[0].text).toContain(title);
    }
  });

  it('a change request is told to the secretary @mentioned, as escaped markdown that shows every character', async () => {
    const before = wire.connector.messages.length;
    const replies = await say(anna, `ändra ${MARKDOWN_INJECTION_TEXT}`, 90);
    // the approver's own answer is plain text
    expect(replies[0]).toMatchObject({ textFormat: 'plain' });
    expect(replies[0].text).toContain(`${anna.name} begär ändring i version 1: ${MARKDOWN_INJECTION_TEXT}`);

    const [told] = mentionMessages(before);
    expect(told).toMatchObject({ textFormat: 'markdown', entities: [{ type: 'mention', text: '<at>Sandra Johansson</at>', mentioned: { id: sandra.id, name: sandra.name } }] });
    expect(shownMarkdown(told.text)).toEqual({
      paragraphs: [`@Sandra Johansson: ${anna.name} begär ändring i version 1: ${MARKDOWN_INJECTION_LINES[0]}`, ...MARKDOWN_INJECTION_LINES.slice(1)],
      mentions: ['Sandra Johansson'],
      markup: [],
    });
  });

  it('the approval card shows the change request escaped', async () => {
    const updates = wire.connector.calls.filter((c) => c.method === 'PUT' && JSON.stringify(c.body?.attachments ?? []).includes('begär ändring'));
    const card = updates.at(-1)!.body.attachments[0].content;
    const texts: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        const element = node as Record<string, unknown>;
        if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
        Object.values(element).forEach(collect);
      }
    };
    collect(card.body);
    const comment = texts.find((t) => t.includes('den rättade versionen här'))!;
    const shown = shownMarkdown(comment);
    expect(shown.markup).toEqual([]);
    expect(shown.mentions).toEqual([]);
    // a TextBlock runs its lines together (soft breaks): what shows is every line, in order
    expect(shown.paragraphs.join(' ').replace(/\s+/g, ' ')).toContain(MARKDOWN_INJECTION_LINES.join(' ').replace(/\s+/g, ' '));
  });

  it('a justering reminder @mentions an approver whose name has markdown, without markup', async () => {
    const before = wire.connector.messages.length;
    expect(await wire.app.approvalReminders.run(new Date(DEADLINE - 3_600_000).toISOString())).toBe(1);
    const [reminder] = mentionMessages(before);
    expect(reminder.textFormat).toBe('markdown');
    expect(reminder.entities.map((e: any) => e.mentioned)).toEqual([{ id: mats.id, name: mats.name }, { id: anna.id, name: anna.name }]);
    for (const entity of reminder.entities) expect(reminder.text).toContain(entity.text);
    const shown = shownMarkdown(reminder.text);
    expect(shown.markup).toEqual([]);
    expect(shown.mentions).toEqual([mats.name, anna.name]);
    expect(shown.paragraphs[0]).toMatch(/^@Mats Wennstig, @Anna-Karin \*Åkesson\* \[Ronneby\]: Påminnelse: protokollet \(version 1\)/);
  });
});

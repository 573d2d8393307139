/**
 * The length cap on chat messages, over the wire: a message longer than Teams itself lets anyone
 * send (MAX_MESSAGE_LENGTH) is refused in Swedish before any parsing and changes nothing; a roster of
 * exactly the cap is read and saved as usual. A message of about 1 MB gets the same short refusal.
 */
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { LIMITS } from '../../bot/src/core/limits';
import { MAX_MESSAGE_LENGTH, tooLongMessage } from '../../bot/src/teams/protokoll-bot';
import { useWire } from '../support/wire';
import { describeEachStore } from '../support/stores';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'f2000000-0000-4000-8000-000000000001' };
const at = (minutes: number) => new Date(Date.parse('2024-05-20T07:00:00.000Z') + minutes * 60_000).toISOString();

describeEachStore('the length of a chat message', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;

  /** The activity's whole text is `<at>Protokoll</at> ` and the command: `command` padded to `length` characters of text. */
  const messageOf = (command: string, length: number, minute: number) => {
    const activity = channel.message(sandra, command, at(minute));
    activity.text = activity.text + 'x'.repeat(length - activity.text.length);
    expect(activity.text).toHaveLength(length);
    return activity;
  };
  /**
   * A valid `ledamöter` message of exactly `length` characters: people 1…n, the secretary last with a
   * title that fills it up. Each line is long enough that a message at the cap stays within the
   * roster's own limit of people (LIMITS.rosterMembers).
   */
  const rosterOf = (length: number, minute: number) => {
    const activity = channel.message(sandra, 'ledamöter', at(minute));
    const last = (title: string) => `\nSandra Johansson; ${title}; Region Blekinge; sekreterare`;
    for (let i = 1; activity.text.length + 200 + last('').length < length; i++) {
      activity.text += `\nPerson ${i}; verksamhetschef för hälso- och sjukvård, kommunens socialförvaltning; Region Blekinge; ledamot`;
    }
    activity.text += last('p'.repeat(length - activity.text.length - last('').length));
    expect(activity.text).toHaveLength(length);
    return activity;
  };
  const send = async (activity: unknown) => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, activity);
    expect(res.status).toBe(200);
    return wire.connector.messages.slice(before);
  };
  const snapshot = async () => {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Längdgruppen')!;
    const meetings = await repos.meetings.list(group.id);
    return JSON.stringify({ group, roster: await repos.roster.list(group.id), meetings, agenda: await Promise.all(meetings.map((m) => repos.agenda.list(m.id))) });
  };

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:length-team@thread.tacv2', teamName: 'Längdgruppen', channelId: '19:length@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, channel.install(at(-10)));
    await send(channel.message(sandra, 'ledamöter\nSandra Johansson; processledare; Region Blekinge; sekreterare', at(-9)));
  });

  it('a roster one character over the cap is refused in Swedish, and nothing is saved', async () => {
    const before = await snapshot();
    const replies = await send(rosterOf(MAX_MESSAGE_LENGTH + 1, 1));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ textFormat: 'plain', text: tooLongMessage(MAX_MESSAGE_LENGTH + 1) });
    expect(replies[0].text).toBe('Meddelandet är för långt: 28\u00a0001 tecken, men högst 28\u00a0000 tecken läses. Inget sparades; korta texten och skicka den igen.');
    expect(await snapshot()).toBe(before);
  });

  it('a roster of exactly the cap is read and saved as usual', async () => {
    const roster = rosterOf(MAX_MESSAGE_LENGTH, 2);
    const people = roster.text.split('\n').length - 1;
    expect(people).toBeGreaterThan(200);
    expect(people).toBeLessThanOrEqual(LIMITS.rosterMembers);
    const replies = await send(roster);
    expect(replies.map((r) => r.text).join('\n')).toMatch(new RegExp(`${people} personer är sparade`));
    expect(JSON.parse(await snapshot()).roster).toHaveLength(people);
  });

  it('the same refusal for about 1 MB, and the server goes on answering', async () => {
    const replies = await send(messageOf('ledamöter\n', 1_000_000, 3));
    expect(replies.map((r) => r.text)).toEqual([tooLongMessage(1_000_000)]);
    const next = await send(channel.message(sandra, 'dagordning', at(4)));
    expect(next).toHaveLength(1);
  });

  it('a command of exactly the cap reaches the parser, which says what is wrong with it', async () => {
    const replies = await send(messageOf('ny punkt ', MAX_MESSAGE_LENGTH, 5));
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/^`ny punkt`: Titeln har för många tecken \(\d+, högst 300\)\./);
  });
});

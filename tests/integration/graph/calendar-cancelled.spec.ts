/**
 * A meeting cancelled in the calendar before it starts, end to end over HTTP: the organiser deletes
 * the invitation on the Graph stand-in (and, in a second group, an attendee's copy is marked
 * `isCancelled`). The planned meeting becomes `inställt` in the tab API, its items (the carried-over
 * postponed item and the member's `ny punkt`) go to the next meeting in the calendar, the secretary
 * is told once, and no agenda is ever posted for it; the next meeting's agenda has the items.
 */
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { deliver, TeamsChannel } from '../../support/teams-activities';
import { agendaPosts, EXPECTED_AGENDA, fixtureEvents, hoursBefore, ORGANISER, sandra, setUpGroup, STARTS } from './calendar-scenario';

const NEXT_ID = 'AAMkAGI5MWY5ZmUyLTM0ODMtNGZjOS05ZDAzLWRmYTY2ZjRlZGEyNwBGAAAAAAA_NEXT=';
const PUBLIC_BASE_URL = 'https://protokoll.example.se';
const DAY = 86_400_000;
/** the text as Teams shows it (a message that @mentions is markdown with its text escaped) */
const unescaped = (text: string) => text.replace(/\\(.)/g, '$1');

/** The same invitation four weeks on (2024-04-09 10.00–13.00 in Stockholm, summer time), as a new event. */
function nextMonth(): any {
  const first = fixtureEvents()[0];
  return { ...first, id: NEXT_ID, start: { dateTime: '2024-04-09T08:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2024-04-09T11:00:00.0000000', timeZone: 'UTC' } };
}

describeEachStore('a meeting cancelled in the calendar', (store) => {
  const { graph, env, entra } = useGraphStandIns();
  const wire = useWire(store, () => ({ ...env, PUBLIC_BASE_URL }));
  let groupId: string;

  const meetings = async (): Promise<Array<{ date: string | null; status: string }>> => {
    const res = await fetch(`${wire.app.url}/api/groups/${groupId}/meetings`, { headers: { authorization: `Bearer ${entra.userToken(sandra.aadObjectId)}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { meetings: any[] }).meetings.map((m) => ({ date: m.date, status: m.status }));
  };
  const cancellationsTold = () => wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /är inställt i kalendern/.test(c.body?.activity?.text ?? ''));

  beforeAll(async () => {
    await setUpGroup(wire.app.url, wire.connector, graph);
    graph.setCalendar('users', ORGANISER, [...fixtureEvents(), nextMonth()]);
    const res = await fetch(`${wire.app.url}/api/groups`, { headers: { authorization: `Bearer ${entra.userToken(sandra.aadObjectId)}` } });
    groupId = ((await res.json()) as any[])[0].id;
  });

  it('links the meeting first, as any planned meeting', async () => {
    await wire.app.scheduler.tick(hoursBefore(48));
    expect(await meetings()).toEqual([
      { date: '2024-03-12', status: 'planerat' },
      { date: '2024-03-01', status: 'justering' },
    ]);
  });

  it('deleted by the organiser: inställt, its items on the next meeting, the secretary told once, no agenda', async () => {
    graph.removeEvent('users', ORGANISER, fixtureEvents()[0].id);
    const report = await wire.app.scheduler.tick(hoursBefore(30));
    expect(report).toMatchObject({ problems: 0, agendasPosted: 0 });
    // the deleted event was asked for by id, and Graph said it is gone
    expect(graph.calls.some((c) => c.path.endsWith(`/events/${fixtureEvents()[0].id}`) && c.status === 404)).toBe(true);
    // the next invitation (4 weeks on) is beyond the 14 days looked ahead: the next meeting has no date yet
    expect(await meetings()).toEqual([
      { date: null, status: 'planerat' },
      { date: '2024-03-12', status: 'inställt' },
      { date: '2024-03-01', status: 'justering' },
    ]);
    for (const hours of [23, 2]) await wire.app.scheduler.tick(hoursBefore(hours));
    const told = cancellationsTold();
    expect(told).toHaveLength(1);
    expect(unescaped(told[0]!.body.activity.text)).toContain(
      'Mötet Tisdag den 12 mars 2024 kl. 09.00 – 12.00 via Teams är inställt i kalendern. Dess punkter flyttas till nästa möte: Vårdplatsflöde, Rapport från länsstyrelsen. Ingen dagordning postas för det.',
    );
    expect(agendaPosts(wire.connector)).toEqual([]);
  });

  it('the next meeting’s agenda has the moved items once, numbered with its own', async () => {
    await wire.app.scheduler.tick('2024-03-27T08:00:00.000Z');
    expect((await meetings())[0]).toEqual({ date: '2024-04-09', status: 'planerat' });
    await wire.app.scheduler.tick(new Date(Date.parse('2024-04-09T08:00:00.000Z') - 23 * 3_600_000).toISOString());
    const posts = agendaPosts(wire.connector);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toBe('Dagordning inför mötet Tisdag den 9 april 2024 kl. 10.00 – 13.00 via Teams.');
    // the fixture invitation's agenda, moved to the next meeting's date
    expect(posts[0]!.texts).toEqual([EXPECTED_AGENDA[0], 'Tisdag den 9 april 2024 · Planerat möte', ...EXPECTED_AGENDA.slice(2)]);
    // "föregående protokoll" of the next meeting is the one held, not the cancelled one
    expect(cancellationsTold()).toHaveLength(1);
  });

  it('an attendee’s copy marked isCancelled cancels as well, and a `ny punkt` typed before it moves on', async () => {
    // a second group whose calendar is an attendee's mailbox: Outlook keeps the event, marked cancelled
    const attendee = 'lena.holm@regionblekinge.se';
    const other = await setUpOther(attendee);
    await deliver(wire.app.url, other.message(sandra, 'ny punkt Lokalfrågan', '2024-03-06T08:00:00.000Z'));
    await wire.app.scheduler.tick(new Date(STARTS - 3 * DAY).toISOString());
    graph.updateEvent('users', attendee, fixtureEvents()[0].id, { isCancelled: true, subject: 'Inställt: Samverkansgrupp att åldras – sammanträde' });
    await wire.app.scheduler.tick(new Date(STARTS - 2 * DAY).toISOString());
    await wire.app.scheduler.tick(new Date(STARTS - 1 * DAY).toISOString());
    const told = cancellationsTold().filter((c) => c.body.channelData?.channel?.id === '19:lsvo@thread.tacv2');
    expect(told).toHaveLength(1);
    expect(unescaped(told[0]!.body.activity.text)).toContain('Dess punkter flyttas till nästa möte: Lokalfrågan.');
    expect(agendaPosts(wire.connector).filter((p) => p.conversationId.startsWith('19:lsvo'))).toEqual([]);
  });

  async function setUpOther(attendee: string) {
    graph.setCalendar('users', attendee, [fixtureEvents()[0]]);
    const channel = new TeamsChannel({ teamId: '19:lsvo-team@thread.tacv2', teamName: 'LSVO', channelId: '19:lsvo@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, channel.install('2024-03-05T07:00:00.000Z'));
    await deliver(wire.app.url, channel.message(sandra, ['ledamöter', 'Sandra Johansson; processledare; Region Blekinge; sekreterare'].join('\n'), '2024-03-05T07:01:00.000Z'));
    await deliver(wire.app.url, channel.message(sandra, `kalender användare ${attendee}`, '2024-03-05T07:02:00.000Z'));
    return channel;
  }
});

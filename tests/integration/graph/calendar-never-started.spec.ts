/**
 * A planned meeting that was never started (no `starta`, no Teams meeting-start event), end to end
 * over HTTP: a monthly series of two occurrences on the Graph stand-in. April's agenda goes out, April's
 * time passes with nothing recorded, and May's lead time comes. April stays the group's planned meeting
 * (nothing is decided for it: it may have been held without Protokoll), so May is neither linked nor
 * given an agenda; the secretary is told once, in the group's channel, which meeting was never
 * started and what to do. Doing it (`starta`, `avsluta`) frees the calendar: May is linked and its
 * agenda posted.
 */
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { deliver, TeamsChannel } from '../../support/teams-activities';
import { agendaPosts, CHANNEL, fixtureEvents, ORGANISER, sandra } from './calendar-scenario';

const utc = (iso: string) => ({ dateTime: iso.replace('Z', '0000'), timeZone: 'UTC' });
const HOUR = 3_600_000;
const APRIL = '2024-04-09T08:00:00.000Z';
const MAY = '2024-05-14T08:00:00.000Z';
const before = (start: string, hours: number) => new Date(Date.parse(start) - hours * HOUR).toISOString();
const unescaped = (text: string) => text.replace(/<\/?at>/g, '').replace(/\\(.)/g, '$1');

/** One occurrence of the series: the fixture invitation on the given Tuesday, 10.00–12.00 in Stockholm. */
function occurrence(id: string, start: string): any {
  const end = new Date(Date.parse(start) + 2 * HOUR).toISOString();
  return { ...fixtureEvents()[0], id, type: 'occurrence', seriesMasterId: 'AAMk-series', start: utc(start), end: utc(end) };
}

describeEachStore('a planned meeting that was never started', (store) => {
  const { graph, env } = useGraphStandIns();
  const wire = useWire(store, env);
  let channel: TeamsChannel;

  const say = async (text: string, at: string) => expect((await deliver(wire.app.url, channel.message(sandra, text, at))).status).toBe(200);
  const repos = () => repositoriesFor(store().db);
  const meetings = async () => {
    const group = (await repos().groups.findForConversation({ conversationId: CHANNEL, teamId: channel.place.teamId, channelId: CHANNEL }))!;
    return (await repos().meetings.list(group.id)).map((m) => ({ startsAt: m.startsAt, status: m.status }));
  };
  const neverStartedTold = () => wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /startades aldrig/.test(c.body?.activity?.text ?? ''));

  beforeAll(async () => {
    graph.setCalendar('users', ORGANISER, [occurrence('AAMk-april', APRIL), occurrence('AAMk-may', MAY)]);
    channel = new TeamsChannel({ teamId: '19:samverkan-team@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: CHANNEL }, wire.connector.url);
    await deliver(wire.app.url, channel.install('2024-04-01T07:00:00.000Z'));
    await say('ledamöter\nSandra Johansson; processledare; Region Blekinge; sekreterare', '2024-04-01T07:01:00.000Z');
    await say(`kalender användare ${ORGANISER}`, '2024-04-01T07:02:00.000Z');
  });

  it('April’s agenda goes out at its lead time', async () => {
    await wire.app.scheduler.tick(before(APRIL, 23));
    expect(agendaPosts(wire.connector).map((p) => p.text)).toEqual(['Dagordning inför mötet Tisdag den 9 april 2024 kl. 10.00 – 12.00 via Teams.']);
  });

  it('April’s time passes with nothing recorded: the secretary is told once, and nothing in April changes', async () => {
    for (const at of ['2024-04-09T11:00:00.000Z', '2024-04-10T08:00:00.000Z', before(MAY, 23), before(MAY, 20)]) await wire.app.scheduler.tick(at);
    const told = neverStartedTold();
    expect(told).toHaveLength(1);
    const text = unescaped(told[0]!.body.activity.text);
    // told as the other calendar problems are: in the group's channel, to the secretary
    expect(text).toBe(
      'Sandra Johansson: Mötet Tisdag den 9 april 2024 kl. 10.00 – 12.00 via Teams startades aldrig i Protokoll (varken med `starta` eller av Teams när mötet började) och står kvar som planerat. '
      + 'Därför kopplas inte nästa möte i kalendern, Tisdag den 14 maj 2024, och ingen dagordning postas för det. '
      + 'Hölls mötet: skriv `starta` och sedan `avsluta`, så blir det ett protokollutkast att komplettera, och nästa möte kopplas. '
      + 'Protokoll ställer inte in ett möte som redan har passerat, och ändrar ingenting i det.',
    );
    expect(told[0]!.body.channelData?.channel?.id).toBe(CHANNEL);
    // April is kept as it was; May is not linked and gets no agenda
    expect(await meetings()).toEqual([{ startsAt: APRIL, status: 'planerat' }]);
    expect(agendaPosts(wire.connector)).toHaveLength(1);
  });

  it('after `starta` and `avsluta`, May is linked and its agenda is posted', async () => {
    await say('starta', before(MAY, 19));
    await say('avsluta', before(MAY, 18.5));
    await wire.app.scheduler.tick(before(MAY, 18));
    const posts = agendaPosts(wire.connector);
    expect(posts.map((p) => p.text)).toEqual([
      'Dagordning inför mötet Tisdag den 9 april 2024 kl. 10.00 – 12.00 via Teams.',
      'Dagordning inför mötet Tisdag den 14 maj 2024 kl. 10.00 – 12.00 via Teams.',
    ]);
    expect(neverStartedTold()).toHaveLength(1);
  });
});

/**
 * Short Teams join links (`https://teams.microsoft.com/meet/<id>?p=<passcode>`) end to end over HTTP:
 * the link names no chat, so before the agenda is posted the scheduler looks the online meeting up
 * on the Graph stand-in (`GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '…'`, the
 * organizer taken from the calendar event), posts the agenda card in the meeting chat Graph names,
 * and Teams events from that chat then belong to the group's meeting. When the lookup fails (403
 * without a Teams application access policy, 404, Graph not answering in time) the agenda goes to
 * the group's channel as before and the secretary is told once per problem what to do.
 */
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { deliver, TeamsChannel, TENANT, type Person } from '../../support/teams-activities';
import { agendaPosts, CHANNEL, EXPECTED_AGENDA, fixtureEvents, hoursBefore, ORGANISER, sandra, setUpGroup } from './calendar-scenario';

const SANDRA_OID = 'c0000000-0000-4000-8000-000000000001';
const SHORT = 'https://teams.microsoft.com/meet/29145623457?p=Xk4tRq7mPz';
const MEETING_CHAT = '19:meeting_c2hvcnQtbGluaw@thread.v2';
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'e0000000-0000-4000-8000-000000000002' };
const utc = (iso: string) => ({ dateTime: iso.replace('Z', '0000'), timeZone: 'UTC' });

/** A Teams meeting event from a meeting chat (a group chat, not a channel). */
function chatEvent(channel: TeamsChannel, chatId: string, name: string, value: unknown, at: string): any {
  const activity = channel.meetingEvent(name, value, at);
  activity.conversation = { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: chatId };
  activity.channelData = { tenant: { id: TENANT }, meeting: { id: 'MCMxOTptZWV0aW5nX3Nob3J0' } };
  return activity;
}
const joined = (channel: TeamsChannel, chatId: string, who: Person, at: string) => chatEvent(
  channel, chatId, 'application/vnd.microsoft.meetingParticipantJoin',
  { members: [{ user: { id: who.id, name: who.name, aadObjectId: who.aadObjectId }, meeting: { role: 'Attendee', inMeeting: true } }] }, at,
);

/** A group of its own, in its own team and channel, whose calendar is `organizer`'s mailbox. */
async function setUpOtherGroup(appUrl: string, connectorUrl: string, name: string, organizer: string): Promise<TeamsChannel> {
  const slug = name.toLowerCase();
  const channel = new TeamsChannel({ teamId: `19:${slug}-team@thread.tacv2`, teamName: name, channelId: `19:${slug}@thread.tacv2` }, connectorUrl);
  await deliver(appUrl, channel.install('2024-03-05T07:00:00.000Z'));
  let minute = 0;
  for (const text of ['ledamöter\nSandra Johansson; processledare; Region Blekinge; sekreterare', `kalender användare ${organizer}`]) {
    const res = await deliver(appUrl, channel.message(sandra, text, `2024-03-05T07:${String(10 + minute++).padStart(2, '0')}:00.000Z`));
    if (res.status !== 200) throw new Error(`${text}: HTTP ${res.status}`);
  }
  return channel;
}

function shortLinkEvent(id: string, start: string, joinUrl: string, organizer: { name: string; address: string }): any {
  const template = fixtureEvents().find((e) => e.subject === 'Samverkansgrupp att åldras – sammanträde');
  return {
    ...template, id, start: utc(start), end: utc(new Date(Date.parse(start) + 2 * 3_600_000).toISOString()),
    onlineMeeting: { joinUrl }, organizer: { emailAddress: organizer },
  };
}

describeEachStore('short Teams join links', (store) => {
  const { graph, env } = useGraphStandIns();
  // Graph's deadline per attempt, short so the test of a lookup that never answers ends soon.
  env.GRAPH_TIMEOUT_MS = '2000';
  const wire = useWire(store, env);
  let channel: TeamsChannel;

  const lookups = (organizer: string) => graph.calls.filter((c) => c.path === `/v1.0/users/${organizer}/onlineMeetings`);
  const toldInChannel = (channelId: string, pattern: RegExp) =>
    wire.connector.calls.filter((c) => c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === channelId && pattern.test(c.body?.activity?.text ?? ''));
  const agendasInChannel = (channelId: string) => toldInChannel(channelId, /^Dagordning inför mötet /);

  beforeAll(async () => {
    channel = await setUpGroup(wire.app.url, wire.connector, graph);
    // The next meeting's invitation carries a short link; the classic one of the fixture is gone.
    graph.setCalendar('users', ORGANISER, fixtureEvents().map((e) => (e.subject === 'Samverkansgrupp att åldras – sammanträde' ? { ...e, onlineMeeting: { joinUrl: SHORT } } : e)));
    graph.artifacts.onlineMeetings.add({
      organizerId: SANDRA_OID, organizerUpn: ORGANISER, joinWebUrl: SHORT,
      chatInfo: { threadId: MEETING_CHAT, messageId: '0', replyChainMessageId: null },
    });
    // The Teams application access policy is granted to Sandra only.
    graph.artifacts.onlineMeetings.policy = new Set([SANDRA_OID]);
  });

  describe('looked up in Graph', () => {
    it('posts the agenda card in the meeting chat Graph names, after one lookup on the organizer’s behalf', async () => {
      const report = await wire.app.scheduler.tick(hoursBefore(23));
      expect(report).toMatchObject({ agendasPosted: 1, problems: 0 });
      const posts = agendaPosts(wire.connector);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.conversationId).toBe(MEETING_CHAT);
      expect(posts[0]!.texts).toEqual(EXPECTED_AGENDA);
      const [lookup, ...more] = lookups(ORGANISER);
      expect(more).toEqual([]);
      expect(lookup!.status).toBe(200);
      expect(lookup!.query.get('$filter')).toBe(`JoinWebUrl eq '${SHORT}'`);
      expect(toldInChannel(CHANNEL, /kort Teams-länk/)).toEqual([]);

      await wire.app.scheduler.tick(hoursBefore(22));
      expect(lookups(ORGANISER)).toHaveLength(1);
      expect(agendaPosts(wire.connector)).toHaveLength(1);
    });

    it('Teams events from that chat belong to the meeting: it starts, and who joins is present', async () => {
      const repos = repositoriesFor(store().db);
      const group = (await repos.groups.findForConversation({ conversationId: CHANNEL, teamId: channel.place.teamId, channelId: CHANNEL }))!;
      const planned = (await repos.meetings.findOpen(group.id))!;
      expect(planned).toMatchObject({ status: 'planerat', joinUrl: SHORT });

      const start = new Date(Date.parse(hoursBefore(0))).toISOString();
      const started = await deliver(wire.app.url, chatEvent(channel, MEETING_CHAT, 'application/vnd.microsoft.meetingStart', {
        Id: 'MCMxOTptZWV0aW5nX3Nob3J0', MeetingType: 'Scheduled', JoinUrl: SHORT, Title: 'Sammanträde', StartTime: start,
      }, start));
      expect(started.status).toBe(200);
      expect(await repos.meetings.findById(group.id, planned.id)).toMatchObject({ status: 'pågår' });

      expect((await deliver(wire.app.url, joined(channel, MEETING_CHAT, mats, hoursBefore(-0.1)))).status).toBe(200);
      // the same event from a chat Graph never named belongs to no group
      expect((await deliver(wire.app.url, joined(channel, '19:meeting_b3RoZXI@thread.v2', { ...mats, id: '29:other', name: 'Per Lind', aadObjectId: 'e0000000-0000-4000-8000-000000000009' }, hoursBefore(-0.1)))).status).toBe(200);
      const events = await repos.attendance.events(planned.id);
      expect(events.map((e) => [e.displayName, e.kind])).toEqual([['Mats Wennstig', 'join']]);
    });
  });

  describe('when the lookup fails, the channel as before, and the secretary told once per problem', () => {
    const MATS_UPN = 'mats.wennstig@regionblekinge.se';
    const PER_UPN = 'per.lind@ronneby.se';
    const LSVO_CHANNEL = '19:lsvo@thread.tacv2';
    const PSVO_CHANNEL = '19:psvo@thread.tacv2';
    const matsOrganizes = { name: 'Mats Wennstig', address: MATS_UPN };
    const perOrganizes = { name: 'Per Lind', address: PER_UPN };
    let lsvo: TeamsChannel;
    let psvo: TeamsChannel;

    beforeAll(async () => {
      lsvo = await setUpOtherGroup(wire.app.url, wire.connector.url, 'LSVO', MATS_UPN);
      psvo = await setUpOtherGroup(wire.app.url, wire.connector.url, 'PSVO', PER_UPN);
      graph.setCalendar('users', MATS_UPN, [
        shortLinkEvent('AAMk-lsvo-1', '2024-03-13T08:00:00.000Z', 'https://teams.microsoft.com/meet/48120077314?p=Lsvo1', matsOrganizes),
        shortLinkEvent('AAMk-lsvo-2', '2024-03-20T08:00:00.000Z', 'https://teams.microsoft.com/meet/48120077315?p=Lsvo2', matsOrganizes),
      ]);
      // Mats's meetings exist, but the access policy does not cover him: 403.
      for (const n of [1, 2]) graph.artifacts.onlineMeetings.add({ organizerId: 'c0000000-0000-4000-8000-000000000002', organizerUpn: MATS_UPN, joinWebUrl: `https://teams.microsoft.com/meet/4812007731${3 + n}?p=Lsvo${n}` });
      // Per is no user Graph knows of: 404.
      graph.setCalendar('users', PER_UPN, [
        shortLinkEvent('AAMk-psvo-1', '2024-03-14T08:00:00.000Z', 'https://teams.microsoft.com/meet/51555000001?p=Psvo1', perOrganizes),
        shortLinkEvent('AAMk-psvo-2', '2024-03-21T08:00:00.000Z', 'https://teams.microsoft.com/meet/51555000002?p=Psvo2', perOrganizes),
      ]);
    });

    const hold = async (place: TeamsChannel, start: string) => {
      for (const [text, at] of [['starta', start], ['avsluta', new Date(Date.parse(start) + 90 * 60_000).toISOString()]] as const) {
        expect((await deliver(wire.app.url, place.message(sandra, text, at))).status).toBe(200);
      }
    };

    it('403 (no application access policy for the organizer): the agenda in the channel, the policy explained once', async () => {
      await wire.app.scheduler.tick('2024-03-12T09:00:00.000Z');
      expect(lookups(MATS_UPN).map((c) => c.status)).toEqual([403]);
      expect(agendasInChannel(LSVO_CHANNEL).map((c) => c.body.activity.text)).toEqual(['Dagordning inför mötet Onsdag den 13 mars 2024 kl. 09.00 – 11.00 via Teams.']);
      const told = toldInChannel(LSVO_CHANNEL, /kort Teams-länk/);
      expect(told).toHaveLength(1);
      expect(told[0]!.body.activity.text).toMatch(/organisatör mats\.wennstig@regionblekinge\.se/);
      expect(told[0]!.body.activity.text).toMatch(/OnlineMeetings\.Read\.All.*New-CsApplicationAccessPolicy.*Grant-CsApplicationAccessPolicy/);

      // The next meeting has a link of its own: looked up again, refused again, not told again.
      await hold(lsvo, '2024-03-13T08:00:00.000Z');
      await wire.app.scheduler.tick('2024-03-19T09:00:00.000Z');
      expect(lookups(MATS_UPN).map((c) => c.status)).toEqual([403, 403]);
      expect(agendasInChannel(LSVO_CHANNEL)).toHaveLength(2);
      expect(toldInChannel(LSVO_CHANNEL, /kort Teams-länk/)).toHaveLength(1);
    });

    it('404, then Graph not answering in time: the agenda in the channel each time, each problem told once', async () => {
      await wire.app.scheduler.tick('2024-03-13T09:00:00.000Z');
      expect(lookups(PER_UPN).map((c) => c.status)).toEqual([404]);
      expect(agendasInChannel(PSVO_CHANNEL)).toHaveLength(1);
      const notFound = toldInChannel(PSVO_CHANNEL, /kort Teams-länk/);
      expect(notFound).toHaveLength(1);
      expect(notFound[0]!.body.activity.text).toMatch(/hittar inget Teams-möte med den länken hos organisatören/);

      await hold(psvo, '2024-03-14T08:00:00.000Z');
      graph.hang(/\/onlineMeetings$/);
      try {
        await wire.app.scheduler.tick('2024-03-20T09:00:00.000Z');
      } finally {
        graph.stopHanging();
      }
      expect(graph.hung.filter((path) => decodeURIComponent(path) === `/v1.0/users/${PER_UPN}/onlineMeetings`)).toHaveLength(1);
      expect(agendasInChannel(PSVO_CHANNEL)).toHaveLength(2);
      const told = toldInChannel(PSVO_CHANNEL, /kort Teams-länk/).map((c) => c.body.activity.text);
      expect(told).toHaveLength(2);
      expect(told[1]).toMatch(/Microsoft Graph svarade inte i tid/);
      expect(toldInChannel(LSVO_CHANNEL, /kort Teams-länk/)).toHaveLength(1);
    });
  });
});

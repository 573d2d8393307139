/**
 * After the meeting, end to end over HTTP (the real server, Graph SDK and msal-node against the
 * loopback Entra ID, Graph and Bot Connector stand-ins): the draft is uploaded to the channel's files
 * and the approval card links there; Teams' attendance report is asked for by the scheduler until it
 * is there, and adds a member the live join events missed, with per-paragraph presence, in a new
 * draft version. A 403 on the report is explained to the secretary once.
 */
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { graphFixture } from '../../support/graph.server';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';
import { fixtureEvents } from './calendar-scenario';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { loadMeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';

const ORGANISER = 'sandra.johansson@regionblekinge.se';
const ORGANISER_ID = 'c0000000-0000-4000-8000-000000000001';
const TEAM_GRAPH_ID = '5f1c6a77-3b2e-4c1d-9f0a-0000000000aa';
const CHANNEL = '19:samverkan@thread.tacv2';
const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'e0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'e0000000-0000-4000-8000-000000000002' };
const lena: Person = { id: '29:lena', name: 'Lena Holm', aadObjectId: 'e0000000-0000-4000-8000-000000000003' };
/** Fredag 2024-02-16 13.00–14.00 in Stockholm */
const at = (minutes: number) => new Date(Date.parse('2024-02-16T12:00:00.000Z') + minutes * 60_000).toISOString();
const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3asamverkan%40thread.tacv2/1708084800000?context=%7b%22Tid%22%3a%2200000000-0000-0000-0000-000000000001%22%2c%22Oid%22%3a%22c0000000-0000-4000-8000-000000000001%22%7d';

describeEachStore('after the meeting: attendance report and channel files', (store) => {
  const { graph, env } = useGraphStandIns();
  const wire = useWire(store, env);

  const channel = new TeamsChannel({ teamId: '19:samverkan-team@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: CHANNEL }, '');
  const say = async (text: string, minute: number, from: Person = sandra) => {
    const res = await deliver(wire.app.url, new TeamsChannel(channel.place, wire.connector.url).message(from, text, at(minute)));
    expect(res.status).toBe(200);
  };
  const postsMentioning = (pattern: RegExp, channelId = CHANNEL) =>
    wire.connector.calls.filter((c) => c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === channelId && pattern.test(c.body?.activity?.text ?? ''));
  const lastCardLink = () => {
    const cards = wire.connector.calls.filter((c) => c.body?.attachments?.[0]?.content?.type === 'AdaptiveCard' && JSON.stringify(c.body).includes('Öppna protokollet'));
    return /\[Öppna protokollet\]\(([^)]+)\)/.exec(JSON.stringify(cards.at(-1)!.body.attachments[0].content))![1];
  };
  let meetingId = '';
  /** The protokoll as GET /api/meetings/{id}/protokoll maps it (that route needs a tab sign-in when Entra is configured). */
  const protokoll = async (): Promise<any> => {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.findForConversation({ conversationId: CHANNEL, teamId: channel.place.teamId, channelId: CHANNEL }))!;
    const record = await loadMeetingRecord(repos, group, meetingId, at(200));
    return JSON.parse(JSON.stringify(toProtokollDocument(record, { status: 'justering', version: 1, renderedAt: at(200) })));
  };
  let onlineMeetingId = '';

  beforeAll(async () => {
    const live = new TeamsChannel(channel.place, wire.connector.url);
    const event = { ...fixtureEvents().find((e) => e.subject === 'Samverkansgrupp att åldras – sammanträde'), id: 'AAMkAGI2-feb16', start: { dateTime: '2024-02-16T12:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2024-02-16T13:00:00.0000000', timeZone: 'UTC' } };
    event.onlineMeeting = { joinUrl: JOIN_URL };
    graph.setCalendar('users', ORGANISER, [event]);
    graph.artifacts.addChannel(TEAM_GRAPH_ID, CHANNEL);
    onlineMeetingId = graph.artifacts.addOnlineMeeting(ORGANISER_ID, JOIN_URL);
    const install = live.install(at(-3000));
    install.channelData.team.aadGroupId = TEAM_GRAPH_ID; // as Teams sends it on install
    await deliver(wire.app.url, install);
    await say([
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
      'Lena Holm; förvaltningschef; Region Blekinge; ledamot',
      'Per Lind; socialchef; Ronneby kommun; ledamot',
      'Sandra Johansson; processledare; Region Blekinge; sekreterare',
    ].join('\n'), -2990);
    await say('numrering år start 12', -2985); // § 12, § 13 …: presence is marked per paragraph
    await say(`kalender användare ${ORGANISER}`, -2980);
    await wire.app.scheduler.tick(at(-600)); // the agenda from the invitation, 10 hours before
    await say('starta', 0);
    // Per Lind's join never reaches the bot (Teams' join events are not reliable).
    await deliver(wire.app.url, live.participants('join', [mats, lena, sandra], at(0)));
    for (const minute of [5, 10, 20, 40, 50, 55]) await say('nästa', minute);
    await say('avsluta', 60);
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.findForConversation({ conversationId: CHANNEL, teamId: channel.place.teamId, channelId: CHANNEL }))!;
    meetingId = (await repos.meetings.list(group.id)).find((m) => m.status === 'justering')!.id;
  });

  it('uploads the draft to the channel files with a simple PUT, and the card links to it', () => {
    const v1 = graph.artifacts.files.find((f) => f.name === 'Protokoll Samverkansgrupp att åldras 2024-02-16 v1.docx');
    expect(v1?.via).toBe('simple');
    expect(v1!.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(lastCardLink()).toBe(v1!.webUrl);
  });

  it('asks again on a later run while Teams has no report yet', async () => {
    const first = await wire.app.scheduler.tick(at(65));
    expect(first.reportsImported).toBe(0);
    const asked = graph.calls.filter((c) => c.path.endsWith('/attendanceReports'));
    expect(asked.map((c) => c.status)).toEqual([404]);
    expect(asked[0]!.path).toBe(`/v1.0/users/${ORGANISER_ID}/onlineMeetings/${onlineMeetingId}/attendanceReports`);
    const lookup = graph.calls.find((c) => c.path.endsWith('/onlineMeetings'))!;
    expect(lookup.query.get('$filter')).toBe(`JoinWebUrl eq '${JOIN_URL}'`);
  });

  it('adds the member the live events missed, with the paragraphs the report shows, in a new draft version', async () => {
    const before = await protokoll();
    expect(before.presentMembers.map((m: any) => m.name)).not.toContain('Per Lind');
    const [thisMeeting, otherMeeting] = graphFixture('attendancereports-list.json').value;
    graph.artifacts.reports.set(onlineMeetingId, [
      { ...thisMeeting, records: graphFixture('attendancerecords-list.json').value },
      // another meeting in the same channel: its records must not count
      { ...otherMeeting, records: [{ ...graphFixture('attendancerecords-list.json').value[1], identity: { id: lena.aadObjectId, displayName: 'Lena Holm' } }] },
    ]);
    const run = await wire.app.scheduler.tick(at(80));
    expect(run.reportsImported).toBe(1);
    expect(graph.calls.filter((c) => c.path.endsWith('/attendanceRecords')).map((c) => c.path)).toEqual([
      `/v1.0/users/${ORGANISER_ID}/onlineMeetings/${onlineMeetingId}/attendanceReports/${thisMeeting.id}/attendanceRecords`,
    ]);
    const after = await protokoll();
    expect(after.presentMembers.map((m: any) => [m.name, m.partialPresence])).toEqual([
      ['Mats Wennstig', ''],
      ['Lena Holm', ''],
      // the report: 13.20–14.00; § 15 Budget 2025 opened 13.20 (a) 13.40, b) 13.50), § 16 at 13.55; §§ 12–14 before he came
      ['Per Lind', '(§§15 - 16)'],
    ]);
    expect(after.absentMembers).toEqual([]);
    const v2 = graph.artifacts.files.find((f) => f.name === 'Protokoll Samverkansgrupp att åldras 2024-02-16 v2.docx');
    expect(v2).toBeDefined();
    expect(lastCardLink()).toBe(v2!.webUrl);
    expect(JSON.stringify(wire.connector.calls.at(-2)?.body ?? {})).toContain('Version 2');
    const told = postsMentioning(/stämts av mot Teams närvarorapport/);
    expect(told.map((c) => c.body.activity.text)).toEqual([
      '<at>Sandra Johansson</at>: Närvaron i protokollet för mötet Fredag den 16 februari 2024 kl. 13.00 – 14.00 har stämts av mot Teams närvarorapport. Enligt rapporten var även Per Lind med. Utkastet är nu version 2; tidigare justeringar behöver göras om.',
    ]);
    const again = await wire.app.scheduler.tick(at(90));
    expect(again.reportsImported).toBe(0);
    expect(graph.artifacts.files.filter((f) => /v3/.test(f.name))).toEqual([]);
  });

  it('explains a 403 on the report once, naming OnlineMeetingArtifact.Read.All and the access policy', async () => {
    const other = new TeamsChannel({ teamId: '19:lsvo-team@thread.tacv2', teamName: 'LSVO', channelId: '19:lsvo@thread.tacv2' }, wire.connector.url);
    const sayThere = (text: string, minute: number) => deliver(wire.app.url, other.message(sandra, text, at(minute)));
    await deliver(wire.app.url, other.install(at(100)));
    await sayThere('ledamöter\nSandra Johansson; processledare; Region Blekinge; sekreterare', 101);
    graph.setCalendar('users', 'lsvo.kansli@regionblekinge.se', []);
    await sayThere('kalender användare lsvo.kansli@regionblekinge.se', 102);
    await deliver(wire.app.url, other.meetingStarted(at(110)));
    await sayThere('avsluta', 170);
    graph.fail(/onlineMeetings$/, { status: 403, body: graphFixture('error-403-online-meeting-policy.json') });
    await wire.app.scheduler.tick(at(175));
    await wire.app.scheduler.tick(at(185));
    const told = postsMentioning(/närvarorapport/, '19:lsvo@thread.tacv2');
    expect(told).toHaveLength(1);
    expect(told[0]!.body.activity.text).toMatch(/OnlineMeetingArtifact\.Read\.All.*åtkomstprincip för program i Teams \(New-CsApplicationAccessPolicy\).*lsvo\.kansli@regionblekinge\.se|lsvo\.kansli@regionblekinge\.se.*OnlineMeetingArtifact\.Read\.All.*New-CsApplicationAccessPolicy/s);
    graph.clearFaults();
  });
});

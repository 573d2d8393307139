/**
 * Before the meeting, end to end over HTTP: the group's calendar on the Graph stand-in (signed in
 * through the Entra ID stand-in), the scheduler's clock moved by `tick(now)`, and the agenda card
 * arriving at the loopback Bot Connector in the meeting chat, exactly once, with the invitation's
 * items, the standard items, the carried-over item and the member's item, numbered. Also: the RSVP
 * quorum warning, throttling on the way, and a 403 explained to the secretary once.
 */
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { graphFixture } from '../../support/graph.server';
import { deliver, TeamsChannel } from '../../support/teams-activities';
import { shownMarkdown } from '../../support/markdown-injection';
import { agendaPosts, cardTexts, EXPECTED_AGENDA, hoursBefore, MEETING_CHAT, sandra, setUpGroup } from './calendar-scenario';

describeEachStore('agenda from the calendar before the meeting', (store) => {
  const { graph, env } = useGraphStandIns();
  const wire = useWire(store, env);

  let channel: TeamsChannel;
  beforeAll(async () => {
    channel = await setUpGroup(wire.app.url, wire.connector, graph);
  });

  it('`kalender` links the calendar and names the next Teams meeting found there', () => {
    const answer = wire.connector.messages.find((m) => /är nu kopplad till kalendern för/.test(m.text ?? ''));
    expect(answer?.text).toBe(
      'Samverkansgrupp att åldras är nu kopplad till kalendern för sandra.johansson@regionblekinge.se. Före varje Teams-möte där hämtas dagordningen från kallelsen och postas i möteschatten.\n' +
        'Nästa Teams-möte i kalendern: Samverkansgrupp att åldras – sammanträde, Tisdag den 12 mars 2024 kl. 09.00 – 12.00 via Teams.',
    );
  });

  it('posts nothing before the lead time', async () => {
    const report = await wire.app.scheduler.tick(hoursBefore(48));
    expect(report).toMatchObject({ groups: 1, agendasPosted: 0, problems: 0 });
    expect(agendaPosts(wire.connector)).toEqual([]);
  });

  it('at the lead time, through a throttled Graph, posts the agenda card in the meeting chat once', async () => {
    graph.fail(/calendarView(\/delta)?$/, { status: 429, headers: { 'Retry-After': '1' }, body: graphFixture('error-429-too-many-requests.json') }, 1);
    const report = await wire.app.scheduler.tick(hoursBefore(23));
    expect(report).toMatchObject({ agendasPosted: 1, problems: 0 });
    expect(graph.calls.some((c) => c.status === 429)).toBe(true);
    await wire.app.scheduler.tick(hoursBefore(22));
    await wire.app.scheduler.tick(hoursBefore(1));
    const posts = agendaPosts(wire.connector);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.conversationId).toBe(MEETING_CHAT);
    expect(posts[0]!.text).toBe('Dagordning inför mötet Tisdag den 12 mars 2024 kl. 09.00 – 12.00 via Teams.');
    expect(posts[0]!.texts).toEqual(EXPECTED_AGENDA);
    // The classic join link names its chat: no online meeting is looked up in Graph for it.
    expect(graph.calls.filter((c) => /\/onlineMeetings/.test(c.path))).toEqual([]);
  });

  it('warns the secretary in the channel, once, that the answers put the quorum at risk', async () => {
    const warnings = wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /beslutsfört/.test(c.body?.activity?.text ?? ''));
    expect(warnings).toHaveLength(1);
    // a message that @mentions is markdown with every line of its text escaped (the names of huvudmän are typed by users)
    expect(warnings[0]!.body.activity.textFormat).toBe('markdown');
    expect(shownMarkdown(warnings[0]!.body.activity.text)).toEqual({
      paragraphs: [
        '@Sandra Johansson: Mötet Tisdag den 12 mars 2024 kl. 09.00 – 12.00 via Teams kan inte bli beslutsfört med de svar som har kommit på kallelsen: för många har tackat nej.',
        // huvudmän in roster order (Region Blekinge typed first)
        '- Region Blekinge: 1 av 2 har tackat ja, 2 krävs (1 preliminärt)',
        '- Karlskrona kommun: 0 av 2 har tackat ja, 2 krävs (1 har tackat nej, 1 har inte svarat)',
        'Kalla ersättare eller flytta mötet.',
      ],
      mentions: ['Sandra Johansson'],
      markup: [],
    });
    expect(warnings[0]!.body.channelData).toMatchObject({ channel: { id: channel.place.channelId } });
  });

  it('`dagordning` shows the same agenda, imported once', async () => {
    const before = wire.connector.messages.length;
    await deliver(wire.app.url, channel.message(sandra, 'dagordning', hoursBefore(2)));
    const [reply] = (await wire.connector.waitForMessages(before + 1)).slice(before);
    expect(cardTexts(reply.attachments[0].content)).toEqual(EXPECTED_AGENDA);
    expect(agendaPosts(wire.connector)).toHaveLength(1);
  });

  it('tells the secretary once, in Swedish, when Graph refuses a calendar with 403', async () => {
    const other = new TeamsChannel({ teamId: '19:lsvo-team@thread.tacv2', teamName: 'LSVO', channelId: '19:lsvo@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, other.install('2024-03-05T07:00:00.000Z'));
    graph.fail(/groups\/02bd9fd6-8f93-4758-87c3-1fb73740a315\/calendarView$/, { status: 403, body: graphFixture('error-403-access-denied.json') });
    await deliver(wire.app.url, other.message(sandra, 'kalender grupp 02bd9fd6-8f93-4758-87c3-1fb73740a315', '2024-03-05T07:01:00.000Z'));
    const linked = wire.connector.messages.find((m) => /LSVO är nu kopplad/.test(m.text ?? ''));
    expect(linked?.text).toMatch(/\nProtokoll har inte behörighet att läsa Microsoft 365-gruppens kalender \(02bd9fd6-8f93-4758-87c3-1fb73740a315\)\. En administratör behöver ge appen programbehörigheten Calendars\.Read/);

    const first = await wire.app.scheduler.tick(hoursBefore(30));
    await wire.app.scheduler.tick(hoursBefore(29));
    expect(first.problems).toBe(1);
    const told = wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /kan inte läsa gruppens kalender/.test(c.body?.activity?.text ?? ''));
    expect(told).toHaveLength(1);
    expect(told[0]!.body.channelData).toMatchObject({ channel: { id: '19:lsvo@thread.tacv2' } });
    expect(told[0]!.body.activity.text).toMatch(/Calendars\.Read.*administratörsmedgivande.*åtkomstprincip för program i Exchange Online/);
  });
});

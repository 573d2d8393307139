/**
 * A meeting moved in the calendar, end to end over HTTP. Before the agenda is out, the planned
 * meeting simply follows. After it is out, the one agenda card in the meeting chat is updated in
 * place (the same activity, a PUT at the Bot Connector) with the new time and a line saying so, and
 * the secretary is told once; a move far ahead, out of the calendar view, is found by asking for
 * the event by id. Never a second agenda card.
 */
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { agendaPosts, cardTexts, fixtureEvents, hoursBefore, MEETING_CHAT, ORGANISER, setUpGroup } from './calendar-scenario';

const EVENT_ID = fixtureEvents()[0].id;
const utc = (iso: string) => ({ dateTime: iso.replace('Z', '0000'), timeZone: 'UTC' });
const unescaped = (text: string) => text.replace(/\\(.)/g, '$1');

describeEachStore('a meeting moved in the calendar', (store) => {
  const { graph, env } = useGraphStandIns();
  const wire = useWire(store, env);

  const agendaUpdates = () => wire.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === MEETING_CHAT);
  const movesTold = () => wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /är flyttat i kalendern/.test(c.body?.activity?.text ?? ''));

  beforeAll(async () => {
    await setUpGroup(wire.app.url, wire.connector, graph);
  });

  it('before the agenda is out, the meeting follows: the card is posted with the new time', async () => {
    await wire.app.scheduler.tick(hoursBefore(48));
    // one hour later the same day: 10.00–13.00
    graph.updateEvent('users', ORGANISER, EVENT_ID, { start: utc('2024-03-12T09:00:00.000Z'), end: utc('2024-03-12T12:00:00.000Z') });
    await wire.app.scheduler.tick(hoursBefore(23));
    const posts = agendaPosts(wire.connector);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toBe('Dagordning inför mötet Tisdag den 12 mars 2024 kl. 10.00 – 13.00 via Teams.');
    expect(agendaUpdates()).toEqual([]);
    expect(movesTold()).toEqual([]);
  });

  it('after the agenda is out, the same card is updated in place and the secretary is told once', async () => {
    const posted = wire.connector.calls.find((c) => c.method === 'POST' && c.conversationId === MEETING_CHAT && /^Dagordning inför/.test(c.body?.text ?? ''))!;
    graph.updateEvent('users', ORGANISER, EVENT_ID, { start: utc('2024-03-12T12:00:00.000Z'), end: utc('2024-03-12T14:00:00.000Z') });
    await wire.app.scheduler.tick(hoursBefore(20));
    await wire.app.scheduler.tick(hoursBefore(19));

    const updates = agendaUpdates();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.activityId).toBe(posted.responseId);
    expect(updates[0]!.body.text).toBe('Dagordning inför mötet Tisdag den 12 mars 2024 kl. 13.00 – 15.00 via Teams.');
    const texts = cardTexts(updates[0]!.body.attachments[0].content);
    expect(texts.slice(0, 3)).toEqual([
      'Dagordning – Samverkansgrupp att åldras',
      'Tisdag den 12 mars 2024 · Planerat möte',
      'Mötet är flyttat till Tisdag den 12 mars 2024 kl. 13.00 – 15.00 via Teams (tidigare Tisdag den 12 mars 2024 kl. 10.00 – 13.00 via Teams).',
    ]);
    expect(texts).toContain('3. Rapport från vårdplatsgruppen (I)');

    const told = movesTold();
    expect(told).toHaveLength(1);
    expect(unescaped(told[0]!.body.activity.text)).toContain(
      'Mötet Tisdag den 12 mars 2024 kl. 10.00 – 13.00 via Teams är flyttat i kalendern till Tisdag den 12 mars 2024 kl. 13.00 – 15.00 via Teams.',
    );
    expect(agendaPosts(wire.connector)).toHaveLength(1);
  });

  it('moved weeks ahead (out of the calendar view): found by id, the card follows, still one card', async () => {
    graph.updateEvent('users', ORGANISER, EVENT_ID, { start: utc('2024-04-16T08:00:00.000Z'), end: utc('2024-04-16T10:00:00.000Z') });
    await wire.app.scheduler.tick(hoursBefore(10));
    expect(graph.calls.some((c) => c.path.endsWith(`/events/${EVENT_ID}`) && c.status === 200)).toBe(true);
    const updates = agendaUpdates();
    expect(updates).toHaveLength(2);
    expect(updates[1]!.activityId).toBe(updates[0]!.activityId);
    expect(updates[1]!.body.text).toBe('Dagordning inför mötet Tisdag den 16 april 2024 kl. 10.00 – 12.00 via Teams.');
    expect(cardTexts(updates[1]!.body.attachments[0].content)[1]).toBe('Tisdag den 16 april 2024 · Planerat möte');
    expect(movesTold()).toHaveLength(2);
    expect(agendaPosts(wire.connector)).toHaveLength(1);
  });

  it('cancelled while weeks ahead (out of the calendar view): what the secretary is told names the meeting’s date', async () => {
    graph.removeEvent('users', ORGANISER, EVENT_ID);
    await wire.app.scheduler.tick(hoursBefore(9));
    const told = wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /inställt i kalendern/.test(c.body?.activity?.text ?? ''));
    expect(told).toHaveLength(1);
    expect(unescaped(told[0]!.body.activity.text)).toContain('Mötet Tisdag den 16 april 2024 kl. 10.00 – 12.00 via Teams är inställt i kalendern.');
    const updates = agendaUpdates();
    expect(updates).toHaveLength(3);
    expect(updates[2]!.body.text).toBe('Mötet Tisdag den 16 april 2024 kl. 10.00 – 12.00 via Teams är inställt.');
  });
});

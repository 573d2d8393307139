/**
 * GET /api/meetings/{id}/live over real HTTP: the snapshot on connect, an event within 2 s of a
 * command to /api/messages, a reconnect with Last-Event-ID that misses nothing (and resends nothing
 * when nothing changed), the stream ended on the server when the client goes, and the meeting
 * hidden (404) from a member of another group and from callers without a sign-in.
 */
import { EntraTestServer } from '../../support/entra.server';
import { describeEachStore } from '../../support/stores';
import { useWire } from '../../support/wire';
import { SseClient, type SseEvent } from '../../support/sse-client';
import { MEMBER, SECRETARY, startLiveMeeting, type LiveMeeting } from '../../support/live-meeting';
import type { LiveMeetingView } from '../../../bot/src/core/use-cases/live-view';

const OUTSIDER = 'f0000000-0000-4000-8000-0000000000ff';

describeEachStore('the live stream of a meeting', (store) => {
  const entra = new EntraTestServer();
  beforeAll(() => entra.start());
  afterAll(() => entra.stop());
  const wire = useWire(store, () => entra.env());
  let meeting: LiveMeeting;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    meeting = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:live-team@thread.tacv2', teamName: 'Livegruppen', channelId: '19:live@thread.tacv2' });
    // Another group, of another team, whose member must not follow this one's meeting.
    const other = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:other-team@thread.tacv2', teamName: 'Andra gruppen', channelId: '19:other@thread.tacv2' });
    expect(other.groupId).not.toBe(meeting.groupId);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  const open = async (oid: string, headers: Record<string, string> = {}) => {
    const client = await SseClient.open(`${wire.app.url}/api/meetings/${meeting.meetingId}/live`, { authorization: `Bearer ${entra.token({ oid })}`, ...headers });
    clients.push(client);
    return client;
  };
  const view = (event: SseEvent) => event.data as LiveMeetingView;
  const texts = (event: SseEvent) => JSON.stringify(view(event).current?.entries ?? []);

  it('opens with a snapshot: the current paragraph, the agenda with it marked, the attendance with the quorum advice', async () => {
    const client = await open(MEMBER.aadObjectId);
    expect(client.status).toBe(200);
    const first = await client.next();
    expect(first.event).toBe('snapshot');
    expect(Number(first.id)).toBeGreaterThan(0);
    const v = view(first);
    expect(v.status).toBe('pågår');
    expect(v.current).toMatchObject({ reference: expect.stringMatching(/1/), entries: [] });
    expect(v.agenda.filter((e) => e.current)).toHaveLength(1);
    expect(v.agenda.map((e) => e.title)).toContain('Budget 2025');
    expect(v.attendance.quorumLine).toMatch(/beslutsför/i);
    expect(v.attendance.principals.flatMap((p) => p.members).filter((m) => m.presentNow).map((m) => m.name)).toEqual(
      expect.arrayContaining(['Sandra Johansson', 'Anna-Karin Åkesson']),
    );
    expect(v.canRecord).toBe(false); // a member reads, the secretary records
  });

  it('sends what a command to /api/messages records within 2 s, to every open stream', async () => {
    const member = await open(MEMBER.aadObjectId);
    const secretary = await open(SECRETARY.aadObjectId);
    await member.next();
    const snapshot = await secretary.next();
    expect(view(snapshot).canRecord).toBe(true);
    const sent = Date.now();
    await meeting.say('anteckning Förvaltningen redovisar läget <b>inte fetstil</b>.');
    for (const client of [member, secretary]) {
      const update = await client.next((e) => texts(e).includes('Förvaltningen redovisar läget'), 2000);
      expect(update.event).toBe('update');
      expect(update.receivedAt - sent).toBeLessThan(2000);
      expect(Number(update.id)).toBeGreaterThan(Number(snapshot.id));
      expect(view(update).current!.entries.at(-1)).toEqual({ kind: 'note', text: 'Förvaltningen redovisar läget <b>inte fetstil</b>.' });
    }
  });

  it('moves the current paragraph with `nästa` and shows decisions and actions in the order recorded', async () => {
    const client = await open(MEMBER.aadObjectId);
    const before = view(await client.next());
    await meeting.say('nästa');
    const moved = await client.next((e) => view(e).current?.itemId !== before.current?.itemId, 2000);
    expect(view(moved).agenda.find((e) => e.current)?.itemId ?? view(moved).agenda.flatMap((e) => e.subPoints).find((s) => s.current)?.itemId).toBe(view(moved).current!.itemId);
    await meeting.say('beslut att godkänna dagordningen');
    await meeting.say('åtgärd Skicka ut kallelsen ansvarig Mats Wennstig senast 2030-01-31');
    const done = await client.next((e) => texts(e).includes('Skicka ut kallelsen'), 2000);
    expect(view(done).current!.entries).toEqual([
      { kind: 'decision', clause: 'att godkänna dagordningen' },
      { kind: 'action', text: 'Skicka ut kallelsen', owner: 'Mats Wennstig', dueDate: '2030-01-31' },
    ]);
  });

  it('shows a roster edited during the meeting: the new member in the attendance', async () => {
    const client = await open(MEMBER.aadObjectId);
    const members = (e: SseEvent) => view(e).attendance.principals.flatMap((p) => p.members).map((m) => m.name);
    expect(members(await client.next())).not.toContain('Nils Nykomling');
    await meeting.say('ledamöter\nNils Nykomling; Enhetschef; Kommunerna; ledamot');
    const update = await client.next((e) => members(e).includes('Nils Nykomling'), 2000);
    expect(update.event).toBe('update');
  });

  it('resumes with Last-Event-ID: what was recorded while disconnected arrives, nothing is resent when nothing changed', async () => {
    const first = await open(MEMBER.aadObjectId);
    const last = await first.next();
    await first.close();
    await meeting.say('anteckning Skrivet medan panelen var frånkopplad.');
    const again = await open(MEMBER.aadObjectId, { 'last-event-id': last.id! });
    const resumed = await again.next(() => true, 2000);
    expect(Number(resumed.id)).toBeGreaterThan(Number(last.id));
    expect(texts(resumed)).toContain('Skrivet medan panelen var frånkopplad.');

    const current = await open(MEMBER.aadObjectId, { 'last-event-id': resumed.id! });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(current.events).toEqual([]);
    await meeting.say('anteckning Och sedan en till.');
    expect(texts(await current.next(() => true, 2000))).toContain('Och sedan en till.');
  });

  it('ends the stream on the server when the client goes away', async () => {
    const client = await open(MEMBER.aadObjectId);
    await client.next();
    expect(wire.app.openLiveStreams()).toBeGreaterThan(0);
    await Promise.all(clients.splice(0).map((c) => c.close()));
    const deadline = Date.now() + 2000;
    while (wire.app.openLiveStreams() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wire.app.openLiveStreams()).toBe(0);
  });

  it('is 404 for a member of another group, and 401 without a sign-in', async () => {
    const outsider = await open(OUTSIDER);
    expect(outsider.status).toBe(404);
    expect(JSON.parse(outsider.body).error.code).toBe('not-found');
    const unsigned = await SseClient.open(`${wire.app.url}/api/meetings/${meeting.meetingId}/live`);
    expect(unsigned.status).toBe(401);
  });
});

/**
 * A group's calendar followed by its changes, end to end over HTTP with the scheduler's clock: the
 * first run reads the window in a new round and keeps its delta link and events; later runs send one
 * delta request and get only what changed; the next day a new round starts over the moved window; a
 * link Graph no longer knows (410 Gone) starts a new round without losing or doubling a meeting or
 * an agenda card; a deleted meeting comes as `@removed` and is cancelled, told once. Two server
 * instances ticking at once store one round: the link is neither lost nor applied twice.
 */
import { sql } from 'kysely';
import type { RunningApp } from '../../../bot/src/app';
import { connectPostgres, type StoreConnection } from '../../../bot/src/store/database';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { useWire } from '../../support/wire';
import { startTestApp } from '../../support/test-app';
import { agendaPosts, fixtureEvents, hoursBefore, ORGANISER, schemaOf, setUpGroup } from './calendar-scenario';

const MEETING = fixtureEvents().find((e) => /sammanträde$/.test(e.subject));
const utc = (iso: string) => ({ dateTime: iso.replace('Z', '0000'), timeZone: 'UTC' });

describeEachStore('a calendar followed by its changes', (store, kind) => {
  const { graph, env } = useGraphStandIns();
  const wire = useWire(store, env);
  let second: RunningApp;
  let ownStore: StoreConnection | null = null;

  beforeAll(async () => {
    await setUpGroup(wire.app.url, wire.connector, graph);
    // a second server instance on the same database (on PostgreSQL with its own connection)
    ownStore = kind === 'postgresql' ? await connectPostgres(process.env.DATABASE_URL!, schemaOf(store())) : null;
    second = await startTestApp(ownStore ?? store(), env);
  });
  afterAll(async () => {
    await second?.stop();
    await ownStore?.close();
  });

  /** What one scheduler run asked Graph's calendar endpoints, and what the delta feed answered. */
  async function run(at: string, apps: RunningApp[] = [wire.app]) {
    const [calls, answers] = [graph.calendarReads().length, graph.delta.answers.length];
    await Promise.all(apps.map((app) => app.scheduler.tick(at)));
    return { calls: graph.calendarReads().slice(calls), answers: graph.delta.answers.slice(answers) };
  }
  const link = async () => (await sql<{ delta_link: string | null; from: Date | null; to: Date | null }>`
    select delta_link, delta_window_from as "from", delta_window_to as "to" from calendar_links`.execute(store().db)).rows[0]!;
  const known = async () => (await sql<{ event_id: string; starts_at: Date }>`select event_id, starts_at from calendar_events order by starts_at`.execute(store().db)).rows;
  const meetings = async () => (await sql<{ status: string; starts_at: Date | null }>`
    select status, starts_at from meetings order by created_at`.execute(store().db)).rows.map((m) => [m.status, m.starts_at?.toISOString() ?? null]);
  const movesTold = () => wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /är flyttat i kalendern/.test(c.body?.activity?.text ?? ''));
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const tokenOf = (deltaLink: string | null) => (deltaLink ? new URL(deltaLink, graph.url).searchParams.get('$deltatoken') : null);

  it('the first run reads the window in a new round and keeps its link and events', async () => {
    const { calls, answers } = await run(hoursBefore(48)); // 2024-03-10 08.00
    expect(calls.map((c) => [c.path.replace(/^.*\/v1\.0\/users\/[^/]+/, ''), [...c.query.keys()].join(',')])).toEqual([
      ['/calendarView/delta', 'startDateTime,endDateTime'],
      ['/calendarView/delta', '$skiptoken'],
    ]);
    expect(answers.map((a) => a.kind)).toEqual(['round', 'page']);
    expect(await link()).toMatchObject({ from: new Date('2024-03-10T00:00:00.000Z'), to: new Date('2024-03-25T00:00:00.000Z') });
    expect(tokenOf((await link()).delta_link)).toBe(tokenOf(answers[1]!.deltaLink));
    expect(await known()).toHaveLength(3);
    expect(await meetings()).toContainEqual(['planerat', '2024-03-12T08:00:00.000Z']);
  });

  it('the next run sends one delta request and gets only the changes', async () => {
    const quiet = await run(hoursBefore(47));
    expect(quiet.calls).toHaveLength(1);
    expect(quiet.calls[0]!.query.get('$deltatoken')).toBeTruthy();
    expect(quiet.answers).toEqual([expect.objectContaining({ kind: 'changes', events: [], removed: [] })]);

    graph.updateEvent('users', ORGANISER, MEETING.id, { start: utc('2024-03-12T09:00:00.000Z'), end: utc('2024-03-12T12:00:00.000Z') });
    const moved = await run(hoursBefore(46));
    expect(moved.calls).toHaveLength(1);
    expect(moved.answers).toEqual([expect.objectContaining({ kind: 'changes', events: [MEETING.id], removed: [] })]);
    expect(await meetings()).toContainEqual(['planerat', '2024-03-12T09:00:00.000Z']);
    expect((await known()).find((e) => e.event_id === MEETING.id)?.starts_at).toEqual(new Date('2024-03-12T09:00:00.000Z'));
  });

  it('the next day, the view reaches past the window: a new round over the moved window', async () => {
    const { calls, answers } = await run(hoursBefore(23)); // 2024-03-11 09.00
    expect(calls[0]!.query.get('startDateTime')).toBe('2024-03-11T00:00:00.000Z');
    expect(calls[0]!.query.get('endDateTime')).toBe('2024-03-26T00:00:00.000Z');
    expect(answers[0]!.kind).toBe('round');
    expect(await link()).toMatchObject({ from: new Date('2024-03-11T00:00:00.000Z') });
    expect((await known()).map((e) => e.event_id)).toEqual(fixtureEvents().sort((a, b) => a.start.dateTime.localeCompare(b.start.dateTime)).map((e) => e.id));
    expect(agendaPosts(wire.connector)).toHaveLength(1);
  });

  it('a link Graph no longer knows (410): a new round, and no meeting or agenda card lost or doubled', async () => {
    const before = { meetings: await meetings(), known: await known() };
    graph.delta.expireTokens();
    const { calls, answers } = await run(hoursBefore(22));
    expect(calls.map((c) => c.status)).toEqual([410, 200, 200]);
    expect(answers.map((a) => a.kind)).toEqual(['gone', 'round', 'page']);
    expect(tokenOf((await link()).delta_link)).toBe(tokenOf(answers[2]!.deltaLink));
    expect(await meetings()).toEqual(before.meetings);
    expect(await known()).toEqual(before.known);
    expect(agendaPosts(wire.connector)).toHaveLength(1);
    expect(wire.connector.calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('two instances at once: one round is stored, its link is the one asked next, and a change is told once', async () => {
    graph.updateEvent('users', ORGANISER, MEETING.id, { start: utc('2024-03-12T10:00:00.000Z'), end: utc('2024-03-12T12:00:00.000Z') });
    // Both read from the same stored link: the first instance's answer is held until the second's
    // request has been answered too (without it, a quick first instance may store its round before
    // the second even asks, and the second then reads from the new link).
    const release = graph.delta.holdNextAnswer();
    const asked = graph.delta.answers.length;
    const running = run(hoursBefore(21), [wire.app, second]);
    await until(() => graph.delta.answers.length >= asked + 2);
    release();
    const both = await running;
    expect(both.answers.map((a) => [a.kind, a.events])).toEqual([['changes', [MEETING.id]], ['changes', [MEETING.id]]]);
    expect(both.calls[0]!.query.get('$deltatoken')).toBe(both.calls[1]!.query.get('$deltatoken'));
    const stored = tokenOf((await link()).delta_link);
    expect(both.answers.map((a) => tokenOf(a.deltaLink))).toContain(stored);
    expect((await known()).filter((e) => e.event_id === MEETING.id).map((e) => e.starts_at)).toEqual([new Date('2024-03-12T10:00:00.000Z')]);
    expect(movesTold()).toHaveLength(1);

    const next = await run(hoursBefore(20.5), [second]);
    expect(next.calls.map((c) => c.query.get('$deltatoken'))).toEqual([stored]);
    expect(next.answers).toEqual([expect.objectContaining({ kind: 'changes', events: [], removed: [] })]);
  });

  it('an instance whose answer arrives after another stored a newer one does not move the meeting back', async () => {
    const release = graph.delta.holdNextAnswer();
    const asked = graph.delta.answers.length;
    const slow = wire.app.scheduler.tick(hoursBefore(20)); // asks now, for the meeting at 11.00 …
    await until(() => graph.delta.answers.length > asked);
    graph.updateEvent('users', ORGANISER, MEETING.id, { start: utc('2024-03-12T12:00:00.000Z'), end: utc('2024-03-12T14:00:00.000Z') });
    await second.scheduler.tick(hoursBefore(20)); // … while this one sees it moved to 13.00 and applies it
    expect(await meetings()).toContainEqual(['planerat', '2024-03-12T12:00:00.000Z']);
    release();
    await slow;
    expect(await meetings()).toContainEqual(['planerat', '2024-03-12T12:00:00.000Z']);
    expect(movesTold()).toHaveLength(2); // 11.00 → 13.00 once; never back to 11.00
    expect(wire.connector.calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
  });

  it('deleted by the organiser: `@removed`, asked for by id, cancelled and told once', async () => {
    graph.removeEvent('users', ORGANISER, MEETING.id);
    const { calls, answers } = await run(hoursBefore(19));
    expect(answers).toEqual([expect.objectContaining({ kind: 'changes', events: [], removed: [MEETING.id] })]);
    expect(calls.map((c) => c.status)).toEqual([200, 404]); // the delta, then GET …/events/{id}
    expect((await known()).map((e) => e.event_id)).not.toContain(MEETING.id);
    expect(await meetings()).toContainEqual(['inställt', '2024-03-12T12:00:00.000Z']);
    await run(hoursBefore(18));
    const told = wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /är inställt i kalendern/.test(c.body?.activity?.text ?? ''));
    expect(told).toHaveLength(1);
  });
});

/**
 * Two server instances on one PostgreSQL schema (PGlite is one process, so this runs when
 * DATABASE_URL is set): both schedulers tick at the same instant, and the meeting is discovered
 * once, its invitation imported once, and the agenda card and the quorum warning posted once.
 */
import { sql } from 'kysely';
import type { RunningApp } from '../../../bot/src/app';
import { connectPostgres, type StoreConnection } from '../../../bot/src/store/database';
import { migrate } from '../../../bot/src/store/migrate';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { EntraTokenServer } from '../../support/entra-token.server';
import { GraphTestServer } from '../../support/graph.server';
import { freshSchemaName } from '../../support/stores';
import { startTestApp } from '../../support/test-app';
import { agendaPosts, EXPECTED_AGENDA, hoursBefore, MEETING_CHAT, setUpGroup } from './calendar-scenario';

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('two server instances sharing one database', () => {
  const entra = new EntraTokenServer();
  const graph = new GraphTestServer();
  const connector = new BotConnectorServer();
  const stores: StoreConnection[] = [];
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    await Promise.all([entra.start(), graph.start(), connector.start()]);
    graph.acceptsToken = (token) => entra.issued.has(token);
    const schema = freshSchemaName();
    stores.push(await connectPostgres(process.env.DATABASE_URL!, schema));
    await migrate(stores[0]!.db);
    stores.push(await connectPostgres(process.env.DATABASE_URL!, schema));
    for (const store of stores) apps.push(await startTestApp(store, entra.env(graph.url)));
    await setUpGroup(apps[0]!.url, connector, graph);
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    for (const store of stores) await store.close();
    await Promise.all([entra.stop(), graph.stop(), connector.stop()]);
  });

  it('discovers, imports and posts once when both tick at once', async () => {
    const reports = await Promise.all(apps.map((app) => app.scheduler.tick(hoursBefore(23))));
    const again = await Promise.all(apps.map((app) => app.scheduler.tick(hoursBefore(22))));
    expect([...reports, ...again].map((r) => r.problems)).toEqual([0, 0, 0, 0]);
    expect([...reports, ...again].reduce((sum, r) => sum + r.agendasPosted, 0)).toBe(1);
    expect([...reports, ...again].reduce((sum, r) => sum + r.quorumWarnings, 0)).toBe(1);

    const posts = agendaPosts(connector);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.conversationId).toBe(MEETING_CHAT);
    expect(posts[0]!.texts).toEqual(EXPECTED_AGENDA);

    const { db } = stores[1]!;
    const meetings = await sql<{ status: string; calendar_event_id: string | null; items: number }>`
      select m.status, m.calendar_event_id, (select count(*)::int from agenda_items a where a.meeting_id = m.id) as items
      from meetings m order by m.created_at`.execute(db);
    expect(meetings.rows.map((m) => [m.status, m.calendar_event_id !== null, m.items])).toEqual([
      ['justering', false, 5],
      ['planerat', true, 11], // 9 paragraphs and the two sub-points of "Budget 2025"
    ]);
  });
});

/**
 * Two server instances on one PostgreSQL schema, as behind App Service (PGlite is one process, so
 * this runs when DATABASE_URL is set): a panel's stream on one instance hears what a command handled
 * by the other records, within 2 s, because the change comes from the database's NOTIFY and not from
 * the process that wrote it. A stream survives the other instance stopping.
 */
import type { RunningApp } from '../../../bot/src/app';
import { connectPostgres, type StoreConnection } from '../../../bot/src/store/database';
import { migrate } from '../../../bot/src/store/migrate';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { EntraTestServer } from '../../support/entra.server';
import { freshSchemaName } from '../../support/stores';
import { startTestApp } from '../../support/test-app';
import { SseClient } from '../../support/sse-client';
import { MEMBER, SECRETARY, startLiveMeeting, type LiveMeeting } from '../../support/live-meeting';

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('the live stream with two server instances on one database', () => {
  const entra = new EntraTestServer();
  const connector = new BotConnectorServer();
  const stores: StoreConnection[] = [];
  const apps: RunningApp[] = [];
  let meeting: LiveMeeting;

  beforeAll(async () => {
    await Promise.all([entra.start(), connector.start()]);
    const schema = freshSchemaName();
    stores.push(await connectPostgres(process.env.DATABASE_URL!, schema));
    await migrate(stores[0]!.db);
    stores.push(await connectPostgres(process.env.DATABASE_URL!, schema));
    for (const store of stores) apps.push(await startTestApp(store, entra.env()));
    meeting = await startLiveMeeting(apps[0]!.url, connector.url, stores[0]!, { teamId: '19:two-team@thread.tacv2', teamName: 'Tvåinstansgruppen', channelId: '19:two@thread.tacv2' });
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    for (const store of stores) await store.close();
    await Promise.all([entra.stop(), connector.stop()]);
  });

  it('a command handled by instance A reaches a stream open on instance B within 2 s', async () => {
    const onB = await SseClient.open(`${apps[1]!.url}/api/meetings/${meeting.meetingId}/live`, { authorization: `Bearer ${entra.token({ oid: MEMBER.aadObjectId })}` });
    try {
      const snapshot = await onB.next();
      const sent = Date.now();
      await meeting.say('anteckning Skrivet via instans A.'); // meeting.say posts to instance A
      const update = await onB.next((e) => JSON.stringify(e.data.current.entries).includes('Skrivet via instans A.'), 2000);
      expect(update.receivedAt - sent).toBeLessThan(2000);
      expect(Number(update.id)).toBeGreaterThan(Number(snapshot.id));

      // and the other way round: B records, A's stream hears it
      const onA = await SseClient.open(`${apps[0]!.url}/api/meetings/${meeting.meetingId}/live`, { authorization: `Bearer ${entra.token({ oid: MEMBER.aadObjectId })}` });
      await onA.next();
      const res = await fetch(`${apps[1]!.url}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify(meeting.channel.message(SECRETARY, 'anteckning Skrivet via instans B.', new Date().toISOString())),
      });
      expect(res.status).toBeLessThan(300);
      await onA.next((e) => JSON.stringify(e.data.current.entries).includes('Skrivet via instans B.'), 2000);
      await onB.next((e) => JSON.stringify(e.data.current.entries).includes('Skrivet via instans B.'), 2000);
      await onA.close();
    } finally {
      await onB.close();
    }
  });
});

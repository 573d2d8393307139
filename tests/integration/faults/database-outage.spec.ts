/**
 * The PostgreSQL connection drops in the middle of a meeting and comes back: while it is down,
 * commands answer a clear Swedish message and /healthz says 503; afterwards everything works again
 * without a restart, and what was recorded before the outage is still there.
 */
import { connectPostgres, type StoreConnection } from '../../../bot/src/store/database';
import { migrate } from '../../../bot/src/store/migrate';
import type { RunningApp } from '../../../bot/src/app';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { freshSchemaName } from '../../support/stores';
import { TcpProxy } from '../../support/tcp-proxy';
import { startTestApp } from '../../support/test-app';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';

const url = process.env.DATABASE_URL;
const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'd0000000-0000-4000-8000-000000000001' };

(url ? describe : describe.skip)('PostgreSQL connection dropped and restored', () => {
  const connector = new BotConnectorServer();
  let proxy: TcpProxy;
  let store: StoreConnection;
  let app: RunningApp;
  let channel: TeamsChannel;

  beforeAll(async () => {
    const target = new URL(url!);
    proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
    const viaProxy = new URL(url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    store = await connectPostgres(viaProxy.toString(), freshSchemaName());
    await migrate(store.db);
    await connector.start();
    app = await startTestApp(store);
    channel = new TeamsChannel({ teamId: '19:outage-team@thread.tacv2', teamName: 'Avbrottsgruppen', channelId: '19:outage@thread.tacv2' }, connector.url);
  });
  afterAll(async () => {
    await app.stop();
    await store.close();
    await connector.stop();
    await proxy.cut();
  });

  const say = async (text: string, minute: number) => {
    const before = connector.messages.length;
    const res = await deliver(app.url, channel.message(sandra, text, new Date(Date.UTC(2024, 1, 16, 8, minute)).toISOString()));
    expect(res.status).toBeLessThan(300);
    return connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
  };

  it('fails cleanly while down and recovers without a restart', async () => {
    await deliver(app.url, channel.install('2024-02-16T07:00:00.000Z'));
    expect(await say('ny punkt Vårdplatsflöde', 1)).toMatch(/Punkt 3 Vårdplatsflöde är tillagd/);

    await proxy.cut();
    expect(await say('ny punkt Budget', 2)).toBe('Protokoll når inte sin databas just nu. Inget sparades – skicka kommandot igen om en liten stund.');
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'fel', store: 'postgresql' });
    const api = await fetch(`${app.url}/api/groups`);
    expect(api.status).toBe(503);
    expect((await api.json()).error.message).toMatch(/databas/);

    await proxy.restore();
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(await say('ny punkt Budget', 3)).toMatch(/Punkt 4 Budget är tillagd/);
    expect(await say('dagordning', 4)).toBe('');
    const agenda = connector.messages[connector.messages.length - 1].attachments[0].content;
    const text = JSON.stringify(agenda);
    expect(text).toContain('Vårdplatsflöde');
    expect(text).toContain('Budget');
  });
});

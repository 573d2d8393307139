/**
 * Every call the server makes to another service has a deadline: the stand-ins on loopback are made
 * to hang (they accept the request and answer only after a minute), the server is configured with
 * a one-second timeout, and each path must answer, in Swedish where a person sees it, long before
 * the stand-in would. Nothing is timed more precisely than "did not wait for the hang": the bound is
 * half the hang, so a slow machine cannot make these fail, and a missing timeout always does.
 */
import type { RunningApp } from '../../../bot/src/app';
import { CalendarUnavailable } from '../../../bot/src/core/calendar';
import { GraphCalendarSource } from '../../../bot/src/graph/graph-calendar.source';
import { GraphClient } from '../../../bot/src/graph/graph-client';
import { GraphAccessError } from '../../../bot/src/graph/graph-errors';
import { graphScope } from '../../../bot/src/graph/msal-configuration';
import { MsalTokenProvider } from '../../../bot/src/graph/msal-token.provider';
import { createLogger } from '../../../bot/src/logger';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { BotOpenIdServer } from '../../support/bot-openid.server';
import { EntraTestServer } from '../../support/entra.server';
import { EntraTokenServer } from '../../support/entra-token.server';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { GraphTestServer } from '../../support/graph.server';
import { HANG_MS } from '../../support/loopback-server';
import { describeEachStore } from '../../support/stores';
import { startTestApp } from '../../support/test-app';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';
import { useWire } from '../../support/wire';
import { cardTexts, hoursBefore, sandra as calendarSecretary, setUpGroup } from '../graph/calendar-scenario';

const TIMEOUT_MS = '1000';
/** "Did not hang": well under the stand-in's hang, far over the configured timeout. */
const DID_NOT_HANG_MS = HANG_MS / 2;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describeEachStore('outbound timeouts: Entra ID signing keys for the tab', (store) => {
  const entra = new EntraTestServer();
  const ANNA = '0d6f0a1e-0000-4000-8000-00000000f001';
  let app: RunningApp;

  beforeAll(async () => {
    await entra.start();
    app = await startTestApp(store(), { ...entra.env(), ENTRA_KEYS_TIMEOUT_MS: TIMEOUT_MS });
  });
  afterAll(async () => {
    await app.stop();
    await entra.stop();
  });

  const groups = () => fetch(`${app.url}/api/groups`, { headers: { authorization: `Bearer ${entra.token({ oid: ANNA })}` } });

  it('answers 503 with a Swedish JSON error when the keys do not come in time, one download for all callers', async () => {
    entra.hang(/\/discovery\/v2\.0\/keys$/);
    const { value: answers, ms } = await timed(() => Promise.all([groups(), groups(), groups()]));
    expect(ms).toBeLessThan(DID_NOT_HANG_MS);
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        error: { code: 'unavailable', message: 'Inloggningen kan inte kontrolleras just nu: Microsoft Entra ID svarar inte. Försök igen om en stund.' },
      });
    }
    expect(entra.hung).toHaveLength(1);
  });

  it('signs in again as soon as the keys come, without a restart', async () => {
    entra.stopHanging();
    const res = await groups();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});

describeEachStore('outbound timeouts: Microsoft Graph behind a command', (store) => {
  const standIns = useGraphStandIns();
  standIns.env.GRAPH_TIMEOUT_MS = TIMEOUT_MS;
  const wire = useWire(store, standIns.env);
  let channel: TeamsChannel;

  beforeAll(async () => {
    channel = await setUpGroup(wire.app.url, wire.connector, standIns.graph);
  });

  const agenda = async (at: string) => {
    const before = wire.connector.messages.length;
    const { value: res, ms } = await timed(() => deliver(wire.app.url, channel.message(calendarSecretary, 'dagordning', at)));
    const [reply] = (await wire.connector.waitForMessages(before + 1)).slice(before);
    return { status: res.status, ms, text: String(reply.text ?? ''), items: cardTexts(reply.attachments?.[0]?.content) };
  };

  it('`dagordning` says in Swedish that Graph did not answer, and imports nothing', async () => {
    standIns.graph.hang(/calendarView(\/delta)?$/);
    const answer = await agenda(hoursBefore(30));
    expect(answer.ms).toBeLessThan(DID_NOT_HANG_MS);
    expect(standIns.graph.hung.length).toBeGreaterThan(0);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('⚠️ Dagordningen kunde inte hämtas från kallelsen. Microsoft Graph svarar inte just nu. Protokoll försöker igen automatiskt om en stund.');
    expect(answer.items.join('\n')).not.toMatch(/Rapport från vårdplatsgruppen/);
  });

  it('imports the invitation once Graph answers again', async () => {
    standIns.graph.stopHanging();
    const answer = await agenda(hoursBefore(29));
    expect(answer.items).toContain('3. Rapport från vårdplatsgruppen (I)');
  });
});

describe('outbound timeouts: signing in to Microsoft Graph, and uploads', () => {
  const entra = new EntraTokenServer();
  const graph = new GraphTestServer();
  const logger = createLogger('silent');
  beforeAll(async () => {
    await entra.start();
    await graph.start();
  });
  afterAll(async () => {
    await graph.stop();
    await entra.stop();
  });

  const calendarOf = () => {
    const tokens = new MsalTokenProvider(
      { clientId: entra.clientId, tenantId: entra.tenantId, authority: entra.url, clientSecret: entra.clientSecret, certificate: null },
      graphScope(graph.url),
      logger,
      Number(TIMEOUT_MS),
    );
    return new GraphCalendarSource(new GraphClient({ baseUrl: graph.url, tokens, timeoutMs: Number(TIMEOUT_MS) }));
  };

  it.each([
    ['the OpenID configuration', /\/\.well-known\/openid-configuration$/],
    ['the token endpoint', /\/oauth2\/v2\.0\/token$/],
  ])('gives up on %s that does not answer: Graph is unavailable, not waited for', async (_what, path) => {
    entra.hang(path);
    const { value: error, ms } = await timed(() =>
      calendarOf().events({ kind: 'user', id: 'sandra@example.se' }, '2024-03-01T00:00:00.000Z', '2024-03-15T00:00:00.000Z').then(() => null, (e: unknown) => e),
    );
    entra.stopHanging();
    expect(ms).toBeLessThan(DID_NOT_HANG_MS);
    expect(entra.hung.some((p) => path.test(p))).toBe(true);
    expect(error).toBeInstanceOf(CalendarUnavailable);
    expect((error as CalendarUnavailable).problem).toBe('unavailable');
  });

  it('gives up on a chunk of a large upload that gets no answer (the session URL is outside the SDK)', async () => {
    const tokens = { accessToken: async () => 'not used for upload URLs' };
    const client = new GraphClient({ baseUrl: graph.url, tokens, timeoutMs: Number(TIMEOUT_MS) });
    graph.hang(/^\/upload-session\//);
    const { value: error, ms } = await timed(() => client.putToUploadSession(`${graph.url}/upload-session/1`, Buffer.alloc(1024), 0, 4096).then(() => null, (e: unknown) => e));
    graph.stopHanging();
    expect(ms).toBeLessThan(DID_NOT_HANG_MS);
    expect(graph.hung).toContain('/upload-session/1');
    expect(error).toBeInstanceOf(GraphAccessError);
    expect((error as GraphAccessError).problem).toBe('unavailable');
  });
});

describeEachStore('outbound timeouts: the Bot Connector', (store) => {
  const entra = new EntraTestServer();
  const connector = new BotConnectorServer();
  const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'e0000000-0000-4000-8000-000000000001' };
  const TEAM = '19:timeouts-team@thread.tacv2';
  const OFFICIAL = '0d6f0a1e-0000-4000-8000-00000000f002';
  let app: RunningApp;
  let channel: TeamsChannel;

  beforeAll(async () => {
    await entra.start();
    await connector.start();
    app = await startTestApp(store(), { ...entra.env(), BOT_CONNECTOR_TIMEOUT_MS: TIMEOUT_MS });
    channel = new TeamsChannel({ teamId: TEAM, teamName: 'Timeoutgruppen', channelId: '19:timeouts@thread.tacv2' }, connector.url);
    await deliver(app.url, channel.install('2024-02-16T07:00:00.000Z'));
    await deliver(app.url, channel.message(sandra, 'ledamöter\nSandra Johansson; processledare; Region Blekinge; sekreterare', '2024-02-16T07:01:00.000Z'));
    connector.teamMembers.set(TEAM, [{ id: '29:official', name: 'Eva Ek', aadObjectId: OFFICIAL }]);
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
    await entra.stop();
  });

  it('a reply that cannot be delivered does not hold the turn; Teams’ retry records nothing twice', async () => {
    const activity = channel.message(sandra, 'ny punkt Budget 2025', '2024-02-16T07:02:00.000Z');
    connector.hang();
    const { value: res, ms } = await timed(() => deliver(app.url, activity));
    connector.stopHanging();
    expect(ms).toBeLessThan(DID_NOT_HANG_MS);
    expect(connector.hung.length).toBeGreaterThan(0);
    // The command was recorded before the reply was attempted: Teams hears 200 and has no reason to resend.
    expect(res.status).toBe(200);

    const retried = await deliver(app.url, activity);
    expect(retried.status).toBe(200);
    const before = connector.messages.length;
    await deliver(app.url, channel.message(sandra, 'dagordning', '2024-02-16T07:03:00.000Z'));
    const [reply] = (await connector.waitForMessages(before + 1)).slice(before);
    const titles = cardTexts(reply.attachments[0].content).filter((t) => /Budget 2025/.test(t));
    expect(titles).toHaveLength(1);
  });

  it('the tab API does not wait for a team membership check that hangs: the caller sees nothing', async () => {
    connector.hang(/\/members\//);
    const { value: res, ms } = await timed(() => fetch(`${app.url}/api/groups`, { headers: { authorization: `Bearer ${entra.token({ oid: OFFICIAL })}` } }));
    connector.stopHanging();
    expect(ms).toBeLessThan(DID_NOT_HANG_MS);
    expect(connector.hung.some((p) => p.includes('/members/'))).toBe(true);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});

describeEachStore('outbound timeouts: the Bot Framework’s signing keys for /api/messages', (store) => {
  const openId = new BotOpenIdServer();
  const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'c0000000-0000-4000-8000-000000000001' };
  beforeAll(() => openId.start());
  afterAll(() => openId.stop());
  // Read when the server starts, after the stand-in has its URL.
  const env: Record<string, string> = { ALLOW_DEVELOPMENT_USER: '1', ENTRA_KEYS_TIMEOUT_MS: TIMEOUT_MS };
  beforeAll(() => Object.assign(env, openId.env()));
  const wire = useWire(store, env);

  it('answers 503 with a JSON error when the keys do not come in time, records nothing, and takes the resent activity once they do', async () => {
    const groups = repositoriesFor(store().db).groups;
    const group = await groups.create({ name: 'Nycklar', decidingBody: 'Nycklar', teamId: '19:keys-team@thread.tacv2', channelId: '19:keys@thread.tacv2' });
    await groups.bindConversation(group.id, { conversationId: '19:keys@thread.tacv2', kind: 'channel', reference: {} });
    const channel = new TeamsChannel({ teamId: '19:keys-team@thread.tacv2', teamName: 'Nycklar', channelId: '19:keys@thread.tacv2' }, wire.connector.url);
    // A join event: recorded without a reply, so no outgoing token is needed.
    const activity = channel.participants('join', [mats], '2024-06-03T08:00:00.000Z');
    const post = () => fetch(`${wire.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${openId.token({ serviceUrl: wire.connector.url })}` },
      body: JSON.stringify(activity),
    });
    const events = () => store().db.selectFrom('attendance_events').select('display_name').execute();

    openId.hang(/\/v1\/\.well-known\//);
    const { value: res, ms } = await timed(post);
    openId.stopHanging();
    expect(ms).toBeLessThan(DID_NOT_HANG_MS);
    expect(openId.hung.length).toBeGreaterThan(0);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'unavailable', message: 'Bot Framework-inloggningen kan inte kontrolleras just nu. Försök igen om en stund.' } });
    expect(await events()).toEqual([]);

    expect((await post()).status).toBe(200);
    expect(await events()).toEqual([{ display_name: 'Mats Wennstig' }]);
  });
});

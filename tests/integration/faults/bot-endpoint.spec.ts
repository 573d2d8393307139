/**
 * /api/messages at the edge: the token is checked before the activity (an empty body without a
 * token is 401, not a 500 with a stack), every refusal is our JSON error body, a rejected token is
 * one JSON log line at info level (botbuilder's own console.error output stays off stderr), and
 * without Bot Framework authentication the bot answers only Bot Connectors on loopback (the Agents
 * Playground, tests) or those named in ALLOWED_SERVICE_URLS.
 */
import pino from 'pino';
import type { RunningApp } from '../../../bot/src/app';
import { startApp } from '../../../bot/src/app';
import { loadConfig } from '../../../bot/src/config';
import type { Logger } from '../../../bot/src/logger';
import type { StoreConnection } from '../../../bot/src/store/database';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { BotOpenIdServer } from '../../support/bot-openid.server';
import { describeEachStore } from '../../support/stores';
import { TeamsChannel, type Person } from '../../support/teams-activities';

const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'f0000000-0000-4000-8000-0000000000e1' };

/** A logger like the real one, whose JSON lines the test reads. */
function capturingLogger(): { logger: Logger; lines: any[] } {
  const lines: any[] = [];
  const logger = pino({ level: 'info', base: { app: 'protokoll' } }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function start(store: StoreConnection, env: Record<string, string>, logger: Logger): Promise<RunningApp> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SCHEDULER_INTERVAL_SECONDS: '0', ...env });
  return startApp(config, logger, { store });
}

const post = (app: RunningApp, body: unknown, authorization?: string) =>
  fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });

describeEachStore('the bot endpoint', (store) => {
  /** The channel's group, bound so that a join event has somewhere to go. */
  const bindChannel = async (place: { teamId: string; channelId: string }) => {
    const groups = repositoriesFor(store().db).groups;
    const group = await groups.create({ name: 'Kant', decidingBody: 'Kant', teamId: place.teamId, channelId: place.channelId });
    await groups.bindConversation(group.id, { conversationId: place.channelId, kind: 'channel', reference: {} });
  };
  const joins = async () => (await store().db.selectFrom('attendance_events').select('id').execute()).length;

  describe('with Bot Framework authentication', () => {
    const openId = new BotOpenIdServer();
    const { logger, lines } = capturingLogger();
    let app: RunningApp;
    let consoleError: jest.SpyInstance;
    const channel = new TeamsChannel({ teamId: '19:edge-auth@thread.tacv2', teamName: 'Kant', channelId: '19:edge-auth-ch@thread.tacv2' }, 'http://127.0.0.1:9/');

    beforeAll(async () => {
      // Before the server starts, so that whatever the server does with console.error passes through here.
      consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      await openId.start();
      app = await start(store(), { ...openId.env(), ALLOW_DEVELOPMENT_USER: '1' }, logger);
    });
    afterAll(async () => {
      await app.stop();
      await openId.stop();
      consoleError.mockRestore();
    });

    it('answers an empty body without a token with 401 and the JSON error body', async () => {
      const res = await post(app, {});
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.stringMatching(/inloggning|token/i) } });
    });

    it('answers a body that is not an activity with 401 too when the token is bad', async () => {
      const res = await post(app, { hej: 1 }, 'Bearer inte.en.token');
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthenticated');
    });

    it.each([
      ['no token', () => undefined],
      ['an expired token', () => `Bearer ${openId.token({ serviceUrl: channel.serviceUrl, expiresInSeconds: -600 })}`],
      ['a wrong signing key', () => `Bearer ${openId.token({ serviceUrl: channel.serviceUrl, foreignKey: true })}`],
      ['garbage', () => 'Bearer inte.en.token'],
    ])('logs %s as one JSON line at info level, and nothing on console.error', async (_what, authorization) => {
      lines.length = 0;
      consoleError.mockClear();
      const res = await post(app, channel.participants('join', [mats], '2024-06-03T08:00:00.000Z'), authorization());
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthenticated');
      expect(lines).toEqual([expect.objectContaining({ level: 30, msg: expect.stringMatching(/token/) })]);
      expect(JSON.stringify(lines[0])).not.toMatch(/\\n\s+at |BEGIN PUBLIC KEY/);
      expect(consoleError).not.toHaveBeenCalled();
    });
  });

  describe('without Bot Framework authentication', () => {
    const { logger, lines } = capturingLogger();
    let app: RunningApp;
    let listing: RunningApp;
    const place = { teamId: '19:edge-dev@thread.tacv2', teamName: 'Kant', channelId: '19:edge-dev-ch@thread.tacv2' };
    let minute = 0;
    const join = (target: RunningApp, serviceUrl: string) => {
      minute += 1;
      return post(target, new TeamsChannel(place, serviceUrl).participants('join', [mats], new Date(Date.UTC(2024, 5, 3, 9, minute)).toISOString()));
    };

    beforeAll(async () => {
      app = await start(store(), {}, logger);
      listing = await start(store(), { ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.test/emea/, https://connector.example.test' }, logger);
      await bindChannel(place);
    });
    afterAll(async () => {
      await app.stop();
      await listing.stop();
    });

    it('answers an empty body with 400 and the JSON error body', async () => {
      const res = await post(app, {});
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'invalid-input', message: expect.stringMatching(/aktivitet/i) } });
    });

    it.each([
      'http://localhost:56150/_connector',
      'http://127.0.0.1:3979/',
      'http://127.8.0.1/',
      'http://[::1]:3979/',
    ])('takes an activity from a Bot Connector on loopback (%s)', async (serviceUrl) => {
      const before = await joins();
      expect((await join(app, serviceUrl)).status).toBe(200);
      expect(await joins()).toBe(before + 1);
    });

    it.each([
      'https://smba.evil.example/emea/',
      'http://127.0.0.1.evil.example/',
      'http://127.0.0.1@evil.example/',
      'http://10.0.0.5:3978/',
      'file:///etc/passwd',
      'inte en url',
    ])('refuses an activity naming %s as its serviceUrl with 403, records and sends nothing', async (serviceUrl) => {
      lines.length = 0;
      const before = await joins();
      const res = await join(app, serviceUrl);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/serviceUrl/) } });
      expect(await joins()).toBe(before);
      expect(lines).toEqual([expect.objectContaining({ level: 30, msg: expect.stringMatching(/serviceUrl/) })]);
    });

    it('takes the serviceUrls named in ALLOWED_SERVICE_URLS, and still loopback, but nothing else', async () => {
      const before = await joins();
      expect((await join(listing, 'https://smba.trafficmanager.test/emea/')).status).toBe(200);
      expect((await join(listing, 'https://connector.example.test/v3/')).status).toBe(200);
      expect((await join(listing, 'http://localhost:56150/_connector')).status).toBe(200);
      expect(await joins()).toBe(before + 3);
      for (const other of ['https://smba.trafficmanager.test/amer/', 'https://smba.trafficmanager.test.evil.example/emea/', 'http://smba.trafficmanager.test/emea/', 'https://connector.example.test:8443/']) {
        expect((await join(listing, other)).status).toBe(403);
      }
      expect(await joins()).toBe(before + 3);
    });
  });
});

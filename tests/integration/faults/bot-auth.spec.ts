/**
 * With Bot Framework authentication configured (BOT_ID), /api/messages takes only activities whose
 * token botbuilder validates against the configured OpenID metadata: right issuer, audience = our
 * app id, a published (and msteams-endorsed) signing key, not expired, and the serviceurl claim of
 * the activity. Everything else is 401 and records nothing.
 */
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { BotOpenIdServer } from '../../support/bot-openid.server';
import { describeEachStore } from '../../support/stores';
import { TeamsChannel, type Person } from '../../support/teams-activities';
import { useWire } from '../../support/wire';

const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'f0000000-0000-4000-8000-000000000002' };
const openId = new BotOpenIdServer();

describeEachStore('Bot Framework authentication', (store) => {
  afterEach(() => jest.restoreAllMocks());
  beforeAll(() => openId.start());
  afterAll(() => openId.stop());
  // The server reads the environment when it starts (after openId has its URL).
  // Only the bot's side is configured here: the tab API's development user is allowed on purpose.
  const env: Record<string, string> = { ALLOW_DEVELOPMENT_USER: '1' };
  beforeAll(() => Object.assign(env, openId.env()));
  const wire = useWire(store, env);

  let channel: TeamsChannel;
  beforeAll(() => {
    channel = new TeamsChannel({ teamId: '19:auth-team@thread.tacv2', teamName: 'Auth', channelId: '19:auth@thread.tacv2' }, wire.connector.url);
  });

  // A join event: the bot records it and sends nothing back, so no outgoing token is needed.
  const post = (authorization: string | undefined, at: string, channelId = 'msteams') =>
    fetch(`${wire.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ ...channel.participants('join', [mats], at), channelId }),
    });
  const events = async () => store().db.selectFrom('attendance_events').select('display_name').execute();

  it.each([
    ['no token', () => undefined],
    ['an expired token', () => `Bearer ${openId.token({ serviceUrl: wire.connector.url, expiresInSeconds: -600 })}`],
    ['a wrong audience', () => `Bearer ${openId.token({ serviceUrl: wire.connector.url, audience: 'en-annan-bot' })}`],
    ['a wrong issuer', () => `Bearer ${openId.token({ serviceUrl: wire.connector.url, issuer: 'https://api.botframework.com.evil' })}`],
    ['a wrong signing key', () => `Bearer ${openId.token({ serviceUrl: wire.connector.url, foreignKey: true })}`],
    ['a key id the metadata does not publish', () => `Bearer ${openId.token({ serviceUrl: wire.connector.url, keyId: 'okand-nyckel' })}`],
    ['another service URL than the activity’s', () => `Bearer ${openId.token({ serviceUrl: 'https://smba.evil.example/' })}`],
    ['garbage', () => 'Bearer inte.en.token'],
  ])('rejects %s with 401 and records nothing', async (_what, authorization) => {
    const res = await post(authorization(), '2024-06-03T08:00:00.000Z');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
    expect(await events()).toEqual([]);
  });

  it('rejects a valid token on an activity from a channel the key is not endorsed for', async () => {
    const res = await post(`Bearer ${openId.token({ serviceUrl: wire.connector.url })}`, '2024-06-03T08:00:30.000Z', 'webchat');
    expect(res.status).toBe(401);
    expect(await events()).toEqual([]);
  });

  it('accepts a valid token, and records the activity', async () => {
    // The install binds the channel to a group, so the join has a meeting to go to.
    const groups = repositoriesFor(store().db).groups;
    const group = await groups.create({ name: 'Auth', decidingBody: 'Auth', teamId: '19:auth-team@thread.tacv2', channelId: '19:auth@thread.tacv2' });
    await groups.bindConversation(group.id, { conversationId: '19:auth@thread.tacv2', kind: 'channel', reference: {} });
    const res = await post(`Bearer ${openId.token({ serviceUrl: wire.connector.url })}`, '2024-06-03T08:01:00.000Z');
    expect(res.status).toBe(200);
    expect(await events()).toEqual([{ display_name: 'Mats Wennstig' }]);
  });
});

/**
 * The rate limits over real HTTP: chat commands per conversation (COMMANDS_PER_MINUTE) through
 * /api/messages and a Bot Connector on loopback, and tab API calls per signed-in user
 * (API_CALLS_PER_MINUTE) with real Entra tokens. Small limits are configured so a test reaches them
 * in a handful of requests; the window itself (a minute) is checked with a clock in
 * tests/unit/core/rate-limit.spec.ts.
 */
import type { RunningApp } from '../../../bot/src/app';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { EntraTestServer } from '../../support/entra.server';
import { describeEachStore } from '../../support/stores';
import { startTestApp } from '../../support/test-app';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'e0000000-0000-4000-8000-000000000001' };
const TOO_MANY = /^För många kommandon i den här konversationen: högst 5 i minuten\. Det här sparades inte; vänta en stund \(omkring \d+ sekunder\) och skicka det igen\.$/;

describeEachStore('rate limit: chat commands per conversation', (store) => {
  const connector = new BotConnectorServer();
  let app: RunningApp;
  let channel: TeamsChannel;
  let minute = 0;

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp(store(), { COMMANDS_PER_MINUTE: '5' });
    channel = new TeamsChannel({ teamId: '19:rate-team@thread.tacv2', teamName: 'Takgruppen', channelId: '19:rate@thread.tacv2' }, connector.url);
    await deliver(app.url, channel.install('2024-02-16T07:00:00.000Z'));
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  const message = (text: string, from = channel) => from.message(sandra, text, new Date(Date.UTC(2024, 1, 16, 7, 1, minute++)).toISOString());
  /** Delivers the activity and returns the replies it got (each delivery waits for its own answer). */
  async function send(activity: any): Promise<{ status: number; replies: any[] }> {
    const before = connector.messages.length;
    const res = await deliver(app.url, activity);
    return { status: res.status, replies: connector.messages.slice(before) };
  }
  const titles = async () => {
    const repos = repositoriesFor(store().db);
    const titlesOf = await Promise.all((await repos.groups.listAll()).map(async (group) =>
      (await Promise.all((await repos.meetings.list(group.id)).map((m) => repos.agenda.list(m.id)))).flat().map((i) => i.title)));
    return titlesOf.flat().sort();
  };

  let fifth: any;
  let refused: any;
  it('answers the first command beyond the limit once in Swedish, the rest not at all, and records none of them', async () => {
    expect((await send(message('ledamöter\nSandra Johansson; processledare; Region Blekinge; sekreterare'))).replies).toHaveLength(1);
    for (const title of ['Ett', 'Två', 'Tre']) expect((await send(message(`ny punkt ${title}`))).replies).toHaveLength(1);
    fifth = message('ny punkt Fyra');
    expect((await send(fifth)).replies).toHaveLength(1);

    refused = message('ny punkt Fem');
    const sixth = await send(refused);
    expect(sixth.status).toBe(200);
    expect(sixth.replies.map((r) => r.text)).toEqual([expect.stringMatching(TOO_MANY)]);
    for (const title of ['Sex', 'Sju']) {
      const later = await send(message(`ny punkt ${title}`));
      expect(later.status).toBe(200);
      expect(later.replies).toEqual([]);
    }
    expect((await titles()).filter((t) => /^(Ett|Två|Tre|Fyra|Fem|Sex|Sju)$/.test(t))).toEqual(['Ett', 'Fyra', 'Tre', 'Två']);
  });

  it('a retry of an activity is not a new command: the admitted one is not recorded or answered twice, a refused one not answered again', async () => {
    const retried = await send(fifth);
    expect(retried.status).toBe(200);
    expect(retried.replies).toEqual([]);
    expect((await titles()).filter((t) => t === 'Fyra')).toHaveLength(1);
    const again = await send(refused);
    expect(again.replies).toEqual([]);
    expect(await titles()).not.toContain('Fem');
  });

  it('a card action beyond the limit is answered on the card and changes nothing', async () => {
    const res = await deliver(app.url, channel.cardAction(sandra, 'agenda.refresh', { meetingId: null }, new Date(Date.UTC(2024, 1, 16, 7, 2)).toISOString()));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^För många kommandon i den här konversationen/) });
  });

  it('Teams refreshing a card by itself is not a command: the card still comes back beyond the limit', async () => {
    const res = await deliver(app.url, channel.cardAction(sandra, 'agenda.refresh', { meetingId: null }, new Date(Date.UTC(2024, 1, 16, 7, 3)).toISOString(), 'automatic'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  });

  it('another conversation has its own allowance', async () => {
    const other = new TeamsChannel({ teamId: '19:rate-team-2@thread.tacv2', teamName: 'Andra gruppen', channelId: '19:rate-2@thread.tacv2' }, connector.url);
    await deliver(app.url, other.install('2024-02-16T07:00:00.000Z'));
    const answer = await send(message('hjälp', other));
    expect(answer.replies).toHaveLength(1);
    expect(answer.replies[0].text ?? '').not.toMatch(/För många/);
  });
});

describeEachStore('rate limit: tab API calls per user', (store) => {
  const entra = new EntraTestServer();
  const ANNA = '0d6f0a1e-0000-4000-8000-00000000a101';
  const BERT = '0d6f0a1e-0000-4000-8000-00000000a102';
  let app: RunningApp;

  beforeAll(async () => {
    await entra.start();
    app = await startTestApp(store(), { ...entra.env(), API_CALLS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await app.stop();
    await entra.stop();
  });

  const groups = (oid: string) => fetch(`${app.url}/api/groups`, { headers: { authorization: `Bearer ${entra.token({ oid })}` } });

  it('answers 429 with Retry-After and a Swedish JSON error beyond the limit; another user is not affected', async () => {
    for (let n = 0; n < 3; n++) expect((await groups(ANNA)).status).toBe(200);
    const refused = await groups(ANNA);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await refused.json()).toEqual({
      error: { code: 'rate-limited', message: `För många anrop från dig: högst 3 i minuten. Vänta en stund (omkring ${retryAfter} sekunder) och försök igen.` },
    });
    expect((await groups(BERT)).status).toBe(200);
  });

  it('a request without a valid token is refused as such, and uses nobody’s allowance', async () => {
    const res = await fetch(`${app.url}/api/groups`, { headers: { authorization: `Bearer ${entra.token({ oid: BERT, foreignKey: true })}` } });
    expect(res.status).toBe(401);
    expect((await groups(BERT)).status).toBe(200);
  });
});

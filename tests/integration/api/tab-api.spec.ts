import type { RunningApp } from '../../../bot/src/app';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import type { StoreConnection } from '../../../bot/src/store/database';
import { EntraTestServer } from '../../support/entra.server';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { describeEachStore } from '../../support/stores';
import { startTestApp } from '../../support/test-app';

const ANNA = '0d6f0a1e-0000-4000-8000-00000000a001';
const PER = '0d6f0a1e-0000-4000-8000-00000000b002';

/** Two groups, each with one member and that member's action on § 4 of a meeting. */
async function seed(store: StoreConnection) {
  const repos = repositoriesFor(store.db);
  const seedGroup = async (name: string, memberName: string, aad: string) => {
    const group = await repos.groups.create({ name, decidingBody: name });
    const [member] = await repos.roster.upsert(group.id, [{ name: memberName, title: 'MAS', principal: 'Karlskrona kommun', roles: ['ledamot'], aadObjectId: aad }]);
    const meeting = await repos.meetings.create(group.id, { startsAt: '2024-02-16T07:15:00.000Z' });
    await repos.meetings.update(group.id, meeting.id, { status: 'utkast' });
    const item = await repos.agenda.insert(group.id, {
      meetingId: meeting.id, parentId: null, position: 1000, section: null, title: 'Vårdplatsflöde', typeTag: null, standardKind: null,
      number: 4, presenters: [], outcome: 'decided', recipients: [], carriedFromItemId: null,
    });
    const action = await repos.actions.add({
      groupId: group.id, meetingId: meeting.id, itemId: item.id, text: `Skicka ut planen (${name})`, ownerMemberId: member!.id,
      ownerName: memberName, dueDate: '2024-03-01', createdAt: '2024-02-16T08:00:00.000Z',
    });
    return { group, action };
  };
  return { a: await seedGroup('LSVO', 'Anna-Karin Åkesson', ANNA), b: await seedGroup('PSVO', 'Per Persson', PER) };
}

describeEachStore('tab API with Entra ID tokens', (store) => {
  const entra = new EntraTestServer();
  let app: RunningApp;
  let data: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    await entra.start();
    app = await startTestApp(store(), entra.env());
    data = await seed(store());
  });
  afterAll(async () => {
    await app.stop();
    await entra.stop();
  });

  const get = (path: string, token?: string) =>
    fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lists only the groups the caller is on the roster of', async () => {
    const res = await get('/api/groups', entra.token({ oid: ANNA }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id: data.a.group.id, name: 'LSVO', decidingBody: 'LSVO' }]);
  });

  it('returns the actions of the caller’s group with paragraph and meeting', async () => {
    const res = await get(`/api/groups/${data.a.group.id}/actions?status=all`, entra.token({ oid: ANNA }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      actions: [
        expect.objectContaining({
          id: data.a.action.id, text: 'Skicka ut planen (LSVO)', owner: 'Anna-Karin Åkesson', dueDate: '2024-03-01',
          status: 'open', paragraph: 'punkt 4', paragraphTitle: 'Vårdplatsflöde', meetingDate: '2024-02-16', version: 1, canChange: true,
        }),
      ],
      nextCursor: null,
      // the due date is long past: the one open action is overdue
      totals: { open: 1, overdue: 1, done: 0, all: 1 },
    });
  });

  it('pages with limit and cursor over HTTP, keeping status and owner in the query', async () => {
    const repos = repositoriesFor(store().db);
    const owners: Array<{ id: string; name: string }> = await (await get(`/api/groups/${data.a.group.id}/owners`, entra.token({ oid: ANNA }))).json();
    expect(owners).toEqual([{ id: data.a.action.ownerMemberId, name: 'Anna-Karin Åkesson' }]);
    const group = await repos.groups.create({ name: 'Paged', decidingBody: 'Paged' });
    const [member] = await repos.roster.upsert(group.id, [{ name: 'Anna-Karin Åkesson', title: 'MAS', principal: 'Karlskrona kommun', roles: ['ledamot'], aadObjectId: ANNA }]);
    const meeting = await repos.meetings.create(group.id, { startsAt: '2024-03-01T07:15:00.000Z' });
    const item = await repos.agenda.insert(group.id, {
      meetingId: meeting.id, parentId: null, position: 1000, section: null, title: 'Uppföljning', typeTag: null, standardKind: null,
      number: 2, presenters: [], outcome: 'decided', recipients: [], carriedFromItemId: null,
    });
    for (let n = 0; n < 7; n++) {
      await repos.actions.add({
        groupId: group.id, meetingId: meeting.id, itemId: item.id, text: `Steg ${n}`, ownerMemberId: n % 2 ? member!.id : null,
        ownerName: n % 2 ? member!.name : null, dueDate: null, createdAt: new Date(Date.UTC(2024, 2, 1, 8, n)).toISOString(),
      });
    }
    const pageOf = async (query: string) => {
      const res = await get(`/api/groups/${group.id}/actions?${query}`, entra.token({ oid: ANNA }));
      expect(res.status).toBe(200);
      return (await res.json()) as { actions: Array<{ text: string }>; nextCursor: string | null; totals: unknown };
    };
    const first = await pageOf(`status=open&owner=${member!.id}&limit=2`);
    expect(first.actions.map((a) => a.text)).toEqual(['Steg 5', 'Steg 3']);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(first.totals).toEqual({ open: 3, overdue: 0, done: 0, all: 3 });
    const second = await pageOf(`status=open&owner=${member!.id}&limit=2&cursor=${first.nextCursor}`);
    expect(second).toEqual({ actions: [expect.objectContaining({ text: 'Steg 1' })], nextCursor: null, totals: null });
    expect((await pageOf('status=all&owner=none')).actions.map((a) => a.text)).toEqual(['Steg 6', 'Steg 4', 'Steg 2', 'Steg 0']);
  });

  it.each([
    ['status=klar', 'status ska vara open, overdue, done eller all.'],
    ['limit=0', 'limit ska vara ett heltal mellan 1 och 500.'],
    ['limit=501', 'limit ska vara ett heltal mellan 1 och 500.'],
    ['owner=Anna', 'owner ska vara id för en person i gruppens ledamotslista, eller none för åtgärder utan ansvarig.'],
    ['owner=00000000-0000-4000-8000-000000000000', 'Den ansvariga (owner) finns inte i gruppens ledamotslista.'],
    ['cursor=inte-en-markor', 'Sidmarkören (cursor) gäller inte. Börja om från första sidan.'],
  ])('answers %s with 400 and a Swedish message', async (query, message) => {
    const res = await get(`/api/groups/${data.a.group.id}/actions?${query}`, entra.token({ oid: ANNA }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid-input', message } });
  });

  it.each([
    ['actions', (d: Awaited<ReturnType<typeof seed>>) => `/api/groups/${d.b.group.id}/actions`],
    ['meetings', (d: Awaited<ReturnType<typeof seed>>) => `/api/groups/${d.b.group.id}/meetings`],
    ['owners', (d: Awaited<ReturnType<typeof seed>>) => `/api/groups/${d.b.group.id}/owners`],
  ])('never shows another group’s %s (404, nothing leaked)', async (_what, path) => {
    const res = await get(path(data), entra.token({ oid: ANNA }));
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(JSON.stringify(body)).not.toMatch(/PSVO|Per Persson/);
    expect(body.error.code).toBe('not-found');
  });

  it('refuses to change another group’s action', async () => {
    const res = await fetch(`${app.url}/api/actions/${data.b.action.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${entra.token({ oid: ANNA })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'done', version: 1 }),
    });
    expect(res.status).toBe(404);
  });

  it.each([
    ['no token', undefined],
    ['an expired token', () => entra.token({ oid: ANNA, expiresInSeconds: -3600 })],
    ['a wrong audience', () => entra.token({ oid: ANNA, audience: 'api://annan-app/123' })],
    ['a wrong issuer', () => entra.token({ oid: ANNA, issuer: 'https://login.microsoftonline.com/annan-tenant/v2.0' })],
    ['a wrong signing key', () => entra.token({ oid: ANNA, foreignKey: true })],
    ['garbage', () => 'inte-en-token'],
  ])('rejects %s with 401 and a Swedish message', async (_title, token) => {
    const res = await get('/api/groups', token?.());
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message).toMatch(/[åäö]|Inloggning/);
  });

  const patch = (body: unknown) =>
    fetch(`${app.url}/api/actions/${data.a.action.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${entra.token({ oid: ANNA })}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const listed = async () =>
    (await (await get(`/api/groups/${data.a.group.id}/actions?status=all`, entra.token({ oid: ANNA }))).json()).actions[0];

  it('keeps the actions of a protokoll not yet justerat preliminary: listed as such, not to be marked done', async () => {
    expect(await listed()).toMatchObject({ live: false, status: 'open', version: 1 });
    const refused = await patch({ status: 'done', version: 1 });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/först när protokollet den beslutades i är justerat/);
    expect(await listed()).toMatchObject({ status: 'open', version: 1 });
  });

  it('marks an action done with optimistic concurrency once the protokoll is justerat: a stale version gets 409', async () => {
    const repos = repositoriesFor(store().db);
    await repos.meetings.update(data.a.group.id, data.a.action.meetingId, { status: 'justerat' });
    expect(await listed()).toMatchObject({ live: true });
    const done = await patch({ status: 'done', version: 1 });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ id: data.a.action.id, status: 'done', version: 2 });

    const stale = await patch({ status: 'open', version: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/ändrats av någon annan/);

    const bad = await patch({ status: 'klar', version: 2 });
    expect(bad.status).toBe(400);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const res = await get(`/api/groups/1%20or%201=1/actions`, entra.token({ oid: ANNA }));
    expect(res.status).toBe(400);
  });

  it('lists meetings with status and paragraph range', async () => {
    const res = await get(`/api/groups/${data.a.group.id}/meetings`, entra.token({ oid: ANNA }));
    expect(await res.json()).toEqual({ meetings: [{ id: expect.any(String), date: '2024-02-16', status: 'justerat', paragraphRange: '4' }], nextCursor: null });
  });
});

describeEachStore('tab API without Entra ID (local development)', (store) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp(store());
    await seed(store());
  });
  afterAll(async () => {
    await app.stop();
  });

  it('runs as the development user, who sees every group', async () => {
    const me = await (await fetch(`${app.url}/api/me`)).json();
    expect(me).toEqual({ name: 'Utvecklingsanvändare', developmentUser: true });
    const groups = await (await fetch(`${app.url}/api/groups`)).json();
    expect(groups.map((g: { name: string }) => g.name)).toEqual(['LSVO', 'PSVO']);
  });

  it('lets the development user change every action', async () => {
    const groups: Array<{ id: string }> = await (await fetch(`${app.url}/api/groups`)).json();
    for (const group of groups) {
      const { actions }: { actions: Array<{ canChange: boolean }> } = await (await fetch(`${app.url}/api/groups/${group.id}/actions?status=all`)).json();
      expect(actions.map((a) => a.canChange)).toEqual([true]);
    }
  });
});

describeEachStore('tab API: members of the group’s team', (store) => {
  const entra = new EntraTestServer();
  const connector = new BotConnectorServer();
  const TEAM = '19:team-membership@thread.tacv2';
  const OFFICIAL = '0d6f0a1e-0000-4000-8000-00000000c003';
  const STRANGER = '0d6f0a1e-0000-4000-8000-00000000d004';
  let app: RunningApp;
  let groupId: string;

  beforeAll(async () => {
    await entra.start();
    await connector.start();
    app = await startTestApp(store(), entra.env());
    const repos = repositoriesFor(store().db);
    const group = await repos.groups.create({ name: 'Samverkan Öst', decidingBody: 'Samverkansgruppen', teamId: TEAM, channelId: '19:ost@thread.tacv2' });
    groupId = group.id;
    await repos.groups.bindConversation(group.id, {
      conversationId: '19:ost@thread.tacv2',
      kind: 'channel',
      reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: '19:ost@thread.tacv2', isGroup: true, conversationType: 'channel' }, bot: { id: '28:protokoll-bot', name: 'Protokoll' } },
    });
    // On the team, not on the roster: a public health official who follows the group's work.
    connector.teamMembers.set(TEAM, [{ id: '29:official', name: 'Eva Ek', aadObjectId: OFFICIAL }]);
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
    await entra.stop();
  });

  const get = (path: string, oid: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${entra.token({ oid })}` } });

  it('lets a member of the team see the group, asked of Teams over the Bot Framework', async () => {
    const res = await get('/api/groups', OFFICIAL);
    expect(await res.json()).toEqual([{ id: groupId, name: 'Samverkan Öst', decidingBody: 'Samverkansgruppen' }]);
    expect((await get(`/api/groups/${groupId}/meetings`, OFFICIAL)).status).toBe(200);
    const asked = connector.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/members/${OFFICIAL}`));
    expect(asked[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(TEAM)}/members/${OFFICIAL}`);
  });

  it('shows nothing to someone who is in neither the team nor the roster (Teams answers 404)', async () => {
    expect(await (await get('/api/groups', STRANGER)).json()).toEqual([]);
    expect((await get(`/api/groups/${groupId}/actions`, STRANGER)).status).toBe(404);
  });
});

describeEachStore('tab API: who may mark an action done', (store) => {
  const entra = new EntraTestServer();
  const connector = new BotConnectorServer();
  const TEAM = '19:team-actions@thread.tacv2';
  const CHANNEL = '19:actions@thread.tacv2';
  const PEOPLE = {
    sandra: { name: 'Sandra Johansson', role: 'sekreterare', aad: '0d6f0a1e-0000-4000-8000-00000000e001' },
    mats: { name: 'Mats Wennstig', role: 'ordförande', aad: '0d6f0a1e-0000-4000-8000-00000000e002' },
    anna: { name: 'Anna-Karin Åkesson', role: 'ledamot', aad: '0d6f0a1e-0000-4000-8000-00000000e003' },
    rebecca: { name: 'Rebecca Welander', role: 'ledamot', aad: '0d6f0a1e-0000-4000-8000-00000000e004' },
  } as const;
  /** on the group's team, not on its roster: may read the group, not change its actions */
  const EVA = '0d6f0a1e-0000-4000-8000-00000000e005';
  const REFUSED = 'Bara den ansvariga, sekreteraren och ordföranden kan markera åtgärden klar.';
  let app: RunningApp;
  let groupId: string;
  let actionId: string;

  beforeAll(async () => {
    await entra.start();
    await connector.start();
    app = await startTestApp(store(), entra.env());
    const repos = repositoriesFor(store().db);
    const group = await repos.groups.create({ name: 'Samverkan Väst', decidingBody: 'Samverkansgruppen', teamId: TEAM, channelId: CHANNEL });
    groupId = group.id;
    await repos.groups.bindConversation(group.id, {
      conversationId: CHANNEL,
      kind: 'channel',
      reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel' }, bot: { id: '28:protokoll-bot', name: 'Protokoll' } },
    });
    connector.teamMembers.set(TEAM, [{ id: '29:eva', name: 'Eva Utomstående', aadObjectId: EVA }]);
    const roster = await repos.roster.upsert(group.id, Object.values(PEOPLE).map((p) => ({
      name: p.name, title: 'verksamhetschef', principal: 'Region Blekinge', roles: [p.role], aadObjectId: p.aad,
    })));
    const meeting = await repos.meetings.create(group.id, { startsAt: '2024-02-16T07:15:00.000Z' });
    const item = await repos.agenda.insert(group.id, {
      meetingId: meeting.id, parentId: null, position: 1000, section: null, title: 'Vårdplatsflöde', typeTag: null, standardKind: null,
      number: 4, presenters: [], outcome: 'decided', recipients: [], carriedFromItemId: null,
    });
    const anna = roster.find((m) => m.name === PEOPLE.anna.name)!;
    actionId = (await repos.actions.add({
      groupId: group.id, meetingId: meeting.id, itemId: item.id, text: 'Sammanställ enkätsvaren', ownerMemberId: anna.id,
      ownerName: anna.name, dueDate: '2024-03-01', createdAt: '2024-02-16T08:00:00.000Z',
    })).id;
    await repos.meetings.update(group.id, meeting.id, { status: 'justerat' });
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
    await entra.stop();
  });

  const listed = async (oid: string) => {
    const res = await fetch(`${app.url}/api/groups/${groupId}/actions?status=all`, { headers: { authorization: `Bearer ${entra.token({ oid })}` } });
    expect(res.status).toBe(200);
    const [action] = ((await res.json()) as { actions: Array<{ id: string; status: string; version: number; canChange: boolean }> }).actions;
    return action!;
  };
  const patch = (oid: string, body: unknown) =>
    fetch(`${app.url}/api/actions/${actionId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${entra.token({ oid })}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it.each([
    ['the owner', PEOPLE.anna.aad, true],
    ['the secretary', PEOPLE.sandra.aad, true],
    ['the chair', PEOPLE.mats.aad, true],
    ['another roster member', PEOPLE.rebecca.aad, false],
    ['a member of the team who is not on the roster', EVA, false],
  ])('lists the action with canChange for %s', async (_who, oid, canChange) => {
    expect(await listed(oid)).toMatchObject({ id: actionId, canChange });
  });

  it.each([
    ['another roster member', PEOPLE.rebecca.aad],
    ['a member of the team who is not on the roster', EVA],
  ])('refuses %s with 403, says who may, and changes nothing', async (_who, oid) => {
    const before = await listed(PEOPLE.sandra.aad);
    const res = await patch(oid, { status: before.status === 'open' ? 'done' : 'open', version: before.version });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: REFUSED } });
    expect(await listed(PEOPLE.sandra.aad)).toMatchObject({ status: before.status, version: before.version });
  });

  it.each([
    ['the owner', PEOPLE.anna.aad],
    ['the secretary', PEOPLE.sandra.aad],
    ['the chair', PEOPLE.mats.aad],
  ])('lets %s mark it done and open it again', async (_who, oid) => {
    const before = await listed(oid);
    expect(before.status).toBe('open');
    const done = await patch(oid, { status: 'done', version: before.version });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ id: actionId, status: 'done', version: before.version + 1 });
    const reopened = await patch(oid, { status: 'open', version: before.version + 1 });
    expect(await reopened.json()).toEqual({ id: actionId, status: 'open', version: before.version + 2 });
  });
});

/**
 * GET /api/meetings/by-chat?chat={chatId} over real HTTP: the meeting side panel asks which meeting it is
 * opened in by the meeting chat Teams gives it. Two groups with the same member: one group's meeting
 * chat is named by its classic join link (sent with Teams' meeting start event), the other's is a
 * short link's chat that Graph named (online_meetings), and a third chat is bound to it with `grupp`.
 * The member gets each group's own meeting (a chat bound with `grupp` is that group's even where
 * Graph named it for another, as for the bot's turns); a member of only one group and an unknown
 * chat get the same 404; the meeting followed is the running one, else the planned one, else the draft.
 */
import { randomUUID } from 'node:crypto';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import type { ChatMeeting } from '../../../bot/src/core/use-cases/chat-meeting';
import { EntraTestServer } from '../../support/entra.server';
import { describeEachStore } from '../../support/stores';
import { useWire } from '../../support/wire';
import { BOT, deliver, TENANT, type Person } from '../../support/teams-activities';
import { MEMBER, SECRETARY, startLiveMeeting, type LiveMeeting } from '../../support/live-meeting';

/** Meeting chats as Teams names them; the first is spelled in its join link as Teams spells it (`%3a`, `%40`). */
const CLASSIC_CHAT = '19:meeting_ZTk1NWQ5-ZmMt_NDlk@thread.v2';
const CLASSIC_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZTk1NWQ5-ZmMt_NDlk%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-0000-0000-0000-000000000001%22%7d';
const SHORT_CHAT = '19:meeting_c2hvcnQtY2hhdA@thread.v2';
const SHORT_LINK = 'https://teams.microsoft.com/meet/29145623457?p=Xk4tRq7mPz';
const BOUND_CHAT = '19:meeting_Ym91bmQtY2hhdA@thread.v2';
/** On the roster of the second group only. */
const EVA: Person = { id: '29:eva', name: 'Eva Ek', aadObjectId: 'f0000000-0000-4000-8000-000000000005' };

describeEachStore('the meeting of a meeting chat', (store) => {
  const entra = new EntraTestServer();
  beforeAll(() => entra.start());
  afterAll(() => entra.stop());
  const wire = useWire(store, () => entra.env());
  let first: LiveMeeting;
  let second: LiveMeeting;

  beforeAll(async () => {
    first = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:chat-a-team@thread.tacv2', teamName: 'Samverkansgrupp Öst', channelId: '19:chat-a@thread.tacv2' }, { joinUrl: CLASSIC_LINK });
    second = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:chat-b-team@thread.tacv2', teamName: 'Samverkansgrupp Väst', channelId: '19:chat-b@thread.tacv2' });
    const repos = repositoriesFor(store().db);
    // What the scheduler stores when Graph names the chat of the group's short join link.
    await repos.onlineMeetings.remember(second.groupId, { joinUrl: SHORT_LINK, id: 'MSpvbmxpbmUtbWVldGluZw', chatId: SHORT_CHAT, organizerId: SECRETARY.aadObjectId });
    // The secretary binds another meeting chat to the second group, as in Teams.
    expect((await bindChat(BOUND_CHAT, 'Samverkansgrupp Väst')).status).toBe(200);
    await second.say('ledamöter\nEva Ek; utredare; Region Blekinge; ledamot');
    const eva = (await repos.roster.list(second.groupId)).find((m) => m.name === EVA.name)!;
    await repos.roster.rememberIdentity(second.groupId, eva.id, { aadObjectId: EVA.aadObjectId, teamsUserId: EVA.id });
  });

  /** The secretary writes `grupp <namn>` in a meeting chat, as in Teams. */
  const bindChat = (chatId: string, groupName: string) => deliver(wire.app.url, {
    type: 'message', id: randomUUID(), timestamp: new Date().toISOString(), serviceUrl: wire.connector.url, channelId: 'msteams',
    from: SECRETARY, recipient: BOT, text: `<at>Protokoll</at> grupp ${groupName}`,
    entities: [{ type: 'mention', mentioned: BOT, text: '<at>Protokoll</at>' }],
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: chatId },
    channelData: { tenant: { id: TENANT }, meeting: { id: Buffer.from(`0#${chatId}`).toString('base64') } },
  });

  const ask = async (chatId: string, oid: string | null) => {
    const res = await fetch(`${wire.app.url}/api/meetings/by-chat?chat=${encodeURIComponent(chatId)}`, {
      headers: oid ? { authorization: `Bearer ${entra.token({ oid })}` } : {},
    });
    return { status: res.status, body: (await res.json()) as ChatMeeting & { error?: { code: string; message: string } } };
  };

  it('gives a member of two groups the meeting of the group whose chat it is, found by join link, by Graph\'s chat and by `grupp`', async () => {
    const classic = await ask(CLASSIC_CHAT, MEMBER.aadObjectId);
    expect(classic.status).toBe(200);
    expect(classic.body).toMatchObject({ group: { id: first.groupId, name: 'Samverkansgrupp Öst' }, meeting: { id: first.meetingId, status: 'pågår' } });
    const short = await ask(SHORT_CHAT, MEMBER.aadObjectId);
    expect(short.status).toBe(200);
    expect(short.body).toMatchObject({ group: { id: second.groupId, name: 'Samverkansgrupp Väst' }, meeting: { id: second.meetingId, status: 'pågår' } });
    const bound = await ask(BOUND_CHAT, MEMBER.aadObjectId);
    expect(bound.body).toMatchObject({ group: { id: second.groupId }, meeting: { id: second.meetingId } });
  });

  it('is 404 with the same Swedish answer for another group\'s member and for a chat no group has', async () => {
    // Eva reads her own group's meeting by its chat, but not the other group's
    expect((await ask(SHORT_CHAT, EVA.aadObjectId)).body).toMatchObject({ group: { id: second.groupId } });
    const outsider = await ask(CLASSIC_CHAT, EVA.aadObjectId);
    const unknown = await ask('19:meeting_b2tuZA@thread.v2', MEMBER.aadObjectId);
    for (const answer of [outsider, unknown]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'not-found', message: 'Det här mötet hör inte till någon grupp som du är med i.' } });
    }
    expect((await ask(CLASSIC_CHAT, null)).status).toBe(401);
  });

  it('refuses what is no Teams chat id with 400 and a Swedish message', async () => {
    for (const bad of ['', 'x', '19:meeting_a@thread.v2 OR 1=1', `19:${'a'.repeat(400)}@thread.v2`, "19:meeting_a'%@thread.v2"]) {
      const answer = await ask(bad, MEMBER.aadObjectId);
      expect({ bad, status: answer.status, body: answer.body }).toEqual({ bad, status: 400, body: { error: { code: 'invalid-input', message: 'Ogiltigt chatt-id i adressen.' } } });
    }
  });

  it('finds a chat bound with `grupp` in that group even where Graph named it for another, as the bot does', async () => {
    const chat = '19:meeting_b21ia3BsYWNlcmFk@thread.v2';
    await repositoriesFor(store().db).onlineMeetings.remember(second.groupId, { joinUrl: 'https://teams.microsoft.com/meet/29145623458?p=Ym9uZA', id: 'MSpvbmxpbmUtYm9uZA', chatId: chat, organizerId: SECRETARY.aadObjectId });
    expect((await ask(chat, MEMBER.aadObjectId)).body).toMatchObject({ group: { id: second.groupId } });
    expect((await bindChat(chat, 'Samverkansgrupp Öst')).status).toBe(200);
    expect((await ask(chat, MEMBER.aadObjectId)).body).toMatchObject({ group: { id: first.groupId }, meeting: { id: first.meetingId } });
  });

  it('follows the running meeting, else the planned one, else the draft', async () => {
    await first.say('avsluta');
    const draft = await ask(CLASSIC_CHAT, MEMBER.aadObjectId);
    expect(draft.body.meeting).toMatchObject({ id: first.meetingId, status: 'justering' });
    await first.say('ny punkt Verksamhetsplan 2026');
    const planned = await ask(CLASSIC_CHAT, MEMBER.aadObjectId);
    expect(planned.body.meeting?.status).toBe('planerat');
    expect(planned.body.meeting?.id).not.toBe(first.meetingId);
  });
});

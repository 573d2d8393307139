/**
 * A meeting held in a meeting chat (a group chat, not the channel): `avsluta` answers there and the
 * draft is also posted, proactively through the stored conversation reference, as a new post in the
 * group's channel.
 */
import { randomUUID } from 'node:crypto';
import { useWire } from '../support/wire';
import { describeEachStore } from '../support/stores';
import { BOT, deliver, TeamsChannel, TENANT, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'c0000000-0000-4000-8000-000000000001' };
const CHANNEL = '19:psvo@thread.tacv2';
const MEETING_CHAT = '19:meeting_psvo@thread.v2';

describeEachStore('posting the draft to the channel from a meeting chat', (store) => {
  const wire = useWire(store);

  const meetingChat = (text: string, at: string) => ({
    type: 'message', id: randomUUID(), timestamp: at, serviceUrl: wire.connector.url, channelId: 'msteams',
    from: sandra, recipient: BOT, text: `<at>Protokoll</at> ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: '<at>Protokoll</at>' }],
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: MEETING_CHAT },
    channelData: { tenant: { id: TENANT }, meeting: { id: 'MCMxOTptZWV0aW5nX3BzdnQ=' } },
  });

  it('answers in the meeting chat and posts the draft in the channel', async () => {
    const channel = new TeamsChannel({ teamId: '19:psvo-team@thread.tacv2', teamName: 'PSVO', channelId: CHANNEL }, wire.connector.url);
    await deliver(wire.app.url, channel.install('2024-03-01T08:00:00.000Z'));
    // The secretary sets the group up in its channel; only she may then record from the meeting chat.
    await deliver(wire.app.url, channel.message(sandra, 'ledamöter\nSandra Johansson; nämndsekreterare; Region Blekinge; sekreterare', '2024-03-01T08:01:00.000Z'));
    await deliver(wire.app.url, meetingChat('grupp PSVO', '2024-03-01T08:55:00.000Z'));
    await deliver(wire.app.url, meetingChat('starta', '2024-03-01T09:00:00.000Z'));
    wire.connector.clear();

    await deliver(wire.app.url, meetingChat('avsluta', '2024-03-01T11:00:00.000Z'));
    await wire.connector.waitForMessages(2);
    // progress first (typing indicator and a short message), then the answer, both in the meeting chat
    const inChat = wire.connector.calls.filter((c) => c.conversationId === MEETING_CHAT).map((c) => [c.body.type, c.body.text ?? null]);
    expect(inChat).toEqual([
      ['typing', null],
      ['message', 'Skapar protokollutkast …'],
      ['message', expect.stringMatching(/Utkastet \(version 1\) väntar på justering/)],
    ]);
    // A new post in the channel: Bot Framework's "create conversation" with the post as its first activity.
    const deadline = Date.now() + 5000;
    while (!wire.connector.calls.some((c) => c.method === 'POST' && c.path === '/v3/conversations') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const created = wire.connector.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations')!;
    expect(created.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL } } });
    expect(created.body.activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(created.body.activity.attachments[0].content)).toContain('Sammanträdesprotokoll PSVO 2024-03-01');
  });
});

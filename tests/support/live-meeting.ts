/**
 * A running meeting set up over the wire, for the live stream and the meeting panel: a channel
 * group with a secretary, a chair and a member (each tied to an Entra object id), one item of its
 * own on the agenda, the three in the meeting, the meeting started and on its first paragraph.
 */
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import type { StoreConnection } from '../../bot/src/store/database';
import { deliver, TeamsChannel, type Person } from './teams-activities';

export interface LiveMeeting {
  channel: TeamsChannel;
  groupId: string;
  meetingId: string;
  /** posts `@Protokoll <text>` as `from` (default: the secretary); resolves once the bot answered the turn */
  say(text: string, from?: Person): Promise<{ status: number; body: any }>;
}

export const SECRETARY: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'f0000000-0000-4000-8000-000000000001' };
export const CHAIR: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'f0000000-0000-4000-8000-000000000002' };
export const MEMBER: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'f0000000-0000-4000-8000-000000000003' };

export async function startLiveMeeting(
  botUrl: string, connectorUrl: string, store: StoreConnection, place: { teamId: string; teamName: string; channelId: string },
  options: { joinUrl?: string } = {},
): Promise<LiveMeeting> {
  const channel = new TeamsChannel(place, connectorUrl);
  const now = () => new Date().toISOString();
  const say = async (text: string, from: Person = SECRETARY) => {
    const res = await deliver(botUrl, channel.message(from, text, now()));
    if (res.status >= 300) throw new Error(`the bot answered ${res.status} to "${text}"`);
    return res;
  };
  await deliver(botUrl, channel.install(now()));
  await say([
    'ledamöter',
    'Sandra Johansson; processledare; Region Blekinge; sekreterare',
    'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
    'Anna-Karin Åkesson; verksamhetschef; Ronneby kommun; ledamot',
  ].join('\n'));
  await say(`beslutsorgan ${place.teamName}`);
  await say('ny punkt Budget 2025 (B)');
  await deliver(botUrl, channel.participants('join', [SECRETARY, CHAIR, MEMBER], now()));
  await deliver(botUrl, channel.meetingStarted(now(), options.joinUrl));
  const repos = repositoriesFor(store.db);
  const group = (await repos.groups.listAll()).find((g) => g.teamId === place.teamId)!;
  // Tie the chair and the member to their Entra ids as Teams would on their first message.
  const roster = await repos.roster.list(group.id);
  for (const person of [SECRETARY, CHAIR, MEMBER]) {
    const entry = roster.find((m) => m.name === person.name)!;
    await repos.roster.rememberIdentity(group.id, entry.id, { aadObjectId: person.aadObjectId, teamsUserId: person.id });
  }
  const meeting = (await repos.meetings.list(group.id))[0]!;
  return { channel, groupId: group.id, meetingId: meeting.id, say };
}

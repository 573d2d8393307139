/**
 * Which meeting the meeting side panel is opened in. Teams tells the panel its meeting chat
 * (`chat.id` in the teams-js context); the group whose meeting chat it is is found the ways the
 * server already knows a chat by, most explicit first:
 *
 *   1. a conversation bound to the group (`grupp <namn>` in the meeting chat)
 *   2. the chat Graph named for one of the group's short join links (online_meetings)
 *   3. a meeting of the group whose classic join link names the chat (core/join-url.ts)
 *
 * 1 and 2 are the rule a turn in that chat finds its group by (GroupStore.findForConversation, a
 * chat being no team's channel), so the panel and the bot cannot disagree on them; 3 is the panel's
 * own, for a meeting whose chat no turn and no Graph lookup has named yet.
 *
 * The answer is that group's meeting the panel should follow: the running one, else the planned
 * one, else the draft. A chat of a group the caller may not read is answered as one nobody knows,
 * so a chat id tells nothing about groups the caller is not in.
 */
import type { Group, IsoDate, MeetingStatus } from '../model';
import type { Repositories } from '../ports';
import { invalid, notFound } from '../errors';
import { stockholmDate } from '../swedish-time';
import { isTeamsChatId } from '../validators';
import { meetingByStatus } from './meeting-lookup';
import { authorisedGroup, type Viewer } from './tab-queries';

export interface ChatMeeting {
  group: Pick<Group, 'id' | 'name' | 'decidingBody'>;
  /** null while the group has no meeting yet */
  meeting: { id: string; status: MeetingStatus; date: IsoDate | null } | null;
}

const UNKNOWN_CHAT = 'Det här mötet hör inte till någon grupp som du är med i.';

export async function meetingOfChat(repos: Repositories, viewer: Viewer, chatId: string): Promise<ChatMeeting> {
  if (!isTeamsChatId(chatId)) throw invalid('Ogiltigt chatt-id i adressen.');
  const groupId = await groupOfMeetingChat(repos, chatId);
  if (!groupId) throw notFound(UNKNOWN_CHAT);
  const group = await authorisedGroup(repos, viewer, groupId).catch(() => {
    throw notFound(UNKNOWN_CHAT);
  });
  const meeting = await meetingByStatus(repos, group.id, ['pågår', 'planerat', ['utkast', 'justering']]);
  const when = meeting?.startedAt ?? meeting?.startsAt ?? null;
  return {
    group: { id: group.id, name: group.name, decidingBody: group.decidingBody },
    meeting: meeting ? { id: meeting.id, status: meeting.status, date: when ? stockholmDate(when) : null } : null,
  };
}

async function groupOfMeetingChat(repos: Repositories, chatId: string): Promise<string | null> {
  const known = await repos.groups.findForConversation({ conversationId: chatId, teamId: null, channelId: null });
  return known?.id ?? (await repos.meetings.groupWithChatInJoinUrl(chatId));
}

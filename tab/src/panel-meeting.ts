/**
 * Which meeting the panel follows. In a Teams meeting, Teams tells the panel its meeting chat
 * (`chat.id`) and the server knows whose meeting chat that is, so a member of several groups gets
 * the meeting they are in. Without a chat (a browser outside Teams, a channel tab) or with a chat
 * no group of the caller's has, the group is the tab's configured one (`?group=`), else the one
 * named like the team or channel, else the caller's only group; its meeting is the running one,
 * else the planned one, else the latest.
 */
import { api, ApiError, type Group, type Meeting } from './api';
import type { Session } from './session';

export type PanelMeeting = { meetingId: string } | { problem: string };

const NO_MEETING = 'Gruppen har inget möte än. Sekreteraren lägger till punkter med @Protokoll ny punkt.';

export async function panelMeeting(session: Session): Promise<PanelMeeting> {
  const chatId = session.teams?.chatId;
  const ofChat = chatId ? await api.meetingOfChat(chatId).catch(unknownChat) : null;
  if (ofChat) return ofChat.meeting ? { meetingId: ofChat.meeting.id } : { problem: NO_MEETING };
  return meetingOfTabGroup(session);
}

/** A chat no group of the caller's has (or one the server cannot read as a chat id) is no error: the panel carries on without it. */
function unknownChat(error: unknown): null {
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
  throw error;
}

async function meetingOfTabGroup(session: Session): Promise<PanelMeeting> {
  const groups = await api.groups();
  const group = tabGroup(groups, session);
  if (!group) return { problem: groups.length ? 'Välj gruppen i flikens inställningar.' : 'Du är inte med i någon grupp som Protokoll för.' };
  // the newest meetings are on the first page: the running one, else the one just held or planned
  const meeting = pickMeeting((await api.meetings(group.id, null)).meetings);
  return meeting ? { meetingId: meeting.id } : { problem: NO_MEETING };
}

function tabGroup(groups: Group[], session: Session): Group | undefined {
  const wanted = session.query.get('group');
  const names = [session.teams?.teamName, session.teams?.channelName];
  return groups.find((g) => g.id === wanted) ?? groups.find((g) => names.includes(g.name)) ?? (groups.length === 1 ? groups[0] : undefined);
}

function pickMeeting(meetings: Meeting[]): Meeting | null {
  return meetings.find((m) => m.status === 'pågår') ?? meetings.find((m) => m.status === 'planerat') ?? meetings[0] ?? null;
}

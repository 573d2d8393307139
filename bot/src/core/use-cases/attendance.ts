/**
 * Who is here: Teams' participant join/leave events, the secretary's manual corrections
 * (`närvarande` / `frånvarande`) and the attendance view (`närvaro`).
 */
import type { AttendanceEvent, Group, IsoTime, Meeting, RosterMember } from '../model';
import type { Repositories } from '../ports';
import { invalid, notFound } from '../errors';
import { formatClock, formatTimeOfDay } from '../swedish-time';
import type { Answer, CommandContext } from './command-context';
import { openMeetingFor } from './open-meeting';
import { meetingBeingWritten } from './meeting-flow';
import { noteParticipantIdentity } from './teams-identity';
import { uniqueMember } from './roster-lookup';

export interface Participant {
  aadObjectId: string | null;
  /** Teams user id `29:…` */
  teamsUserId?: string | null;
  name: string;
  email?: string | null;
  /** the account's own tenant, as Teams reports it */
  tenantId?: string | null;
}

/**
 * A Teams join/leave event. It goes to the group's planned or running meeting (join events may
 * arrive before the meeting-start event); with no such meeting a leave has nothing to close.
 */
export async function recordParticipantEvent(
  repos: Repositories,
  group: Group,
  participant: Participant,
  kind: AttendanceEvent['kind'],
  at: IsoTime,
): Promise<{ meeting: Meeting; member: RosterMember | null } | null> {
  // Thirty people join within a second: their events need no lock on the meeting and no agenda, only
  // a meeting to belong to (created, under the lock, only when there is none yet).
  // The roster comes with it: one read for what every join needs.
  const open = await repos.meetings.findOpenWithRoster(group.id);
  const meeting = open.meeting ?? (kind === 'join' ? (await openMeetingFor(repos, group, at)).meeting : null);
  if (!meeting) return null;
  // Presence may rest on a display name; an identity only on what Teams vouches for (see teams-identity.ts).
  const member = await noteParticipantIdentity(repos, group, { ...participant, teamsUserId: participant.teamsUserId ?? null, email: participant.email ?? null }, at, open.roster);
  await repos.attendance.addEvent(meeting.id, {
    memberId: member?.id ?? null,
    displayName: member?.name ?? participant.name,
    aadObjectId: participant.aadObjectId,
    kind,
    at,
    source: 'live',
    tenantId: participant.tenantId ?? null,
  });
  return { meeting, member };
}

/** `närvarande <namn>` / `frånvarande <namn>`, or a card button carrying the member's id. */
export async function markAttendance(
  repos: Repositories,
  ctx: CommandContext,
  who: { name: string } | { memberId: string },
  present: boolean,
): Promise<Answer> {
  const open = await meetingBeingWritten(repos, ctx);
  const member = 'name' in who ? await uniqueMember(repos, ctx.group.id, who.name) : await memberById(repos, ctx.group.id, who.memberId);
  if (open.phase === 'draft') return markPresentInDraft(repos, open.meeting, member, present, ctx.at);
  const { meeting } = open;
  await repos.attendance.addEvent(meeting.id, {
    memberId: member.id, displayName: member.name, aadObjectId: member.aadObjectId,
    kind: present ? 'join' : 'leave', at: ctx.at, source: 'manual',
  });
  return {
    text: present
      ? `${member.name} (${member.principal || 'ingen huvudman'}) är registrerad som närvarande från ${formatTimeOfDay(ctx.at)}.`
      : `${member.name} (${member.principal || 'ingen huvudman'}) är registrerad som frånvarande från ${formatTimeOfDay(ctx.at)}.`,
  };
}

/**
 * After the meeting `närvarande` means "was there the whole meeting" (in the room, by phone): a
 * manual stay from start to end, added to whatever Teams recorded. Absence cannot be written
 * afterwards, because that would overrule what Teams recorded; it is corrected during the meeting.
 */
async function markPresentInDraft(repos: Repositories, meeting: Meeting, member: RosterMember, present: boolean, now: IsoTime): Promise<Answer> {
  if (!present) {
    throw invalid(`Efter mötet kan bara närvaro läggas till. Om ${member.name} inte var med trots att Teams registrerade det, skriv det som en anteckning.`);
  }
  const start = meeting.startedAt ?? meeting.startsAt ?? now;
  const end = meeting.endedAt ?? meeting.endsAt ?? now;
  const person = { memberId: member.id, displayName: member.name, aadObjectId: member.aadObjectId, source: 'manual' as const };
  await repos.attendance.addEvent(meeting.id, { ...person, kind: 'join', at: start });
  await repos.attendance.addEvent(meeting.id, { ...person, kind: 'leave', at: end });
  return { text: `${member.name} (${member.principal || 'ingen huvudman'}) är registrerad som närvarande hela mötet (${formatTimeOfDay(start)}–${formatClock(end)}).` };
}

async function memberById(repos: Repositories, groupId: string, memberId: string): Promise<RosterMember> {
  const member = (await repos.roster.list(groupId)).find((m) => m.id === memberId);
  if (!member) throw notFound('Personen finns inte längre i gruppens ledamotslista.');
  return member;
}

export { uniqueMember };

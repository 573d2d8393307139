/**
 * Teams meeting events: start and end move the meeting along like `starta` / `avsluta`;
 * participant join/leave events record live presence. They run in the same envelope as chat
 * commands; an event for a chat that belongs to no group is logged and ignored there.
 */
import type { TeamsMeetingMember } from 'botframework-schema';
import { startMeeting } from '../../core/use-cases/meeting-flow';
import { closeMeeting } from '../../core/use-cases/close-meeting';
import { recordParticipantEvent } from '../../core/use-cases/attendance';
import type { GroupScope, Outcome } from './handler';

export const meetingStarted = (meeting: { id?: string; joinUrl?: string; startTime?: Date | string }) =>
  async ({ repos, ctx }: GroupScope): Promise<Outcome> => {
    const at = validTime(meeting.startTime) ?? ctx.at;
    const answer = await startMeeting(repos, { ...ctx, at }, { teamsMeetingId: meeting.id ?? null, joinUrl: meeting.joinUrl ?? null });
    return { text: answer.text };
  };

/** The secretary may already have ended it with `avsluta`: then nothing is said. */
export const meetingEnded = (meeting: { endTime?: Date | string }) =>
  async ({ repos, ctx, documents }: GroupScope): Promise<Outcome> => {
    const at = validTime(meeting.endTime) ?? ctx.at;
    const closed = await closeMeeting(repos, { ...ctx, at }, documents, { reissue: false });
    return closed ? { text: closed.text, events: closed.events } : {};
  };

export const participantsMoved = (kind: 'join' | 'leave', members: TeamsMeetingMember[]) =>
  async ({ repos, ctx }: GroupScope): Promise<Outcome> => {
    for (const member of members) {
      await recordParticipantEvent(
        repos,
        ctx.group,
        {
          aadObjectId: member.user?.aadObjectId ?? null, teamsUserId: member.user?.id ?? null, name: member.user?.name ?? 'Okänd deltagare',
          email: member.user?.email ?? null, tenantId: member.user?.tenantId ?? null,
        },
        kind,
        ctx.at,
      );
    }
    return {};
  };

function validTime(value: Date | string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

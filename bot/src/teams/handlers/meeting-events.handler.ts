/**
 * Teams meeting events: start and end move the meeting along like `starta` / `avsluta`;
 * participant join/leave events record live presence. Each event is recorded once (idempotency
 * key), and an event for a chat that belongs to no group is logged and ignored.
 */
import type { TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { TeamsMeetingMember } from 'botframework-schema';
import type { Group } from '../../core/model';
import type { Repositories, UnitOfWork } from '../../core/ports';
import { DomainError } from '../../core/errors';
import { endMeeting, startMeeting } from '../../core/use-cases/meeting-flow';
import { recordParticipantEvent } from '../../core/use-cases/attendance';
import type { Logger } from '../../logger';
import { resolveGroup } from '../group-resolver';
import { turnInfo, type TurnInfo } from '../turn-info';
import { createDraft, type ProtokollRenderer } from '../../core/use-cases/approval';
import { buildApprovalCard } from '../../cards/approval.card';
import { approvalCardModel } from '../approval-view';
import type { ApprovalCards } from '../approval-cards';

interface Deps {
  logger: Logger;
  uow: UnitOfWork;
  render: ProtokollRenderer;
  publicBaseUrl: string;
  approvalCards: ApprovalCards;
}

export function registerMeetingEvents(bot: TeamsActivityHandler, deps: Deps): void {
  const inGroup = async <T>(context: TurnContext, work: (repos: Repositories, group: Group, turn: TurnInfo) => Promise<T>) => {
    const turn = turnInfo(context.activity);
    const outcome = await deps.uow.run(async (repos) => {
      const group = await resolveGroup(repos, turn);
      if (!group) {
        deps.logger.warn({ conversationId: turn.conversationId, type: context.activity.name }, 'meeting event for a chat without group');
        return null;
      }
      return work(repos, group, turn);
    }, turn.idempotencyKey ?? undefined);
    return outcome.duplicate ? null : outcome.value;
  };

  bot.onTeamsMeetingStartEvent(async (meeting, context, next) => {
    const at = validTime(meeting.startTime) ?? turnInfo(context.activity).at;
    const text = await inGroup(context, async (repos, group, turn) => {
      const answer = await startMeeting(repos, { group, actor: turn.actor, at }, { teamsMeetingId: meeting.id, joinUrl: meeting.joinUrl });
      return answer.text;
    });
    if (text) await context.sendActivity(text);
    await next();
  });

  bot.onTeamsMeetingEndEvent(async (meeting, context, next) => {
    const at = validTime(meeting.endTime) ?? turnInfo(context.activity).at;
    const reply = await inGroup(context, async (repos, group, turn) => {
      let ended;
      try {
        ended = await endMeeting(repos, { group, actor: turn.actor, at });
      } catch (error) {
        // The secretary may already have ended it with `avsluta`.
        if (error instanceof DomainError) return null;
        throw error;
      }
      const draft = await createDraft(repos, group, ended.data!.meeting.id, at, deps.render);
      return {
        text: `${ended.text} Utkastet (version ${draft.version.version}) väntar på justering.`,
        card: buildApprovalCard(approvalCardModel(draft, deps.publicBaseUrl)),
        groupId: group.id,
        meetingId: draft.record.meeting.id,
      };
    });
    if (reply) {
      await deps.approvalCards.publish(context, turnInfo(context.activity), { text: reply.text }, { groupId: reply.groupId, meetingId: reply.meetingId, card: reply.card });
    }
    await next();
  });

  const participants = (kind: 'join' | 'leave') => async (members: TeamsMeetingMember[], context: TurnContext) => {
    await inGroup(context, async (repos, group, turn) => {
      for (const member of members) {
        await recordParticipantEvent(
          repos,
          group,
          { aadObjectId: member.user?.aadObjectId ?? null, teamsUserId: member.user?.id ?? null, name: member.user?.name ?? 'Okänd deltagare', email: member.user?.email ?? null },
          kind,
          turn.at,
        );
      }
    });
  };
  bot.onTeamsMeetingParticipantsJoinEvent(async (details, context, next) => {
    await participants('join')(details.members ?? [], context);
    await next();
  });
  bot.onTeamsMeetingParticipantsLeaveEvent(async (details, context, next) => {
    await participants('leave')(details.members ?? [], context);
    await next();
  });
}

function validTime(value: Date | string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

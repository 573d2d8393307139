/** One handler per card verb: validated data in, a refreshed card or a Swedish message out. */
import type { Repositories } from '../../core/ports';
import type { CommandContext } from '../../core/use-cases/command-context';
import { agendaView } from '../../core/use-cases/agenda-view';
import { removeItem } from '../../core/use-cases/agenda-edit';
import { attendanceView } from '../../core/use-cases/attendance-view';
import { markAttendance } from '../../core/use-cases/attendance';
import { addDecision } from '../../core/use-cases/record-minutes';
import { addAction } from '../../core/use-cases/record-action';
import { conflict, invalid } from '../../core/errors';
import { buildAgendaCard } from '../../cards/agenda.card';
import { buildAttendanceCard } from '../../cards/attendance.card';
import { buildActionCard } from '../../cards/action.card';
import { paragraphFormsView } from '../../core/use-cases/paragraph-forms';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import type { Verb, VerbData } from '../../cards/verbs';
import { decideApproval, pendingApproval, type ApprovalState, type ProtokollRenderer } from '../../core/use-cases/approval';
import { buildApprovalCard } from '../../cards/approval.card';
import { approvalCardModel } from '../approval-view';

export interface ApprovalChange {
  groupId: string;
  meetingId: string;
  /** a change request: said under the card to the secretary, who has to act on it */
  changeRequest?: string;
}
/** `approvalChanged`: the shared approval card must be updated for everyone once this is committed. */
export type CardActionResult = ({ card: AdaptiveCard } | { text: string }) & { approvalChanged?: ApprovalChange };
type Handler<V extends Verb> = (data: VerbData[V], repos: Repositories, ctx: CommandContext) => Promise<CardActionResult>;


/** A card from an earlier meeting must not record into today's. */
async function requireCurrentMeeting(repos: Repositories, ctx: CommandContext, meetingId: string | null): Promise<void> {
  if (!meetingId) return;
  const open = await repos.meetings.findOpenForUpdate(ctx.group.id);
  if (open?.id !== meetingId) throw conflict('Kortet hör till ett möte som inte pågår längre. Skriv kommandot i chatten i stället.');
}

const attendanceCard = async (repos: Repositories, ctx: CommandContext) => ({ card: buildAttendanceCard(await attendanceView(repos, ctx.group, ctx.at)) });

export type CardActionHandlers = { [V in Verb]: Handler<V> };

const personalApprovalCardFor = (publicBaseUrl: string) => (state: ApprovalState, ctx: CommandContext) =>
  buildApprovalCard(approvalCardModel(state, publicBaseUrl, { kind: 'person', actor: ctx.actor }));

export interface DocumentDeps {
  render: ProtokollRenderer;
  publicBaseUrl: string;
}

export const cardActionHandlers = (documents: DocumentDeps): CardActionHandlers => {
  const personalApprovalCard = personalApprovalCardFor(documents.publicBaseUrl);
  return {
    'agenda.refresh': async (_data, repos, ctx) => ({ card: buildAgendaCard(await agendaView(repos, ctx.group, ctx.at)) }),

    'agenda.remove-confirm': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      return { text: (await removeItem(repos, ctx, data.number, true)).text };
    },

    'attendance.refresh': async (_data, repos, ctx) => attendanceCard(repos, ctx),

    'attendance.present': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      await markAttendance(repos, ctx, { memberId: data.memberId }, true);
      return attendanceCard(repos, ctx);
    },

    'attendance.absent': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      await markAttendance(repos, ctx, { memberId: data.memberId }, false);
      return attendanceCard(repos, ctx);
    },

    'decision.record': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      const clauses = data.clauses.split('\n').map((line) => line.trim().replace(/^att\s+/i, '')).filter(Boolean);
      if (clauses.length === 0) throw invalid('Skriv minst en beslutssats.');
      const answers = [];
      for (const clause of clauses) answers.push(await addDecision(repos, ctx, clause, data.itemId ?? undefined));
      const warning = answers.find((a) => a.warning)?.warning;
      return { text: [warning ? `⚠️ ${warning}` : null, ...answers.map((a) => a.text)].filter(Boolean).join('\n') };
    },

    'action.form': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      return { card: buildActionCard(await paragraphFormsView(repos, ctx)) };
    },

    'action.record': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      // A roster pick wins over the free-text field: it is the unambiguous one.
      const answer = await addAction(repos, ctx, {
        text: data.text, owner: data.ownerMemberId ? null : data.ownerName, ownerMemberId: data.ownerMemberId, dueDate: data.dueDate,
        itemId: data.itemId ?? undefined,
      });
      return { text: answer.text };
    },

    'action.accept-proposal': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      const answer = await addAction(repos, ctx, { text: data.text, owner: null, ownerMemberId: data.ownerMemberId, dueDate: null, itemId: data.itemId });
      return { text: answer.text };
    },

    'action.choose-owner': async (data, repos, ctx) => {
      await requireCurrentMeeting(repos, ctx, data.meetingId);
      const answer = await addAction(repos, ctx, { text: data.text, owner: null, ownerMemberId: data.ownerMemberId, dueDate: data.dueDate, itemId: data.itemId });
      return { text: answer.text };
    },

    // The one who pressed gets their own view back; everyone else's card is updated after commit.
    'approval.approve': async (data, repos, ctx) => {
      const outcome = await decideApproval(repos, ctx.group, ctx.actor, ctx.at, documents.render, { decision: 'approved', comment: null, ...data });
      return { card: personalApprovalCard(outcome.state, ctx), approvalChanged: { groupId: ctx.group.id, meetingId: outcome.state.record.meeting.id } };
    },

    'approval.request-change': async (data, repos, ctx) => {
      const outcome = await decideApproval(repos, ctx.group, ctx.actor, ctx.at, documents.render, { decision: 'changes-requested', ...data });
      return {
        card: personalApprovalCard(outcome.state, ctx),
        approvalChanged: { groupId: ctx.group.id, meetingId: outcome.state.record.meeting.id, changeRequest: outcome.text },
      };
    },

    // Teams refreshes the card for each approver listed in refresh.userIds (and for anyone pressing Uppdatera).
    'approval.refresh': async (data, repos, ctx) => ({
      card: personalApprovalCard(await pendingApproval(repos, ctx.group, ctx.at, data.meetingId), ctx),
    }),
  };
};

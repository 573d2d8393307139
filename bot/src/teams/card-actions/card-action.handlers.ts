/**
 * One handler per card verb (Universal Actions): validated data in, a refreshed card or a Swedish
 * message out. They run in the same envelope as chat commands (turn-envelope.ts).
 */
import type { Repositories } from '../../core/ports';
import type { CommandContext } from '../../core/use-cases/command-context';
import { agendaView } from '../../core/use-cases/agenda-view';
import { removeItem } from '../../core/use-cases/agenda-edit';
import { attendanceView } from '../../core/use-cases/attendance-view';
import { markAttendance } from '../../core/use-cases/attendance';
import { confirmIdentity } from '../../core/use-cases/teams-identity';
import { addDecision } from '../../core/use-cases/record-minutes';
import { declareConflict, recordReservation } from '../../core/use-cases/paragraph-statements';
import { addAction } from '../../core/use-cases/record-action';
import { conflict, invalid } from '../../core/errors';
import { withoutLeadingAtt } from '../../core/decision-clause';
import { buildAgendaCard } from '../../cards/agenda.card';
import { buildAttendanceCard } from '../../cards/attendance.card';
import { buildActionCard } from '../../cards/action.card';
import { paragraphFormsView } from '../../core/use-cases/paragraph-forms';
import type { Verb, VerbData } from '../../cards/verbs';
import { decideApproval, pendingApproval, type ApprovalState } from '../../core/use-cases/approval';
import { buildApprovalCard } from '../../cards/approval.card';
import { buildImmediateAdjustmentCard } from '../../cards/immediate-adjustment.card';
import { approveImmediateAdjustment, immediateAdjustmentState } from '../../core/use-cases/immediate-adjustment';
import { approvalCardModel } from '../approval-view';
import type { GroupScope, Outcome } from '../handlers/handler';
import type { Permission } from '../../core/use-cases/authorization';

type Handler<V extends Verb> = (data: VerbData[V], scope: GroupScope) => Promise<Outcome>;
export type CardActionHandlers = { [V in Verb]: Handler<V> };

/** What each button needs of the one who presses it (approvals are checked by the use case: chair and justerare). */
export const VERB_PERMISSIONS: { readonly [V in Verb]: Permission } = {
  'agenda.refresh': 'read',
  'agenda.remove-confirm': 'record',
  'attendance.refresh': 'read',
  'attendance.present': 'record',
  'attendance.absent': 'record',
  'attendance.confirm': 'record',
  'decision.record': 'record',
  'action.form': 'record',
  'action.record': 'record',
  'action.accept-proposal': 'record',
  'action.choose-owner': 'record',
  'approval.approve': 'anyone',
  'approval.request-change': 'anyone',
  'approval.refresh': 'anyone',
  'paragraph.approve': 'anyone',
  'paragraph.refresh': 'anyone',
};

/** A card from an earlier meeting must not record into today's. */
async function requireCurrentMeeting(repos: Repositories, ctx: CommandContext, meetingId: string | null): Promise<void> {
  if (!meetingId) return;
  const open = await repos.meetings.findOpenForUpdate(ctx.group.id);
  if (open?.id !== meetingId) throw conflict('Kortet hör till ett möte som inte pågår längre. Skriv kommandot i chatten i stället.');
}

const attendanceCard = async ({ repos, ctx }: GroupScope): Promise<Outcome> => ({ card: buildAttendanceCard(await attendanceView(repos, ctx.group, ctx.at)) });

/** The one who pressed gets their own view back (Universal Actions' user-specific views). */
const personalApprovalCard = (state: ApprovalState, { ctx, teamsAppId }: GroupScope) =>
  buildApprovalCard(approvalCardModel(state, teamsAppId, { kind: 'person', actor: ctx.actor }));

export const cardActionHandlers: CardActionHandlers = {
  'agenda.refresh': async (_data, { repos, ctx }) => ({ card: buildAgendaCard(await agendaView(repos, ctx.group, ctx.at)) }),

  // removeItem checks the card's meeting itself: after the meeting the draft's agenda is the one corrected
  'agenda.remove-confirm': async (data, { repos, ctx }) => ({ text: (await removeItem(repos, ctx, data.number, true, data.meetingId)).text }),

  'attendance.refresh': async (_data, scope) => attendanceCard(scope),

  'attendance.present': async (data, scope) => {
    await requireCurrentMeeting(scope.repos, scope.ctx, data.meetingId);
    await markAttendance(scope.repos, scope.ctx, { memberId: data.memberId }, true);
    return attendanceCard(scope);
  },

  'attendance.absent': async (data, scope) => {
    await requireCurrentMeeting(scope.repos, scope.ctx, data.meetingId);
    await markAttendance(scope.repos, scope.ctx, { memberId: data.memberId }, false);
    return attendanceCard(scope);
  },

  'attendance.confirm': async (data, scope) => {
    await confirmIdentity(scope.repos, scope.ctx, { memberId: data.memberId });
    return attendanceCard(scope);
  },

  'decision.record': async (data, { repos, ctx }) => {
    await requireCurrentMeeting(repos, ctx, data.meetingId);
    // each line as typed: addDecision keeps or drops its `att` by the group's clause style
    const clauses = data.clauses.split('\n').map((line) => line.trim()).filter((line) => withoutLeadingAtt(line));
    if (clauses.length === 0) throw invalid('Skriv minst en beslutssats.');
    const itemId = data.itemId ?? undefined;
    // as the paragraph reads: who declares jäv, the clauses, then who reserves themselves against them
    const conflicts = [];
    for (const memberId of data.conflicts ?? []) conflicts.push(await declareConflict(repos, ctx, { memberId }, itemId));
    const answers = [];
    for (const clause of clauses) answers.push(await addDecision(repos, ctx, clause, itemId));
    const reservations = data.reservations?.length
      ? [await recordReservation(repos, ctx, data.reservations.map((memberId) => ({ memberId })), data.reservationMotivation, itemId)]
      : [];
    const warning = answers.find((a) => a.warning)?.warning;
    return { text: [warning ? `⚠️ ${warning}` : null, ...[...conflicts, ...answers, ...reservations].map((a) => a.text)].filter(Boolean).join('\n') };
  },

  'action.form': async (data, { repos, ctx }) => {
    await requireCurrentMeeting(repos, ctx, data.meetingId);
    return { card: buildActionCard(await paragraphFormsView(repos, ctx)) };
  },

  'action.record': async (data, { repos, ctx }) => {
    await requireCurrentMeeting(repos, ctx, data.meetingId);
    // A roster pick wins over the free-text field: it is the unambiguous one.
    const answer = await addAction(repos, ctx, {
      text: data.text, owner: data.ownerMemberId ? null : data.ownerName, ownerMemberId: data.ownerMemberId, dueDate: data.dueDate,
      itemId: data.itemId ?? undefined,
    });
    return { text: answer.text };
  },

  'action.accept-proposal': async (data, { repos, ctx }) => {
    await requireCurrentMeeting(repos, ctx, data.meetingId);
    const answer = await addAction(repos, ctx, { text: data.text, owner: null, ownerMemberId: data.ownerMemberId, dueDate: null, itemId: data.itemId });
    return { text: answer.text };
  },

  'action.choose-owner': async (data, { repos, ctx }) => {
    await requireCurrentMeeting(repos, ctx, data.meetingId);
    const answer = await addAction(repos, ctx, { text: data.text, owner: null, ownerMemberId: data.ownerMemberId, dueDate: data.dueDate, itemId: data.itemId });
    return { text: answer.text };
  },

  // Everyone else's card is updated after commit (the outcome's events).
  'approval.approve': async (data, scope) => {
    const outcome = await decideApproval(scope.repos, scope.ctx.group, scope.ctx.actor, scope.ctx.at, scope.documents, { decision: 'approved', comment: null, ...data });
    return { card: personalApprovalCard(outcome.state, scope), events: outcome.events };
  },

  'approval.request-change': async (data, scope) => {
    const outcome = await decideApproval(scope.repos, scope.ctx.group, scope.ctx.actor, scope.ctx.at, scope.documents, { decision: 'changes-requested', ...data });
    return { card: personalApprovalCard(outcome.state, scope), events: outcome.events };
  },

  // Omedelbar justering: the use case checks the approver (chair and justerare) by confirmed identity.
  'paragraph.approve': async (data, { repos, ctx }) => {
    const answer = await approveImmediateAdjustment(repos, ctx, data);
    return { text: answer.text, card: buildImmediateAdjustmentCard(answer.data!, { kind: 'approver' }) };
  },

  'paragraph.refresh': async (data, { repos, ctx }) => {
    const state = await immediateAdjustmentState(repos, ctx, data);
    const approver = state.approvers.some((a) => !!a.teamsUserId && a.teamsUserId === ctx.actor.teamsUserId);
    return { card: buildImmediateAdjustmentCard(state, { kind: approver ? 'approver' : 'everyone' }) };
  },

  // Teams refreshes the card for each approver listed in refresh.userIds (and for anyone pressing Uppdatera).
  'approval.refresh': async (data, scope) => ({
    card: personalApprovalCard(await pendingApproval(scope.repos, scope.ctx.group, scope.ctx.at, data.meetingId), scope),
  }),
};

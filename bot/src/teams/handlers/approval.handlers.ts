/** `justerare`, `justering senast`, and the approvers' `justera` / `ändra`. */
import { electAdjuster, setApprovalDeadline } from '../../core/use-cases/approval-setup';
import { decideApproval } from '../../core/use-cases/approval';
import { buildApprovalCard } from '../../cards/approval.card';
import { approvalCardModel } from '../approval-view';
import type { CommandHandler, HandlerEnv, Reply } from './handler';

export const adjuster: CommandHandler<'adjuster'> = async (command, env) =>
  env.inGroup((repos, ctx) => electAdjuster(repos, ctx, command.name));

export const approvalDeadline: CommandHandler<'approval-deadline'> = async (command, env) =>
  env.inGroup((repos, ctx) => setApprovalDeadline(repos, ctx, command.date, command.time));

/** The answer, and the approval card brought up to date wherever it was posted. */
const decide = (env: HandlerEnv, input: { decision: 'approved' | 'changes-requested'; comment: string | null }): Promise<Reply> =>
  env.inGroup(async (repos, ctx) => {
    const outcome = await decideApproval(repos, ctx.group, ctx.actor, ctx.at, env.render, input);
    const card = buildApprovalCard(approvalCardModel(outcome.state, env.publicBaseUrl));
    return { text: outcome.text, approvalCard: { groupId: ctx.group.id, meetingId: outcome.state.record.meeting.id, card } };
  });

export const approve: CommandHandler<'approve'> = async (_command, env) => decide(env, { decision: 'approved', comment: null });

export const requestChange: CommandHandler<'request-change'> = async (command, env) =>
  decide(env, { decision: 'changes-requested', comment: command.comment });

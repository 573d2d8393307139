/** `justerare`, `justering senast`, and the approvers' `justera` / `ändra`. */
import { electAdjuster, setApprovalDeadline } from '../../core/use-cases/approval-setup';
import { decideApproval } from '../../core/use-cases/approval';
import { buildApprovalCard } from '../../cards/approval.card';
import { approvalCardModel } from '../approval-view';
import type { CommandHandler } from './handler';

export const adjuster: CommandHandler<'adjuster'> = async (command, env) =>
  env.inGroup((repos, ctx) => electAdjuster(repos, ctx, command.name));

export const approvalDeadline: CommandHandler<'approval-deadline'> = async (command, env) =>
  env.inGroup((repos, ctx) => setApprovalDeadline(repos, ctx, command.date, command.time));

export const approve: CommandHandler<'approve'> = async (_command, env) =>
  env.inGroup(async (repos, ctx) => {
    const outcome = await decideApproval(repos, ctx.group, ctx.actor, ctx.at, env.render, { decision: 'approved', comment: null });
    return { text: outcome.text, card: buildApprovalCard(approvalCardModel(outcome.state, env.publicBaseUrl)) };
  });

export const requestChange: CommandHandler<'request-change'> = async (command, env) =>
  env.inGroup(async (repos, ctx) => {
    const outcome = await decideApproval(repos, ctx.group, ctx.actor, ctx.at, env.render, { decision: 'changes-requested', comment: command.comment });
    return { text: outcome.text, card: buildApprovalCard(approvalCardModel(outcome.state, env.publicBaseUrl)) };
  });

/** `justerare`, `justering senast`, and the approvers' `justera` / `ändra`. */
import { electAdjuster, setApprovalDeadline } from '../../core/use-cases/approval-setup';
import { decideApproval } from '../../core/use-cases/approval';
import { nameStandIn } from '../../core/use-cases/stand-in';
import { inGroup, type GroupScope, type Outcome } from './handler';

export const adjuster = inGroup<'adjuster'>('record', async (command, { repos, ctx }) => electAdjuster(repos, ctx, command.name));

export const approvalDeadline = inGroup<'approval-deadline'>('record', async (command, { repos, ctx }) =>
  setApprovalDeadline(repos, ctx, command.date, command.time));

export const standIn = inGroup<'stand-in'>('lead', async (command, { repos, ctx }) => nameStandIn(repos, ctx, command.name));

/** The answer; the approval card is brought up to date wherever it was posted (the outcome's events). */
const decide = async ({ repos, ctx, documents }: GroupScope, input: { decision: 'approved' | 'changes-requested'; comment: string | null }): Promise<Outcome> => {
  const outcome = await decideApproval(repos, ctx.group, ctx.actor, ctx.at, documents, input);
  return { text: outcome.text, events: outcome.events };
};

export const approve = inGroup<'approve'>('anyone', async (_command, scope) => decide(scope, { decision: 'approved', comment: null }));

export const requestChange = inGroup<'request-change'>('anyone', async (command, scope) => decide(scope, { decision: 'changes-requested', comment: command.comment }));

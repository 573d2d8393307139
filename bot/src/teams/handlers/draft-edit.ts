/**
 * Writing into a draft that awaits justering changes what the approvers are asked to approve. So a
 * new version is rendered at once, in the same transaction as the change: approvals of the previous
 * version no longer count (they were given to its exact bytes), the protokoll can never be locked
 * with text nobody approved, and the approval card is updated where it was posted.
 */
import type { Repositories } from '../../core/ports';
import type { Answer, CommandContext } from '../../core/use-cases/command-context';
import { createDraft } from '../../core/use-cases/approval';
import { meetingByStatus } from '../../core/use-cases/meeting-lookup';
import { buildApprovalCard } from '../../cards/approval.card';
import { approvalCardModel } from '../approval-view';
import type { ApprovalCardRequest } from '../approval-cards';
import type { HandlerEnv } from './handler';

export interface Recorded<T> {
  answer: Answer<T>;
  /** set when the change went into a draft awaiting justering */
  approvalCard?: ApprovalCardRequest;
}

export function recordMinutes<T>(env: HandlerEnv, work: (repos: Repositories, ctx: CommandContext) => Promise<Answer<T>>): Promise<Recorded<T>> {
  return env.inGroup(async (repos, ctx) => {
    const answer = await work(repos, ctx);
    const meeting = await meetingByStatus(repos, ctx.group.id, ['pågår', 'justering']);
    if (meeting?.status !== 'justering') return { answer };
    const draft = await createDraft(repos, ctx.group, meeting.id, ctx.at, env.render);
    const approvals = draft.version.version > 1 ? ' Justeringen börjar om.' : '';
    return {
      answer: { ...answer, text: `${answer.text} Utkastet är nu version ${draft.version.version}.${approvals}` },
      approvalCard: { groupId: ctx.group.id, meetingId: meeting.id, card: buildApprovalCard(approvalCardModel(draft, env.publicBaseUrl)) },
    };
  });
}

/** For commands that answer with text only. */
export async function recordMinutesReply<T>(env: HandlerEnv, work: (repos: Repositories, ctx: CommandContext) => Promise<Answer<T>>) {
  const { answer, approvalCard } = await recordMinutes(env, work);
  return { text: answer.text, warning: answer.warning, approvalCard };
}

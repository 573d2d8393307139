/** `justerare`, `justering senast`, and the approvers' `justera` / `ändra`. */
import { electAdjuster, setApprovalDeadline } from '../../core/use-cases/approval-setup';
import type { CommandHandler } from './handler';

export const adjuster: CommandHandler<'adjuster'> = async (command, env) =>
  env.inGroup((repos, ctx) => electAdjuster(repos, ctx, command.name));

export const approvalDeadline: CommandHandler<'approval-deadline'> = async (command, env) =>
  env.inGroup((repos, ctx) => setApprovalDeadline(repos, ctx, command.date, command.time));

const NOTHING_TO_APPROVE = 'Det finns inget protokollutkast som väntar på justering i den här gruppen.';

// Replaced by the approval flow (draft versions, hashes) in approval.flow.ts.
export const approve: CommandHandler<'approve'> = async (_command, env) =>
  env.inGroup(async () => ({ text: NOTHING_TO_APPROVE }));

export const requestChange: CommandHandler<'request-change'> = async (_command, env) =>
  env.inGroup(async () => ({ text: NOTHING_TO_APPROVE }));

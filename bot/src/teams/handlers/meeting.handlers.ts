/** `starta`, `nästa`, `punkt <nr>`, `avsluta`. */
import { endMeeting, goToItem, nextItem, startMeeting } from '../../core/use-cases/meeting-flow';
import { buildAgendaView } from '../../core/use-cases/agenda-view';
import { buildAgendaCard } from '../../cards/agenda.card';
import { buildDecisionCard } from '../../cards/decision.card';
import { paragraphFormsView } from '../../core/use-cases/paragraph-forms';
import type { Repositories } from '../../core/ports';
import type { Answer, CommandContext } from '../../core/use-cases/command-context';
import type { CommandHandler, Reply } from './handler';
import { createDraft } from '../../core/use-cases/approval';
import { meetingByStatus } from '../../core/use-cases/meeting-lookup';
import { buildApprovalCard } from '../../cards/approval.card';
import { approvalCardModel } from '../approval-view';

export const start: CommandHandler<'start'> = async (_command, env) => {
  const { text, view } = await env.inGroup(async (repos, ctx) => {
    const answer = await startMeeting(repos, ctx, { teamsMeetingId: env.turn.meetingId });
    const open = answer.data!;
    return { text: answer.text, view: buildAgendaView(ctx.group, open.meeting, open.items, ctx.at) };
  });
  return { text, card: buildAgendaCard(view) };
};

/**
 * Moving to a paragraph during the meeting answers with the decision form for it, quorum shown
 * above the button; in the draft after the meeting the commands are enough.
 */
const withDecisionForm = async (repos: Repositories, ctx: CommandContext, answer: Answer<{ phase: 'live' | 'draft' }>): Promise<Reply> => {
  if (answer.data?.phase === 'draft') return { text: answer.text };
  const view = await paragraphFormsView(repos, ctx);
  return { text: answer.text, card: buildDecisionCard(view) };
};

export const next: CommandHandler<'next'> = async (_command, env) =>
  env.inGroup(async (repos, ctx) => withDecisionForm(repos, ctx, await nextItem(repos, ctx)));

export const goTo: CommandHandler<'go-to'> = async (command, env) =>
  env.inGroup(async (repos, ctx) => withDecisionForm(repos, ctx, await goToItem(repos, ctx, command.number, command.sub)));

/**
 * `avsluta`: the meeting ends and its draft is rendered and posted for justering. Said again while
 * the draft awaits justering, it posts a new version (after changes): earlier approvals then no
 * longer count, because they were given to the previous version's exact bytes.
 */
export const end: CommandHandler<'end'> = async (_command, env) =>
  env.inGroup(async (repos, ctx) => {
    const current = await meetingByStatus(repos, ctx.group.id, ['pågår', 'justering']);
    const waiting = current?.status === 'justering' ? current : null;
    const ended = waiting ? null : await endMeeting(repos, ctx);
    await env.progress('Skapar protokollutkast …');
    const draft = await createDraft(repos, ctx.group, ended?.data!.meeting.id ?? waiting!.id, ctx.at, env.render);
    const who = draft.approvers.map((a) => a.name).join(', ') || 'ordförande och justerare (inga valda ännu)';
    const intro = ended ? ended.text : `Nytt utkast: tidigare justeringar gällde version ${draft.version.version - 1} och behöver göras om.`;
    return {
      text: `${intro} Utkastet (version ${draft.version.version}) väntar på justering av ${who}.`,
      approvalCard: { groupId: ctx.group.id, meetingId: draft.record.meeting.id, card: buildApprovalCard(approvalCardModel(draft, env.publicBaseUrl)) },
    };
  });

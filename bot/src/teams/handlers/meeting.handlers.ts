/** `starta`, `nästa`, `punkt <nr>`, `avsluta`. */
import { endMeeting, goToItem, nextItem, startMeeting } from '../../core/use-cases/meeting-flow';
import { buildAgendaView } from '../../core/use-cases/agenda-view';
import { buildAgendaCard } from '../../cards/agenda.card';
import type { CommandHandler } from './handler';

export const start: CommandHandler<'start'> = async (_command, env) => {
  const { text, view } = await env.inGroup(async (repos, ctx) => {
    const answer = await startMeeting(repos, ctx, { teamsMeetingId: env.turn.meetingId });
    const open = answer.data!;
    return { text: answer.text, view: buildAgendaView(ctx.group, open.meeting, open.items, ctx.at) };
  });
  return { text, card: buildAgendaCard(view) };
};

export const next: CommandHandler<'next'> = async (_command, env) => env.inGroup((repos, ctx) => nextItem(repos, ctx));

export const goTo: CommandHandler<'go-to'> = async (command, env) =>
  env.inGroup((repos, ctx) => goToItem(repos, ctx, command.number, command.sub));

export const end: CommandHandler<'end'> = async (_command, env) => env.inGroup((repos, ctx) => endMeeting(repos, ctx));

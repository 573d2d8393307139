/**
 * `kalender …`: links the group to a calendar, then (outside the transaction) looks into it, so the
 * secretary learns at once either the next Teams meeting found there or, in Swedish, which
 * permission or access policy is missing.
 */
import { calendarLink } from '../../core/use-cases/calendar-link';
import type { CommandHandler } from './handler';

export const calendar: CommandHandler<'calendar'> = async (command, env) => {
  const answer = await env.inGroup((repos, ctx) => calendarLink(repos, ctx, command.link));
  const linked = answer.data?.calendar;
  if (!linked || !env.calendar) return { text: answer.text };
  return { text: `${answer.text}\n${await env.calendar.probe(linked, env.turn.at)}` };
};

/**
 * `kalender …`: links the group to a calendar, then (after the transaction) looks into it, so the
 * secretary learns at once either the next Teams meeting found there or, in Swedish, which
 * permission or access policy is missing.
 */
import { calendarLink } from '../../core/use-cases/calendar-link';
import type { CommandSpec } from './handler';

export const calendar: CommandSpec<'calendar'> = {
  group: 'required',
  permission: 'setup',
  run: async (command, { repos, ctx }) => calendarLink(repos, ctx, command.link),
  after: async (_command, { services, group, turn }, outcome) => {
    const linked = await services.uow.read((repos) => repos.calendar.find(group.id));
    if (!linked || !services.calendar) return outcome;
    return { ...outcome, text: `${outcome.text}\n${await services.calendar.probe(linked, turn.at)}` };
  },
};

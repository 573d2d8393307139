/**
 * `kalender`: which calendar a group's meetings are booked in. Linking replaces an earlier link
 * (and forgets the access problem told about it); `kalender av` unlinks; bare `kalender` shows it.
 */
import { describeCalendar, type CalendarRef } from '../calendar';
import type { Repositories } from '../ports';
import type { Answer, CommandContext } from './command-context';

export async function calendarLink(
  repos: Repositories,
  ctx: CommandContext,
  link: CalendarRef | 'off' | null,
): Promise<Answer<{ calendar: CalendarRef | null }>> {
  const name = ctx.group.name;
  if (link === 'off') {
    const removed = await repos.calendar.unlink(ctx.group.id);
    return {
      text: removed
        ? `${name} är inte längre kopplad till någon kalender. Dagordningen byggs nu bara av kommandona (ny punkt …).`
        : `${name} var inte kopplad till någon kalender.`,
      data: { calendar: null },
    };
  }
  if (link === null) {
    const calendar = await repos.calendar.find(ctx.group.id);
    return {
      text: calendar
        ? `${name} är kopplad till ${describeCalendar(calendar)}.`
        : `${name} är inte kopplad till någon kalender. Skriv \`kalender grupp <id>\` eller \`kalender användare <e-post>\`.`,
      data: { calendar },
    };
  }
  await repos.calendar.link(ctx.group.id, link);
  return {
    text: `${name} är nu kopplad till ${describeCalendar(link)}. Före varje Teams-möte där hämtas dagordningen från kallelsen och postas i möteschatten.`,
    data: { calendar: link },
  };
}

/**
 * A planned meeting whose time passed without anyone starting it (no `starta`, no Teams meeting
 * start) stays the group's open meeting, so the calendar's next meeting cannot be linked and gets no
 * agenda. Nothing is decided for it — it may have been held without Protokoll, and what was planned
 * for it is kept as it is — but the secretary must hear of it, once, with what to do.
 *
 *   neverStartedNotice(repos, group, next, at) → the message for the secretary the one time it is due:
 *     the group's open meeting is planned, linked to another calendar event than `next`, and its end
 *     (its start when it has no end) has passed. Run under the calendar link's row lock; the notice is
 *     claimed in the same transaction.
 */
import type { CalendarEvent } from '../calendar';
import type { Group, IsoTime, Meeting } from '../model';
import type { DomainEvent, Repositories } from '../ports';
import { formatLongDate, formatMeetingTime } from '../swedish-time';

export async function neverStartedNotice(repos: Repositories, group: Group, next: CalendarEvent, at: IsoTime): Promise<DomainEvent | null> {
  const open = await repos.meetings.findOpen(group.id);
  if (!open || open.status !== 'planerat' || !open.startsAt || !hasPassed(open, at)) return null;
  const linkedTo = await repos.calendar.eventOf(open.id);
  if (!linkedTo || linkedTo === next.id) return null;
  if (!(await repos.calendar.claimNeverStartedNotice(open.id, at))) return null;
  return { type: 'secretaries-told', groupId: group.id, meetingId: null, text: neverStartedText(open, next) };
}

const hasPassed = (meeting: Meeting, at: IsoTime) => Date.parse(meeting.endsAt ?? meeting.startsAt!) <= Date.parse(at);

/**
 * `starta` then `avsluta` is the one way the chat commands offer to move a planned meeting on; there
 * is no command to cancel a meeting afterwards, so the text says so rather than suggest one.
 */
function neverStartedText(meeting: Meeting, next: CalendarEvent): string {
  return `Mötet ${formatMeetingTime(meeting.startsAt!, meeting.endsAt, meeting.place)} startades aldrig i Protokoll (varken med \`starta\` eller av Teams när mötet började) och står kvar som planerat. `
    + `Därför kopplas inte nästa möte i kalendern, ${formatLongDate(next.startsAt)}, och ingen dagordning postas för det. `
    + 'Hölls mötet: skriv `starta` och sedan `avsluta`, så blir det ett protokollutkast att komplettera, och nästa möte kopplas. '
    + 'Protokoll ställer inte in ett möte som redan har passerat, och ändrar ingenting i det.';
}

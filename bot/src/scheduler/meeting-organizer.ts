/**
 * Whose online meeting it is, for Graph's /users/{organizer}/onlineMeetings (the attendance report
 * is read on the organizer's behalf). In order:
 *   1. the join link's `context` names the organizer's Entra object id (`Oid`), which is exactly
 *      what Graph documents for {userId};
 *   2. a calendar linked as `kalender användare <upn>` is the organizer's mailbox;
 *   3. otherwise (a group calendar) the calendar event's organizer, read again from the calendar.
 */
import type { CalendarRef } from '../core/calendar';
import type { CalendarSource } from '../core/ports';
import type { Meeting } from '../core/model';
import { isUuid } from '../core/validators';

const HOUR_MS = 3_600_000;

export function organizerInJoinUrl(joinUrl: string | null): string | null {
  if (!joinUrl) return null;
  try {
    const context = new URL(joinUrl).searchParams.get('context');
    const oid: unknown = context ? (JSON.parse(context) as { Oid?: unknown }).Oid : null;
    return typeof oid === 'string' && isUuid(oid) ? oid : null;
  } catch {
    return null;
  }
}

export async function meetingOrganizer(
  meeting: Meeting, calendar: CalendarRef | null, eventId: string | null, source: CalendarSource | null,
): Promise<string | null> {
  const fromLink = organizerInJoinUrl(meeting.joinUrl);
  if (fromLink) return fromLink;
  if (calendar?.kind === 'user') return calendar.id;
  const start = meeting.startsAt ?? meeting.startedAt;
  if (!calendar || !eventId || !source || !start) return null;
  const end = meeting.endsAt ?? meeting.endedAt ?? start;
  const events = await source.events(calendar, new Date(Date.parse(start) - HOUR_MS).toISOString(), new Date(Date.parse(end) + HOUR_MS).toISOString());
  return events.find((e) => e.id === eventId)?.organizer?.email ?? null;
}

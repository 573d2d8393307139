/**
 * Calendars as the domain sees them: where a group's meetings are booked (a Microsoft 365 group's
 * calendar or a named organiser's mailbox), the upcoming events found there, and the port a calendar
 * source implements. Microsoft Graph and the local JSON file used in development both sit behind
 * `CalendarSource`, so everything above it runs the same code with or without a tenant.
 */
import { ServiceUnavailable } from './errors';
import { PLACE_WITHOUT_ROOM, type IsoTime } from './model';

export type CalendarRef =
  /** the default calendar of a Microsoft 365 group (its object id) */
  | { kind: 'group'; id: string }
  /** the default calendar of a user's mailbox (user principal name, e.g. the organiser) */
  | { kind: 'user'; id: string };

/** Graph's responseType; `organizer` is the one who booked the meeting. */
export type RsvpResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface CalendarAttendee {
  name: string;
  email: string | null;
  response: RsvpResponse;
  /** rooms and other resources never count for anything */
  type: 'required' | 'optional' | 'resource';
}

export interface CalendarEvent {
  id: string;
  subject: string;
  startsAt: IsoTime;
  endsAt: IsoTime;
  isCancelled: boolean;
  /** the Teams join link; null when the event is not a Teams meeting */
  joinUrl: string | null;
  /**
   * the room as the invitation names it (Graph's `location.displayName`), without the "Microsoft
   * Teams-möte" Outlook writes for the online part; null when there is no room
   */
  location: string | null;
  body: { contentType: 'html' | 'text'; content: string };
  organizer: { name: string; email: string | null } | null;
  attendees: CalendarAttendee[];
}

/** Why a calendar could not be read; `userMessage` is Swedish and says what to do about it. */
export type CalendarProblem = 'unauthorized' | 'forbidden' | 'not-found' | 'throttled' | 'unavailable' | 'malformed' | 'not-configured';

export class CalendarUnavailable extends ServiceUnavailable<CalendarProblem> {
  override readonly name = 'CalendarUnavailable';
}

/** How a calendar is named to people: `gruppkalendern 02bd…` / `kalendern för anna@kommun.se`. */
export function describeCalendar(calendar: CalendarRef): string {
  return calendar.kind === 'group' ? `Microsoft 365-gruppens kalender (${calendar.id})` : `kalendern för ${calendar.id}`;
}

/** Where the invitation says the meeting is: its room, or "via Teams" when it names none. */
export function placeOf(event: { location?: string | null }): string {
  return event.location ?? PLACE_WITHOUT_ROOM;
}

/**
 * Graph's `location.displayName` → the room, or null. Outlook joins several locations with `; ` and
 * names the online part "Microsoft Teams Meeting" / "Microsoft Teams-möte": that part is no room.
 */
export function roomOf(displayName: string | null | undefined): string | null {
  const parts = (displayName ?? '')
    .split(';')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part && !/^microsoft teams(?:[\s-]|$)/iu.test(part));
  return parts.length ? parts.join('; ') : null;
}

/** The next Teams meeting worth preparing: not cancelled, has a join link, not yet over. */
export function nextTeamsMeeting(events: readonly CalendarEvent[], now: IsoTime): CalendarEvent | null {
  const at = Date.parse(now);
  const upcoming = events
    .filter((e) => !e.isCancelled && e.joinUrl && Date.parse(e.endsAt) > at)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return upcoming[0] ?? null;
}

/**
 * Graph's `event` resource (as documented on api-reference/v1.0/resources/event.md) → the domain's
 * CalendarEvent. Shared by the Graph calendar source and the local development file, so both feed
 * the same code. Anything that is not shaped like an event is refused as malformed, not guessed at.
 */
import { roomOf, type CalendarAttendee, type CalendarEvent, type RsvpResponse } from '../core/calendar';

export class MalformedEvent extends Error {
  constructor(what: string) {
    super(`not a Graph event: ${what}`);
    this.name = 'MalformedEvent';
  }
}

const RESPONSES: readonly RsvpResponse[] = ['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded'];
const TYPES: readonly CalendarAttendee['type'][] = ['required', 'optional', 'resource'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * `{dateTime: "2024-03-12T08:00:00.0000000", timeZone: "UTC"}`: we ask Graph for UTC
 * (`Prefer: outlook.timezone="UTC"`); a value with its own offset is taken as written.
 */
function instant(value: unknown, field: string): string {
  if (!isObject(value) || typeof value.dateTime !== 'string') throw new MalformedEvent(`${field} has no dateTime`);
  const hasOffset = /(?:Z|[+-]\d{2}:\d{2})$/i.test(value.dateTime);
  if (!hasOffset && value.timeZone !== undefined && value.timeZone !== 'UTC') throw new MalformedEvent(`${field} is not in UTC`);
  const parsed = Date.parse(hasOffset ? value.dateTime : `${value.dateTime}Z`);
  if (Number.isNaN(parsed)) throw new MalformedEvent(`${field} is not a date`);
  return new Date(parsed).toISOString();
}

function person(value: unknown): { name: string; email: string | null } | null {
  const address = isObject(value) && isObject(value.emailAddress) ? value.emailAddress : null;
  if (!address) return null;
  const email = text(address.address);
  return { name: text(address.name) ?? email ?? '', email };
}

function attendee(value: unknown): CalendarAttendee | null {
  const who = person(value);
  if (!who || !isObject(value)) return null;
  const status = isObject(value.status) ? text(value.status.response) : null;
  const type = text(value.type);
  return {
    ...who,
    response: RESPONSES.includes(status as RsvpResponse) ? (status as RsvpResponse) : 'none',
    type: TYPES.includes(type as CalendarAttendee['type']) ? (type as CalendarAttendee['type']) : 'required',
  };
}

export function toCalendarEvent(value: unknown): CalendarEvent {
  if (!isObject(value) || typeof value.id !== 'string' || !value.id) throw new MalformedEvent('no id');
  const body = isObject(value.body) ? value.body : {};
  const online = isObject(value.onlineMeeting) ? text(value.onlineMeeting.joinUrl) : null;
  return {
    id: value.id,
    subject: text(value.subject) ?? '',
    startsAt: instant(value.start, 'start'),
    endsAt: instant(value.end, 'end'),
    isCancelled: value.isCancelled === true,
    joinUrl: value.isOnlineMeeting === false ? null : online,
    location: roomOf(isObject(value.location) ? text(value.location.displayName) : null),
    body: { contentType: text(body.contentType)?.toLowerCase() === 'text' ? 'text' : 'html', content: text(body.content) ?? '' },
    organizer: person(value.organizer),
    attendees: Array.isArray(value.attendees) ? value.attendees.map(attendee).filter((a): a is CalendarAttendee => a !== null) : [],
  };
}

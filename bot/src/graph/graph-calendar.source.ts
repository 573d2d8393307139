/**
 * Calendars through Microsoft Graph, app-only: `GET /groups/{id}/calendarView` (a Microsoft 365
 * group's calendar) or `GET /users/{upn}/calendarView` (an organiser's mailbox). Both need the
 * application permission Calendars.Read — Calendars.ReadBasic leaves out the body, where the
 * agenda is — and Exchange Online may further limit the app to some mailboxes with an application
 * access policy. Failures come out as CalendarUnavailable with the Swedish explanation.
 *
 * A user's calendar is followed by its changes with `GET /users/{upn}/calendarView/delta`
 * (api-reference/v1.0/api/event-delta.md; v1.0 has no such function for a group's calendar, which
 * is read whole each time). A delta query takes no $select, so events come with every property.
 * A link Graph no longer knows (410 Gone, or syncStateNotFound / resyncRequired) starts a new round.
 */
import { CalendarUnavailable, describeCalendar, type CalendarEvent, type CalendarRef } from '../core/calendar';
import type { CalendarChange, CalendarChanges, CalendarWindow } from '../core/calendar-changes';
import type { CalendarSource } from '../core/ports';
import type { IsoTime } from '../core/model';
import type { GraphClient } from './graph-client';
import { explainGraphFailure, GraphAccessError, type GraphAccessNeed } from './graph-errors';
import { MalformedEvent, toCalendarEvent } from './event.mapping';

const SELECT = 'id,subject,start,end,isCancelled,isOnlineMeeting,onlineMeeting,location,body,organizer,attendees';

export const calendarNeed = (calendar: CalendarRef): GraphAccessNeed => ({
  what: describeCalendar(calendar),
  permission: 'Calendars.Read',
  policy: 'exchange',
});

export class GraphCalendarSource implements CalendarSource {
  constructor(private readonly graph: GraphClient) {}

  async events(calendar: CalendarRef, from: IsoTime, to: IsoTime): Promise<CalendarEvent[]> {
    const query = `startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}&$select=${SELECT}&$top=50`;
    try {
      const values = await this.graph.getAllPages(`${ownerPath(calendar)}/calendarView?${query}`, PREFER);
      return values.map(toCalendarEvent).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    } catch (error) {
      throw unavailable(error, calendar);
    }
  }

  /**
   * `GET …/events/{id}`: where a linked event went when it left the calendar view (moved far, or
   * deleted). Graph answers 404 ErrorItemNotFound for a deleted event or a deleted occurrence of a
   * series; the calendar itself was just read, so a 404 here is about the event.
   */
  async event(calendar: CalendarRef, eventId: string): Promise<CalendarEvent | null> {
    try {
      return toCalendarEvent(await this.graph.get(`${ownerPath(calendar)}/events/${encodeURIComponent(eventId)}?$select=${SELECT}`, PREFER));
    } catch (error) {
      if (error instanceof GraphAccessError && error.problem === 'not-found') return null;
      throw unavailable(error, calendar);
    }
  }

  async changes(calendar: CalendarRef, since: string | null, window: CalendarWindow): Promise<CalendarChanges | null> {
    if (calendar.kind !== 'user') return null;
    try {
      if (since) {
        try {
          return { fresh: false, window, ...(await this.round(since)) };
        } catch (error) {
          if (!mustStartOver(error)) throw error;
        }
      }
      const query = `startDateTime=${encodeURIComponent(window.from)}&endDateTime=${encodeURIComponent(window.to)}`;
      return { fresh: true, window, ...(await this.round(`${ownerPath(calendar)}/calendarView/delta?${query}`)) };
    } catch (error) {
      throw unavailable(error, calendar);
    }
  }

  private async round(path: string): Promise<{ changes: CalendarChange[]; deltaLink: string }> {
    const { values, deltaLink } = await this.graph.getDeltaRound(path, DELTA_PREFER);
    return { changes: values.map(toChange), deltaLink };
  }
}

/** Graph's signs that a delta link is no longer valid and the round must start over. */
const RESYNC_CODES = /^(syncStateNotFound|syncStateInvalid|resyncRequired)$/i;
const mustStartOver = (error: unknown) => error instanceof GraphAccessError && (error.status === 410 || RESYNC_CODES.test(error.code ?? ''));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"id": …, "@removed": {"reason": "deleted"}}`: deleted, or changed outside the round's window. */
function toChange(value: unknown): CalendarChange {
  if (isObject(value) && isObject(value['@removed'])) {
    if (typeof value.id !== 'string' || !value.id) throw new MalformedEvent('a removed event without id');
    return { kind: 'removed', eventId: value.id };
  }
  return { kind: 'event', event: toCalendarEvent(value) };
}

const PREFER = { Prefer: 'outlook.timezone="UTC", outlook.body-content-type="html"' };

/** Up to 50 events a page: a group's fortnight fits on one page, so a new round is one request. */
const DELTA_PREFER = { Prefer: 'outlook.timezone="UTC", outlook.body-content-type="html", odata.maxpagesize=50' };

const ownerPath = (calendar: CalendarRef) => `/${calendar.kind === 'group' ? 'groups' : 'users'}/${encodeURIComponent(calendar.id)}`;

function unavailable(error: unknown, calendar: CalendarRef): unknown {
  const failure = error instanceof MalformedEvent ? new GraphAccessError('malformed', 200, null, error.message) : error;
  if (failure instanceof GraphAccessError) {
    return new CalendarUnavailable(failure.problem, explainGraphFailure(failure, calendarNeed(calendar)), failure.detail);
  }
  return error;
}

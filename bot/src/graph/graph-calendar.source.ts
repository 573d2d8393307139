/**
 * Calendars through Microsoft Graph, app-only: `GET /groups/{id}/calendarView` (a Microsoft 365
 * group's calendar) or `GET /users/{upn}/calendarView` (an organiser's mailbox). Both need the
 * application permission Calendars.Read — Calendars.ReadBasic leaves out the body, where the
 * agenda is — and Exchange Online may further limit the app to some mailboxes with an application
 * access policy. Failures come out as CalendarUnavailable with the Swedish explanation.
 */
import { CalendarUnavailable, describeCalendar, type CalendarEvent, type CalendarRef } from '../core/calendar';
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
}

const PREFER = { Prefer: 'outlook.timezone="UTC", outlook.body-content-type="html"' };

const ownerPath = (calendar: CalendarRef) => `/${calendar.kind === 'group' ? 'groups' : 'users'}/${encodeURIComponent(calendar.id)}`;

function unavailable(error: unknown, calendar: CalendarRef): unknown {
  const failure = error instanceof MalformedEvent ? new GraphAccessError('malformed', 200, null, error.message) : error;
  if (failure instanceof GraphAccessError) {
    return new CalendarUnavailable(failure.problem, explainGraphFailure(failure, calendarNeed(calendar)), failure.detail);
  }
  return error;
}

/**
 * Reads a group's calendar and brings its next Teams meeting into the database: linked to the
 * group's planned meeting, and (at the lead time, or at once for `dagordning`) the invitation's
 * agenda imported. Calendar I/O happens outside any transaction; the database work is one
 * transaction under the calendar link's row lock. A calendar that cannot be read is explained to
 * the secretary in the group's channel — once per problem, not at every run.
 */
import { CalendarUnavailable, nextTeamsMeeting, placeOf, type CalendarEvent, type CalendarRef } from '../core/calendar';
import type { Group, IsoTime, Meeting } from '../core/model';
import type { CalendarSource, Notifier, UnitOfWork } from '../core/ports';
import { agendaDue, importEventAgenda, syncUpcomingMeeting } from '../core/use-cases/agenda-from-event';
import { formatMeetingTime } from '../core/swedish-time';
import type { Logger } from '../logger';

/** How far ahead meetings are discovered (and linked, so `dagordning` shows their date). */
export const DISCOVERY_DAYS = 14;
const DAY_MS = 86_400_000;

/** Problems an administrator must fix; throttling and outages pass by themselves and are only logged. */
const TOLD: ReadonlySet<CalendarUnavailable['problem']> = new Set(['unauthorized', 'forbidden', 'not-found', 'malformed', 'not-configured']);

export type Prepared =
  | { kind: 'no-source' }
  | { kind: 'problem'; error: CalendarUnavailable }
  | { kind: 'no-meeting' }
  /** the group's open meeting belongs to another event or was started without one */
  | { kind: 'busy'; event: CalendarEvent }
  | { kind: 'ready'; group: Group; meeting: Meeting; event: CalendarEvent };

export class CalendarSync {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly source: CalendarSource | null,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
    private readonly leadHours: number,
  ) {}

  get configured(): boolean {
    return this.source !== null;
  }

  async prepare(groupId: string, calendar: CalendarRef, now: IsoTime, importNow: boolean): Promise<Prepared> {
    const found = await this.nextEvent(calendar, now);
    if (found.kind !== 'event') {
      if (found.kind === 'problem') await this.tell(groupId, found.error);
      else if (found.kind === 'no-meeting') await this.uow.run((repos) => repos.calendar.clearProblem(groupId));
      return found;
    }
    const event = found.event;
    const synced = await this.uow.run(async (repos) => {
      await repos.calendar.clearProblem(groupId);
      const group = await repos.groups.findById(groupId);
      const meeting = group ? await syncUpcomingMeeting(repos, group, event, now) : null;
      if (group && meeting && (importNow || agendaDue(event, now, this.leadHours))) {
        if (await importEventAgenda(repos, group, meeting, event, now)) this.logger.info({ groupId, meetingId: meeting.id }, 'agenda imported from the invitation');
      }
      return group && meeting ? { group, meeting: (await repos.meetings.findById(group.id, meeting.id)) ?? meeting } : null;
    });
    return synced.duplicate || !synced.value ? { kind: 'busy', event } : { kind: 'ready', ...synced.value, event };
  }

  /** For `kalender`: what the calendar holds next, or why it cannot be read (Swedish). */
  async probe(calendar: CalendarRef, now: IsoTime): Promise<string> {
    const found = await this.nextEvent(calendar, now);
    if (found.kind === 'event') {
      const e = found.event;
      return `Nästa Teams-möte i kalendern: ${e.subject ? `${e.subject}, ` : ''}${formatMeetingTime(e.startsAt, e.endsAt, placeOf(e))}.`;
    }
    if (found.kind === 'no-meeting') return `Kalendern har inga Teams-möten de närmaste ${DISCOVERY_DAYS} dagarna.`;
    if (found.kind === 'problem') return found.error.userMessage;
    return 'Ingen kalenderkälla är konfigurerad på servern (Microsoft Graph eller LOCAL_CALENDAR_FILE), så kalendern kan inte läsas ännu.';
  }

  private async nextEvent(calendar: CalendarRef, now: IsoTime): Promise<Prepared | { kind: 'event'; event: CalendarEvent }> {
    if (!this.source) return { kind: 'no-source' };
    const to = new Date(Date.parse(now) + Math.max(DISCOVERY_DAYS * DAY_MS, (this.leadHours + 24) * 3_600_000)).toISOString();
    try {
      const event = nextTeamsMeeting(await this.source.events(calendar, now, to), now);
      return event ? { kind: 'event', event } : { kind: 'no-meeting' };
    } catch (error) {
      if (!(error instanceof CalendarUnavailable)) throw error;
      const level = TOLD.has(error.problem) ? 'error' : 'warn';
      this.logger[level]({ calendar, problem: error.problem, ...error.detail }, 'calendar could not be read');
      return { kind: 'problem', error };
    }
  }

  private async tell(groupId: string, error: CalendarUnavailable): Promise<void> {
    if (!TOLD.has(error.problem)) return;
    const claimed = await this.uow.run((repos) => repos.calendar.claimProblem(groupId, error.problem));
    if (claimed.duplicate || !claimed.value) return;
    const text = `Protokoll kan inte läsa gruppens kalender, så dagordningen kan inte hämtas från kallelsen. ${error.userMessage}`;
    await this.notifier.deliver({ type: 'secretaries-told', groupId, meetingId: null, text });
  }
}

/**
 * Reads a group's calendar and brings its next Teams meeting into the database: linked to the
 * group's planned meeting, and (at the lead time, or at once for `dagordning`) the invitation's
 * agenda imported. Calendar I/O happens outside any transaction; the database work is one
 * transaction under the calendar link's row lock. A calendar that cannot be read is explained to
 * the secretary in the group's channel — once per problem, not at every run.
 *
 * Where the source can (a user's calendar on Graph), the calendar is followed by its changes: the
 * events told so far are kept per group (calendar_events) with the round's delta link, the run asks
 * only for what changed since, and the round's result is stored in the same transaction, under the
 * same lock, as what the run does with it — and only if no other instance stored a round from the
 * same link first (then that one's result stands, and the next run asks from its link).
 */
import { CalendarUnavailable, nextTeamsMeeting, placeOf, type CalendarEvent, type CalendarRef } from '../core/calendar';
import { applyChanges, covers, followWindow, inView, type CalendarChanges, type FollowedRound } from '../core/calendar-changes';
import type { Group, IsoTime, Meeting } from '../core/model';
import type { CalendarSource, Notifier, Repositories, UnitOfWork } from '../core/ports';
import { agendaDue } from '../core/use-cases/agenda-from-event';
import { followCalendar, type CalendarReading } from '../core/use-cases/calendar-follow';
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
  /** the group's open meeting belongs to another event or was started without one (a past one nobody started is told: never-started.ts) */
  | { kind: 'busy'; event: CalendarEvent }
  | { kind: 'ready'; group: Group; meeting: Meeting; event: CalendarEvent };

interface PlannedEvent {
  eventId: string;
  startsAt: IsoTime;
}

/** A round read by this run, to be stored with what the run does (see CalendarStore.recordFollowed). */
interface RoundToRecord {
  startedFrom: string | null;
  round: FollowedRound;
  fresh: boolean;
  upserts: CalendarEvent[];
  removed: string[];
}

/** The calendar's events in the view a run needs, and the round to record when it was followed by its changes. */
interface View {
  events: CalendarEvent[];
  followed: RoundToRecord | null;
}

/** The group's planned meeting's calendar event, read before the calendar is (no lock: the sync re-checks it). */
async function plannedEvent(repos: Repositories, groupId: string): Promise<PlannedEvent | null> {
  const open = await repos.meetings.findOpen(groupId);
  const eventId = open?.status === 'planerat' && open.startsAt ? await repos.calendar.eventOf(open.id) : null;
  return eventId && open?.startsAt ? { eventId, startsAt: open.startsAt } : null;
}

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
    const first = await this.syncOnce(groupId, calendar, now, importNow, false);
    if (first !== 'raced') return first;
    const again = await this.syncOnce(groupId, calendar, now, importNow, true);
    return again === 'raced' ? { kind: 'no-meeting' } : again;
  }

  /**
   * Reads the calendar and brings it into the database. 'raced': another instance stored a round
   * from the same delta link first. This run's reading may be older than the one that instance
   * applied (it may have asked Graph earlier), so it is dropped, and the run goes again from the
   * events now stored — the state already applied, read without another request to Graph.
   */
  private async syncOnce(groupId: string, calendar: CalendarRef, now: IsoTime, importNow: boolean, fromStored: boolean): Promise<Prepared | 'raced'> {
    if (!this.source) return { kind: 'no-source' };
    const planned = await this.uow.read((repos) => plannedEvent(repos, groupId));
    let reading: CalendarReading;
    let followed: RoundToRecord | null;
    try {
      const view = fromStored ? await this.stored(groupId, now) : await this.view(this.source, groupId, calendar, now);
      followed = view.followed;
      reading = await this.read(this.source, calendar, view.events, planned, now, importNow);
    } catch (error) {
      const problem = this.problemOf(error, calendar);
      await this.tell(groupId, problem);
      return { kind: 'problem', error: problem };
    }
    const synced = await this.uow.run(async (repos) => {
      await repos.calendar.clearProblem(groupId);
      if (followed) {
        const { startedFrom, round, fresh, upserts, removed } = followed;
        const stored = await repos.calendar.recordFollowed(groupId, startedFrom, round, fresh, upserts, removed);
        if (!stored) return 'raced' as const;
      }
      return followCalendar(repos, groupId, reading, now);
    });
    const value = synced.duplicate ? null : synced.value;
    if (value === 'raced') {
      this.logger.debug({ groupId }, 'calendar round stored by another instance first: going again from the stored events');
      return 'raced';
    }
    if (!value) return reading.event ? { kind: 'busy', event: reading.event } : { kind: 'no-meeting' };
    const { group, meeting, imported, events } = value;
    if (imported && meeting) this.logger.info({ groupId, meetingId: meeting.id }, 'agenda imported from the invitation');
    for (const event of events) await this.notifier.deliver(event);
    if (!reading.event) return { kind: 'no-meeting' };
    return meeting ? { kind: 'ready', group, meeting, event: reading.event } : { kind: 'busy', event: reading.event };
  }

  /**
   * The calendar as this run sees it. The planned meeting's own event is looked for first (it may
   * have moved past another event); when it left the view it is asked for by id, and counts as gone
   * only when Graph no longer has it or it is cancelled, and only before the meeting starts.
   */
  private async read(source: CalendarSource, calendar: CalendarRef, events: CalendarEvent[], planned: PlannedEvent | null, now: IsoTime, importNow: boolean): Promise<CalendarReading> {
    let own = planned ? events.find((e) => e.id === planned.eventId) : undefined;
    let goneEventId: string | null = null;
    if (planned && (!own || own.isCancelled) && Date.parse(now) < Date.parse(planned.startsAt)) {
      const found = own?.isCancelled ? own : await source.event(calendar, planned.eventId);
      if (!found || found.isCancelled) goneEventId = planned.eventId;
      else own = found;
    }
    const event = own && !own.isCancelled && own.joinUrl && !goneEventId ? own : nextTeamsMeeting(events, now);
    return { goneEventId, event, importNow: !!event && (importNow || agendaDue(event, now, this.leadHours)) };
  }

  /**
   * The calendar view [now, horizon) this run works from. Followed by its changes when the source
   * can: from the last round's link while its window still holds the view, else from a new round.
   * Otherwise (a group's calendar, the local file) read whole.
   */
  private async view(source: CalendarSource, groupId: string, calendar: CalendarRef, now: IsoTime): Promise<View> {
    const until = this.horizon(now);
    if (!source.changes) return { events: await source.events(calendar, now, until), followed: null };
    const known = await this.uow.read((repos) => repos.calendar.followed(groupId));
    const last = known.round && covers(known.round.window, now, until) ? known.round : null;
    const changes: CalendarChanges | null = await source.changes(calendar, last?.deltaLink ?? null, last?.window ?? followWindow(now, this.horizonMs()));
    if (!changes) return { events: await source.events(calendar, now, until), followed: null };
    const applied = applyChanges(known.events, changes);
    return {
      events: inView(applied.events, now, until),
      followed: {
        startedFrom: known.round?.deltaLink ?? null,
        round: { deltaLink: changes.deltaLink, window: changes.window },
        fresh: changes.fresh,
        upserts: applied.upserts,
        removed: applied.removed,
      },
    };
  }

  /** The view from the events stored by the last round (another instance's, just committed). */
  private async stored(groupId: string, now: IsoTime): Promise<View> {
    const known = await this.uow.read((repos) => repos.calendar.followed(groupId));
    return { events: inView(known.events, now, this.horizon(now)), followed: null };
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
    try {
      const event = nextTeamsMeeting(await this.source.events(calendar, now, this.horizon(now)), now);
      return event ? { kind: 'event', event } : { kind: 'no-meeting' };
    } catch (error) {
      return { kind: 'problem', error: this.problemOf(error, calendar) };
    }
  }

  private horizon(now: IsoTime): IsoTime {
    return new Date(Date.parse(now) + this.horizonMs()).toISOString();
  }

  private horizonMs(): number {
    return Math.max(DISCOVERY_DAYS * DAY_MS, (this.leadHours + 24) * 3_600_000);
  }

  private problemOf(error: unknown, calendar: CalendarRef): CalendarUnavailable {
    if (!(error instanceof CalendarUnavailable)) throw error;
    const level = TOLD.has(error.problem) ? 'error' : 'warn';
    this.logger[level]({ calendar, problem: error.problem, ...error.detail }, 'calendar could not be read');
    return error;
  }

  private async tell(groupId: string, error: CalendarUnavailable): Promise<void> {
    if (!TOLD.has(error.problem)) return;
    const claimed = await this.uow.run((repos) => repos.calendar.claimProblem(groupId, error.problem));
    if (claimed.duplicate || !claimed.value) return;
    const text = `Protokoll kan inte läsa gruppens kalender, så dagordningen kan inte hämtas från kallelsen. ${error.userMessage}`;
    await this.notifier.deliver({ type: 'secretaries-told', groupId, meetingId: null, text });
  }
}

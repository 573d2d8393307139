/**
 * One run of a group's calendar into the database, after the calendar was read (outside any
 * transaction) and before anything is posted: the planned meeting follows its invitation (moved,
 * cancelled, room or body changed), the next Teams meeting is linked (or, when a past meeting nobody
 * started holds its place, the secretary is told), and at the lead time the invitation's
 * agenda goes on. Runs under the calendar link's row lock, so with several server instances each
 * change is seen, and told, by one of them; what people must hear comes back as DomainEvents for
 * the caller to deliver after the commit.
 */
import type { CalendarEvent } from '../calendar';
import type { Group, IsoTime, Meeting } from '../model';
import type { DomainEvent, Repositories } from '../ports';
import { formatLongDate, formatMeetingTime } from '../swedish-time';
import { importEventAgenda, syncUpcomingMeeting } from './agenda-from-event';
import { rereadEventAgenda } from './agenda-reread';
import { cancelPlannedMeeting, type Cancellation } from './cancelled-meeting';
import { neverStartedNotice } from './never-started';

export interface CalendarReading {
  /** the planned meeting's event is gone: deleted from the calendar, or cancelled, before it started */
  goneEventId: string | null;
  /** the event to prepare: the planned meeting's own event where it now is, else the next Teams meeting */
  event: CalendarEvent | null;
  /** whether the invitation's agenda should go onto the meeting now (lead time, or `dagordning`) */
  importNow: boolean;
}

export interface Followed {
  group: Group;
  /** the meeting linked to `reading.event`; null when none (no event, or the group's open meeting is another's) */
  meeting: Meeting | null;
  /** true when this run put the invitation's agenda on the meeting */
  imported: boolean;
  events: DomainEvent[];
}

export async function followCalendar(repos: Repositories, groupId: string, reading: CalendarReading, at: IsoTime): Promise<Followed | null> {
  if (!(await repos.calendar.lockLink(groupId))) return null;
  const group = await repos.groups.findById(groupId);
  if (!group) return null;
  const events: DomainEvent[] = [];
  const cancellation = reading.goneEventId ? await cancelPlannedMeeting(repos, group, reading.goneEventId, at) : null;

  if (cancellation && (await repos.calendar.agendaPosted(cancellation.cancelled.id))) {
    const when = timeOf(cancellation.cancelled);
    events.push({
      type: 'agenda-updated', groupId: group.id, meetingId: cancellation.cancelled.id, at,
      text: `Mötet ${when} är inställt.`, notice: 'Mötet är inställt i kalendern. Dagordningens punkter tas upp vid nästa möte.',
    });
  }

  let meeting: Meeting | null = null;
  let imported = false;
  if (reading.event) {
    const before = await repos.meetings.findOpen(group.id);
    meeting = await syncUpcomingMeeting(repos, group, reading.event, at);
    if (meeting && reading.importNow) imported = await importEventAgenda(repos, group, meeting, reading.event, at);
    const edited = meeting && !imported && startsLater(meeting, at) ? await rereadEventAgenda(repos, group, meeting, reading.event, at) : [];
    const same = meeting && before?.id === meeting.id ? before : null;
    const moved = same?.startsAt && movedBetween(same, meeting!) ? same : null;
    // A room the invitation gained or changed (never a place the secretary typed: followRoom leaves it).
    const placeFrom = same && same.place !== meeting!.place ? same.place : null;
    if (meeting && (moved || placeFrom !== null || edited.length) && (await repos.calendar.agendaPosted(meeting.id))) {
      const change = { movedFrom: moved, placeFrom, edited };
      events.push(...changedAfterPost(group, (await repos.meetings.findById(group.id, meeting.id)) ?? meeting, change, at));
    }
  }
  if (cancellation) events.push(told(group, cancellation, meeting));
  // The next meeting could not be linked: the group's open meeting may be a past one nobody started.
  const notStarted = reading.event && !meeting ? await neverStartedNotice(repos, group, reading.event, at) : null;
  if (notStarted) events.push(notStarted);
  return { group, meeting: meeting && ((await repos.meetings.findById(group.id, meeting.id)) ?? meeting), imported, events };
}

/** Told once, when the meeting is cancelled: which meeting, and where its items went. */
function told(group: Group, { cancelled, next, movedTitles }: Cancellation, linked: Meeting | null): DomainEvent {
  const when = cancelled.startsAt ? ` ${formatMeetingTime(cancelled.startsAt, cancelled.endsAt, cancelled.place)}` : '';
  const nextStarts = linked?.id === next.id ? linked.startsAt : next.startsAt;
  const where = nextStarts ? `nästa möte (${formatLongDate(nextStarts)})` : 'nästa möte';
  const items = movedTitles.length
    ? ` Dess punkter flyttas till ${where}: ${movedTitles.join(', ')}.`
    : ` Det hade inga egna punkter att flytta till ${where}.`;
  return { type: 'secretaries-told', groupId: group.id, meetingId: null, text: `Mötet${when} är inställt i kalendern.${items} Ingen dagordning postas för det.` };
}

const timeOf = (meeting: Meeting): string => (meeting.startsAt ? formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.place) : '');

const movedBetween = (before: Meeting, after: Meeting) => before.startsAt !== after.startsAt || before.endsAt !== after.endsAt;

const startsLater = (meeting: Meeting, at: IsoTime) => !!meeting.startsAt && Date.parse(at) < Date.parse(meeting.startsAt);

/** What changed in the calendar since the agenda card went out. */
interface ChangeAfterPost {
  /** the meeting as it was before it moved */
  movedFrom: Meeting | null;
  /** the place before the invitation's room changed */
  placeFrom: string | null;
  /** the agenda's changes read from the edited invitation */
  edited: string[];
}

/**
 * The agenda card is out, and the meeting moved, its room changed or its invitation was edited:
 * the card is updated in place (never posted again) and says what changed; the secretary, who may
 * have told people the old time, place or agenda, hears of it.
 */
function changedAfterPost(group: Group, meeting: Meeting, { movedFrom, placeFrom, edited }: ChangeAfterPost, at: IsoTime): DomainEvent[] {
  const now = timeOf(meeting);
  const notices: string[] = [];
  const told: string[] = [];
  if (movedFrom) {
    notices.push(`Mötet är flyttat till ${now} (tidigare ${timeOf(movedFrom)}).`);
    told.push(`Mötet ${timeOf(movedFrom)} är flyttat i kalendern till ${now}. Dagordningskortet i möteschatten visar nu den nya tiden.`);
  } else if (placeFrom !== null) {
    // A move already names the old and the new place (timeOf includes it): told once, not twice.
    const when = meeting.startsAt ? ` ${formatMeetingTime(meeting.startsAt, meeting.endsAt, '')}` : '';
    notices.push(`Platsen är ändrad till ${meeting.place} (tidigare ${placeFrom}).`);
    told.push(`Platsen för mötet${when} är ändrad i kalendern till ${meeting.place} (tidigare ${placeFrom}). Dagordningskortet i möteschatten visar nu den nya platsen.`);
  }
  if (edited.length) {
    notices.push(`Kallelsen är ändrad: ${edited.join('; ')}.`);
    told.push(`Kallelsen till mötet ${now} är ändrad, och dagordningen är läst om (${edited.join('; ')}). Punkter från ny punkt och sådana som lagts till för hand finns kvar. Dagordningskortet i möteschatten är uppdaterat.`);
  }
  return [
    { type: 'agenda-updated', groupId: group.id, meetingId: meeting.id, at, text: `Dagordning inför mötet ${now}.`, notice: notices.join(' ') },
    ...told.map((text): DomainEvent => ({ type: 'secretaries-told', groupId: group.id, meetingId: null, text })),
  ];
}

/**
 * Before the meeting: the group's next Teams meeting in its calendar becomes (or is linked to) the
 * group's planned meeting, and at the lead time the invitation's agenda goes onto it.
 *
 *   syncUpcomingMeeting(repos, group, event, at) → the planned/running meeting linked to the event,
 *     or null when the group's open meeting belongs to another event. Run under the calendar link's
 *     row lock, so two server instances syncing one group take turns. The invitation's room is the
 *     meeting's place (followed while it is planned: a room added or changed later counts), unless
 *     the secretary set one with `plats`.
 *   importEventAgenda(repos, group, meeting, event, at) → true the one time the invitation's items
 *     are put on the agenda (claimed in the same transaction as the inserts). Items named like a
 *     standard item fill that slot (composeAgenda), the others go before the items added with
 *     `ny punkt` and the carried-over ones; then every paragraph is renumbered.
 *   agendaDue(event, now, leadHours) → whether the agenda should be out by now.
 */
import { placeOf, type CalendarEvent } from '../calendar';
import type { AgendaItem, Group, IsoTime, Meeting } from '../model';
import type { NewAgendaItem, Repositories } from '../ports';
import { parseEventAgenda } from '../event-agenda-parser';
import { composeAgenda, type AgendaDraftItem } from '../standard-items';
import { HEAD_POSITION, mainItems, OWN_POSITION, subPointsOf, TAIL_POSITION } from './agenda-order';
import { findOpenMeeting, openMeetingFor } from './open-meeting';
import { renumber } from './renumber';
import { LIMITS } from '../limits';

const HOUR_MS = 3_600_000;

export function agendaDue(event: Pick<CalendarEvent, 'startsAt' | 'endsAt'>, now: IsoTime, leadHours: number): boolean {
  const at = Date.parse(now);
  return at >= Date.parse(event.startsAt) - leadHours * HOUR_MS && at < Date.parse(event.endsAt);
}

/** Teams writes the same link with different query strings (context, tenant); the path identifies the meeting. */
export const sameJoinUrl = (a: string | null, b: string | null) =>
  !!a && !!b && decodeURIComponent(a.split('?')[0]!).toLowerCase() === decodeURIComponent(b.split('?')[0]!).toLowerCase();

export async function syncUpcomingMeeting(repos: Repositories, group: Group, event: CalendarEvent, at: IsoTime): Promise<Meeting | null> {
  if (!(await repos.calendar.lockLink(group.id))) return null;
  const schedule = { startsAt: event.startsAt, endsAt: event.endsAt, joinUrl: event.joinUrl };
  const open = await findOpenMeeting(repos, group);
  if (!open) {
    // The event's meeting was held (or ended early) already: it does not start over.
    if (await repos.calendar.meetingOfEvent(group.id, event.id)) return null;
    const created = await openMeetingFor(repos, group, at, schedule);
    await repos.calendar.attachEvent(group.id, created.meeting.id, event.id);
    return followRoom(repos, group, created.meeting, event, true);
  }
  const linkedTo = await repos.calendar.eventOf(open.meeting.id);
  const ours = linkedTo === event.id || (!linkedTo && (!open.meeting.joinUrl || sameJoinUrl(open.meeting.joinUrl, event.joinUrl)));
  if (!ours) return null;
  if (!linkedTo) {
    if (await repos.calendar.meetingOfEvent(group.id, event.id)) return null;
    await repos.calendar.attachEvent(group.id, open.meeting.id, event.id);
  }
  const linked = await followRoom(repos, group, open.meeting, event, !linkedTo);
  const moved = linked.startsAt !== event.startsAt || linked.endsAt !== event.endsAt || !linked.joinUrl;
  if (linked.status !== 'planerat' || !moved) return linked;
  // The invitation was moved: "Tid och plats" and yearly numbering follow the calendar.
  const meeting = await repos.meetings.update(group.id, linked.id, { ...schedule, joinUrl: linked.joinUrl ?? event.joinUrl });
  await renumber(repos, group, meeting, at);
  return meeting;
}

/**
 * The invitation's room (or "via Teams" when it names none) as the meeting's place: when the meeting
 * is linked, and again whenever the invitation changes while the meeting is planned. A place the
 * secretary typed with `plats` is never overwritten.
 */
async function followRoom(repos: Repositories, group: Group, meeting: Meeting, event: CalendarEvent, firstLink: boolean): Promise<Meeting> {
  const place = placeOf(event);
  if (meeting.placeSetBySecretary || meeting.place === place || (!firstLink && meeting.status !== 'planerat')) return meeting;
  return repos.meetings.update(group.id, meeting.id, { place, placeSetBySecretary: false });
}

export async function importEventAgenda(repos: Repositories, group: Group, meeting: Meeting, event: CalendarEvent, at: IsoTime): Promise<boolean> {
  // Once the meeting runs, its agenda belongs to the secretary; an invitation never rewrites it.
  if (meeting.status !== 'planerat') return false;
  if (!(await repos.calendar.claimEventImport(meeting.id, at))) return false;
  const existing = await repos.agenda.list(meeting.id);
  const mains = mainItems(existing);
  const drafts = withinAgendaLimit(
    composeAgenda({ group, ownItems: parseEventAgenda(event.body), carriedOver: [] }),
    existing.length,
    (draft) => !!draft.standardKind && mains.some((i) => i.standardKind === draft.standardKind),
  );
  // An item already on the agenda (moved from a cancelled meeting of the series, typed with `ny punkt`) is not added twice.
  const own = drafts.filter((d) => d.standardKind === null && !mains.some((i) => sameTitle(i.title, d.title)));
  let ownPosition = OWN_POSITION - own.length;
  for (const draft of drafts) {
    if (draft.standardKind === null && !own.includes(draft)) continue;
    const slot = draft.standardKind ? mains.find((i) => i.standardKind === draft.standardKind) : undefined;
    if (slot) await fillStandardSlot(repos, group, meeting, slot, draft, existing);
    else if (draft.standardKind) await insertDraft(repos, group, meeting, draft, standardPosition(mains, draft));
    else await insertDraft(repos, group, meeting, draft, ownPosition++);
  }
  // kept to compare with the invitation as edited later (agenda-reread.ts)
  await repos.calendar.setEventAgenda(meeting.id, drafts);
  await renumber(repos, group, meeting, at);
  return true;
}

/**
 * An invitation can list more than a meeting's agenda may hold (LIMITS): what fits is imported, in
 * order, and the rest is left out rather than refusing the whole agenda the scheduler posts.
 */
function withinAgendaLimit(drafts: AgendaDraftItem[], existingCount: number, fillsSlot: (draft: AgendaDraftItem) => boolean): AgendaDraftItem[] {
  let room = LIMITS.agendaItemsPerMeeting - existingCount;
  return drafts.filter((draft) => {
    const size = (fillsSlot(draft) ? 0 : 1) + draft.subPoints.length;
    if (size > room) return false;
    room -= size;
    return true;
  });
}

const sameTitle = (a: string, b: string) => a.trim().toLocaleLowerCase('sv-SE') === b.trim().toLocaleLowerCase('sv-SE');

/** The invitation's wording, tag and presenters of a standard item win; its sub-points are added. */
async function fillStandardSlot(repos: Repositories, group: Group, meeting: Meeting, slot: AgendaItem, draft: AgendaDraftItem, existing: AgendaItem[]) {
  await repos.agenda.update(meeting.id, slot.id, {
    title: draft.title,
    typeTag: draft.typeTag ?? slot.typeTag,
    presenters: draft.presenters.length ? draft.presenters : slot.presenters,
    ...(draft.plannedMinutes ? { plannedMinutes: draft.plannedMinutes } : {}),
  });
  let position = Math.max(-1, ...subPointsOf(existing, slot.id).map((s) => s.position)) + 1;
  for (const title of draft.subPoints) await repos.agenda.insert(group.id, { ...blank(meeting), parentId: slot.id, position: position++, title, fromInvitation: true });
}

/** "Val av justerare" named in an invitation of a group that usually has none goes last in the head. */
function standardPosition(mains: AgendaItem[], draft: AgendaDraftItem): number {
  if (draft.standardKind === 'other-business' || draft.standardKind === 'next-meeting') {
    return Math.min(TAIL_POSITION + 100, ...mains.filter((i) => i.position >= TAIL_POSITION).map((i) => i.position)) - 1;
  }
  return Math.max(HEAD_POSITION - 1, ...mains.filter((i) => i.position < OWN_POSITION - 500).map((i) => i.position)) + 1;
}

async function insertDraft(repos: Repositories, group: Group, meeting: Meeting, draft: AgendaDraftItem, position: number) {
  const item = await repos.agenda.insert(group.id, {
    ...blank(meeting), position, section: draft.section, title: draft.title, typeTag: draft.typeTag,
    standardKind: draft.standardKind, presenters: draft.presenters, fromInvitation: true, plannedMinutes: draft.plannedMinutes ?? null,
  });
  let sub = 0;
  for (const title of draft.subPoints) await repos.agenda.insert(group.id, { ...blank(meeting), parentId: item.id, position: sub++, title, fromInvitation: true });
}

const blank = (meeting: Meeting): Omit<NewAgendaItem, 'position' | 'title'> => ({
  meetingId: meeting.id, parentId: null, section: null, typeTag: null, standardKind: null, number: null,
  presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
});

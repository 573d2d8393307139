/**
 * A planned meeting whose invitation was cancelled (or deleted from the calendar before it started)
 * will not happen: it becomes `inställt`, and what was to be handled there is handled at the next
 * meeting instead, so nothing a member put on the agenda is lost.
 *
 *   cancelPlannedMeeting(repos, group, eventId, at) → what moved where, or null when the group's
 *     planned meeting is not linked to that event (already cancelled by another instance, or started).
 *     Run under the calendar link's row lock. The meeting's own items (from the invitation, `ny punkt`,
 *     carried over, postponed earlier) go to the group's next meeting, created as `ny punkt` would,
 *     after that meeting's own items; its standard items are dropped (the next meeting has its own),
 *     and so is its follow-up of actions when the next meeting has one. Numbers are given anew.
 */
import { FOLLOW_UP_TITLE } from '../carry-over';
import type { Group, IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { mainItems, OWN_POSITION, TAIL_POSITION } from './agenda-order';
import { findOpenMeeting, openMeetingFor } from './open-meeting';
import { renumber } from './renumber';

export interface Cancellation {
  cancelled: Meeting;
  next: Meeting;
  /** titles of the items that went to the next meeting, in agenda order */
  movedTitles: string[];
}

export async function cancelPlannedMeeting(repos: Repositories, group: Group, eventId: string, at: IsoTime): Promise<Cancellation | null> {
  const open = await findOpenMeeting(repos, group);
  if (!open || open.meeting.status !== 'planerat') return null;
  if ((await repos.calendar.eventOf(open.meeting.id)) !== eventId) return null;
  const cancelled = await repos.meetings.update(group.id, open.meeting.id, { status: 'inställt', currentItemId: null });
  const next = await openMeetingFor(repos, group, at);
  const nextMains = mainItems(next.items);
  const followUpThere = nextMains.some(isFollowUp);
  let position = Math.max(OWN_POSITION - 1, ...nextMains.filter((i) => i.position < TAIL_POSITION).map((i) => i.position)) + 1;
  const movedTitles: string[] = [];
  for (const item of mainItems(open.items)) {
    if (item.standardKind !== null || (isFollowUp(item) && followUpThere)) {
      await repos.agenda.remove(cancelled.id, item.id);
      continue;
    }
    await repos.agenda.moveToMeeting(cancelled.id, item.id, next.meeting.id, position++);
    movedTitles.push(item.title);
  }
  await renumber(repos, group, next.meeting, at);
  return { cancelled, next: next.meeting, movedTitles };
}

/** The generated "Uppföljning av åtgärder" (not an item someone typed with that title and carried over). */
const isFollowUp = (item: { title: string; carriedFromItemId: string | null }) => item.title === FOLLOW_UP_TITLE && item.carriedFromItemId === null;

/**
 * Gives every main item its number, consecutively in agenda order. With yearly numbering the
 * numbers run on from the group's earlier meetings that year (or from the configured start).
 * Numbers "close up" after an item is removed, because they are always recomputed here.
 */
import type { AgendaItem, Group, IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { assignNumbers, firstNumberForMeeting, isPerMeeting } from '../numbering';
import { mainItems, meetingYear } from './agenda-order';

/**
 * `startAt` keeps a held meeting's first number where it was (a draft corrected after the meeting:
 * the next meeting, already planned, must not push its numbers on).
 */
export async function renumber(repos: Repositories, group: Group, meeting: Meeting, at: IsoTime, startAt?: number): Promise<AgendaItem[]> {
  const items = await repos.agenda.list(meeting.id);
  const year = meetingYear(meeting, at);
  const first = startAt ?? firstNumberForMeeting({
    style: group.numberingStyle,
    numberingStart: group.numberingStart,
    numberingStartYear: group.numberingStartYear,
    year,
    lastNumberUsedThisYear:
      isPerMeeting(group.numberingStyle) ? null : await repos.meetings.lastNumberUsedInYear(group.id, year, meeting.id),
  });
  const numbers = assignNumbers(mainItems(items).map((i) => i.id), first);
  const changed = items
    .map((item) => ({ item, number: numbers.get(item.id) ?? null }))
    .filter(({ item, number }) => item.number !== number);
  if (changed.length === 0) return items;
  await repos.agenda.setNumbers(meeting.id, changed.map(({ item, number }) => ({ itemId: item.id, number })));
  for (const { item, number } of changed) item.number = number;
  return items;
}

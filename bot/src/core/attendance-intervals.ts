/**
 * Turns join/leave events into presence intervals. Events are sorted by their own time first, so
 * a retried or late-delivered event lands where it belongs. Per person:
 * - a join while present, or a leave while absent after an earlier stay, is a duplicate: ignored;
 * - a leave from Teams with no join before it means Teams never told us about the join: the person
 *   is taken as present from the meeting's start (provisional, like all live presence, until the report);
 * - the secretary's `frånvarande` for someone who was never there is no stay at all: it records that
 *   the person is away (see `reportedAbsent`), never that they were present.
 */
import type { AttendanceEvent, AttendanceInterval, IsoTime } from './model';

export type PresenceInterval = Omit<AttendanceInterval, 'id' | 'meetingId'>;

export function personKey(person: { memberId: string | null; aadObjectId: string | null; displayName: string }): string {
  if (person.memberId) return `member:${person.memberId}`;
  if (person.aadObjectId) return `aad:${person.aadObjectId}`;
  return `name:${person.displayName.normalize('NFC').trim().toLocaleLowerCase('sv-SE')}`;
}

export function intervalsFromEvents(events: AttendanceEvent[], meetingStart: IsoTime): PresenceInterval[] {
  const sorted = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
    .map(({ event }) => event);

  const open = new Map<string, PresenceInterval>();
  const seen = new Set<string>();
  const intervals: PresenceInterval[] = [];
  for (const event of sorted) {
    const key = personKey(event);
    const current = open.get(key);
    if (event.kind === 'join') {
      if (current) continue;
      const interval: PresenceInterval = {
        memberId: event.memberId, displayName: event.displayName, aadObjectId: event.aadObjectId,
        joinedAt: event.at, leftAt: null, source: event.source,
      };
      open.set(key, interval);
      intervals.push(interval);
    } else if (current) {
      current.leftAt = event.at;
      open.delete(key);
    } else if (!seen.has(key) && event.source === 'live') {
      const joinedAt = Date.parse(meetingStart) <= Date.parse(event.at) ? meetingStart : event.at;
      intervals.push({
        memberId: event.memberId, displayName: event.displayName, aadObjectId: event.aadObjectId,
        joinedAt, leftAt: event.at, source: event.source,
      });
    }
    seen.add(key);
  }
  return intervals;
}

/**
 * Roster members the secretary marked `frånvarande` who were never present: they are away with
 * notice (Förhinder), as opposed to members who simply never joined (Frånvarande).
 */
export function reportedAbsent(events: readonly AttendanceEvent[], intervals: readonly PresenceInterval[]): string[] {
  const present = new Set(intervals.flatMap((i) => (i.memberId ? [i.memberId] : [])));
  const marked = events.filter((e) => e.source === 'manual' && e.kind === 'leave' && e.memberId !== null && !present.has(e.memberId));
  return [...new Set(marked.map((e) => e.memberId!))];
}

/**
 * Presence per paragraph. A paragraph is open from each moment the meeting moved to it until the
 * next move (or the meeting's end); it may be visited more than once. A person counts as present
 * for it when present for at least half of its open time, so a few seconds at its edges never
 * matter. A paragraph open for no time at all counts whoever was there at that instant.
 *
 *   paragraphVisits(visits, items) → the visits as visits of main paragraphs (a sub-point's time is its paragraph's)
 *   paragraphsPresent(visits, meetingEnd, stays) → Set<itemId>
 *   formatPartialPresence(presentNumbers, allNumbers, style) → '' | `(§18)` | `(§§12 - 14, 17)` | `(del av mötet)` (never a year suffix)
 *   mergeIntervals(stays, openEnd?) → [from, to] ms spans · presentAt(stays, at) · presentMemberIdsAt(stays, at)
 * A person's stays may overlap, touch or come in any order; a stay ending before it starts is dropped.
 */
import type { AgendaItem, IsoTime, NumberingStyle, ParagraphVisit } from './model';
import { isPerMeeting } from './numbering';

/** The part of an AttendanceInterval presence needs (so report rows and live intervals both fit). */
export interface Stay {
  joinedAt: IsoTime;
  leftAt: IsoTime | null;
}

type Span = [number, number];

/** Overlapping or touching stays become one; a stay without a leave runs until `openEnd`. */
export function mergeIntervals(stays: Stay[], openEnd: number = Number.POSITIVE_INFINITY): Span[] {
  const spans = stays
    .map((s): Span => [Date.parse(s.joinedAt), s.leftAt === null ? openEnd : Date.parse(s.leftAt)])
    .filter(([from, to]) => to >= from)
    .sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** Was the person there at this instant? A stay covers [joinedAt, leftAt): gone at the moment of leaving. */
export function presentAt(stays: Stay[], at: IsoTime): boolean {
  const t = Date.parse(at);
  return mergeIntervals(stays).some(([from, to]) => from <= t && t < to);
}

/** Roster members present at an instant (for quorum when a decision is recorded); guests have no memberId. */
export function presentMemberIdsAt(stays: Array<Stay & { memberId: string | null }>, at: IsoTime): Set<string> {
  const t = Date.parse(at);
  return new Set(
    stays
      .filter((s) => s.memberId !== null && Date.parse(s.joinedAt) <= t && (s.leftAt === null || Date.parse(s.leftAt) > t))
      .map((s) => s.memberId!),
  );
}

/**
 * Presence is counted per main paragraph. Moving to a sub-point (`punkt 11a`) is time spent on its
 * paragraph (§ 11) and ends the paragraph before, also when the meeting jumped straight to it; a
 * visit of an item no longer on the agenda is dropped.
 */
export function paragraphVisits(visits: readonly ParagraphVisit[], items: ReadonlyArray<Pick<AgendaItem, 'id' | 'parentId'>>): ParagraphVisit[] {
  const mainOf = new Map(items.map((i) => [i.id, i.parentId ?? i.id]));
  return visits.flatMap((v) => {
    const main = mainOf.get(v.itemId);
    return main ? [{ ...v, itemId: main }] : [];
  });
}

/** Each visit lasts until the next one opens, the last one until the meeting ended. */
export function paragraphSpans(visits: ParagraphVisit[], meetingEnd: IsoTime): Map<string, Span[]> {
  const ordered = [...visits].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
  const spans = new Map<string, Span[]>();
  ordered.forEach((visit, i) => {
    const from = Date.parse(visit.openedAt);
    const to = Math.max(from, Date.parse(ordered[i + 1]?.openedAt ?? meetingEnd));
    spans.set(visit.itemId, [...(spans.get(visit.itemId) ?? []), [from, to]]);
  });
  return spans;
}

/** The itemIds of the paragraphs the person counts as present for (at least half of each one's open time). */
export function paragraphsPresent(visits: ParagraphVisit[], meetingEnd: IsoTime, stays: Stay[]): Set<string> {
  const end = Date.parse(meetingEnd);
  const presence = mergeIntervals(stays, end);
  // Stays are half-open [join, leave), except that whoever stayed to the end is there at the end:
  // a paragraph opened (and closed) at the very last moment must not lose everyone.
  const there = (at: number) => presence.some(([from, to]) => from <= at && (at < to || (at === to && to === end)));
  const present = new Set<string>();
  for (const [itemId, spans] of paragraphSpans(visits, meetingEnd)) {
    const open = spans.reduce((sum, [from, to]) => sum + (to - from), 0);
    if (open === 0) {
      if (spans.some(([at]) => there(at))) present.add(itemId);
      continue;
    }
    const overlap = spans.reduce((sum, span) => sum + overlapOf(span, presence), 0);
    if (overlap * 2 >= open) present.add(itemId);
  }
  return present;
}

function overlapOf([from, to]: Span, presence: Span[]): number {
  return presence.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(to, b) - Math.max(from, a)), 0);
}

/**
 * The mark written after a partly present person's name: `(§18)`, `(§§12 - 17)`,
 * `(§§12 - 14, 17)`; with per-meeting numbering the reference minutes write `(del av mötet)`.
 * With `§ 12/24` numbering the mark has the numbers without the year, as such bodies write it
 * (`(§§4 - 9)`, never `(§§4/25 - 9/25)`). Present for every paragraph (or none): no mark.
 */
export function formatPartialPresence(presentNumbers: number[], allNumbers: number[], style: NumberingStyle): string {
  const all = [...new Set(allNumbers)].sort((a, b) => a - b);
  const present = all.filter((n) => presentNumbers.includes(n));
  if (present.length === 0 || present.length === all.length) return '';
  if (isPerMeeting(style)) return '(del av mötet)';
  const runs: number[][] = [];
  for (const n of present) {
    const run = runs[runs.length - 1];
    if (run && all.indexOf(n) === all.indexOf(run[run.length - 1]!) + 1) run.push(n);
    else runs.push([n]);
  }
  if (present.length === 1) return `(§${present[0]})`;
  const text = runs.map((r) => (r.length === 1 ? `${r[0]}` : `${r[0]} - ${r[r.length - 1]}`)).join(', ');
  return `(§§${text})`;
}

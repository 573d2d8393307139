/**
 * The agenda timer: how long the meeting has spent on each item, from the recorded moves between
 * paragraphs (`starta`, `nästa`, `punkt`). A visit lasts until the next one opens, the last one
 * until `until` (now, or the meeting's end). Coming back to an item adds to its time. The times are
 * for the meeting (the side panel, the overrun message); nothing here is printed in the protokoll.
 */
import type { IsoTime, ParagraphVisit } from './model';

/** Milliseconds spent per item id. */
export function timeUsedPerItem(visits: readonly ParagraphVisit[], until: IsoTime): Map<string, number> {
  const ordered = [...visits].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
  const used = new Map<string, number>();
  ordered.forEach((visit, index) => {
    const end = Date.parse(ordered[index + 1]?.openedAt ?? until);
    const spent = Math.max(0, end - Date.parse(visit.openedAt));
    used.set(visit.itemId, (used.get(visit.itemId) ?? 0) + spent);
  });
  return used;
}

/** Whole minutes, rounded down, as the panel shows them. */
export const wholeMinutes = (ms: number): number => Math.floor(ms / 60_000);

/** True when more time was spent than planned (at least a whole second over). */
export function ranOver(usedMs: number, plannedMinutes: number | null | undefined): boolean {
  return !!plannedMinutes && usedMs >= plannedMinutes * 60_000 + 1000;
}

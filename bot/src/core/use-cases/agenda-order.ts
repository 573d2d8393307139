/**
 * Ordering and labels of a meeting's agenda: main items by position, sub-points under their
 * parent. Positions leave room so that own items always land between the standard head items
 * (approve agenda, previous minutes, …) and the standard tail items (övriga frågor, nästa möte).
 */
import type { AgendaItem, Group, Meeting } from '../model';
import { formatParagraphRef, subPointLabel } from '../numbering';
import { stockholmYear } from '../swedish-time';

export const HEAD_POSITION = 0;
export const OWN_POSITION = 1000;
export const TAIL_POSITION = 1_000_000;

export const mainItems = (items: AgendaItem[]): AgendaItem[] =>
  items.filter((i) => i.parentId === null).sort((a, b) => a.position - b.position);

export const subPointsOf = (items: AgendaItem[], parentId: string): AgendaItem[] =>
  items.filter((i) => i.parentId === parentId).sort((a, b) => a.position - b.position);

/** Main items and their sub-points in the order the meeting walks through them (`nästa`). */
export function walkOrder(items: AgendaItem[]): AgendaItem[] {
  return mainItems(items).flatMap((main) => [main, ...subPointsOf(items, main.id)]);
}

export function meetingYear(meeting: Meeting, fallback: string): number {
  return stockholmYear(meeting.startedAt ?? meeting.startsAt ?? fallback);
}

/** `§ 15`, `§ 15 b)`, `punkt 3 a)` — how chat answers name a paragraph. */
export function itemReference(group: Group, year: number, items: AgendaItem[], item: AgendaItem): string {
  if (item.parentId === null) return formatParagraphRef(group.numberingStyle, item.number ?? 0, year);
  const parent = items.find((i) => i.id === item.parentId);
  const index = parent ? subPointsOf(items, parent.id).findIndex((s) => s.id === item.id) : 0;
  const parentRef = parent ? formatParagraphRef(group.numberingStyle, parent.number ?? 0, year) : '';
  return `${parentRef} ${subPointLabel(index)}`.trim();
}

/** Finds `punkt 24` / `punkt 24b` among the items. */
export function findByNumber(items: AgendaItem[], number: number, sub: number | null): AgendaItem | undefined {
  const main = mainItems(items).find((i) => i.number === number);
  if (!main || sub === null) return main;
  return subPointsOf(items, main.id)[sub];
}

/** `punkt 3` → `Punkt 3` at the start of a sentence (`§ 15` stays). */
export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);

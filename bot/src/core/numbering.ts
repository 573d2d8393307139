/**
 * Paragraph numbering, in the three styles groups use:
 *   'meeting'      `1.`      restarting at every meeting
 *   'meeting-paren' `1).`    the same, as some groups write it
 *   'year'         `§ 15`    running on across the year's meetings
 *   'year-suffix'  `§ 12/24` the same, with the two-digit year
 *
 *   firstNumberForMeeting(input) → number        where this meeting's numbering starts
 *   assignNumbers(ids, first) → Map<id, number>  consecutive, in agenda order
 *   formatParagraphNumber / formatParagraphHeading / formatParagraphRef (chat) / formatParagraphRange
 *   subPointLabel(index0) → `a)` … `z)`, `aa)` …
 *   parseParagraphRef(`24b`) → { number: 24, sub: 1 } | null   what a member types after `punkt`
 *   paragraphAnchor / subPointAnchor                   the id of a paragraph in the protokoll's HTML
 */
import type { NumberingStyle } from './model';

export interface FirstNumberInput {
  style: NumberingStyle;
  numberingStart: number | null;
  numberingStartYear: number | null;
  year: number;
  lastNumberUsedThisYear: number | null;
}

/** Numbering that restarts at 1 at every meeting (`1.` or `1).`). */
export const isPerMeeting = (style: NumberingStyle): boolean => style === 'meeting' || style === 'meeting-paren';

/** Yearly numbering continues after the year's earlier meetings, else from the configured start. */
export function firstNumberForMeeting(input: FirstNumberInput): number {
  if (isPerMeeting(input.style)) return 1;
  if (input.lastNumberUsedThisYear !== null) return input.lastNumberUsedThisYear + 1;
  const startApplies = input.numberingStart !== null && (input.numberingStartYear === null || input.numberingStartYear === input.year);
  return startApplies ? input.numberingStart! : 1;
}

export function assignNumbers(mainItemIdsInOrder: string[], first: number): Map<string, number> {
  return new Map(mainItemIdsInOrder.map((id, index) => [id, first + index]));
}

const yearSuffix = (year: number) => String(year % 100).padStart(2, '0');

/** `§ 15`, `§ 12/24`, `1.` */
export function formatParagraphNumber(style: NumberingStyle, n: number, year: number): string {
  if (style === 'meeting') return `${n}.`;
  if (style === 'meeting-paren') return `${n}).`;
  return style === 'year' ? `§ ${n}` : `§ ${n}/${yearSuffix(year)}`;
}

/** `§ 15 Godkännande av föredragningslista` */
export function formatParagraphHeading(style: NumberingStyle, n: number, year: number, title: string): string {
  return `${formatParagraphNumber(style, n, year)} ${title}`;
}

/** How chat answers name a paragraph: `§ 15`, `§ 12/24`, `punkt 3`. */
export function formatParagraphRef(style: NumberingStyle, n: number, year: number): string {
  return isPerMeeting(style) ? `punkt ${n}` : formatParagraphNumber(style, n, year);
}

/** `a)`, `b)`, …, `z)`, `aa)`, `ab)`, … for the 0-based position among the sub-points. */
export function subPointLabel(index: number): string {
  // A negative index (e.g. a findIndex miss) would print "`)" in the protokoll: refuse it instead.
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`invalid sub-point index ${index}`);
  let label = '';
  let i = index;
  do {
    label = String.fromCharCode(97 + (i % 26)) + label;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return `${label})`;
}

const compact = (style: NumberingStyle, n: number, year: number) =>
  isPerMeeting(style) ? String(n) : style === 'year' ? `§${n}` : `§${n}/${yearSuffix(year)}`;

/** `§15 - §28`, `§12/24 - §20/24`, `1 - 12`; one paragraph alone: `§15`. */
export function formatParagraphRange(style: NumberingStyle, first: number, last: number, year: number): string {
  if (first === last) return compact(style, first, year);
  return `${compact(style, first, year)} - ${compact(style, last, year)}`;
}

export interface ParagraphRef {
  number: number;
  /** 0-based sub-point (`a` = 0, `aa` = 26, the inverse of subPointLabel), null for the main item */
  sub: number | null;
}

const PARAGRAPH_REF = /^(?:§\s*)?(\d{1,6})\s*([a-z]{1,3})?\s*\)?\.?$/i;

/**
 * `24`, `24b`, `§ 24 b)`, `§24.`, `24AA` → number and 0-based sub-point; anything else → null.
 * The one reader of paragraph references (`punkt 24aa`, `ändra punkt 3`, `ta bort punkt 5`): the
 * inverse of subPointLabel for up to three letters (`zzz)`, index 18277).
 * A year suffix (`12/24`) is refused rather than ignored: it could name another year's paragraph.
 * Letters are a–z only, as subPointLabel writes them (å, ä, ö are never sub-point labels).
 */
export function parseParagraphRef(raw: string): ParagraphRef | null {
  const match = PARAGRAPH_REF.exec(raw.trim());
  if (!match) return null;
  const number = Number(match[1]);
  if (number < 1) return null;
  const letters = match[2]?.toLowerCase();
  if (!letters) return { number, sub: null };
  // bijective base 26: a = 0, z = 25, aa = 26, ab = 27, …
  const sub = [...letters].reduce((acc, ch) => acc * 26 + (ch.charCodeAt(0) - 96), 0) - 1;
  return { number, sub };
}

/** The HTML id of a paragraph: `§ 15` → `p-15`, `§ 12/24` → `p-12-24`, `1).` → `p-1`. */
export function paragraphAnchor(label: string): string {
  const numbers = label.match(/\d+/g);
  if (!numbers) throw new RangeError(`paragraph label without a number: ${label}`);
  return `p-${numbers.join('-')}`;
}

/** A sub-point's anchor under its paragraph's: `p-11` and `a)` → `p-11-a`. */
export function subPointAnchor(paragraphAnchorId: string, subLabel: string): string {
  const letters = subLabel.match(/[a-z]+/i);
  if (!letters) throw new RangeError(`sub-point label without a letter: ${subLabel}`);
  return `${paragraphAnchorId}-${letters[0].toLowerCase()}`;
}

/** The id of a paragraph (or of its sub-point, given its 0-based index) in the protokoll's HTML. */
export function paragraphAnchorOf(style: NumberingStyle, n: number, year: number, subPointIndex: number | null): string {
  const main = paragraphAnchor(formatParagraphNumber(style, n, year));
  return subPointIndex === null ? main : subPointAnchor(main, subPointLabel(subPointIndex));
}

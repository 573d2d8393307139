/**
 * The decision register (INTERFACES.md): every decision clause of the protokoll a caller may read,
 * newest meeting first, searched by its words with Swedish stemming ("arbetsordning" finds
 * "arbetsordningen") and by the beginning of a word, so results come while the word is being typed.
 * Only the groups the caller may read are searched; one group's register says "not found" to
 * everyone else, as the rest of the tab's API does.
 */
import type { Group, IsoDate, MeetingStatus } from '../model';
import type { DecisionRegisterKey, DecisionRegisterRow, Repositories } from '../ports';
import { invalid } from '../errors';
import { capitalisedClause } from '../decision-clause';
import { formatParagraphRef, paragraphAnchorOf, subPointLabel } from '../numbering';
import { stockholmDate } from '../swedish-time';
import { isUuid } from '../validators';
import { badCursor, cursorTuple, encodeCursor, isMicrosecondTime, isSafeInteger, pageLimit } from '../paging';
import { authorisedGroup, visibleGroups, type Viewer } from './tab-queries';

export const REGISTER_PAGE = { default: 50, max: 200 } as const;
/** The register counts its matches up to this many: the store counts one more, which says "more than". */
export const REGISTER_COUNT_CAP = 200;
const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;

/** A piece of text and whether it is a word the search matched (shown highlighted). */
export interface TextPart {
  text: string;
  match: boolean;
}

export interface DecisionRegisterEntry {
  id: string;
  groupId: string;
  groupName: string;
  meetingId: string;
  meetingDate: IsoDate;
  /** `justerat` once the protokoll is approved and locked; until then `utkast` */
  status: 'utkast' | 'justerat';
  /** how the tab and the chat name the paragraph: `§ 12/24`, `punkt 4 b)` */
  paragraph: string;
  paragraphNumber: number | null;
  paragraphTitle: string;
  /** the clause as the protokoll prints it: `att anta arbetsordningen`, `2. Justeringen sker …` */
  clause: string;
  /** the same texts cut where the search matched a word */
  paragraphTitleParts: TextPart[];
  clauseParts: TextPart[];
  /** the paragraph's id in the protokoll's HTML (`p-12-24`, `p-11-a`) */
  anchor: string;
  /** the paragraph in the protokoll page the API serves */
  link: string;
}

export interface DecisionRegisterPage {
  decisions: DecisionRegisterEntry[];
  /** null on the last page */
  nextCursor: string | null;
  /** how many decisions match in all, counted up to REGISTER_COUNT_CAP (more: `totalAtLeast`); given on the first page (no cursor) */
  total: number | null;
  /** `total` is a lower bound: more decisions match than were counted */
  totalAtLeast: boolean;
}

export interface DecisionRegisterQuery {
  q?: unknown;
  limit?: unknown;
  cursor?: unknown;
  /** `datum` (default): newest meeting first; `relevans`: best match first (with `q`) */
  sort?: unknown;
}

/** One group's register. */
export async function searchGroupDecisions(
  repos: Repositories, viewer: Viewer, groupId: string, query: DecisionRegisterQuery,
): Promise<DecisionRegisterPage> {
  const group = await authorisedGroup(repos, viewer, groupId);
  return searchIn(repos, [group], query);
}

/** The register of every group the caller may read. */
export async function searchAllDecisions(repos: Repositories, viewer: Viewer, query: DecisionRegisterQuery): Promise<DecisionRegisterPage> {
  return searchIn(repos, await visibleGroups(repos, viewer), query);
}

async function searchIn(repos: Repositories, groups: readonly Group[], query: DecisionRegisterQuery): Promise<DecisionRegisterPage> {
  const words = searchWords(query.q);
  const limit = pageLimit(query.limit, REGISTER_PAGE);
  const order = sortOrder(query.sort);
  const after = decodeKey(query.cursor, order === 'relevance' && words.length > 0);
  const byId = new Map(groups.map((g) => [g.id, g]));
  // One row more than the page shows tells whether another page follows.
  const { rows, total } = await repos.decisionRegister.search({ groupIds: [...byId.keys()], words, limit: limit + 1, after, order, countUpTo: REGISTER_COUNT_CAP + 1 });
  const page = rows.slice(0, limit);
  const dates = meetingDates();
  return {
    decisions: page.map((row) => entry(row, byId.get(row.groupId)!, dates)),
    nextCursor: rows.length > limit ? encodeKey(page[page.length - 1]!.key) : null,
    total: total === null ? null : Math.min(total, REGISTER_COUNT_CAP),
    totalAtLeast: total !== null && total > REGISTER_COUNT_CAP,
  };
}

/**
 * A page's decisions come from a handful of meetings: each meeting's Stockholm date is worked out
 * once, not per decision (time-zone formatting is the costliest step per row).
 */
function meetingDates(): (meetingAt: string) => IsoDate {
  const dates = new Map<string, IsoDate>();
  return (meetingAt) => {
    let date = dates.get(meetingAt);
    if (!date) dates.set(meetingAt, (date = stockholmDate(meetingAt)));
    return date;
  };
}

function entry(row: DecisionRegisterRow, group: Group, dateOf: (meetingAt: string) => IsoDate): DecisionRegisterEntry {
  const meetingDate = dateOf(row.key.meetingAt);
  const year = Number(meetingDate.slice(0, 4));
  const sub = row.subPointIndex === null ? null : subPointLabel(row.subPointIndex);
  const number = row.paragraphNumber ?? 0;
  const anchor = paragraphAnchorOf(group.numberingStyle, number, year, row.subPointIndex);
  const ref = row.paragraphNumber === null ? '' : formatParagraphRef(group.numberingStyle, number, year);
  const clauseParts = printedClause(partsOf(row.clauseMarked ?? row.clause), group.numberedClauses, row.clauseNumber);
  return {
    id: row.decisionId,
    groupId: group.id,
    groupName: group.name,
    meetingId: row.meetingId,
    meetingDate,
    status: registerStatus(row.meetingStatus),
    paragraph: sub ? `${ref} ${sub}`.trim() : ref,
    paragraphNumber: row.paragraphNumber,
    paragraphTitle: row.itemTitle,
    clause: clauseParts.map((p) => p.text).join(''),
    paragraphTitleParts: partsOf(row.titleMarked ?? row.itemTitle),
    clauseParts,
    anchor,
    link: `/api/meetings/${row.meetingId}/protokoll.html#${anchor}`,
  };
}

const registerStatus = (status: MeetingStatus): 'utkast' | 'justerat' => (status === 'justerat' ? 'justerat' : 'utkast');

/**
 * The clause as printed: `att …` in the att style; in the numbered style its number and the clause
 * capitalised (decision-clause.ts), the capital taken on the first letter even when it is matched.
 */
function printedClause(parts: TextPart[], numbered: boolean, clauseNumber: number): TextPart[] {
  if (!numbered) return [{ text: 'att ', match: false }, ...parts];
  const [first, ...rest] = parts;
  if (!first) return [{ text: `${clauseNumber}. `, match: false }];
  return [{ text: `${clauseNumber}. `, match: false }, { ...first, text: capitalisedClause(first.text) }, ...rest];
}

const START = String.fromCharCode(2);
const STOP = String.fromCharCode(3);

/** Text marked by the store (DecisionRegisterRow) cut into plain and matched pieces. */
export function partsOf(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = marked;
  while (rest.length) {
    const start = rest.indexOf(START);
    if (start < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    const stop = rest.indexOf(STOP, start);
    const end = stop < 0 ? rest.length : stop;
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    parts.push({ text: rest.slice(start + 1, end), match: true });
    rest = rest.slice(end + 1);
  }
  return parts.filter((p) => p.text !== '');
}

/** The words of a search: letters and digits only, at most a handful; none when `q` is empty. */
export function searchWords(q: unknown): string[] {
  if (q === undefined || q === null || q === '') return [];
  if (typeof q !== 'string') throw invalid('Sökningen ska vara text.');
  if (q.length > MAX_QUERY_LENGTH) throw invalid(`Sökningen är för lång: högst ${MAX_QUERY_LENGTH} tecken.`);
  const words = q.normalize('NFC').toLocaleLowerCase('sv-SE').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw invalid('Skriv minst ett ord att söka efter (bokstäver eller siffror).');
  if (words.length > MAX_WORDS) throw invalid(`Sök på högst ${MAX_WORDS} ord åt gången.`);
  return words;
}

function sortOrder(sort: unknown): 'date' | 'relevance' {
  if (sort === undefined || sort === '' || sort === 'datum') return 'date';
  if (sort === 'relevans') return 'relevance';
  throw invalid('sort ska vara datum eller relevans.');
}

function encodeKey(key: DecisionRegisterKey): string {
  return encodeCursor([key.meetingAt, key.meetingId, key.mainPosition, key.subPosition, key.recordedAtMicros, key.seq, key.rank]);
}

/**
 * A cursor this API handed out, checked field by field: anything else is refused, never sent to SQL as
 * is. A cursor of the other order (a rank where none is used, or none where one is) is refused too.
 */
function decodeKey(cursor: unknown, ranked: boolean): DecisionRegisterKey | null {
  const tuple = cursorTuple(cursor, 7);
  if (!tuple) return null;
  const [meetingAt, meetingId, mainPosition, subPosition, recordedAtMicros, seq, rank] = tuple;
  if (
    !isMicrosecondTime(meetingAt)
    || typeof meetingId !== 'string' || !isUuid(meetingId)
    || !isSafeInteger(mainPosition) || !isSafeInteger(subPosition) || !isSafeInteger(seq)
    || typeof recordedAtMicros !== 'string' || !/^-?\d{1,19}$/.test(recordedAtMicros)
    || (ranked ? typeof rank !== 'string' || !/^\d+(\.\d+)?(e-?\d+)?$/.test(rank) : rank !== null)
  ) {
    throw badCursor();
  }
  return { meetingAt, meetingId, mainPosition, subPosition, recordedAtMicros, seq, rank: ranked ? (rank as string) : null };
}

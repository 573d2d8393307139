/**
 * The tab's action list (INTERFACES.md, GET /api/groups/{id}/actions): one keyset page of a group's
 * actions, newest first, filtered by status and owner in the database, with the count per status on
 * the first page so the tab can say how many there are without loading them. A group keeps its
 * actions for years: a page costs the same with ten thousand as with ten.
 */
import type { ActionStatus, IsoDate, NumberingStyle, RosterMember } from '../model';
import type { ActionListKey, ActionOwnerFilter, ActionStatusFilter, ActionTotals, ActionWithSource, Repositories } from '../ports';
import { invalid } from '../errors';
import { formatParagraphRef, paragraphAnchorOf, subPointLabel } from '../numbering';
import { badCursor, cursorTuple, encodeCursor, isMicrosecondTime, isSafeInteger, pageLimit } from '../paging';
import { stockholmDate, stockholmYear } from '../swedish-time';
import { isUuid } from '../validators';
import { authorisedGroup, mayChangeAction, rosterEntryOf, type Viewer } from './tab-queries';

export const ACTION_PAGE = { default: 100, max: 500 } as const;
const STATUS_FILTERS: readonly ActionStatusFilter[] = ['open', 'overdue', 'done', 'all'];
/** `owner=none`: the actions nobody is responsible for (no roster member and no free-text name) */
export const NO_OWNER = 'none';

export interface ActionListEntry {
  id: string;
  text: string;
  owner: string | null;
  dueDate: IsoDate | null;
  status: ActionStatus;
  overdue: boolean;
  /**
   * The protokoll it was decided in is justerat, or its paragraph was justerad omedelbart: until then
   * the action is preliminary (the approvers may still change it) and cannot be marked done.
   */
  live: boolean;
  /**
   * This viewer may mark it done or open it again (its owner, the secretary or the chair); whether
   * it can be changed yet is `live`.
   */
  canChange: boolean;
  version: number;
  paragraph: string;
  paragraphTitle: string;
  paragraphNumber: number | null;
  /** the paragraph's id in the protokoll's HTML (`p-12-24`, `p-11-a`); null without a number */
  anchor: string | null;
  meetingId: string;
  meetingDate: IsoDate | null;
}

export interface ActionListPage {
  actions: ActionListEntry[];
  /** null on the last page */
  nextCursor: string | null;
  /**
   * How many of the group's actions are open, overdue (open, due before today), done, and in all,
   * with the owner filter applied and the status filter not: given on the first page (no cursor).
   */
  totals: ActionTotals | null;
}

export interface ActionListQuery {
  status?: unknown;
  owner?: unknown;
  limit?: unknown;
  cursor?: unknown;
}

export async function listActions(
  repos: Repositories, viewer: Viewer, groupId: string, query: ActionListQuery, today: IsoDate,
): Promise<ActionListPage> {
  const group = await authorisedGroup(repos, viewer, groupId);
  const status = statusFilter(query.status);
  const limit = pageLimit(query.limit, ACTION_PAGE);
  const after = decodeKey(query.cursor);
  const owner = await ownerFilter(repos, group.id, query.owner);
  const member = await rosterEntryOf(repos, viewer, group);
  // One row more than the page shows tells whether another page follows.
  const rows = await repos.actions.page({ groupId: group.id, status, owner, today, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const totals = after ? null : await repos.actions.totals(group.id, owner, today);
  const entryOf = entryMapper(group.numberingStyle, (a) => mayChangeAction(viewer, member, a), today);
  return {
    actions: page.map(entryOf),
    nextCursor: rows.length > limit ? encodeKey(page[page.length - 1]!.key) : null,
    totals,
  };
}

/** The roster's members as owners to filter by, sorted by name (the tab's owner filter). */
export async function actionOwners(repos: Repositories, viewer: Viewer, groupId: string): Promise<Array<{ id: string; name: string }>> {
  const group = await authorisedGroup(repos, viewer, groupId);
  const roster = await repos.roster.list(group.id);
  return roster.map((m) => ({ id: m.id, name: m.name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

function statusFilter(status: unknown): ActionStatusFilter {
  if (status === undefined || status === '') return 'open';
  if (typeof status === 'string' && (STATUS_FILTERS as readonly string[]).includes(status)) return status as ActionStatusFilter;
  throw invalid('status ska vara open, overdue, done eller all.');
}

/** A roster member of this group (by id), `none`, or no filter; anything else is refused. */
async function ownerFilter(repos: Repositories, groupId: string, owner: unknown): Promise<ActionOwnerFilter> {
  if (owner === undefined || owner === '') return null;
  if (owner === NO_OWNER) return 'none';
  if (typeof owner !== 'string' || !isUuid(owner)) {
    throw invalid('owner ska vara id för en person i gruppens ledamotslista, eller none för åtgärder utan ansvarig.');
  }
  const memberId = owner.toLowerCase();
  const roster: RosterMember[] = await repos.roster.list(groupId);
  if (!roster.some((m) => m.id === memberId)) throw invalid('Den ansvariga (owner) finns inte i gruppens ledamotslista.');
  return { memberId };
}

function encodeKey(key: ActionListKey): string {
  return encodeCursor([key.createdAt, key.seq]);
}

/** A cursor this API handed out, checked field by field: anything else is refused, never sent to SQL as is. */
function decodeKey(cursor: unknown): ActionListKey | null {
  const tuple = cursorTuple(cursor, 2);
  if (!tuple) return null;
  const [createdAt, seq] = tuple;
  if (!isMicrosecondTime(createdAt) || !isSafeInteger(seq) || seq < 0) throw badCursor();
  return { createdAt, seq };
}

/**
 * Row → entry. A page's actions come from a handful of meetings: each meeting's date is formatted
 * once, not per row (time-zone formatting was the costliest step of a long list).
 */
function entryMapper(
  numberingStyle: NumberingStyle,
  canChange: (a: ActionWithSource) => boolean,
  today: IsoDate,
): (a: ActionWithSource) => ActionListEntry {
  const dates = new Map<string, { year: number; date: IsoDate }>();
  const local = (iso: string) => {
    let found = dates.get(iso);
    if (!found) dates.set(iso, (found = { year: stockholmYear(iso), date: stockholmDate(iso) }));
    return found;
  };
  return (a) => {
    const year = local(a.meetingStartsAt ?? a.createdAt).year;
    const main = a.paragraphNumber === null ? '' : formatParagraphRef(numberingStyle, a.paragraphNumber, year);
    return {
      id: a.id,
      text: a.text,
      owner: a.ownerName,
      dueDate: a.dueDate,
      status: a.status,
      overdue: a.status === 'open' && a.dueDate !== null && a.dueDate < today,
      live: a.meetingStatus === 'justerat' || a.paragraphAdjusted,
      canChange: canChange(a),
      version: a.version,
      paragraph: a.subPointIndex === null ? main : `${main} ${subPointLabel(a.subPointIndex)}`,
      paragraphTitle: a.itemTitle,
      paragraphNumber: a.paragraphNumber,
      anchor: a.paragraphNumber === null ? null : paragraphAnchorOf(numberingStyle, a.paragraphNumber, year, a.subPointIndex),
      meetingId: a.meetingId,
      meetingDate: a.meetingStartsAt ? local(a.meetingStartsAt).date : null,
    };
  };
}

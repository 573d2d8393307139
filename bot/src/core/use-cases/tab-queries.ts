/**
 * What the channel tab reads and changes. Every call is authorised first: a member sees only the
 * groups whose roster has them; anything else answers "not found", so group ids leak nothing.
 * Whoever may read a group may not change everything in it: an action is marked done (or opened
 * again) only by its owner, the secretary or the chair, by confirmed identity.
 */
import type { ActionItem, ActionStatus, Group, IsoDate, MeetingStatus, RosterMember } from '../model';
import type { MeetingListKey, Repositories } from '../ports';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { formatParagraphRange } from '../numbering';
import { stockholmDate, stockholmYear } from '../swedish-time';
import { isSecretaryOrChair } from './authorization';
import { badCursor, cursorTuple, encodeCursor, isMicrosecondTime, pageLimit } from '../paging';
import { isUuid } from '../validators';

export interface Viewer {
  aadObjectId: string;
  /** local development without Entra ID: sees every group */
  developmentUser: boolean;
  /** groups the viewer sees as a member of the group's team (looked up in Teams by the caller) */
  teamGroupIds?: ReadonlySet<string>;
}

const NO_SUCH_GROUP = 'Gruppen finns inte, eller så är du inte med i den.';
const MAY_CHANGE_ACTION = 'Bara den ansvariga, sekreteraren och ordföranden kan markera åtgärden klar.';

export async function visibleGroups(repos: Repositories, viewer: Viewer): Promise<Group[]> {
  if (viewer.developmentUser) return repos.groups.listAll();
  const onRoster = await repos.groups.listForMember(viewer.aadObjectId);
  if (!viewer.teamGroupIds?.size) return onRoster;
  const ids = new Set(onRoster.map((g) => g.id));
  const viaTeam = (await repos.groups.listAll()).filter((g) => viewer.teamGroupIds!.has(g.id) && !ids.has(g.id));
  return [...onRoster, ...viaTeam].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

export async function authorisedGroup(repos: Repositories, viewer: Viewer, groupId: string): Promise<Group> {
  // The development user reads every group: the one asked for is looked up by its id, not found
  // among all of a region's groups read and mapped on every request.
  const group = viewer.developmentUser
    ? await repos.groups.findById(groupId)
    : (await visibleGroups(repos, viewer)).find((g) => g.id === groupId);
  if (!group) throw notFound(NO_SUCH_GROUP);
  return group;
}

/**
 * The viewer's roster entry in the group by confirmed identity: the entry tied to the Entra object id
 * of their sign-in. A display-name match still awaiting `bekräfta` is no such tie; a member of the
 * group's team who is not on the roster has none.
 */
export async function rosterEntryOf(repos: Repositories, viewer: Viewer, group: Group): Promise<RosterMember | null> {
  return viewer.developmentUser ? null : repos.roster.findByAadObjectId(group.id, viewer.aadObjectId);
}

/**
 * Marking an action done or opening it again: its owner, the secretary or the chair (`member` is the
 * viewer's roster entry in the action's group, by confirmed identity). The development user may.
 */
export function mayChangeAction(viewer: Viewer, member: RosterMember | null, action: Pick<ActionItem, 'ownerMemberId'>): boolean {
  if (viewer.developmentUser) return true;
  if (!member) return false;
  return isSecretaryOrChair(member) || (action.ownerMemberId !== null && action.ownerMemberId === member.id);
}

export async function changeActionStatus(
  repos: Repositories,
  viewer: Viewer,
  actionId: string,
  status: unknown,
  version: unknown,
): Promise<{ id: string; status: ActionStatus; version: number }> {
  if (status !== 'open' && status !== 'done') throw invalid('Status måste vara "open" eller "done".');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw invalid('Version måste vara ett positivt heltal.');
  const action = await repos.actions.findById(actionId);
  if (!action) throw notFound('Åtgärden finns inte.');
  const group = await authorisedGroup(repos, viewer, action.groupId).catch(() => {
    throw notFound('Åtgärden finns inte.');
  });
  if (!mayChangeAction(viewer, await rosterEntryOf(repos, viewer, group), action)) throw forbidden(MAY_CHANGE_ACTION);
  const meeting = await repos.meetings.findById(action.groupId, action.meetingId);
  if (meeting?.status !== 'justerat' && !(await repos.records.inAdjustedParagraph(action.meetingId, action.itemId))) {
    throw conflict('Åtgärden gäller först när protokollet den beslutades i är justerat. Den kan markeras klar efter justeringen.');
  }
  const updated = await repos.actions.setStatus(action.groupId, action.id, status, version);
  if (!updated) throw conflict('Åtgärden har ändrats av någon annan sedan du laddade listan. Den har laddats om – försök igen.');
  return { id: updated.id, status: updated.status, version: updated.version };
}

export interface MeetingListEntry {
  id: string;
  date: IsoDate | null;
  status: MeetingStatus;
  paragraphRange: string | null;
}

export interface MeetingListPage {
  meetings: MeetingListEntry[];
  /** null on the last page */
  nextCursor: string | null;
}

export const MEETING_PAGE = { default: 50, max: 200 } as const;

/** The group's meetings in keyset pages, newest first (`limit`, `cursor` as the action list takes them). */
export async function listMeetings(
  repos: Repositories, viewer: Viewer, groupId: string, query: { limit?: unknown; cursor?: unknown } = {},
): Promise<MeetingListPage> {
  const group = await authorisedGroup(repos, viewer, groupId);
  const limit = pageLimit(query.limit, MEETING_PAGE);
  const after = decodeMeetingKey(query.cursor);
  const rows = await repos.meetings.page(group.id, limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    meetings: page.map(({ meeting, paragraphs }) => {
      const when = meeting.startedAt ?? meeting.startsAt;
      // One time-zone conversion per meeting: the year is the date's (the costliest step per row).
      const date = when ? stockholmDate(when) : null;
      const year = date ? Number(date.slice(0, 4)) : stockholmYear(new Date().toISOString());
      return {
        id: meeting.id,
        date,
        status: meeting.status,
        paragraphRange: paragraphs ? formatParagraphRange(group.numberingStyle, paragraphs.first, paragraphs.last, year) : null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor([last.key.at, last.key.id]) : null,
  };
}

/** A cursor this API handed out, checked field by field. */
function decodeMeetingKey(cursor: unknown): MeetingListKey | null {
  const tuple = cursorTuple(cursor, 2);
  if (!tuple) return null;
  const [at, id] = tuple;
  if (!isMicrosecondTime(at) || typeof id !== 'string' || !isUuid(id)) throw badCursor();
  return { at, id };
}

/** The meeting with its group, if the viewer may see that group. */
export async function authorisedMeetingGroup(repos: Repositories, viewer: Viewer, meetingId: string): Promise<Group> {
  // The meeting's group by the meeting's key, then the same check as for a group: asking each
  // visible group in turn whether it has the meeting was a query per group (200 in a region).
  const group = await repos.groups.findByMeeting(meetingId);
  const mayRead = group && (viewer.developmentUser || (await visibleGroups(repos, viewer)).some((g) => g.id === group.id));
  if (!mayRead) throw notFound('Mötet finns inte, eller så är du inte med i gruppen.');
  return group;
}

/**
 * The attendance picture of the running (or latest) meeting: present and absent per huvudman with
 * partial-presence marks, övriga deltagare, and whether the meeting is quorate right now.
 */
import type { Group, IsoTime, Meeting, RosterMember, RosterRole } from '../model';
import { countsForQuorum } from '../roster-roles';
import type { Repositories } from '../ports';
import { conflict } from '../errors';
import { formatPartialPresence, paragraphsPresent, paragraphVisits, presentMemberIdsAt } from '../presence';
import { assessQuorum, formatQuorumLine, type QuorumAssessment } from '../quorum';
import { personKey, type PresenceInterval } from '../attendance-intervals';
import { mainItems } from './agenda-order';
import { meetingIntervals } from './meeting-intervals';
import { meetingByStatus } from './meeting-lookup';
import { conflictedIn } from './paragraph-statements';

export interface AttendanceMemberView {
  memberId: string;
  name: string;
  /** every role, in roster order */
  roles: RosterRole[];
  presentNow: boolean;
  /** ever present during the meeting */
  attended: boolean;
  /** `(§§12 - 17)`, `(del av mötet)` or '' */
  partialPresence: string;
  counts: boolean;
}

export interface AttendanceView {
  meetingId: string;
  principals: Array<{ principal: string; members: AttendanceMemberView[] }>;
  others: Array<{ name: string; presentNow: boolean }>;
  /** roster members Teams participants matched only by display name: present, but not confirmed (bekräfta) */
  unconfirmed: Array<{ memberId: string; name: string; accounts: number }>;
  quorum: QuorumAssessment;
  quorumLine: string;
}

export async function attendanceView(repos: Repositories, group: Group, at: IsoTime): Promise<AttendanceView> {
  const meeting = await meetingByStatus(repos, group.id, ['pågår', ['utkast', 'justering', 'justerat']]);
  if (!meeting) throw conflict('Inget möte har hållits ännu i den här gruppen. Skriv `starta` när mötet börjar.');
  return buildAttendanceView(repos, group, meeting, at);
}

export async function buildAttendanceView(repos: Repositories, group: Group, meeting: Meeting, at: IsoTime): Promise<AttendanceView> {
  const [roster, intervals, visits, items, provisional] = await Promise.all([
    repos.roster.list(group.id),
    meetingIntervals(repos, meeting, at),
    repos.records.visits(meeting.id),
    repos.agenda.list(meeting.id),
    repos.roster.provisionalMatches(group.id),
  ]);
  const now = meeting.endedAt ?? at;
  const presentNow = presentMemberIdsAt(intervals, now);
  const numbers = new Map(mainItems(items).map((i) => [i.id, i.number ?? 0]));
  const visitedMain = paragraphVisits(visits, items).filter((v) => numbers.has(v.itemId));
  const allNumbers = [...new Set(visitedMain.map((v) => numbers.get(v.itemId)!))];

  const byPerson = groupByPerson(intervals);
  const memberView = (member: RosterMember): AttendanceMemberView => {
    const own = byPerson.get(personKey({ memberId: member.id, aadObjectId: null, displayName: member.name })) ?? [];
    const present = [...paragraphsPresent(visitedMain, now, own)].map((id) => numbers.get(id)).filter((n): n is number => n !== undefined);
    return {
      memberId: member.id,
      name: member.name,
      roles: member.roles,
      presentNow: presentNow.has(member.id),
      attended: own.length > 0,
      partialPresence: own.length > 0 && present.length > 0 ? formatPartialPresence(present, allNumbers, group.numberingStyle) : '',
      counts: countsForQuorum(member),
    };
  };

  const principals = new Map<string, AttendanceMemberView[]>();
  for (const member of roster) {
    const list = principals.get(member.principal) ?? [];
    list.push(memberView(member));
    principals.set(member.principal, list);
  }
  const others = [...byPerson.values()]
    .filter((list) => list[0]!.memberId === null)
    .map((list) => ({ name: list[0]!.displayName, presentNow: list.some((i) => i.leftAt === null || Date.parse(i.leftAt) > Date.parse(now)) }));

  // During the meeting the advice is for the paragraph at hand: whoever declared jäv in it takes no part.
  const current = meeting.status === 'pågår' ? items.find((i) => i.id === meeting.currentItemId) : undefined;
  const conflicted = current ? await conflictedIn(repos, { meeting, item: current }) : new Set<string>();
  const quorum = assessQuorum(roster, new Set([...presentNow].filter((id) => !conflicted.has(id))), group.quorumRule);
  return {
    meetingId: meeting.id,
    principals: [...principals].map(([principal, members]) => ({ principal, members })),
    others,
    unconfirmed: roster
      .filter((m) => !m.aadObjectId && provisional.some((p) => p.memberId === m.id))
      .map((m) => ({ memberId: m.id, name: m.name, accounts: provisional.filter((p) => p.memberId === m.id).length })),
    quorum,
    quorumLine: formatQuorumLine(quorum),
  };
}

function groupByPerson(intervals: PresenceInterval[]): Map<string, PresenceInterval[]> {
  const map = new Map<string, PresenceInterval[]>();
  for (const interval of intervals) {
    const key = personKey(interval);
    map.set(key, [...(map.get(key) ?? []), interval]);
  }
  return map;
}

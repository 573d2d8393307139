/**
 * Beslutförhet at a given instant, from the recorded attendance. For a paragraph, a member who
 * declared jäv in it is not counted as present (they take no part in it).
 */
import type { AgendaItem, Group, IsoTime, Meeting, RosterMember } from '../model';
import type { QuorumFacts, Repositories } from '../ports';
import { assessQuorum, type QuorumAssessment } from '../quorum';
import { presentMemberIdsAt } from '../presence';
import { intervalsOf } from './meeting-intervals';
import { conflictedAmong } from './paragraph-statements';

export async function quorumAt(repos: Repositories, group: Group, meeting: Meeting, at: IsoTime, paragraph?: AgendaItem): Promise<QuorumAssessment> {
  return (await quorumAndRosterAt(repos, group, meeting, at, paragraph)).quorum;
}

/**
 * `quorumAt`, with the roster it was judged by: callers that show the roster need no second read.
 * `known`: the facts when they were read with the meeting in this transaction.
 */
export async function quorumAndRosterAt(
  repos: Repositories, group: Group, meeting: Meeting, at: IsoTime, paragraph?: AgendaItem, known?: QuorumFacts,
): Promise<{ quorum: QuorumAssessment; roster: RosterMember[] }> {
  const facts = known ?? await repos.attendance.quorumFacts(group.id, meeting.id);
  const present = presentMemberIdsAt(intervalsOf(meeting, facts.events, facts.reportIntervals, at), at);
  if (paragraph) for (const id of conflictedAmong(facts.conflicts, paragraph)) present.delete(id);
  return { quorum: assessQuorum(facts.roster, present, group.quorumRule), roster: facts.roster };
}

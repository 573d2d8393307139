/**
 * Beslutförhet at a given instant, from the recorded attendance. For a paragraph, a member who
 * declared jäv in it is not counted as present (they take no part in it).
 */
import type { AgendaItem, Group, IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { assessQuorum, type QuorumAssessment } from '../quorum';
import { presentMemberIdsAt } from '../presence';
import { meetingIntervals } from './meeting-intervals';
import { conflictedIn } from './paragraph-statements';

export async function quorumAt(repos: Repositories, group: Group, meeting: Meeting, at: IsoTime, paragraph?: AgendaItem): Promise<QuorumAssessment> {
  const [roster, intervals] = await Promise.all([repos.roster.list(group.id), meetingIntervals(repos, meeting, at)]);
  const present = presentMemberIdsAt(intervals, at);
  if (paragraph) for (const id of await conflictedIn(repos, { meeting, item: paragraph })) present.delete(id);
  return assessQuorum(roster, present, group.quorumRule);
}

/** Beslutförhet at a given instant, from the recorded attendance. */
import type { Group, IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { assessQuorum, type QuorumAssessment } from '../quorum';
import { presentMemberIdsAt } from '../presence';
import { meetingIntervals } from './meeting-intervals';

export async function quorumAt(repos: Repositories, group: Group, meeting: Meeting, at: IsoTime): Promise<QuorumAssessment> {
  const [roster, intervals] = await Promise.all([repos.roster.list(group.id), meetingIntervals(repos, meeting, at)]);
  return assessQuorum(roster, presentMemberIdsAt(intervals, at), group.quorumRule);
}

/** "The meeting this is about": the newest of the group's meetings in the first status that has one. */
import type { Meeting, MeetingStatus } from '../model';
import type { Repositories } from '../ports';

export async function meetingByStatus(repos: Repositories, groupId: string, preference: ReadonlyArray<MeetingStatus | readonly MeetingStatus[]>): Promise<Meeting | null> {
  const meetings = await repos.meetings.list(groupId); // newest first
  for (const wanted of preference) {
    const statuses: readonly MeetingStatus[] = typeof wanted === 'string' ? [wanted] : wanted;
    const meeting = meetings.find((m) => statuses.includes(m.status));
    if (meeting) return meeting;
  }
  return null;
}

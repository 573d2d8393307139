/** Everyone's presence intervals in a meeting: live and manual events, plus the attendance report. */
import type { IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { intervalsFromEvents, type PresenceInterval } from '../attendance-intervals';

export async function meetingIntervals(repos: Repositories, meeting: Meeting, fallbackStart: IsoTime): Promise<PresenceInterval[]> {
  const [events, report] = await Promise.all([repos.attendance.events(meeting.id), repos.attendance.reportIntervals(meeting.id)]);
  return [...intervalsFromEvents(events, meeting.startedAt ?? meeting.startsAt ?? fallbackStart), ...report];
}

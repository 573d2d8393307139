/** Everyone's presence intervals in a meeting: live and manual events, plus the attendance report. */
import type { IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { intervalsFromEvents, reportedAbsent, type PresenceInterval } from '../attendance-intervals';

export async function meetingIntervals(repos: Repositories, meeting: Meeting, fallbackStart: IsoTime): Promise<PresenceInterval[]> {
  return (await meetingAttendance(repos, meeting, fallbackStart)).intervals;
}

/** The intervals, and the members marked `frånvarande` who were never there (Förhinder). */
export async function meetingAttendance(repos: Repositories, meeting: Meeting, fallbackStart: IsoTime): Promise<{ intervals: PresenceInterval[]; reportedAbsent: string[] }> {
  const [events, report] = await Promise.all([repos.attendance.events(meeting.id), repos.attendance.reportIntervals(meeting.id)]);
  const intervals = [...intervalsFromEvents(events, meeting.startedAt ?? meeting.startsAt ?? fallbackStart), ...report];
  return { intervals, reportedAbsent: reportedAbsent(events, intervals) };
}

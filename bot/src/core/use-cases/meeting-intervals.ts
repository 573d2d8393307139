/** Everyone's presence intervals in a meeting: live and manual events, plus the attendance report. */
import type { AttendanceEvent, AttendanceInterval, IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { intervalsFromEvents, reportedAbsent, type PresenceInterval } from '../attendance-intervals';

export async function meetingIntervals(repos: Repositories, meeting: Meeting, fallbackStart: IsoTime): Promise<PresenceInterval[]> {
  return (await meetingAttendance(repos, meeting, fallbackStart)).intervals;
}

/** The intervals, and the members marked `frånvarande` who were never there (Förhinder). */
export async function meetingAttendance(repos: Repositories, meeting: Meeting, fallbackStart: IsoTime): Promise<{ intervals: PresenceInterval[]; reportedAbsent: string[] }> {
  const [events, report] = await Promise.all([repos.attendance.events(meeting.id), repos.attendance.reportIntervals(meeting.id)]);
  const intervals = intervalsOf(meeting, events, report, fallbackStart);
  return { intervals, reportedAbsent: reportedAbsent(events, intervals) };
}

/** The intervals from events and report already read. */
export function intervalsOf(meeting: Meeting, events: AttendanceEvent[], report: AttendanceInterval[], fallbackStart: IsoTime): PresenceInterval[] {
  return [...intervalsFromEvents(events, meeting.startedAt ?? meeting.startsAt ?? fallbackStart), ...report];
}

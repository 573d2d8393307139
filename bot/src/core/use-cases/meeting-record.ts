/**
 * Everything recorded about one meeting, read in one go: the input of the protokoll document.
 * Scoped by group: a meeting of another group is "not found".
 */
import type { Group } from '../model';
import type { MeetingRecord, Repositories } from '../ports';
import { notFound } from '../errors';
import { meetingAttendance } from './meeting-intervals';

export type { MeetingRecord };

export async function loadMeetingRecord(repos: Repositories, group: Group, meetingId: string, now: string): Promise<MeetingRecord> {
  const meeting = await repos.meetings.findById(group.id, meetingId);
  if (!meeting) throw notFound('Mötet finns inte, eller så hör det till en annan grupp.');
  const [roster, items, visits, notes, decisions, statements, adjustments, actions, attendance] = await Promise.all([
    repos.roster.list(group.id),
    repos.agenda.list(meeting.id),
    repos.records.visits(meeting.id),
    repos.records.notes(meeting.id),
    repos.records.decisions(meeting.id),
    repos.records.statements(meeting.id),
    repos.records.adjustments(meeting.id),
    repos.actions.listForMeeting(group.id, meeting.id),
    meetingAttendance(repos, meeting, now),
  ]);
  return { group, meeting, roster, items, visits, notes, decisions, statements, adjustments, actions, ...attendance };
}

/**
 * After the meeting: Teams' attendance report reconciled with the live join/leave events. Live
 * events are provisional (Teams has been known to drop them), so the report's intervals are stored
 * next to them and presence is their union: whoever the live events missed appears from the report.
 * When that changes anyone's presence in a draft awaiting justering, a new version is rendered (as
 * for any change to the draft: earlier approvals were given to the old bytes).
 *
 *   importAttendanceReport(repos, group, meetingId, records, at, render) → what changed, and the new draft
 */
import type { CalendarProblem } from '../calendar';
import type { Group, IsoTime } from '../model';
import type { Repositories } from '../ports';
import { matchParticipant } from '../roster-match';
import { createDraft, type ApprovalState, type ProtokollRenderer } from './approval';
import { buildAttendanceView, type AttendanceView } from './attendance-view';

/** One person in the report (Graph's attendanceRecord), in the domain's words. */
export interface ReportRecord {
  displayName: string;
  email: string | null;
  /** the Entra ID object id, when Teams knows the person (guests from other tenants may lack it) */
  aadObjectId: string | null;
  intervals: Array<{ joinedAt: IsoTime; leftAt: IsoTime | null }>;
}

export type ReportLookup = { kind: 'records'; records: ReportRecord[] } | { kind: 'not-yet' };

/** Where the report comes from (Microsoft Graph); throws ReportUnavailable. */
export interface AttendanceReportSource {
  fetch(meeting: { joinUrl: string; organizer: string; startedAt: IsoTime; endedAt: IsoTime }): Promise<ReportLookup>;
}

export class ReportUnavailable extends Error {
  constructor(
    readonly problem: Exclude<CalendarProblem, 'not-configured'>,
    /** Swedish, says what to do about it */
    readonly userMessage: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(`attendance report unavailable: ${problem}`);
    this.name = 'ReportUnavailable';
  }
}

export interface ReportImport {
  /** someone's presence (present or not, or which paragraphs) differs from before */
  changed: boolean;
  /** roster members present only according to the report */
  newlyPresent: string[];
  /** the new draft version, when the meeting awaited justering */
  draft: ApprovalState | null;
}

export async function importAttendanceReport(
  repos: Repositories, group: Group, meetingId: string, records: ReportRecord[], at: IsoTime, render: ProtokollRenderer,
): Promise<ReportImport> {
  const meeting = await repos.meetings.lock(group.id, meetingId);
  // A locked protokoll is what was approved: the report no longer changes it.
  if (!meeting || meeting.status === 'justerat') return { changed: false, newlyPresent: [], draft: null };
  const before = await buildAttendanceView(repos, group, meeting, at);
  const roster = await repos.roster.list(group.id);
  for (const record of records) {
    const member = matchParticipant(roster, { aadObjectId: record.aadObjectId, email: record.email, name: record.displayName });
    for (const interval of record.intervals) {
      await repos.attendance.addReportInterval(meetingId, {
        memberId: member?.id ?? null, displayName: member?.name ?? record.displayName, aadObjectId: record.aadObjectId, ...interval,
      });
    }
  }
  const after = await buildAttendanceView(repos, group, meeting, at);
  if (presenceSignature(before) === presenceSignature(after)) return { changed: false, newlyPresent: [], draft: null };
  const attendedBefore = new Set(members(before).filter((m) => m.attended).map((m) => m.memberId));
  const newlyPresent = members(after).filter((m) => m.attended && !attendedBefore.has(m.memberId)).map((m) => m.name);
  const draft = meeting.status === 'justering' ? await createDraft(repos, group, meetingId, at, render) : null;
  return { changed: true, newlyPresent, draft };
}

const members = (view: AttendanceView) => view.principals.flatMap((p) => p.members);

/** What the protokoll shows of attendance: who was there, for which paragraphs, and the other participants. */
function presenceSignature(view: AttendanceView): string {
  return JSON.stringify([members(view).map((m) => [m.memberId, m.attended, m.partialPresence]), view.others.map((o) => o.name).sort()]);
}

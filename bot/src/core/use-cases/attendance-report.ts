/**
 * After the meeting: Teams' attendance report reconciled with the live join/leave events. Live
 * events are provisional (Teams has been known to drop them), so the report's intervals are stored
 * next to them and presence is their union: whoever the live events missed appears from the report.
 * When that changes what a draft awaiting justering prints, the draft rule makes a new version (as
 * for any change to the draft: earlier approvals were given to the old bytes).
 *
 *   importAttendanceReport(repos, group, meetingId, records, at, documents) → what changed, and the new draft
 */
import type { CalendarProblem } from '../calendar';
import type { Group, IsoTime } from '../model';
import type { ProtokollDocuments, ReportLookup, ReportRecord, Repositories } from '../ports';
import { matchParticipant } from '../roster-match';
import type { ApprovalState } from './approval';
import { buildAttendanceView, type AttendanceView } from './attendance-view';
import { keepDraftCurrent } from './draft-rule';

export type { ReportLookup, ReportRecord };

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
  repos: Repositories, group: Group, meetingId: string, records: ReportRecord[], at: IsoTime, documents: ProtokollDocuments,
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
  const draft = meeting.status === 'justering' ? await keepDraftCurrent(repos, group, at, documents) : null;
  return { changed: true, newlyPresent, draft: draft?.data ?? null };
}

const members = (view: AttendanceView) => view.principals.flatMap((p) => p.members);

/** What the protokoll shows of attendance: who was there, for which paragraphs, and the other participants. */
function presenceSignature(view: AttendanceView): string {
  return JSON.stringify([members(view).map((m) => [m.memberId, m.attended, m.partialPresence]), view.others.map((o) => o.name).sort()]);
}

/**
 * Reminders before the justering deadline (`justering senast …`): the approvers who have not yet
 * approved the current version are reminded a day before the deadline, and once more when it has
 * passed. Each reminder is claimed in the database first, so with several server instances (or a
 * job that runs again) every reminder goes out once.
 */
import type { IsoTime, Meeting, RosterMember } from '../model';
import type { Repositories } from '../ports';
import { formatApprovalDeadline } from '../swedish-time';
import { requiredApprovers } from './approval';

/** How long before the deadline the first reminder goes out. */
export const REMIND_BEFORE_DEADLINE_MS = 24 * 60 * 60 * 1000;

export interface ApprovalReminder {
  groupId: string;
  meetingId: string;
  stage: 'soon' | 'overdue';
  /** approvers who have not approved the current version */
  waiting: RosterMember[];
  text: string;
}

export function reminderStage(meeting: Meeting, now: IsoTime): 'soon' | 'overdue' | null {
  if (!meeting.approvalDeadline) return null;
  const deadline = Date.parse(meeting.approvalDeadline);
  const at = Date.parse(now);
  if (at >= deadline) return 'overdue';
  return at >= deadline - REMIND_BEFORE_DEADLINE_MS ? 'soon' : null;
}

/** Claims and returns the reminders due at `now`, across all groups. */
export async function dueApprovalReminders(repos: Repositories, now: IsoTime): Promise<ApprovalReminder[]> {
  const reminders: ApprovalReminder[] = [];
  for (const meeting of await repos.meetings.awaitingApprovalWithDeadline()) {
    const stage = reminderStage(meeting, now);
    if (!stage) continue;
    const version = await repos.documents.latest(meeting.id);
    if (!version) continue;
    const approved = new Set((await repos.documents.approvals(version.id)).filter((a) => a.decision === 'approved').map((a) => a.memberId));
    const waiting = requiredApprovers(await repos.roster.list(meeting.groupId), meeting).filter((m) => !approved.has(m.id));
    if (waiting.length === 0) continue;
    if (!(await repos.meetings.claimApprovalReminder(meeting.id, stage, now))) continue;
    reminders.push({ groupId: meeting.groupId, meetingId: meeting.id, stage, waiting, text: reminderText(stage, meeting, version.version) });
  }
  return reminders;
}

function reminderText(stage: 'soon' | 'overdue', meeting: Meeting, version: number): string {
  const deadline = formatApprovalDeadline(meeting.approvalDeadline!).replace(/^Digital justering senast /, '');
  return stage === 'soon'
    ? `Påminnelse: protokollet (version ${version}) ska vara justerat senast ${deadline}. Justera eller begär ändring i kortet ovan.`
    : `Tiden för justering gick ut ${deadline}, och protokollet (version ${version}) är ännu inte justerat. Justera eller begär ändring i kortet ovan.`;
}

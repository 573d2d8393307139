/** Approval state → the approval card's view model. */
import type { ApprovalState } from '../core/use-cases/approval';
import { formatApprovalDeadline, formatClock, stockholmDate } from '../core/swedish-time';
import { formatParagraphRange } from '../core/numbering';
import { mainItems } from '../core/use-cases/agenda-order';
import type { ApprovalCardModel } from '../cards/approval.card';

export function approvalCardModel(state: ApprovalState, publicBaseUrl: string): ApprovalCardModel {
  const { record, version } = state;
  const start = record.meeting.startedAt ?? record.meeting.startsAt ?? version.createdAt;
  const numbers = mainItems(record.items).map((i) => i.number ?? 0);
  const year = Number(stockholmDate(start).slice(0, 4));
  return {
    meetingId: record.meeting.id,
    documentVersionId: version.id,
    title: `${record.group.documentKind} ${record.group.name} ${stockholmDate(start)}`,
    versionLabel: `Version ${version.version}`,
    paragraphRange: numbers.length ? formatParagraphRange(record.group.numberingStyle, Math.min(...numbers), Math.max(...numbers), year) : null,
    decisionCount: record.decisions.length,
    openActionCount: record.actions.filter((a) => a.status === 'open').length,
    sha256: version.sha256,
    documentUrl: `${publicBaseUrl}/api/meetings/${record.meeting.id}/protokoll.docx`,
    deadline: record.meeting.approvalDeadline ? formatApprovalDeadline(record.meeting.approvalDeadline) : null,
    locked: record.meeting.status === 'justerat',
    approvers: state.approvers.map((member) => {
      const decision = state.approvals.find((a) => a.memberId === member.id);
      return {
        name: member.name,
        role: member.role === 'ordförande' ? 'ordförande' : 'justerare',
        state: decision ? decision.decision : 'waiting',
        comment: decision?.comment ?? null,
        at: decision ? `${stockholmDate(decision.at)} kl. ${formatClock(decision.at)}` : null,
      };
    }),
  };
}

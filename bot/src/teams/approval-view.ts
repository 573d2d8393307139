/** Approval state → the approval card's view model. */
import { approverFor, type ApprovalState } from '../core/use-cases/approval';
import { formatApprovalDeadline, formatClock, stockholmDate } from '../core/swedish-time';
import { formatParagraphNumber, formatParagraphRange } from '../core/numbering';
import { mainItems } from '../core/use-cases/agenda-order';
import { hasRole } from '../core/roster-roles';
import type { ApprovalCardModel } from '../cards/approval.card';
import type { Actor } from '../core/use-cases/command-context';
import { meetingTabLink } from './tab-link';

/**
 * Who the card is for: `everyone` is the card posted in the conversation; a person is the one whose
 * client refreshed it or who pressed a button (Universal Actions' user-specific views).
 */
export type ApprovalViewer = { kind: 'everyone' } | { kind: 'person'; actor: Actor };

export function approvalCardModel(state: ApprovalState, teamsAppId: string, viewer: ApprovalViewer = { kind: 'everyone' }): ApprovalCardModel {
  const { record, version } = state;
  const locked = record.meeting.status === 'justerat';
  const knownIds = state.approvers.map((a) => a.teamsUserId).filter((id): id is string => !!id);
  const everyApproverKnown = knownIds.length === state.approvers.length && knownIds.length > 0;
  const viewerIsApprover = viewer.kind === 'person' && isApprover(state, viewer.actor);
  const start = record.meeting.startedAt ?? record.meeting.startsAt ?? version.createdAt;
  const numbers = mainItems(record.items).map((i) => i.number ?? 0);
  const year = Number(stockholmDate(start).slice(0, 4));
  return {
    meetingId: record.meeting.id,
    documentVersionId: version.id,
    title: `${record.group.documentKind} ${record.group.name} ${stockholmDate(start)}`,
    versionLabel: `Version ${version.version}`,
    paragraphRange: numbers.length ? formatParagraphRange(record.group.numberingStyle, Math.min(...numbers), Math.max(...numbers), year) : null,
    paragraphs: mainItems(record.items).map((item) => ({ label: formatParagraphNumber(record.group.numberingStyle, item.number ?? 0, year), title: item.title })),
    decisionCount: record.decisions.length,
    openActionCount: record.actions.filter((a) => a.status === 'open').length,
    sha256: version.sha256,
    // The copy in the channel's files once it is uploaded; until then (or if the upload failed, or
    // there is no Graph) the meeting's preview in the tab: Teams signs the tab in, whereas a link
    // to the API would open in a browser without a token.
    documentUrl: version.webUrl ?? meetingTabLink(teamsAppId, record.group, record.meeting.id),
    deadline: record.meeting.approvalDeadline ? formatApprovalDeadline(record.meeting.approvalDeadline) : null,
    locked,
    // Without every approver's Teams id some approver would never get the personal view: then the
    // buttons stay on the shared card, and the server still refuses anyone but the approvers.
    showActions: !locked && (viewer.kind === 'everyone' ? !everyApproverKnown : viewerIsApprover),
    refreshUserIds: locked ? [] : knownIds,
    approvers: state.approvers.map((member) => {
      const decision = state.approvals.find((a) => a.memberId === member.id);
      return {
        name: member.name,
        role: hasRole(member, 'ordförande') ? 'ordförande' : 'justerare',
        state: decision ? decision.decision : 'waiting',
        comment: decision?.comment ?? null,
        at: decision ? `${stockholmDate(decision.at)} kl. ${formatClock(decision.at)}` : null,
      };
    }),
  };
}

const isApprover = (state: ApprovalState, actor: Actor): boolean => approverFor(state.approvers, actor) !== null;

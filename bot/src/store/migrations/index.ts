/** Every migration, in order. Append only. */
import initial from './0001-initial';
import pendingSection from './0002-pending-section';
import attendanceEvents from './0003-attendance-events';
import calendar from './0004-calendar';
import approvalCards from './0005-approval-cards';
import numberingParen from './0006-numbering-paren';
import attendanceReport from './0007-attendance-report';
import contentDigest from './0008-content-digest';
import tenantGroupNames from './0009-tenant-group-names';
import rosterRoles from './0010-roster-roles';
import provisionalIdentities from './0011-provisional-identities';
import standInSecretary from './0012-stand-in-secretary';
import entrySequence from './0013-entry-sequence';
import participantTenant from './0014-participant-tenant';
import decisionRegister from './0015-decision-register';
import paragraphStatements from './0016-paragraph-statements';
import actionList from './0017-action-list';
import immediateAdjustment from './0018-immediate-adjustment';
import liveMeeting from './0019-live-meeting';
import calendarChanges from './0020-calendar-changes';
import subPointOrder from './0021-sub-point-order';
import printedChangeNotes from './0022-printed-change-notes';
import tenYearReads from './0023-ten-year-reads';
import onlineMeetings from './0025-online-meetings';
import liveRoster from './0026-live-roster';
import neverStartedTold from './0029-never-started-told';
import actionItemsByItem from './0030-action-items-by-item';
import rosterChangeNote from './0032-roster-change-note';

export interface Migration {
  id: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { id: '0001-initial', sql: initial },
  { id: '0002-pending-section', sql: pendingSection },
  { id: '0003-attendance-events', sql: attendanceEvents },
  // Written after 0005 (numbers were handed out in advance): a database that already has 0005 gets
  // 0004 at its next start, since the applied ids, not positions, decide what is pending.
  { id: '0004-calendar', sql: calendar },
  { id: '0005-approval-cards', sql: approvalCards },
  { id: '0006-numbering-paren', sql: numberingParen },
  { id: '0007-attendance-report', sql: attendanceReport },
  { id: '0008-content-digest', sql: contentDigest },
  { id: '0009-tenant-group-names', sql: tenantGroupNames },
  { id: '0010-roster-roles', sql: rosterRoles },
  { id: '0011-provisional-identities', sql: provisionalIdentities },
  { id: '0012-stand-in-secretary', sql: standInSecretary },
  { id: '0013-entry-sequence', sql: entrySequence },
  { id: '0014-participant-tenant', sql: participantTenant },
  { id: '0015-decision-register', sql: decisionRegister },
  { id: '0016-paragraph-statements', sql: paragraphStatements },
  { id: '0017-action-list', sql: actionList },
  { id: '0018-immediate-adjustment', sql: immediateAdjustment },
  { id: '0019-live-meeting', sql: liveMeeting },
  { id: '0020-calendar-changes', sql: calendarChanges },
  { id: '0021-sub-point-order', sql: subPointOrder },
  { id: '0022-printed-change-notes', sql: printedChangeNotes },
  { id: '0023-ten-year-reads', sql: tenYearReads },
  // 0024, 0027 and 0028 were handed out for work that needed none; the applied ids, not positions, decide what is pending.
  { id: '0025-online-meetings', sql: onlineMeetings },
  { id: '0026-live-roster', sql: liveRoster },
  { id: '0029-never-started-told', sql: neverStartedTold },
  { id: '0030-action-items-by-item', sql: actionItemsByItem },
  { id: '0032-roster-change-note', sql: rosterChangeNote },
];

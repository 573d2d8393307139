/**
 * The record during justering. Approvals are given to exact content: any change to what the
 * document prints while a draft awaits approval makes a new version at once, in the same
 * transaction as the change, and approvals start over (they belong to the old version's bytes).
 *
 * This is one rule for every path that writes (commands, card actions, Teams events, the attendance
 * report). It does not rely on a path knowing that it changed the document: the database notes every
 * change to what a protokoll prints (triggers, migrations 0019, 0022 and 0032), and for a draft this
 * transaction changed the rule compares what the document would print now with what the current
 * version prints (their content digests), so a write nobody thought of as "a change to the draft"
 * is caught as well, while a turn that touched no draft costs one read.
 *
 *   keepDraftCurrent(repos, group, at, documents) → the new version's answer, or null when unchanged
 */
import type { Group, IsoTime } from '../model';
import type { MeetingRecord, ProtokollDocuments, Repositories, StoredDocumentVersion } from '../ports';
import { createDraft, type ApprovalState } from './approval';
import type { Answer } from './command-context';
import { loadMeetingRecord } from './meeting-record';

export async function keepDraftCurrent(repos: Repositories, group: Group, at: IsoTime, documents: ProtokollDocuments): Promise<Answer<ApprovalState> | null> {
  // Only a draft this transaction may have changed (the database notes every change to what a
  // protokoll prints), so a turn that touched no draft reads one row, not the whole record.
  // Locked: a concurrent write or approval of the same draft waits for this transaction.
  const meeting = await repos.meetings.awaitingApprovalToCompare(group.id);
  if (!meeting) return null;
  // Read again: this very turn may have changed the group's own settings (deciding body, numbering).
  const now = (await repos.groups.findById(group.id)) ?? group;
  const current = await repos.documents.latest(meeting.id);
  const record = await loadMeetingRecord(repos, now, meeting.id, at);
  if (printsAsVersion(current, record, documents)) return null;
  const draft = await createDraft(repos, now, meeting.id, at, documents, record);
  return {
    text: `Utkastet är nu version ${draft.version.version}.${draft.version.version > 1 ? ' Justeringen börjar om.' : ''}`,
    data: draft,
    events: [{ type: 'draft-versioned', groupId: group.id, meetingId: meeting.id }],
  };
}

/**
 * The draft's current version prints exactly what the record prints now. A final version, or one
 * stored before versions kept a content digest, never does: the caller then makes a new version.
 */
export function printsAsVersion(version: StoredDocumentVersion | null, record: MeetingRecord, documents: ProtokollDocuments): boolean {
  return !!version && !version.final && !!version.contentDigest && version.contentDigest === documents.contentDigest(record);
}

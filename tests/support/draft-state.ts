/**
 * What a wire test reads from the database to judge the record during justering: a group's draft
 * (its current stored version, that version's approvals, every version so far), the text a stored
 * .docx prints, and whether what the database holds now still renders to exactly the stored bytes
 * of the current version — the check that no write changed the document without a new version.
 */
import { createHash } from 'node:crypto';
import type { Approval, Meeting } from '../../bot/src/core/model';
import type { StoredDocumentVersion } from '../../bot/src/core/ports';
import { loadMeetingRecord } from '../../bot/src/core/use-cases/meeting-record';
import { protokollDocuments } from '../../bot/src/documents/protokoll.documents';
import type { StoreConnection } from '../../bot/src/store/database';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { readZip, wordText, zipText } from './zip-reader';

export interface DraftState {
  groupId: string;
  meeting: Meeting;
  /** the newest stored version (the one approvers see) */
  latest: StoredDocumentVersion;
  /** approvals recorded for `latest` */
  approvals: Approval[];
  /** every stored version, oldest first */
  versions: Array<{ id: string; version: number; sha256: string; final: boolean }>;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The group's meeting that has stored versions (the newest such meeting). */
export async function draftState(store: StoreConnection, groupName: string): Promise<DraftState> {
  const repos = repositoriesFor(store.db);
  const group = (await repos.groups.listAll()).find((g) => g.name === groupName);
  if (!group) throw new Error(`no group named ${groupName}`);
  for (const meeting of await repos.meetings.list(group.id)) {
    const latest = await repos.documents.latest(meeting.id);
    if (!latest) continue;
    const versions = await store.db.selectFrom('document_versions').select(['id', 'version', 'sha256', 'final'])
      .where('meeting_id', '=', meeting.id).orderBy('version').execute();
    return { groupId: group.id, meeting, latest, approvals: await repos.documents.approvals(latest.id), versions };
  }
  throw new Error(`group ${groupName} has no document version`);
}

export async function storedBytes(store: StoreConnection, meetingId: string, versionId: string): Promise<Buffer> {
  const bytes = await repositoriesFor(store.db).documents.bytes(meetingId, versionId);
  if (!bytes) throw new Error(`no bytes for version ${versionId}`);
  return bytes;
}

/**
 * The current version's bytes next to what the database would render now with that version's own
 * number, status and time. Rendering is deterministic, so unequal hashes mean the record changed
 * after the version was stored: a silent change. (This does not use the content digest the draft
 * rule compares, so a digest that missed something printed would be caught here.)
 */
export async function renderedNow(store: StoreConnection, state: DraftState): Promise<{ stored: string; now: string; storedText: string; nowText: string }> {
  const repos = repositoriesFor(store.db);
  const group = (await repos.groups.findById(state.groupId))!;
  const record = await loadMeetingRecord(repos, group, state.meeting.id, state.latest.createdAt);
  const bytes = await protokollDocuments.render(record, { status: 'justering', version: state.latest.version, renderedAt: state.latest.createdAt });
  const stored = await storedBytes(store, state.meeting.id, state.latest.id);
  return { stored: state.latest.sha256, now: sha256(bytes), storedText: printedText(stored), nowText: printedText(bytes) };
}

/** Everything a .docx prints: its page headers, then the body, as lines of text. */
export function printedText(docx: Buffer): string {
  const zip = readZip(docx);
  const headers = [...zip.keys()].filter((name) => /^word\/header\d*\.xml$/.test(name)).sort();
  return [...headers, 'word/document.xml'].map((name) => wordText(zipText(zip, name))).join('\n');
}

/**
 * The printed text without what differs between an approved draft and the locked protokoll made
 * from it: the header's `UTKAST · Version N`, the signature line or its `Justerat digitalt …` stamp,
 * and the `Justerad version: …, SHA-256 …` line.
 */
export function withoutApprovalStamp(text: string): string {
  return text
    .split('\n')
    .map((line) => line
      .replace(/(UTKAST · )?Version \d+/g, '<version>')
      .replace(/^Justerat digitalt .*$/, '<signatur>')
      .replace(/^…+$/, '<signatur>')
      .replace(/^Justerad version: .*$/, ''))
    .filter((line) => line !== '')
    .join('\n');
}

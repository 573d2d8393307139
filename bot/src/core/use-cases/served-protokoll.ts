/**
 * Which protokoll the API (and so the tab) serves for a meeting. The approvers approve exact bytes,
 * so what anyone downloads during justering must be those bytes (PRODUCT.md, The record during
 * justering):
 *   - before any version is stored (the meeting runs): the live record, rendered on request;
 *   - while a draft awaits justering: the current stored version, its bytes, number and SHA-256;
 *   - when locked: the stored final, likewise.
 *
 * The .docx is served as the stored bytes. The HTML page and the JSON are rendered from the live
 * record with the stored version's own number, status, time and approval stamps. That is faithful
 * because of the draft rule (draft-rule.ts): every write that changes what the document prints
 * while a draft awaits justering makes a new version at once, in the same transaction, so the live
 * record always prints what the current version prints; after the lock nothing can change at all.
 * `contentMatches` lets the caller check this against the stored content digest.
 *
 *   servedProtokoll(repos, viewer, meetingId, at, { bytes }) → { record, stored, render, bytes }
 */
import type { IsoTime } from '../model';
import type { ApprovalStamp, MeetingRecord, RenderInfo, Repositories, StoredDocumentVersion } from '../ports';
import { loadMeetingRecord } from './meeting-record';
import { authorisedMeetingGroup, type Viewer } from './tab-queries';

/** The stored version a served protokoll is, as the API reports it (JSON field and response headers). */
export interface ServedVersion {
  /** `2` for Version 2 */
  number: number;
  /** the SHA-256 of the stored .docx bytes (what the approval card shows) */
  sha256: string;
  /** `justering`: a draft awaiting approval; `justerat`: the locked final */
  status: 'justering' | 'justerat';
  createdAt: IsoTime;
}

export interface ServedProtokoll {
  record: MeetingRecord;
  /** the version served; null while none is stored (the document is then the live record) */
  stored: StoredDocumentVersion | null;
  /** how to render the record so it reads as `stored` was rendered (or, live, as its first version will) */
  render: RenderInfo;
  /** the stored .docx bytes, when asked for and there is a stored version */
  bytes: Buffer | null;
}

/** The meetings whose document is a stored version: awaiting justering, or locked. */
const STORED_STATUSES = new Set(['justering', 'justerat']);
/** A live document previews what will become the first version. */
const FIRST_VERSION = 1;

export async function servedProtokoll(
  repos: Repositories, viewer: Viewer, meetingId: string, at: IsoTime, options: { bytes: boolean },
): Promise<ServedProtokoll> {
  const group = await authorisedMeetingGroup(repos, viewer, meetingId);
  const meeting = await repos.meetings.findById(group.id, meetingId);
  const stored = meeting && STORED_STATUSES.has(meeting.status) ? await repos.documents.latest(meetingId) : null;
  // Read as of the version's own time, as it was rendered then.
  const record = await loadMeetingRecord(repos, group, meetingId, stored?.createdAt ?? at);
  if (!stored) {
    const status = record.meeting.status === 'justerat' ? 'justerat' : record.meeting.status === 'justering' ? 'justering' : 'utkast';
    return { record, stored: null, render: { status, version: FIRST_VERSION, renderedAt: record.meeting.endedAt ?? at }, bytes: null };
  }
  const bytes = options.bytes ? await repos.documents.bytes(meetingId, stored.id) : null;
  if (options.bytes && !bytes) throw new Error(`the stored bytes of version ${stored.version} of meeting ${meetingId} are missing`);
  if (!stored.final) return { record, stored, render: { status: 'justering', version: stored.version, renderedAt: stored.createdAt }, bytes };
  return { record, stored, render: await finalRenderInfo(repos, meetingId, stored), bytes };
}

/**
 * The final was rendered when the last approval locked the approved draft, the version before it:
 * with that draft's number and SHA-256, and a stamp for each approval it was given.
 */
async function finalRenderInfo(repos: Repositories, meetingId: string, final: StoredDocumentVersion): Promise<RenderInfo> {
  const approved = await repos.documents.version(meetingId, final.version - 1);
  const approvals: ApprovalStamp[] = approved
    ? (await repos.documents.approvals(approved.id)).filter((a) => a.decision === 'approved').map((a) => ({ memberId: a.memberId, at: a.at }))
    : [];
  return {
    status: 'justerat', version: final.version, renderedAt: final.createdAt, approvals,
    ...(approved ? { approvedVersion: { version: approved.version, sha256: approved.sha256 } } : {}),
  };
}

export function servedVersion(stored: StoredDocumentVersion): ServedVersion {
  return { number: stored.version, sha256: stored.sha256, status: stored.final ? 'justerat' : 'justering', createdAt: stored.createdAt };
}

/**
 * Whether the live record prints what the stored version printed (its content digest), when the
 * version kept one. False would mean a write went past the draft rule, or that the document is now
 * printed differently than when the version was stored; the stored bytes stay what is served.
 */
export function contentMatches(served: ServedProtokoll, contentDigest: (record: MeetingRecord) => string): boolean {
  const kept = served.stored?.contentDigest;
  return !kept || kept === contentDigest(served.record);
}

/**
 * Justering. `avsluta` turns the ended meeting into a draft (version N: the exact .docx bytes and
 * their SHA-256). The chair and the elected justerare approve that exact version or ask for a
 * change; when all have approved, the protokoll is locked with a final document that carries the
 * digital approvals and the approved version's hash.
 */
import { createHash } from 'node:crypto';
import type { Approval, Group, IsoTime, Meeting, RosterMember } from '../model';
import type { DomainEvent, ProtokollDocuments, Repositories, StoredDocumentVersion } from '../ports';
import { conflict, forbidden, notFound } from '../errors';
import { normaliseName } from '../roster-match';
import { hasRole } from '../roster-roles';
import { formatClock, stockholmDate } from '../swedish-time';
import type { Actor } from './command-context';
import { loadMeetingRecord, type MeetingRecord } from './meeting-record';
import { ensureRoomForVersion } from '../limits';

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The chair and the justerare elected for the meeting. */
export function requiredApprovers(roster: RosterMember[], meeting: Meeting): RosterMember[] {
  const chair = roster.filter((m) => hasRole(m, 'ordförande'));
  const adjusters = meeting.adjusterMemberIds.map((id) => roster.find((m) => m.id === id)).filter((m): m is RosterMember => !!m);
  return [...new Map([...chair, ...adjusters].map((m) => [m.id, m])).values()];
}

/**
 * The approver this actor is: by the Entra object id Teams sends, tied to the roster entry by a fact
 * Teams vouches for or by the secretary's confirmation. A display name never approves: it can be copied.
 */
export function approverFor(approvers: RosterMember[], actor: Actor): RosterMember | null {
  if (!actor.aadObjectId) return null;
  return approvers.find((a) => a.aadObjectId?.toLowerCase() === actor.aadObjectId!.toLowerCase()) ?? null;
}

export interface ApprovalState {
  record: MeetingRecord;
  version: StoredDocumentVersion;
  approvals: Approval[];
  approvers: RosterMember[];
}

/** Renders and stores the next draft version of an ended meeting and opens it for justering. */
/** `loaded`: the record as the caller just read it under the meeting's lock (it is not read again). */
export async function createDraft(
  repos: Repositories, group: Group, meetingId: string, at: IsoTime, documents: ProtokollDocuments, loaded?: MeetingRecord,
): Promise<ApprovalState> {
  let record = loaded;
  if (!record) {
    await repos.meetings.lock(group.id, meetingId);
    record = await loadMeetingRecord(repos, group, meetingId, at);
  }
  if (record.meeting.status === 'justerat') throw conflict('Protokollet är redan justerat och låst.');
  const previous = await repos.documents.latest(meetingId);
  const versionNumber = (previous?.version ?? 0) + 1;
  ensureRoomForVersion(versionNumber);
  const bytes = await documents.render(record, { status: 'justering', version: versionNumber, renderedAt: at });
  const version = await repos.documents.addVersion(meetingId, {
    version: versionNumber, sha256: sha256(bytes), docx: bytes, final: false, createdAt: at, contentDigest: documents.contentDigest(record),
  });
  const meeting = await repos.meetings.update(group.id, meetingId, { status: 'justering' });
  return { record: { ...record, meeting }, version, approvals: [], approvers: requiredApprovers(record.roster, meeting) };
}

/** The meeting of the group waiting for justering (the newest one), or a Swedish "nothing to approve". */
export async function pendingApproval(repos: Repositories, group: Group, at: IsoTime, meetingId?: string): Promise<ApprovalState> {
  const meetings = await repos.meetings.list(group.id);
  const found = meetingId ? meetings.find((m) => m.id === meetingId) : meetings.find((m) => m.status === 'justering');
  // Two approvers clicking at once take turns here, so the second one sees the first's approval.
  const meeting = found ? await repos.meetings.lock(group.id, found.id) : null;
  if (!meeting) throw notFound('Det finns inget protokollutkast som väntar på justering i den här gruppen.');
  const version = await repos.documents.latest(meeting.id);
  if (!version) throw notFound('Det finns inget protokollutkast som väntar på justering i den här gruppen.');
  const record = await loadMeetingRecord(repos, group, meeting.id, at);
  return { record, version, approvals: await repos.documents.approvals(version.id), approvers: requiredApprovers(record.roster, meeting) };
}

export interface ApprovalOutcome {
  text: string;
  state: ApprovalState;
  locked: boolean;
  /** the approval card changes for everyone; a change request is also told to the secretaries */
  events: DomainEvent[];
}

export async function decideApproval(
  repos: Repositories,
  group: Group,
  actor: Actor,
  at: IsoTime,
  documents: ProtokollDocuments,
  input: { decision: 'approved' | 'changes-requested'; comment: string | null; meetingId?: string; documentVersionId?: string },
): Promise<ApprovalOutcome> {
  const state = await pendingApproval(repos, group, at, input.meetingId);
  if (state.record.meeting.status === 'justerat') throw conflict('Protokollet är redan justerat och låst.');
  if (state.record.meeting.status !== 'justering') throw notFound('Det finns inget protokollutkast som väntar på justering i den här gruppen.');
  if (input.documentVersionId && input.documentVersionId !== state.version.id) {
    throw conflict(`Utkastet har ändrats sedan kortet skickades. Justera version ${state.version.version} i stället.`);
  }
  const member = approverFor(state.approvers, actor);
  if (!member) {
    const unconfirmed = state.approvers.find((a) => !a.aadObjectId && normaliseName(a.name) === normaliseName(actor.name));
    const hint = unconfirmed ? ` Ditt Teams-konto är ännu inte bekräftat som ${unconfirmed.name}: be sekreteraren skriva \`bekräfta ${unconfirmed.name}\` (eller lägga till din e-postadress i ledamotslistan).` : '';
    throw forbidden(`Bara ordföranden och justerarna (${state.approvers.map((a) => a.name).join(', ') || 'inga valda ännu'}) kan justera protokollet.${hint}`);
  }
  const added = await repos.documents.addApproval({
    documentVersionId: state.version.id, memberId: member.id, aadObjectId: actor.aadObjectId, decision: input.decision, comment: input.comment, at,
  });
  const approvals = await repos.documents.approvals(state.version.id);
  const updated = { ...state, approvals };
  const changed: DomainEvent = { type: 'approval-changed', groupId: group.id, meetingId: state.record.meeting.id };
  if (!added) return { text: `${member.name} har redan tagit ställning till version ${state.version.version}.`, state: updated, locked: false, events: [] };
  if (input.decision === 'changes-requested') {
    const text = `${member.name} begär ändring i version ${state.version.version}: ${input.comment ?? ''}`.trim();
    return { text, state: updated, locked: false, events: [changed, { type: 'secretaries-told', groupId: group.id, meetingId: state.record.meeting.id, text }] };
  }
  const approvedIds = new Set(approvals.filter((a) => a.decision === 'approved').map((a) => a.memberId));
  if (!state.approvers.every((a) => approvedIds.has(a.id))) {
    const waiting = state.approvers.filter((a) => !approvedIds.has(a.id)).map((a) => a.name);
    return { text: `${member.name} har justerat version ${state.version.version}. Väntar på ${waiting.join(', ')}.`, state: updated, locked: false, events: [changed] };
  }
  return { ...(await lock(repos, group, at, documents, updated)), events: [changed] };
}

async function lock(repos: Repositories, group: Group, at: IsoTime, documents: ProtokollDocuments, state: ApprovalState): Promise<Omit<ApprovalOutcome, 'events'>> {
  const meeting = await repos.meetings.update(group.id, state.record.meeting.id, { status: 'justerat' });
  const record = { ...state.record, meeting };
  const stamps = state.approvals.filter((a) => a.decision === 'approved').map((a) => ({ memberId: a.memberId, at: a.at }));
  const bytes = await documents.render(record, {
    status: 'justerat', version: state.version.version + 1, renderedAt: at, approvals: stamps,
    approvedVersion: { version: state.version.version, sha256: state.version.sha256 },
  });
  const final = await repos.documents.addVersion(meeting.id, {
    version: state.version.version + 1, sha256: sha256(bytes), docx: bytes, final: true, createdAt: at, contentDigest: documents.contentDigest(record),
  });
  return {
    text: `Protokollet är justerat ${stockholmDate(at)} kl. ${formatClock(at)} och låst (SHA-256 för justerad version: ${state.version.sha256.slice(0, 16)}…).`,
    state: { ...state, record, version: final },
    locked: true,
  };
}

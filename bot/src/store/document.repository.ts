import type { Kysely } from 'kysely';
import type { ApprovalCardPost, DocumentStore, StoredDocumentVersion } from '../core/ports';
import type { Approval, ApprovalDecision, IsoTime } from '../core/model';
import type { Database } from './schema';
import { iso } from './rows';

/** Document versions (the exact .docx bytes with their SHA-256) and the approvals of each. */
export class DocumentRepository implements DocumentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async addVersion(
    meetingId: string,
    v: { version: number; sha256: string; docx: Buffer; final: boolean; createdAt: IsoTime; contentDigest?: string | null },
  ): Promise<StoredDocumentVersion> {
    const contentDigest = v.contentDigest ?? null;
    const row = await this.db
      .insertInto('document_versions')
      .values({ meeting_id: meetingId, version: v.version, sha256: v.sha256, docx: v.docx, final: v.final, created_at: v.createdAt, content_digest: contentDigest })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    return { id: row.id, meetingId, version: v.version, sha256: v.sha256, final: v.final, createdAt: iso(row.created_at), contentDigest };
  }

  async latest(meetingId: string): Promise<StoredDocumentVersion | null> {
    const row = await this.versions(meetingId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? storedVersion(row) : null;
  }

  async version(meetingId: string, version: number): Promise<StoredDocumentVersion | null> {
    const row = await this.versions(meetingId).where('version', '=', version).executeTakeFirst();
    return row ? storedVersion(row) : null;
  }

  /** A meeting's versions, without their bytes. */
  private versions(meetingId: string) {
    return this.db
      .selectFrom('document_versions')
      .select(['id', 'meeting_id', 'version', 'sha256', 'final', 'created_at', 'web_url', 'content_digest'])
      .where('meeting_id', '=', meetingId);
  }

  async bytes(meetingId: string, versionId: string): Promise<Buffer | null> {
    const row = await this.db
      .selectFrom('document_versions')
      .select('docx')
      .where('meeting_id', '=', meetingId)
      .where('id', '=', versionId)
      .executeTakeFirst();
    return row ? Buffer.from(row.docx) : null;
  }

  async approvals(documentVersionId: string): Promise<Approval[]> {
    const rows = await this.db
      .selectFrom('approvals')
      .select(['id', 'document_version_id', 'member_id', 'aad_object_id', 'decision', 'comment', 'at'])
      .where('document_version_id', '=', documentVersionId)
      .orderBy('at')
      .execute();
    return rows.map((r) => ({
      id: r.id, documentVersionId: r.document_version_id, memberId: r.member_id, aadObjectId: r.aad_object_id,
      decision: r.decision as ApprovalDecision, comment: r.comment, at: iso(r.at),
    }));
  }

  async addApproval(a: Omit<Approval, 'id'>): Promise<boolean> {
    const row = await this.db
      .insertInto('approvals')
      .values({ document_version_id: a.documentVersionId, member_id: a.memberId, aad_object_id: a.aadObjectId, decision: a.decision, comment: a.comment, at: a.at })
      .onConflict((oc) => oc.columns(['document_version_id', 'member_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async addCardPost(post: ApprovalCardPost): Promise<void> {
    await this.db
      .insertInto('approval_card_posts')
      .values({ meeting_id: post.meetingId, conversation_id: post.conversationId, reference: JSON.stringify(post.reference), activity_id: post.activityId })
      .onConflict((oc) => oc.columns(['conversation_id', 'activity_id']).doNothing())
      .execute();
  }

  async cardPosts(meetingId: string): Promise<ApprovalCardPost[]> {
    const rows = await this.db
      .selectFrom('approval_card_posts')
      .select(['meeting_id', 'conversation_id', 'reference', 'activity_id'])
      .where('meeting_id', '=', meetingId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ meetingId: r.meeting_id, conversationId: r.conversation_id, reference: r.reference, activityId: r.activity_id }));
  }
}

function storedVersion(row: {
  id: string; meeting_id: string; version: number; sha256: string; final: boolean; created_at: Date | string; web_url: string | null; content_digest: string | null;
}): StoredDocumentVersion {
  return {
    id: row.id, meetingId: row.meeting_id, version: row.version, sha256: row.sha256, final: row.final, createdAt: iso(row.created_at),
    webUrl: row.web_url, contentDigest: row.content_digest,
  };
}

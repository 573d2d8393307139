import { sql, type Kysely } from 'kysely';
import type { RecordStore } from '../core/ports';
import type { Decision, IsoTime, Note, ParagraphAdjustment, ParagraphStatement, ParagraphVisit } from '../core/model';
import type { Database } from './schema';
import { iso, seqNumber } from './rows';
import { compiledOnce } from './compiled-once';

// The writes every `anteckning` and `beslut` sends, compiled once (compiled-once.ts).
const insertNote = compiledOnce((db, meetingId: string, itemId: string, text: string, createdAt: IsoTime) => db
  .insertInto('notes')
  .values({ meeting_id: meetingId, item_id: itemId, text, created_at: createdAt })
  .returning(['id', 'seq']));

/** The decision, and the paragraph's outcome in the same statement: a CTE's update is done whatever the outer query reads. */
const insertDecision = compiledOnce((db, meetingId: string, itemId: string, clause: string, quorate: boolean, createdAt: IsoTime, decidesItem: boolean) => db
  .with('decided', (w) => w
    .updateTable('agenda_items')
    .set({ outcome: 'decided' })
    .where('meeting_id', '=', meetingId)
    .where('id', '=', itemId)
    .where(sql<boolean>`${decidesItem}`)
    .returning('id'))
  .insertInto('decisions')
  .values({ meeting_id: meetingId, item_id: itemId, clause, quorate, created_at: createdAt })
  .returning(['id', 'seq']));

/**
 * What was said and decided during the meeting: paragraph visits, notes, decisions. Notes and
 * decisions come in the order they were recorded: by time, then by their number in the order of
 * arrival (`seq`), so two with the same time keep the order they arrived in.
 */
export class RecordRepository implements RecordStore {
  constructor(private readonly db: Kysely<Database>) {}

  async addVisit(meetingId: string, visit: ParagraphVisit): Promise<void> {
    await this.db.insertInto('paragraph_visits').values({ meeting_id: meetingId, item_id: visit.itemId, opened_at: visit.openedAt }).execute();
  }

  async visits(meetingId: string): Promise<ParagraphVisit[]> {
    const rows = await this.db
      .selectFrom('paragraph_visits')
      .select(['item_id', 'opened_at'])
      .where('meeting_id', '=', meetingId)
      .orderBy('opened_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ itemId: r.item_id, openedAt: iso(r.opened_at) }));
  }

  async addNote(meetingId: string, note: Omit<Note, 'id' | 'seq'>): Promise<Note> {
    const row = (await insertNote.execute(this.db, meetingId, note.itemId, note.text, note.createdAt)).rows[0]!;
    return { ...note, id: row.id, seq: seqNumber(row.seq) };
  }

  async notes(meetingId: string): Promise<Note[]> {
    const rows = await this.db
      .selectFrom('notes')
      .select(['id', 'item_id', 'text', 'created_at', 'seq'])
      .where('meeting_id', '=', meetingId)
      .orderBy('created_at')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ id: r.id, itemId: r.item_id, text: r.text, createdAt: iso(r.created_at), seq: seqNumber(r.seq) }));
  }

  async addDecision(meetingId: string, decision: Omit<Decision, 'id' | 'seq'>, options: { decidesItem?: boolean } = {}): Promise<Decision> {
    const row = (await insertDecision.execute(this.db, meetingId, decision.itemId, decision.clause, decision.quorate, decision.createdAt, options.decidesItem === true)).rows[0]!;
    return { ...decision, id: row.id, seq: seqNumber(row.seq) };
  }

  async decisions(meetingId: string): Promise<Decision[]> {
    const rows = await this.db
      .selectFrom('decisions')
      .select(['id', 'item_id', 'clause', 'quorate', 'created_at', 'seq'])
      .where('meeting_id', '=', meetingId)
      .orderBy('created_at')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ id: r.id, itemId: r.item_id, clause: r.clause, quorate: r.quorate, createdAt: iso(r.created_at), seq: seqNumber(r.seq) }));
  }

  async setDecisionClause(meetingId: string, decisionId: string, clause: string): Promise<void> {
    await this.db.updateTable('decisions').set({ clause }).where('meeting_id', '=', meetingId).where('id', '=', decisionId).execute();
  }

  async addStatement(meetingId: string, statement: Omit<ParagraphStatement, 'id' | 'seq'>): Promise<ParagraphStatement> {
    const row = await this.db
      .insertInto('paragraph_statements')
      .values({
        meeting_id: meetingId, item_id: statement.itemId, kind: statement.kind, member_ids: JSON.stringify(statement.memberIds),
        motivation: statement.motivation, created_at: statement.createdAt,
      })
      .returning(['id', 'seq'])
      .executeTakeFirstOrThrow();
    return { ...statement, id: row.id, seq: seqNumber(row.seq) };
  }

  async statements(meetingId: string): Promise<ParagraphStatement[]> {
    const rows = await this.db
      .selectFrom('paragraph_statements')
      .select(['id', 'item_id', 'kind', 'member_ids', 'motivation', 'created_at', 'seq'])
      .where('meeting_id', '=', meetingId)
      .orderBy('created_at')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      id: r.id, itemId: r.item_id, kind: r.kind as ParagraphStatement['kind'], memberIds: r.member_ids, motivation: r.motivation,
      createdAt: iso(r.created_at), seq: seqNumber(r.seq),
    }));
  }

  async requestAdjustment(meetingId: string, itemId: string, contentDigest: string, at: IsoTime): Promise<void> {
    const row = await this.db
      .insertInto('paragraph_adjustments')
      .values({ meeting_id: meetingId, item_id: itemId, content_digest: contentDigest, requested_at: at })
      .onConflict((oc) => oc.column('item_id').doUpdateSet({ content_digest: contentDigest, requested_at: at }).where('paragraph_adjustments.adjusted_at', 'is', null))
      .returning('id')
      .executeTakeFirst();
    if (row) await this.db.deleteFrom('paragraph_adjustment_approvals').where('adjustment_id', '=', row.id).execute();
  }

  async adjustments(meetingId: string): Promise<ParagraphAdjustment[]> {
    const rows = await this.db
      .selectFrom('paragraph_adjustments')
      .select(['id', 'item_id', 'content_digest', 'requested_at', 'adjusted_at', 'adjusted_seq'])
      .where('meeting_id', '=', meetingId)
      .orderBy('requested_at')
      .execute();
    if (rows.length === 0) return [];
    const approvals = await this.db
      .selectFrom('paragraph_adjustment_approvals')
      .select(['adjustment_id', 'member_id', 'at'])
      .where('adjustment_id', 'in', rows.map((r) => r.id))
      .orderBy('at')
      .execute();
    return rows.map((r) => ({
      id: r.id, itemId: r.item_id, contentDigest: r.content_digest, requestedAt: iso(r.requested_at),
      adjusted: r.adjusted_at && r.adjusted_seq !== null ? { at: iso(r.adjusted_at), seq: seqNumber(r.adjusted_seq) } : null,
      approvals: approvals.filter((a) => a.adjustment_id === r.id).map((a) => ({ memberId: a.member_id, at: iso(a.at) })),
    }));
  }

  async addAdjustmentApproval(adjustmentId: string, approval: { memberId: string; aadObjectId: string | null; at: IsoTime }): Promise<boolean> {
    const row = await this.db
      .insertInto('paragraph_adjustment_approvals')
      .values({ adjustment_id: adjustmentId, member_id: approval.memberId, aad_object_id: approval.aadObjectId, at: approval.at })
      .onConflict((oc) => oc.doNothing())
      .returning('member_id')
      .executeTakeFirst();
    return !!row;
  }

  async markAdjusted(adjustmentId: string, at: IsoTime): Promise<void> {
    await this.db
      .updateTable('paragraph_adjustments')
      .set({ adjusted_at: at, adjusted_seq: sql`nextval('entry_seq')` })
      .where('id', '=', adjustmentId)
      .where('adjusted_at', 'is', null)
      .execute();
  }

  async inAdjustedParagraph(meetingId: string, itemId: string): Promise<boolean> {
    const found = await sql<{ adjusted: boolean }>`select exists (
        select 1 from agenda_items item
        join paragraph_adjustments pa on pa.item_id = coalesce(item.parent_id, item.id) and pa.adjusted_at is not null
        where item.id = ${itemId} and item.meeting_id = ${meetingId}) as adjusted`.execute(this.db);
    return found.rows[0]?.adjusted === true;
  }

  async countForItem(meetingId: string, itemId: string): Promise<number> {
    // One statement for the four tables: this runs before every write to a paragraph.
    const count = (table: 'notes' | 'decisions' | 'action_items' | 'paragraph_statements') =>
      sql<number>`(select count(*) from ${sql.table(table)} where meeting_id = ${meetingId} and item_id = ${itemId})`;
    const row = await sql<{ n: string }>`select ${count('notes')} + ${count('decisions')} + ${count('action_items')} + ${count('paragraph_statements')} as n`.execute(this.db);
    return Number(row.rows[0]?.n ?? 0);
  }

}

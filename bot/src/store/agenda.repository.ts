import { sql, type Kysely, type Selectable } from 'kysely';
import type { AgendaChanges, AgendaStore, NewAgendaItem } from '../core/ports';
import type { AgendaItem, IsoTime, ItemOutcome, ItemTypeTag, RecordedAt, StandardItemKind } from '../core/model';
import type { AgendaItemsTable, Database } from './schema';
import { iso, jsonObjectOf, seqNumber } from './rows';

const columns = [
  'id', 'meeting_id', 'parent_id', 'position', 'section', 'title', 'type_tag', 'standard_kind', 'number',
  'presenters', 'outcome', 'recipients', 'carried_from_item_id', 'outcome_at', 'outcome_seq', 'recipients_at', 'recipients_seq', 'from_invitation',
  'planned_minutes',
] as const;

const recordedAt = (at: Date | null, seq: string | number | bigint | null): RecordedAt | null =>
  at === null || seq === null ? null : { at: iso(at), seq: seqNumber(seq) };

/** The next number in the order of arrival, shared with notes, decisions and actions (migration 0013). */
const nextSeq = sql<string>`nextval('entry_seq')`;

/**
 * An agenda row `i` as a JSON object with the columns toItem reads (built once: it never changes),
 * for reads that bring a meeting's agenda in the meeting's own row. Not the whole row: that would
 * bring the title's search vector too, written out as text for every paragraph.
 */
export const agendaItemObject = jsonObjectOf('i', columns);

export type ItemRow = Pick<Selectable<AgendaItemsTable>, (typeof columns)[number]>;

export function toItem(row: ItemRow): AgendaItem {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    parentId: row.parent_id,
    position: row.position,
    section: row.section,
    title: row.title,
    typeTag: row.type_tag as ItemTypeTag | null,
    standardKind: row.standard_kind as StandardItemKind | null,
    number: row.number,
    presenters: row.presenters,
    outcome: row.outcome as ItemOutcome,
    outcomeRecorded: recordedAt(row.outcome_at, row.outcome_seq),
    recipients: row.recipients,
    recipientsRecorded: recordedAt(row.recipients_at, row.recipients_seq),
    carriedFromItemId: row.carried_from_item_id,
    fromInvitation: row.from_invitation,
    plannedMinutes: row.planned_minutes,
  };
}

export class AgendaRepository implements AgendaStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(meetingId: string): Promise<AgendaItem[]> {
    const rows = await this.db
      .selectFrom('agenda_items')
      .select(columns)
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
    return rows.map(toItem);
  }

  async insert(groupId: string, item: NewAgendaItem): Promise<AgendaItem> {
    const row = await this.db
      .insertInto('agenda_items')
      .values({
        meeting_id: item.meetingId,
        group_id: groupId,
        parent_id: item.parentId,
        position: item.position,
        section: item.section,
        title: item.title,
        type_tag: item.typeTag,
        standard_kind: item.standardKind,
        number: item.number,
        presenters: JSON.stringify(item.presenters),
        outcome: item.outcome,
        recipients: JSON.stringify(item.recipients),
        carried_from_item_id: item.carriedFromItemId,
        from_invitation: item.fromInvitation ?? false,
        planned_minutes: item.plannedMinutes ?? null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toItem(row);
  }

  async update(meetingId: string, itemId: string, changes: AgendaChanges): Promise<void> {
    const at = changes.recordedAt;
    const outcomeRecorded = at !== undefined && changes.outcome !== undefined;
    const recipientsRecorded = at !== undefined && changes.recipients !== undefined;
    await this.db
      .updateTable('agenda_items')
      .set(({ fn, ref }) => ({
        parent_id: changes.parentId,
        position: changes.position,
        section: changes.section,
        title: changes.title,
        type_tag: changes.typeTag,
        standard_kind: changes.standardKind,
        number: changes.number,
        presenters: changes.presenters && JSON.stringify(changes.presenters),
        outcome: changes.outcome,
        recipients: changes.recipients && JSON.stringify(changes.recipients),
        carried_from_item_id: changes.carriedFromItemId,
        from_invitation: changes.fromInvitation,
        planned_minutes: changes.plannedMinutes,
        // a new plan is counted afresh: an overrun of the old one no longer holds
        ...(changes.plannedMinutes !== undefined ? { overrun_told_at: null } : {}),
        // the outcome stands where it was last recorded; the recipients where the first were
        ...(outcomeRecorded ? { outcome_at: at, outcome_seq: nextSeq } : {}),
        ...(recipientsRecorded
          ? { recipients_at: fn.coalesce(ref('recipients_at'), sql<Date>`${at}::timestamptz`), recipients_seq: fn.coalesce(ref('recipients_seq'), nextSeq) }
          : {}),
      }))
      .where('meeting_id', '=', meetingId)
      .where('id', '=', itemId)
      .execute();
  }

  async setNumbers(meetingId: string, numbers: ReadonlyArray<{ itemId: string; number: number | null }>): Promise<void> {
    if (numbers.length === 0) return;
    // One statement however many numbers move: adding an item before the closing ones renumbers each of them.
    const rows = sql.join(numbers.map((n) => sql`(${n.itemId}::uuid, ${n.number}::integer)`));
    await sql`
      update agenda_items a set number = v.number
      from (values ${rows}) as v (id, number)
      where a.meeting_id = ${meetingId} and a.id = v.id`.execute(this.db);
  }

  async moveToMeeting(fromMeetingId: string, itemId: string, toMeetingId: string, position: number): Promise<void> {
    // At the other meeting the item is the secretary's: that meeting's invitation never removes it.
    await this.db.updateTable('agenda_items').set({ meeting_id: toMeetingId, position, number: null, from_invitation: false })
      .where('meeting_id', '=', fromMeetingId).where('id', '=', itemId).execute();
    await this.db.updateTable('agenda_items').set({ meeting_id: toMeetingId, from_invitation: false })
      .where('meeting_id', '=', fromMeetingId).where('parent_id', '=', itemId).execute();
  }

  async remove(meetingId: string, itemId: string): Promise<void> {
    await this.db.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).where('id', '=', itemId).execute();
  }

  async overrunCandidates(): Promise<Array<{ groupId: string; meetingId: string; itemId: string }>> {
    const rows = await this.db
      .selectFrom('meetings')
      .innerJoin('agenda_items', 'agenda_items.id', 'meetings.current_item_id')
      .select(['meetings.group_id', 'meetings.id as meeting_id', 'agenda_items.id as item_id'])
      .where('meetings.status', '=', 'pågår')
      .where('agenda_items.planned_minutes', 'is not', null)
      .where('agenda_items.overrun_told_at', 'is', null)
      .execute();
    return rows.map((r) => ({ groupId: r.group_id, meetingId: r.meeting_id, itemId: r.item_id }));
  }

  async claimOverrunNotice(meetingId: string, itemId: string, at: IsoTime): Promise<boolean> {
    const row = await this.db
      .updateTable('agenda_items')
      .set({ overrun_told_at: at })
      .where('meeting_id', '=', meetingId)
      .where('id', '=', itemId)
      .where('overrun_told_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async postponedNotCarried(groupId: string, beforeMeetingId: string): Promise<AgendaItem[]> {
    const rows = await this.db
      .selectFrom('agenda_items as item')
      .select(columns.map((c) => `item.${c}` as const))
      .where('item.group_id', '=', groupId)
      .where('item.meeting_id', '!=', beforeMeetingId)
      .where('item.outcome', '=', 'postponed')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('agenda_items as later').select('later.id').whereRef('later.carried_from_item_id', '=', 'item.id'))),
      )
      .orderBy('item.created_at')
      .execute();
    return rows.map(toItem);
  }
}

import type { Kysely, Selectable } from 'kysely';
import type { AgendaStore } from '../core/ports';
import type { AgendaItem, ItemOutcome, ItemTypeTag, StandardItemKind } from '../core/model';
import type { AgendaItemsTable, Database } from './schema';

const columns = [
  'id', 'meeting_id', 'parent_id', 'position', 'section', 'title', 'type_tag', 'standard_kind', 'number',
  'presenters', 'outcome', 'recipients', 'carried_from_item_id',
] as const;

type ItemRow = Pick<Selectable<AgendaItemsTable>, (typeof columns)[number]>;

function toItem(row: ItemRow): AgendaItem {
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
    recipients: row.recipients,
    carriedFromItemId: row.carried_from_item_id,
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

  async insert(groupId: string, item: Omit<AgendaItem, 'id'>): Promise<AgendaItem> {
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
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toItem(row);
  }

  async update(meetingId: string, itemId: string, changes: Partial<Omit<AgendaItem, 'id' | 'meetingId'>>): Promise<void> {
    await this.db
      .updateTable('agenda_items')
      .set({
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
      })
      .where('meeting_id', '=', meetingId)
      .where('id', '=', itemId)
      .execute();
  }

  async remove(meetingId: string, itemId: string): Promise<void> {
    await this.db.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).where('id', '=', itemId).execute();
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

import type { Kysely, RawBuilder, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { ActionOwnerFilter, ActionPageQuery, ActionStatusFilter, ActionStore, ActionTotals, ActionWithSource } from '../core/ports';
import type { ActionItem, ActionStatus, IsoDate, IsoTime, MeetingStatus } from '../core/model';
import type { ActionItemsTable, Database } from './schema';
import { iso, seqNumber } from './rows';
import { compiledOnce } from './compiled-once';

const columns = [
  'id', 'group_id', 'meeting_id', 'item_id', 'text', 'owner_member_id', 'owner_name', 'due_date', 'status', 'version', 'created_at', 'seq',
] as const;

/** A timestamptz as the ISO text `Date#toISOString` gives (UTC, milliseconds), computed by PostgreSQL. */
const isoText = <T extends string | null = string>(value: RawBuilder<unknown>) => sql<T>`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type ActionRow = Pick<Selectable<ActionItemsTable>, (typeof columns)[number]>;

/** `created_at` as a Date (plain selects) or already as ISO text (the tab's list, see page). */
function toAction(row: Omit<ActionRow, 'created_at'> & { created_at: Date | string }): ActionItem {
  return {
    id: row.id,
    groupId: row.group_id,
    meetingId: row.meeting_id,
    itemId: row.item_id,
    text: row.text,
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    status: row.status as ActionStatus,
    version: row.version,
    createdAt: typeof row.created_at === 'string' ? row.created_at : iso(row.created_at),
    seq: seqNumber(row.seq),
  };
}

/** The write every `åtgärd` sends, compiled once (compiled-once.ts). */
const insertAction = compiledOnce((
  db, groupId: string, meetingId: string, itemId: string, text: string, ownerMemberId: string | null, ownerName: string | null, dueDate: IsoDate | null, createdAt: IsoTime,
) => db
  .insertInto('action_items')
  .values({
    group_id: groupId, meeting_id: meetingId, item_id: itemId, text, owner_member_id: ownerMemberId, owner_name: ownerName, due_date: dueDate, created_at: createdAt,
  })
  .returning(columns));

export class ActionRepository implements ActionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(action: Omit<ActionItem, 'id' | 'version' | 'status' | 'seq'>): Promise<ActionItem> {
    const { groupId, meetingId, itemId, text, ownerMemberId, ownerName, dueDate, createdAt } = action;
    return toAction((await insertAction.execute(this.db, groupId, meetingId, itemId, text, ownerMemberId, ownerName, dueDate, createdAt)).rows[0]!);
  }

  async listForMeeting(groupId: string, meetingId: string): Promise<ActionItem[]> {
    const rows = await this.db
      .selectFrom('action_items')
      .select(columns)
      .where('group_id', '=', groupId)
      .where('meeting_id', '=', meetingId)
      .orderBy('created_at')
      .orderBy('seq')
      .execute();
    return rows.map(toAction);
  }

  async listForGroup(groupId: string, status: ActionStatus | 'all'): Promise<ActionItem[]> {
    let query = this.db.selectFrom('action_items').select(columns).where('group_id', '=', groupId);
    if (status !== 'all') query = query.where('status', '=', status);
    const rows = await query.orderBy('created_at', 'desc').orderBy('seq', 'desc').execute();
    return rows.map(toAction);
  }

  async findById(actionId: string): Promise<ActionItem | null> {
    const row = await this.db.selectFrom('action_items').select(columns).where('id', '=', actionId).executeTakeFirst();
    return row ? toAction(row) : null;
  }

  async setStatus(groupId: string, actionId: string, status: ActionStatus, expectedVersion: number): Promise<ActionItem | null> {
    const row = await this.db
      .updateTable('action_items')
      .set((eb) => ({ status, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('group_id', '=', groupId)
      .where('id', '=', actionId)
      .where('version', '=', expectedVersion)
      .returning(columns)
      .executeTakeFirst();
    return row ? toAction(row) : null;
  }

  /**
   * One page of the tab's list (a long-lived group has tens of thousands of actions). The filters and
   * the order are the ones migration 0017 indexes, so the rows come from an index in order and the
   * read stops after `limit`; a page starts after the previous page's last key (created_at, seq),
   * compared as a row, so page 100 costs what page 1 does. The page of actions is taken first, on
   * its own, and only its rows are then joined to their paragraphs and meetings: joined in one
   * query, the planner may hash-join every meeting of the table before it applies the limit.
   * Timestamps come back as ISO text from PostgreSQL: parsing each into a Date and formatting it
   * again was half the time of the list.
   */
  async page(query: ActionPageQuery): Promise<ActionWithSource[]> {
    const rows = await this.db
      .selectFrom((eb) => {
        let page = eb
          .selectFrom('action_items as a')
          .select(columns.map((c) => `a.${c}` as const))
          .where('a.group_id', '=', query.groupId)
          .where(filters(query.status, query.owner, query.today));
        if (query.after) {
          page = page.where(sql<boolean>`(a.created_at, a.seq) < (${query.after.createdAt}::timestamptz, ${query.after.seq}::bigint)`);
        }
        return page.orderBy('a.created_at', 'desc').orderBy('a.seq', 'desc').limit(query.limit).as('a');
      })
      .innerJoin('agenda_items as item', 'item.id', 'a.item_id')
      .leftJoin('agenda_items as parent', 'parent.id', 'item.parent_id')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select(columns.filter((c) => c !== 'created_at').map((c) => `a.${c}` as const))
      .select([
        isoText(sql.ref('a.created_at')).as('created_at'),
        sql<string>`to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
        'item.title as item_title',
        sql<number | null>`coalesce(parent.number, item.number)`.as('paragraph_number'),
        sql<number | null>`case when item.parent_id is null then null else (
          select count(*)::int from agenda_items sibling
          where sibling.parent_id = item.parent_id and sibling.position < item.position) end`.as('sub_point_index'),
        isoText<string | null>(sql`coalesce(m.started_at, m.starts_at)`).as('meeting_starts_at'),
        'm.status as meeting_status',
        sql<boolean>`exists (select 1 from paragraph_adjustments pa
          where pa.item_id = coalesce(parent.id, item.id) and pa.adjusted_at is not null)`.as('paragraph_adjusted'),
      ])
      .orderBy('a.created_at', 'desc')
      .orderBy('a.seq', 'desc')
      .execute();
    return rows.map((row) => ({
      ...toAction(row),
      key: { createdAt: row.created_key, seq: seqNumber(row.seq) },
      itemTitle: row.item_title,
      paragraphNumber: row.paragraph_number,
      subPointIndex: row.sub_point_index,
      meetingStartsAt: row.meeting_starts_at,
      meetingStatus: row.meeting_status as MeetingStatus,
      paragraphAdjusted: row.paragraph_adjusted,
    }));
  }

  /**
   * The count per status from action_counts (migration 0017), which a trigger keeps per owner,
   * status and due date: a few hundred rows to sum however many actions the group has.
   */
  async totals(groupId: string, owner: ActionOwnerFilter, today: IsoDate): Promise<ActionTotals> {
    let query = this.db
      .selectFrom('action_counts as c')
      .select([
        sql<string>`coalesce(sum(c.n) filter (where c.status = 'open'), 0)`.as('open'),
        sql<string>`coalesce(sum(c.n) filter (where c.status = 'open' and c.due_date < ${today}::date), 0)`.as('overdue'),
        sql<string>`coalesce(sum(c.n) filter (where c.status = 'done'), 0)`.as('done'),
        sql<string>`coalesce(sum(c.n), 0)`.as('all'),
      ])
      .where('c.group_id', '=', groupId);
    if (owner === 'none') query = query.where('c.ownerless', '=', true);
    else if (owner) query = query.where(sql<boolean>`c.owner_member_id = ${owner.memberId}::uuid`);
    const row = await query.executeTakeFirstOrThrow();
    return { open: Number(row.open), overdue: Number(row.overdue), done: Number(row.done), all: Number(row.all) };
  }
}

/** The list's filters as one condition on `action_items as a`. */
function filters(status: ActionStatusFilter, owner: ActionOwnerFilter, today: IsoDate): RawBuilder<boolean> {
  const conditions: Array<RawBuilder<unknown>> = [];
  if (status === 'open' || status === 'done') conditions.push(sql`a.status = ${status}`);
  if (status === 'overdue') conditions.push(sql`a.status = 'open' and a.due_date < ${today}::date`);
  if (owner === 'none') conditions.push(sql`a.owner_name is null`);
  else if (owner) conditions.push(sql`a.owner_member_id = ${owner.memberId}::uuid`);
  return conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`true`;
}

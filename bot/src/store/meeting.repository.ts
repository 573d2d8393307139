import { sql, type Kysely, type Selectable } from 'kysely';
import type { MeetingListKey, MeetingListRow, MeetingStore, OpenMeetingExtra, OpenMeetingRead } from '../core/ports';
import { PLACE_WITHOUT_ROOM, type AgendaItem, type IsoTime, type Meeting, type MeetingStatus, type RosterMember } from '../core/model';
import type { Database, MeetingsTable } from './schema';
import { isoOrNull } from './rows';
import { chatThreadInJoinUrl } from '../core/join-url';
import { agendaItemObject, toItem, type ItemRow } from './agenda.repository';
import { rosterJson, toMember } from './roster.repository';
import { quorumFactsColumns, toQuorumFacts, type QuorumFactsRow } from './attendance.repository';
import { compiledOnce } from './compiled-once';

/** The longest stretch of the chat's thread made of characters that URL encoding leaves alone. */
function longestUnencodedRun(chatId: string): string {
  const thread = chatId.replace(/^19:/, '').replace(/@thread\..*$/, '');
  return thread.split(/[^A-Za-z0-9._~-]+/).reduce((longest, run) => (run.length > longest.length ? run : longest), '');
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const columns = [
  'id', 'group_id', 'status', 'starts_at', 'ends_at', 'started_at', 'ended_at', 'place', 'place_set_by_secretary', 'current_item_id',
  'teams_meeting_id', 'join_url', 'approval_deadline', 'adjuster_member_ids', 'distribution_list', 'pending_section', 'stand_in_member_id',
] as const;

type MeetingRow = Pick<Selectable<MeetingsTable>, (typeof columns)[number]>;

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    groupId: row.group_id,
    status: row.status as MeetingStatus,
    startsAt: isoOrNull(row.starts_at),
    endsAt: isoOrNull(row.ends_at),
    startedAt: isoOrNull(row.started_at),
    endedAt: isoOrNull(row.ended_at),
    place: row.place,
    // null: a meeting from before the column, whose place may have been typed unless it is the default
    placeSetBySecretary: row.place_set_by_secretary ?? row.place !== PLACE_WITHOUT_ROOM,
    currentItemId: row.current_item_id,
    teamsMeetingId: row.teams_meeting_id,
    joinUrl: row.join_url,
    approvalDeadline: isoOrNull(row.approval_deadline),
    adjusterMemberIds: row.adjuster_member_ids,
    distributionList: row.distribution_list,
    pendingSection: row.pending_section,
    standInMemberId: row.stand_in_member_id,
  };
}

/**
 * The open meeting with its agenda, the paragraphs adjusted at once and how much the current
 * paragraph already holds, and what the command needs besides (OpenMeetingExtra), locked: every
 * command on the meeting reads it, so each shape is compiled once (compiled-once.ts).
 */
function openMeetingRead(db: Kysely<Database>, groupId: string, extra: OpenMeetingExtra | 'none') {
  const entries = (table: string) => sql`(select count(*) from ${sql.table(table)} e where e.meeting_id = meetings.id and e.item_id = meetings.current_item_id)`;
  // The agenda comes as JSON in the same row (its timestamps as text, which toItem reads alike).
  return db
    .selectFrom('meetings')
    .select(columns)
    .select(sql<ItemRow[]>`coalesce((select json_agg(${agendaItemObject} order by i.position, i.created_at) from agenda_items i where i.meeting_id = meetings.id), '[]')`.as('items'))
    .select(sql<string[]>`coalesce((select json_agg(i.id) from agenda_items i
      join paragraph_adjustments pa on pa.item_id = coalesce(i.parent_id, i.id) and pa.adjusted_at is not null
      where i.meeting_id = meetings.id), '[]')`.as('adjusted_item_ids'))
    // Read under the meeting's lock, as every write to its paragraphs takes it: the count stays true for the turn.
    .select(sql<string | null>`case when current_item_id is null then null else
      ${entries('notes')} + ${entries('decisions')} + ${entries('action_items')} + ${entries('paragraph_statements')} end`.as('current_item_entries'))
    // What the command needs besides, in the same statement rather than a read of its own.
    .$if(extra === 'roster', (q) => q.select(rosterJson(sql.ref('meetings.group_id')).as('roster')))
    .$if(extra === 'quorum-facts', (q) => q.select(quorumFactsColumns(sql.ref('meetings.group_id'), sql.ref('meetings.id'))))
    .where('group_id', '=', groupId)
    .where('status', 'in', ['planerat', 'pågår'])
    .forUpdate();
}

const openMeetingReads = {
  none: compiledOnce((db, groupId: string) => openMeetingRead(db, groupId, 'none')),
  roster: compiledOnce((db, groupId: string) => openMeetingRead(db, groupId, 'roster')),
  'quorum-facts': compiledOnce((db, groupId: string) => openMeetingRead(db, groupId, 'quorum-facts')),
};

/**
 * The draft the rule keeps current (core/use-cases/draft-rule.ts), locked: the group's newest
 * meeting awaiting justering, when this transaction changed it or its version has no content digest.
 * The newest is picked first and only then filtered: an older one changed here is not the draft the
 * rule keeps current. Every turn that writes sends it, so it is compiled once.
 */
const awaitingApprovalToCompare = compiledOnce((db, groupId: string) => db
  .with('awaiting', (w) => w
    .selectFrom('meetings')
    .select('id')
    .where('group_id', '=', groupId)
    .where('status', '=', 'justering')
    .orderBy(sql`coalesce(started_at, starts_at, created_at)`, 'desc')
    .limit(1))
  .selectFrom('meetings')
  .select(columns)
  .where('id', '=', (eb) => eb.selectFrom('awaiting').select('id'))
  .where('group_id', '=', groupId)
  .where((eb) => eb.or([
    eb.exists(eb.selectFrom('meeting_changes as c').select(sql.lit(1).as('one'))
      .whereRef('c.meeting_id', '=', 'meetings.id')
      .where('c.tx', '=', sql<string>`txid_current_if_assigned()`)),
    eb.not(eb.exists(eb.selectFrom('document_versions as v').select(sql.lit(1).as('one'))
      .whereRef('v.meeting_id', '=', 'meetings.id')
      .where('v.final', '=', false)
      .where('v.content_digest', 'is not', null)
      .where('v.version', '=', (v) => v.selectFrom('document_versions as latest').select((l) => l.fn.max('latest.version').as('version')).whereRef('latest.meeting_id', '=', 'meetings.id')))),
  ]))
  .forUpdate());

export class MeetingRepository implements MeetingStore {
  /** `openMeetingLockOf`: the group whose open meeting this transaction has locked already, if any */
  constructor(private readonly db: Kysely<Database>, private readonly openMeetingLockOf: string | null = null) {}

  async findById(groupId: string, meetingId: string): Promise<Meeting | null> {
    const row = await this.db
      .selectFrom('meetings')
      .select(columns)
      .where('group_id', '=', groupId)
      .where('id', '=', meetingId)
      .executeTakeFirst();
    return row ? toMeeting(row) : null;
  }

  async lock(groupId: string, meetingId: string): Promise<Meeting | null> {
    const row = await this.db
      .selectFrom('meetings')
      .select(columns)
      .where('group_id', '=', groupId)
      .where('id', '=', meetingId)
      .forUpdate()
      .executeTakeFirst();
    return row ? toMeeting(row) : null;
  }

  async findOpen(groupId: string): Promise<Meeting | null> {
    const row = await this.db
      .selectFrom('meetings')
      .select(columns)
      .where('group_id', '=', groupId)
      .where('status', 'in', ['planerat', 'pågår'])
      .executeTakeFirst();
    return row ? toMeeting(row) : null;
  }

  async findOpenWithRoster(groupId: string): Promise<{ meeting: Meeting | null; roster: RosterMember[] }> {
    // The roster as JSON beside the meeting's row; the outer join keeps the roster when there is no meeting.
    const row = await this.db
      .selectFrom(sql<{ one: number }>`(select 1)`.as('one'))
      .leftJoin('meetings', (join) => join.onTrue().on('meetings.group_id', '=', groupId).on('meetings.status', 'in', ['planerat', 'pågår']))
      .select(columns.map((c) => `meetings.${c}` as const))
      .select(rosterJson(groupId).as('roster'))
      .executeTakeFirstOrThrow();
    return { meeting: row.id ? toMeeting(row as MeetingRow) : null, roster: row.roster.map(toMember) };
  }

  async findOpenForUpdate(groupId: string): Promise<Meeting | null> {
    const row = await this.db
      .selectFrom('meetings')
      .select(columns)
      .where('group_id', '=', groupId)
      .where('status', 'in', ['planerat', 'pågår'])
      .forUpdate()
      .executeTakeFirst();
    return row ? toMeeting(row) : null;
  }

  async findOpenWithAgendaForUpdate(groupId: string, extra?: OpenMeetingExtra): Promise<OpenMeetingRead | null> {
    // The lock first, the read after it in a statement of its own. One statement that waits for the
    // lock reads the agenda as committed when it began: without what the transaction it waited for
    // wrote (a paragraph added, a decision counted). A turn's context takes the lock first of all.
    if (this.openMeetingLockOf !== groupId) await this.findOpenForUpdate(groupId);
    const row = (await openMeetingReads[extra ?? 'none'].execute(this.db, groupId)).rows[0];
    if (!row) return null;
    const read: OpenMeetingRead = {
      meeting: toMeeting(row),
      items: row.items.map(toItem),
      adjustedItemIds: new Set(row.adjusted_item_ids),
      currentItemEntries: row.current_item_entries === null ? null : Number(row.current_item_entries),
    };
    const extras = row as Partial<QuorumFactsRow>;
    if (extra === 'roster') read.roster = extras.roster!.map(toMember);
    if (extra === 'quorum-facts') read.quorumFacts = toQuorumFacts(extras as QuorumFactsRow);
    return read;
  }

  async create(
    groupId: string,
    input: { startsAt?: IsoTime | null; endsAt?: IsoTime | null; teamsMeetingId?: string | null; joinUrl?: string | null },
  ): Promise<Meeting> {
    const row = await this.db
      .insertInto('meetings')
      .values({
        group_id: groupId,
        starts_at: input.startsAt ?? null,
        ends_at: input.endsAt ?? null,
        teams_meeting_id: input.teamsMeetingId ?? null,
        join_url: input.joinUrl ?? null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toMeeting(row);
  }

  async update(groupId: string, meetingId: string, changes: Partial<Omit<Meeting, 'id' | 'groupId'>>): Promise<Meeting> {
    const row = await this.db
      .updateTable('meetings')
      .set({
        status: changes.status,
        starts_at: changes.startsAt,
        ends_at: changes.endsAt,
        started_at: changes.startedAt,
        ended_at: changes.endedAt,
        place: changes.place,
        place_set_by_secretary: changes.placeSetBySecretary,
        current_item_id: changes.currentItemId,
        teams_meeting_id: changes.teamsMeetingId,
        join_url: changes.joinUrl,
        approval_deadline: changes.approvalDeadline,
        // A new deadline gets its own reminders.
        ...(changes.approvalDeadline !== undefined ? { approval_reminder_at: null } : {}),
        adjuster_member_ids: changes.adjusterMemberIds && JSON.stringify(changes.adjusterMemberIds),
        distribution_list: changes.distributionList && JSON.stringify(changes.distributionList),
        pending_section: changes.pendingSection,
        stand_in_member_id: changes.standInMemberId,
      })
      .where('group_id', '=', groupId)
      .where('id', '=', meetingId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toMeeting(row);
  }

  async previous(groupId: string, beforeMeetingId: string): Promise<Meeting | null> {
    const row = await this.db
      .selectFrom('meetings')
      .select(columns)
      .where('group_id', '=', groupId)
      .where('id', '!=', beforeMeetingId)
      // a cancelled meeting has no protokoll: "föregående protokoll" is the one before it
      .where('status', 'not in', ['planerat', 'pågår', 'inställt'])
      .orderBy(sql`coalesce(started_at, starts_at, created_at)`, 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toMeeting(row) : null;
  }

  /**
   * The year as a range of the meetings_group_date index (a Stockholm year, DST and all, by
   * make_timestamptz), so ten years of history are not read to find one; each meeting's last number
   * is one probe of agenda_items_numbers (migration 0023). Sub-points carry no number.
   */
  async lastNumberUsedInYear(groupId: string, year: number, exceptMeetingId: string): Promise<number | null> {
    const at = sql`coalesce(m.started_at, m.starts_at, m.created_at)`;
    const result = await sql<{ last: number | null }>`
      select max(last.number) as last from meetings m
      cross join lateral (
        select i.number from agenda_items i
        where i.meeting_id = m.id and i.parent_id is null and i.number is not null
        order by i.number desc limit 1
      ) last
      where m.group_id = ${groupId} and m.id <> ${exceptMeetingId}
        and ${at} >= make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'Europe/Stockholm')
        and ${at} < make_timestamptz(${year + 1}::int, 1, 1, 0, 0, 0, 'Europe/Stockholm')`.execute(this.db);
    return result.rows[0]?.last ?? null;
  }

  async awaitingApprovalToCompare(groupId: string): Promise<Meeting | null> {
    const row = (await awaitingApprovalToCompare.execute(this.db, groupId)).rows[0];
    return row ? toMeeting(row) : null;
  }

  async changeNumber(groupId: string, meetingId: string): Promise<number> {
    const row = await this.db
      .selectFrom('meeting_changes')
      .innerJoin('meetings', 'meetings.id', 'meeting_changes.meeting_id')
      .select((eb) => eb.fn.countAll<string>().as('changes'))
      .where('meetings.group_id', '=', groupId)
      .where('meeting_changes.meeting_id', '=', meetingId)
      .executeTakeFirst();
    return Number(row?.changes ?? 0);
  }

  async groupWithChatInJoinUrl(chatId: string): Promise<string | null> {
    // The link spells the thread URL-encoded, and not every writer encodes alike (`%3a` or `%3A`):
    // the database narrows by the thread's longest run of characters no one encodes, and the link
    // itself is then read exactly as everywhere else.
    const run = longestUnencodedRun(chatId);
    if (!run) return null;
    const rows = await this.db
      .selectFrom('meetings')
      .select(['group_id', 'join_url'])
      .where('join_url', 'like', `%/l/meetup-join/%${escapeLike(run)}%`)
      .orderBy(sql`coalesce(started_at, starts_at, created_at)`, 'desc')
      .execute();
    return rows.find((r) => chatThreadInJoinUrl(r.join_url) === chatId)?.group_id ?? null;
  }

  async list(groupId: string): Promise<Meeting[]> {
    const rows = await this.db
      .selectFrom('meetings')
      .select(columns)
      .where('group_id', '=', groupId)
      .orderBy(sql`coalesce(started_at, starts_at, created_at)`, 'desc')
      .execute();
    return rows.map(toMeeting);
  }

  /**
   * One page of the tab's meeting list, in the order of the meetings_group_date index (migration
   * 0015), after the previous page's last key; each meeting's paragraph range comes with it instead
   * of one agenda read per meeting, its min and max each one probe of agenda_items_numbers (0023).
   */
  async page(groupId: string, limit: number, after: MeetingListKey | null): Promise<MeetingListRow[]> {
    const at = sql`coalesce(started_at, starts_at, created_at)`;
    let query = this.db
      .selectFrom('meetings as m')
      .select(columns)
      .select([
        sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('key_at'),
        sql<number | null>`(select min(i.number) from agenda_items i where i.meeting_id = m.id and i.parent_id is null)`.as('first_number'),
        sql<number | null>`(select max(i.number) from agenda_items i where i.meeting_id = m.id and i.parent_id is null)`.as('last_number'),
      ])
      .where('group_id', '=', groupId);
    if (after) query = query.where(sql<boolean>`(${at}, m.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
    const rows = await query.orderBy(at, 'desc').orderBy('m.id', 'desc').limit(limit).execute();
    return rows.map((row) => ({
      meeting: toMeeting(row),
      key: { at: row.key_at, id: row.id },
      paragraphs: row.first_number === null || row.last_number === null ? null : { first: row.first_number, last: row.last_number },
    }));
  }

  async awaitingApprovalWithDeadline(): Promise<Meeting[]> {
    const rows = await this.db
      .selectFrom('meetings')
      .select(columns)
      .where('status', '=', 'justering')
      .where('approval_deadline', 'is not', null)
      .orderBy('approval_deadline')
      .execute();
    return rows.map(toMeeting);
  }

  async claimApprovalReminder(meetingId: string, stage: 'soon' | 'overdue', at: IsoTime): Promise<boolean> {
    // One conditional UPDATE: of two instances claiming at once, one row update wins.
    const claimed = await this.db
      .updateTable('meetings')
      .set({ approval_reminder_at: at })
      .where('id', '=', meetingId)
      .where('status', '=', 'justering')
      .where((eb) =>
        stage === 'soon'
          ? eb('approval_reminder_at', 'is', null)
          : eb.or([eb('approval_reminder_at', 'is', null), eb('approval_reminder_at', '<', eb.ref('approval_deadline'))]),
      )
      .returning('id')
      .executeTakeFirst();
    return !!claimed;
  }
}

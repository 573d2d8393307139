import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DecisionRegisterKey, DecisionRegisterRow, DecisionRegisterStore, DecisionSearch } from '../core/ports';
import type { MeetingStatus } from '../core/model';
import type { Database } from './schema';
import { seqNumber } from './rows';

/** How the database marks a matched word in `ts_headline` (see DecisionRegisterRow): never recorded text. */
const MARKS = `HighlightAll=true, StartSel=${String.fromCharCode(2)}, StopSel=${String.fromCharCode(3)}`;

interface Row {
  decision_id: string;
  group_id: string;
  meeting_id: string;
  meeting_status: string;
  meeting_at: string;
  clause: string;
  clause_number: number;
  item_title: string;
  paragraph_number: number | null;
  sub_point_index: number | null;
  main_position: number;
  sub_position: number;
  recorded_at_micros: string;
  seq: string | number | bigint;
  rank: string | null;
  clause_marked: string | null;
  title_marked: string | null;
  total: string | number;
}

/**
 * The decision register: decision clauses of a set of groups, newest meeting first and in the
 * protokoll's own order within a meeting, found by the `swedish` text search over the clause, its
 * paragraph's title and, for a sub-point, its main paragraph's title, read together (a word of the
 * title and one of the clause find it). The search runs over the groups' own decisions (the meeting
 * index narrows to them first), on vectors the database keeps, so nothing is parsed at search time.
 * Keyset paging: a page starts after the key of the previous page's last row, so page 100 costs
 * what page 1 does.
 */
export class DecisionRegisterRepository implements DecisionRegisterStore {
  constructor(private readonly db: Kysely<Database>) {}

  async search(query: DecisionSearch): Promise<{ rows: DecisionRegisterRow[]; total: number | null }> {
    if (query.groupIds.length === 0) return { rows: [], total: query.after ? null : 0 };
    // Each word stemmed and as a prefix (`arbetsord:*`): the words are letters and digits only, so the
    // text below is a well-formed tsquery whatever was typed.
    const tsquery = query.words.length ? sql`to_tsquery('swedish', ${query.words.map((w) => `${w}:*`).join(' & ')})` : null;
    const matches = tsquery
      ? sql`and (d.search || item.search || coalesce(parent.search, ''::tsvector)) @@ ${tsquery}`
      : sql``;
    const marked = (column: RawBuilder<unknown>) => (tsquery ? sql<string>`ts_headline('swedish', ${column}, ${tsquery}, ${MARKS})` : sql<null>`null`);
    // Relevance: how well the clause and its titles match, the clause's own words weighted above the titles'.
    const rank = tsquery && query.order === 'relevance'
      ? sql`ts_rank(setweight(d.search, 'A') || setweight(item.search || coalesce(parent.search, ''::tsvector), 'B'), ${tsquery})`
      : null;
    const after = query.after ? afterKey(query.after, rank) : sql``;

    const result = await sql<Row>`
      select d.id as decision_id, m.group_id, m.id as meeting_id, m.status as meeting_status,
        to_char(coalesce(m.started_at, m.starts_at, m.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as meeting_at,
        d.clause, item.title as item_title,
        (select count(*)::int + 1 from decisions earlier
          where earlier.item_id = d.item_id and (earlier.created_at, earlier.seq) < (d.created_at, d.seq)) as clause_number,
        coalesce(parent.number, item.number) as paragraph_number,
        case when parent.id is null then null else (
          select count(*)::int from agenda_items sibling where sibling.parent_id = item.parent_id and sibling.position < item.position) end as sub_point_index,
        coalesce(parent.position, item.position) as main_position,
        case when parent.id is null then -1 else item.position end as sub_position,
        (extract(epoch from d.created_at) * 1000000)::bigint::text as recorded_at_micros,
        d.seq,
        ${rank ? sql`${rank}::text` : sql`null`} as rank,
        ${marked(sql`d.clause`)} as clause_marked,
        ${marked(sql`item.title`)} as title_marked,
        count(*) over () as total
      from decisions d
      join meetings m on m.id = d.meeting_id
      join agenda_items item on item.id = d.item_id
      left join agenda_items parent on parent.id = item.parent_id
      where m.group_id in (${sql.join(query.groupIds)}) ${matches} ${after}
      order by ${rank ? sql`${rank} desc,` : sql``} coalesce(m.started_at, m.starts_at, m.created_at) desc, m.id desc,
        coalesce(parent.position, item.position), case when parent.id is null then -1 else item.position end,
        d.created_at, d.seq
      limit ${query.limit}`.execute(this.db);

    const rows = result.rows.map((r): DecisionRegisterRow => ({
      key: {
        meetingAt: r.meeting_at, meetingId: r.meeting_id, mainPosition: r.main_position, subPosition: r.sub_position,
        recordedAtMicros: r.recorded_at_micros, seq: seqNumber(r.seq), rank: r.rank,
      },
      decisionId: r.decision_id,
      groupId: r.group_id,
      meetingId: r.meeting_id,
      meetingStatus: r.meeting_status as MeetingStatus,
      clause: r.clause,
      clauseNumber: r.clause_number,
      itemTitle: r.item_title,
      paragraphNumber: r.paragraph_number,
      subPointIndex: r.sub_point_index,
      clauseMarked: r.clause_marked,
      titleMarked: r.title_marked,
    }));
    // `count(*) over ()` counts before the limit but after the key: all matches on the first page only.
    const total = query.after ? null : Number(result.rows[0]?.total ?? 0);
    return { rows, total };
  }
}

/**
 * The rows after `key` in register order. The order mixes directions (meetings newest first, the
 * protokoll's order within one), so the comparison is spelled out: a later row has an earlier
 * meeting, or the same meeting and a later place in it. By relevance a later row ranks lower, or the
 * same and comes later by date.
 */
function afterKey(key: DecisionRegisterKey, rank: RawBuilder<unknown> | null): RawBuilder<unknown> {
  const byDate = afterByDate(key);
  if (!rank || key.rank === null) return sql`and ${byDate}`;
  return sql`and (${rank} < ${key.rank}::real or (${rank} = ${key.rank}::real and ${byDate}))`;
}

function afterByDate(key: DecisionRegisterKey): RawBuilder<unknown> {
  const meetingAt = sql`coalesce(m.started_at, m.starts_at, m.created_at)`;
  const place = sql`(coalesce(parent.position, item.position), case when parent.id is null then -1 else item.position end,
    (extract(epoch from d.created_at) * 1000000)::bigint, d.seq)`;
  return sql`(${meetingAt} < ${key.meetingAt}::timestamptz
    or (${meetingAt} = ${key.meetingAt}::timestamptz and m.id < ${key.meetingId}::uuid)
    or (${meetingAt} = ${key.meetingAt}::timestamptz and m.id = ${key.meetingId}::uuid
      and ${place} > (${key.mainPosition}::int, ${key.subPosition}::int, ${key.recordedAtMicros}::bigint, ${key.seq}::bigint)))`;
}

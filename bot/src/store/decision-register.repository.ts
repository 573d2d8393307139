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
  /** the matches counted up to the cap, on a full first page; null otherwise */
  matches: number | null;
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
    const result = await registerStatement(query).execute(this.db);
    // A first page that is not full holds every match: its length is the count (the statement counts
    // only when the page is full).
    const total = query.after ? null
      : result.rows.length < query.limit ? Math.min(result.rows.length, query.countUpTo)
      : result.rows[0]?.matches ?? 0;

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
    return { rows, total };
  }
}

/**
 * A search's statement: the page and, on a full first page, the count of matches. Built apart from
 * running it so that its plan can be read (tests/integration/store/decision-register-plans.spec.ts).
 * `groupIds` must not be empty.
 */
export function registerStatement(query: DecisionSearch): RawBuilder<Row> {
  // Each word stemmed and as a prefix (`arbetsord:*`): the words are letters and digits only, so the
  // text below is a well-formed tsquery whatever was typed. Worked out once per statement (a
  // subquery of its own): in a prepared statement's generic plan the text is a parameter, and
  // to_tsquery over it was otherwise parsed and stemmed again for every decision read.
  const tsquery = query.words.length ? sql`(select to_tsquery('swedish', ${query.words.map((w) => `${w}:*`).join(' & ')}))` : null;
  // register_search holds the clause's and its titles' words together (migration 0023): a decision is
  // matched on its own row, and only the matches are joined to their paragraphs.
  const matches = tsquery ? sql`and d.register_search @@ ${tsquery}` : sql``;
  const marked = (column: RawBuilder<unknown>) => (tsquery ? sql<string>`ts_headline('swedish', ${column}, ${tsquery}, ${MARKS})` : sql<null>`null`);
  // Relevance: how well the clause and its titles match, the clause's own words weighted above the titles'.
  const rank = tsquery && query.order === 'relevance'
    ? sql`ts_rank(setweight(d.search, 'A') || setweight(item.search || coalesce(parent.search, ''::tsvector), 'B'), ${tsquery})`
    : null;
  const after = query.after ? afterKey(query.after, rank !== null) : sql``;
  // One placeholder per group: a statement is prepared per length of the list, and its plan (which
  // meetings to walk, and how) suits lists of that length.
  const groups = sql.join(query.groupIds);

  // The matches in all, counted up to `countUpTo`: meeting by meeting (each one's decisions by the
  // decisions_meeting index, kept apart with `offset 0`), so a common word stops after the few
  // meetings that hold that many matches. Left to itself the planner, which cannot tell how common a
  // word is, may read every decision of every group instead. Counted in the page's statement, and
  // only when the first page is full: one round trip and, once prepared, no planning of its own.
  const count = query.after ? sql`null::int` : sql`case when (select count(*) from page) = ${rowCount(query.limit)} then (
    select count(*)::int from (
      select 1 from meetings m
      cross join lateral (select 1 from decisions d where d.meeting_id = m.id ${matches} offset 0) d
      where m.group_id in (${groups})
      limit ${rowCount(query.countUpTo)}
    ) capped) end`;

  // The page first, on keys alone: the groups' meetings newest first, each one's decisions and titles
  // (by the decisions_meeting index, kept apart with `offset 0` so the planner walks meeting by
  // meeting), filtered by the stored vectors; sorted incrementally, so a page of the newest
  // decisions stops after the meetings it needs instead of reading ten years. Only the page's rows
  // then get their highlights, clause numbers and sub-point letters, the costly part per row.
  // The meetings are not sorted in their own subquery: PostgreSQL plans a sorted subquery alone, for
  // all its rows, and for all the meetings of many groups a sort can cost less than walking the
  // meetings_date index to its end. It then sorted every meeting of every group (24,000 for a region's
  // ten years) to show the newest two. Unsorted, the subquery is merged into the page, whose limit
  // makes the walk that stops after a few meetings the cheap plan, whatever the planner guesses of
  // how many meetings the groups hold (for a long list of groups it guesses low).
  const page = sql<Row>`
    with page as (
      select d.*, m.group_id, m.id as meeting_id, m.status as meeting_status, m.at as meeting_at_ts
      from (select id, group_id, status, coalesce(started_at, starts_at, created_at) as at from meetings
            where group_id in (${groups})) m
      cross join lateral (
        select d.id as decision_id, d.item_id, item.parent_id, item.position as item_position, item.title as item_title, d.clause,
          coalesce(parent.number, item.number) as paragraph_number,
          coalesce(parent.position, item.position) as main_position,
          case when parent.id is null then -1 else item.position end as sub_position,
          d.created_at, d.seq,
          ${rank ? sql`${rank}` : sql`null::real`} as rank
        from decisions d
        join agenda_items item on item.id = d.item_id
        left join agenda_items parent on parent.id = item.parent_id
        where d.meeting_id = m.id ${matches}
        offset 0
      ) d
      where true ${after}
      order by ${rank ? sql`d.rank desc,` : sql``} m.at desc, m.id desc, d.main_position, d.sub_position, d.created_at, d.seq
      limit ${rowCount(query.limit)}
    )
    select page.decision_id, page.group_id, page.meeting_id, page.meeting_status,
      to_char(page.meeting_at_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as meeting_at,
      page.clause, page.item_title, page.paragraph_number, page.main_position, page.sub_position,
      (select count(*)::int + 1 from decisions earlier
        where earlier.item_id = page.item_id and (earlier.created_at, earlier.seq) < (page.created_at, page.seq)) as clause_number,
      case when page.parent_id is null then null else (
        select count(*)::int from agenda_items sibling where sibling.parent_id = page.parent_id and sibling.position < page.item_position) end as sub_point_index,
      (extract(epoch from page.created_at) * 1000000)::bigint::text as recorded_at_micros,
      page.seq,
      page.rank::text as rank,
      ${marked(sql`page.clause`)} as clause_marked,
      ${marked(sql`page.item_title`)} as title_marked,
      ${count} as matches
    from page
    order by ${rank ? sql`page.rank desc,` : sql``} page.meeting_at_ts desc, page.meeting_id desc, page.main_position, page.sub_position, page.created_at, page.seq`;

  return page;
}

/**
 * A limit written into the statement, not sent as a parameter: a prepared statement's generic plan
 * does not know a parameter's value and plans for a tenth of all rows, so PostgreSQL planned the page
 * anew on every search (a millisecond with a region's 263 groups) rather than use a plan it judged
 * costlier. Each page length is its own statement; there are few.
 */
function rowCount(n: number): RawBuilder<unknown> {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return sql.lit(n);
}

/**
 * The rows after `key` in register order. The order mixes directions (meetings newest first, the
 * protokoll's order within one), so the comparison is spelled out: a later row has an earlier
 * meeting, or the same meeting and a later place in it. By relevance a later row ranks lower, or the
 * same and comes later by date.
 */
function afterKey(key: DecisionRegisterKey, ranked: boolean): RawBuilder<unknown> {
  const byDate = afterByDate(key);
  if (!ranked || key.rank === null) return sql`and ${byDate}`;
  return sql`and (d.rank < ${key.rank}::real or (d.rank = ${key.rank}::real and ${byDate}))`;
}

/** Over the page query's columns: `m` the meeting, `d` the decision with its place in the protokoll. */
function afterByDate(key: DecisionRegisterKey): RawBuilder<unknown> {
  const place = sql`(d.main_position, d.sub_position, (extract(epoch from d.created_at) * 1000000)::bigint, d.seq)`;
  return sql`(m.at < ${key.meetingAt}::timestamptz
    or (m.at = ${key.meetingAt}::timestamptz and m.id < ${key.meetingId}::uuid)
    or (m.at = ${key.meetingAt}::timestamptz and m.id = ${key.meetingId}::uuid
      and ${place} > (${key.mainPosition}::int, ${key.subPosition}::int, ${key.recordedAtMicros}::bigint, ${key.seq}::bigint)))`;
}

/**
 * How much the decision register reads, from the plans PostgreSQL and PGlite choose for its
 * statement (EXPLAIN ANALYZE), on groups with years of monthly meetings. A page of the newest
 * decisions, and the count of matches up to its cap, must read the newest few meetings, not every
 * meeting of every group searched: with a list of many groups the planner once sorted all their
 * meetings to show the newest two. Checked with the plan made for the values at hand and with the
 * generic plan a prepared statement falls back to, since the answer must not depend on which is used.
 */
import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import type { DecisionSearch } from '../../../bot/src/core/ports';
import { registerStatement } from '../../../bot/src/store/decision-register.repository';
import type { Database } from '../../../bot/src/store/schema';
import { describeEachStore } from '../../support/stores';

const GROUPS = 40;
const MONTHS = 60;
/** decisions per meeting, one of them found by `arbetsordningen` */
const DECISIONS = 4;

interface PlanNode {
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Filter?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

const children = (node: PlanNode) => node.Plans ?? [];

/** Rows the scans of `table` in this part of the plan returned, over all their loops. */
function rowsRead(node: PlanNode, table: string): number {
  const own = node['Relation Name'] === table ? node['Actual Rows'] * node['Actual Loops'] : 0;
  return own + children(node).reduce((sum, child) => sum + rowsRead(child, table), 0);
}

/** The conditions the scans of `table` test each row they read against. */
function filters(node: PlanNode, table: string): string[] {
  const own = node['Relation Name'] === table && node.Filter ? [node.Filter] : [];
  return [...own, ...children(node).flatMap((child) => filters(child, table))];
}

/** The count of matches: the sub-plan that reads meetings, other than the page itself (its CTE). */
function countingPart(node: PlanNode): PlanNode | undefined {
  const subPlan = ['InitPlan', 'SubPlan'].includes(node['Parent Relationship'] ?? '') && !node['Subplan Name']?.startsWith('CTE');
  if (subPlan && scans(node, 'meetings')) return node;
  return children(node).map(countingPart).find((found) => found !== undefined);
}

function scans(node: PlanNode, table: string): boolean {
  return node['Relation Name'] === table || children(node).some((child) => scans(child, table));
}

const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

/** The statement run as a prepared one under `planCacheMode`, its plan with what each step read. */
async function analysed(db: Kysely<Database>, statement: RawBuilder<unknown>, planCacheMode: string): Promise<PlanNode> {
  const { sql: text, parameters } = statement.compile(db);
  return db.connection().execute(async (connection) => {
    await connection.executeQuery(CompiledQuery.raw(`set plan_cache_mode = ${planCacheMode}`));
    await connection.executeQuery(CompiledQuery.raw(`prepare register_statement as ${text}`));
    try {
      const explained = await connection.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(CompiledQuery.raw(
        `explain (analyze, format json) execute register_statement${parameters.length ? `(${parameters.map(literal).join(', ')})` : ''}`,
      ));
      const plan = explained.rows[0]!['QUERY PLAN'];
      return (typeof plan === 'string' ? (JSON.parse(plan) as typeof plan) : plan)[0]!.Plan;
    } finally {
      await connection.executeQuery(CompiledQuery.raw('deallocate register_statement'));
      await connection.executeQuery(CompiledQuery.raw('reset plan_cache_mode'));
    }
  });
}

describeEachStore('what the decision register reads', (store) => {
  let groupIds: string[] = [];

  beforeAll(async () => {
    const db = store().db;
    await sql`insert into groups (name, name_key, deciding_body, numbering_style)
      select 'Planergrupp ' || g, 'planergrupp ' || g, 'Gruppen', 'year' from generate_series(1, ${GROUPS}::int) g`.execute(db);
    await sql`insert into meetings (group_id, status, starts_at, started_at)
      select g.id, 'justerat', ts, ts from groups g cross join generate_series(0, ${MONTHS - 1}::int) k
      cross join lateral (select timestamptz '2020-01-15T08:00:00Z' + k * interval '1 month' + length(g.name) * interval '1 minute' as ts) w
      where g.name like 'Planergrupp %'`.execute(db);
    await sql`insert into agenda_items (meeting_id, group_id, position, title, number, outcome)
      select m.id, m.group_id, i * 1000, 'Ärende ' || i, i, 'decided' from meetings m
      join groups g on g.id = m.group_id and g.name like 'Planergrupp %'
      cross join generate_series(1, ${DECISIONS}::int) i`.execute(db);
    await sql`insert into decisions (meeting_id, item_id, clause, quorate, created_at)
      select a.meeting_id, a.id, case when a.number = 1 then 'anta arbetsordningen' else 'lägga informationen till handlingarna' end,
        true, m.started_at + a.number * interval '1 minute'
      from agenda_items a join meetings m on m.id = a.meeting_id join groups g on g.id = m.group_id and g.name like 'Planergrupp %'`.execute(db);
    // as autovacuum would after a bulk load: the planner's statistics of these tables
    await sql`analyze groups, meetings, agenda_items, decisions`.execute(db);
    groupIds = (await db.selectFrom('groups').select('id').where('name', 'like', 'Planergrupp %').orderBy('name').execute()).map((g) => g.id);
  });

  const search = (groups: number, limit: number): DecisionSearch => ({
    groupIds: groupIds.slice(0, groups), words: ['arbetsordningen'], limit, after: null, order: 'date', countUpTo: 201,
  });

  describe.each(['auto', 'force_generic_plan'])('planned with plan_cache_mode %s', (planCacheMode) => {
    it.each([
      ['every group', GROUPS],
      ['half of the groups', GROUPS / 2],
      ['a few groups', 3],
    ])('a page of the newest decisions of %s reads the newest meetings only', async (_, groups) => {
      const plan = await analysed(store().db, registerStatement(search(groups, 2)), planCacheMode);
      const counting = countingPart(plan)!;
      // two matches, one in each of the two newest meetings: those meetings and the next one, which
      // ends the second, and their matches; not the groups' 60 months of meetings
      expect(rowsRead(plan, 'meetings') - rowsRead(counting, 'meetings')).toBeLessThanOrEqual(4);
      expect(rowsRead(plan, 'decisions') - rowsRead(counting, 'decisions')).toBeLessThanOrEqual(4);
      // the page is full: the matches (one a meeting) are counted up to the cap, one more than 200,
      // and no further
      const counted = Math.min(201, groups * MONTHS);
      expect(rowsRead(counting, 'meetings')).toBeLessThanOrEqual(counted);
      expect(rowsRead(counting, 'decisions')).toBe(counted);
    });

    it('does not count when the first page is not full: its length is the count', async () => {
      // one group's 60 matches on a page of 100
      const counting = countingPart(await analysed(store().db, registerStatement(search(1, 100)), planCacheMode))!;
      expect(counting['Actual Loops']).toBe(0);
    });

    it('matches every decision against the search words stemmed once, not once per decision', async () => {
      const matched = filters(await analysed(store().db, registerStatement(search(GROUPS, 2)), planCacheMode), 'decisions');
      expect(matched.filter((f) => f.includes('register_search @@')).length).toBeGreaterThanOrEqual(2);
      expect(matched.filter((f) => f.includes('to_tsquery'))).toEqual([]);
    });
  });
});

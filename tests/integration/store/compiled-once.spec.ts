/**
 * A statement compiled once runs with each execution's own values, on either store, inside a
 * transaction as outside one; plugins see every execution; and a statement that uses an argument
 * for anything but a value is refused when it is built, not run with the wrong text.
 */
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { compiledOnce } from '../../../bot/src/store/compiled-once';
import { StatementCounter } from '../../support/statement-counter';
import { describeEachStore } from '../../support/stores';

describeEachStore('a statement compiled once', (store) => {
  it('runs with each execution\'s own values, an argument used twice included, and constants kept', async () => {
    const sum = compiledOnce((db, a: number, b: string | null) => sql<{ total: number; label: string | null; same: boolean; fixed: string }>`
      select ${a}::int + ${a}::int as total, ${b}::text as label, ${b}::text is not distinct from ${b}::text as same, ${'konstant'}::text as fixed`);
    const answers = [];
    for (const [a, b] of [[1, 'ett'], [20, null], [-3, 'tre']] as const) answers.push((await sum.execute(store().db, a, b)).rows[0]);
    expect(answers).toEqual([
      { total: 2, label: 'ett', same: true, fixed: 'konstant' },
      { total: 40, label: null, same: true, fixed: 'konstant' },
      { total: -6, label: 'tre', same: true, fixed: 'konstant' },
    ]);
  });

  it('runs a query builder\'s statement inside the transaction it is given, whose writes it sees', async () => {
    await sql`create table if not exists compiled_once_notes (id serial primary key, text text not null)`.execute(store().db);
    const insert = compiledOnce((db, text: string) => (db as any).insertInto('compiled_once_notes').values({ text }).returning(['id', 'text']));
    const count = compiledOnce((db, text: string) => sql<{ n: string }>`select count(*) as n from compiled_once_notes where text = ${text}`);
    const seen = await store().db.transaction().execute(async (trx) => {
      await insert.execute(trx, 'i transaktionen');
      return (await count.execute(trx, 'i transaktionen')).rows[0]!.n;
    });
    expect(Number(seen)).toBe(1);
    await expect(store().db.transaction().execute(async (trx) => {
      await insert.execute(trx, 'ångras');
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(Number((await count.execute(store().db, 'ångras')).rows[0]!.n)).toBe(0);
  });

  it('is seen by plugins at every execution, as any other statement is', async () => {
    const counter = new StatementCounter();
    const measured = counter.measure(store());
    const twice = compiledOnce((db, n: number) => sql<{ n: number }>`select ${n}::int * 2 as n`);
    expect((await twice.execute(measured.db, 4)).rows[0]!.n).toBe(8);
    expect((await twice.execute(measured.db, 5)).rows[0]!.n).toBe(10);
    expect(counter.take()).toEqual(['select $1::int * 2 as n', 'select $1::int * 2 as n']);
  });

  it('compiles anew what a plugin rewrites, with the values still in their places', async () => {
    class Rewrite implements KyselyPlugin {
      transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
        const original = { toOperationNode: () => args.node };
        return sql`select 1 + ${original} as n`.toOperationNode() as unknown as RootOperationNode;
      }
      async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        return args.result;
      }
    }
    const plus = compiledOnce((db, n: number) => sql<{ n: number }>`(select ${n}::int)`);
    expect((await plus.execute(store().db, 41)).rows[0]).toEqual({ int4: 41 });
    expect((await plus.execute(store().db.withPlugin(new Rewrite()), 41)).rows[0]).toEqual({ n: 42 });
  });

  it('refuses, when built, an argument that chooses the statement\'s shape or is written into its text', async () => {
    const shaped = compiledOnce((db, wanted: boolean) => sql`select ${sql.lit(wanted ? 1 : 0)} as n`);
    await expect(shaped.execute(store().db, true)).rejects.toThrow('argument 0 is not a parameter');
    const written = compiledOnce((db, column: string) => sql`select 1 as ${sql.raw(String(column))}, ${column}::text as also`);
    await expect(written.execute(store().db, 'n')).rejects.toThrow('written into the statement text');
  });
});

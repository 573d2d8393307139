/**
 * A statement with parameters is prepared once and run by name afterwards: per connection on the
 * PostgreSQL server, per instance on PGlite (answering exactly as PGlite.query does). Statements
 * without parameters (several in one text, as migrations send them) keep the simple protocol, and
 * past the cap statements run unnamed.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { StatementNames, preparingPool } from '../../../bot/src/store/prepared-statements';
import { PglitePreparedStatements } from '../../../bot/src/store/pglite-prepared';
import { connectPglite } from '../../../bot/src/store/database';

const url = process.env.DATABASE_URL;
const onServer = url ? describe : describe.skip;

onServer('prepared statements on the PostgreSQL server', () => {
  let pool: Pool;
  beforeEach(() => {
    pool = new Pool({ connectionString: url, max: 1 });
  });
  afterEach(async () => {
    await pool.end();
  });

  const preparedOnConnection = async (db: Kysely<any>) =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements order by statement`.execute(db)).rows.map((r) => r.statement);

  it('prepares a statement with parameters once and runs it again by name, with each run its own values', async () => {
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    const answers: number[] = [];
    for (const n of [1, 2, 3]) {
      const result = await sql<{ doubled: number }>`select ${n}::int * 2 as doubled`.execute(db);
      answers.push(result.rows[0]!.doubled);
    }
    expect(answers).toEqual([2, 4, 6]);
    // One connection (max 1), one prepared statement for the three runs.
    expect(await preparedOnConnection(db)).toEqual(['select $1::int * 2 as doubled']);
  });

  it('runs text without parameters unprepared, several statements in one text included', async () => {
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    await sql.raw('create temporary table t (n int); insert into t values (7)').execute(db);
    const result = await sql<{ n: number }>`select n from t`.execute(db);
    expect(result.rows).toEqual([{ n: 7 }]);
    expect(await preparedOnConnection(db)).toEqual([]);
  });

  it('names no more statements than its cap; the rest run unnamed and still answer', async () => {
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: preparingPool(pool, new StatementNames(2)) }) });
    const answers: number[] = [];
    for (const offset of [1, 2, 3, 4]) {
      const result = await sql<{ n: number }>`select ${10}::int + ${sql.raw(String(offset))} as n`.execute(db);
      answers.push(result.rows[0]!.n);
    }
    expect(answers).toEqual([11, 12, 13, 14]);
    expect(await preparedOnConnection(db)).toEqual(['select $1::int + 1 as n', 'select $1::int + 2 as n']);
  });

  it('runs a statement unnamed from then on once a migration changed what its prepared form returns', async () => {
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    await sql.raw('create temporary table t (n int)').execute(db);
    await sql.raw('insert into t values (1)').execute(db);
    const read = () => sql<Record<string, unknown>>`select * from t where n >= ${0}`.execute(db);
    expect((await read()).rows).toEqual([{ n: 1 }]);
    // What another instance's migration does to the table under this connection's prepared statement.
    await sql.raw('alter table t add column m int').execute(db);
    await expect(read()).rejects.toMatchObject({ code: '0A000' });
    expect((await read()).rows).toEqual([{ n: 1, m: null }]);
    expect((await read()).rows).toEqual([{ n: 1, m: null }]);
  });

  it('keeps a prepared statement usable after the transaction it was prepared in rolled back', async () => {
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    await expect(db.transaction().execute(async (trx) => {
      await sql`select ${1}::int as n`.execute(trx);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    const result = await sql<{ n: number }>`select ${5}::int as n`.execute(db);
    expect(result.rows).toEqual([{ n: 5 }]);
  });
});

describe('statement names', () => {
  it('gives the same text the same name, different text another, and none without parameters', () => {
    const names = new StatementNames();
    const a = names.nameFor('select $1', 1);
    expect(a).toMatch(/^k_[A-Za-z0-9_-]{27}$/);
    expect(names.nameFor('select $1', 1)).toBe(a);
    expect(names.nameFor('select $1 + 1', 1)).not.toBe(a);
    expect(names.nameFor('select 1', 0)).toBeUndefined();
  });
});

describe('prepared statements on PGlite', () => {
  let pglite: PGlite;
  beforeEach(async () => {
    pglite = (await connectPglite(null)).pglite!;
  });
  afterEach(async () => {
    if (!pglite.closed) await pglite.close();
  });

  const preparedOnInstance = async () =>
    (await pglite.query<{ statement: string }>('select statement from pg_prepared_statements order by statement')).rows.map((r) => r.statement);

  it('answers as PGlite.query does, for each kind of value, and prepares the statement once', async () => {
    const statements = new PglitePreparedStatements(pglite);
    const text = 'select $1::text as text, $2::int as n, $3::boolean as flag, $4::timestamptz as at, $5::date as day, $6::jsonb as doc, $7::uuid[] as ids, $8::text as nothing';
    const values = ['Årsmöte "1"', 42, true, new Date('2026-03-01T09:30:00Z'), '2026-03-01', JSON.stringify({ a: [1, 'två'] }), ['5f1d3f6e-6c1a-4a53-9d55-1b2f0c4e8a11'], null];
    const expected = (await pglite.query(text, values)).rows;
    const first = await statements.query(text, values);
    const second = await statements.query(text, values);
    expect(first.rows).toEqual(expected);
    expect(second.rows).toEqual(expected);
    expect(await preparedOnInstance()).toEqual([text]);
  });

  it('reports an error as PGlite does and leaves nothing prepared for a statement that did not parse', async () => {
    const statements = new PglitePreparedStatements(pglite);
    await expect(statements.query('selec $1::int', [1])).rejects.toThrow(/syntax error/);
    expect(await preparedOnInstance()).toEqual([]);
    await pglite.query('create table t (n int primary key)');
    await statements.query('insert into t values ($1)', [1]);
    await expect(statements.query('insert into t values ($1)', [1])).rejects.toMatchObject({ code: '23505' });
    const counted = await statements.query<{ n: number }>('select count(*)::int as n from t where n >= $1', [0]);
    expect(counted.rows).toEqual([{ n: 1 }]);
  });

  it('runs a statement unnamed from then on once a change to its table changed what its prepared form returns', async () => {
    const statements = new PglitePreparedStatements(pglite);
    await pglite.query('create table t (n int)');
    await pglite.query('insert into t values (1)');
    const read = () => statements.query<Record<string, unknown>>('select * from t where n >= $1', [0]);
    expect((await read()).rows).toEqual([{ n: 1 }]);
    await pglite.query('alter table t add column m int');
    await expect(read()).rejects.toMatchObject({ code: '0A000' });
    expect((await read()).rows).toEqual([{ n: 1, m: null }]);
  });

  it('refuses as PGlite.query does once the engine is closed (the server reports the database unavailable)', async () => {
    const statements = new PglitePreparedStatements(pglite);
    await statements.query('select $1::int as n', [1]);
    await pglite.close();
    await expect(statements.query('select $1::int as n', [1])).rejects.toThrow('PGlite is closed');
  });

  it('gives rows affected by a write, and names no more statements than its cap', async () => {
    const statements = new PglitePreparedStatements(pglite, new StatementNames(1));
    await pglite.query('create table t (n int)');
    const inserted = await statements.query('insert into t select generate_series(1, $1::int)', [3]);
    expect(inserted.affectedRows).toBe(3);
    const updated = await statements.query('update t set n = n + $1', [10]);
    expect(updated.affectedRows).toBe(3);
    expect(await preparedOnInstance()).toEqual(['insert into t select generate_series(1, $1::int)']);
  });
});

/**
 * Applies pending migrations at start. Idempotent: applied ids are recorded, and an advisory lock
 * makes several server instances starting at once take turns instead of racing.
 */
import { Kysely, sql } from 'kysely';
import { migrations as allMigrations, type Migration } from './migrations';

/** Arbitrary constant identifying Protokoll's migration lock among advisory locks. */
const MIGRATION_LOCK_KEY = 74612301;

export async function migrate(db: Kysely<any>, migrations: readonly Migration[] = allMigrations): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      id text primary key,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const applied = await sql<{ id: string }>`select id from schema_migrations`.execute(trx);
    const done = new Set(applied.rows.map((row) => row.id));
    const pending = migrations.filter((m) => !done.has(m.id));
    for (const migration of pending) {
      // One statement at a time: PGlite's extended protocol takes a single statement per query.
      for (const statement of splitStatements(migration.sql)) await sql.raw(statement).execute(trx);
      await sql`insert into schema_migrations (id) values (${migration.id})`.execute(trx);
    }
    return pending.map((m) => m.id);
  });
}

/**
 * Migration files end every statement with `;` at the end of a line (and never inside one), except
 * in the body of a function, between `$$` and `$$`: a piece with an odd number of `$$` so far is
 * still inside one and runs on into the next.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let open = '';
  for (const piece of script.split(/;\s*$/m)) {
    open = open ? `${open};${piece}` : piece;
    if ((open.match(/\$\$/g)?.length ?? 0) % 2 === 1) continue;
    statements.push(open);
    open = '';
  }
  if (open) statements.push(open);
  return statements
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}

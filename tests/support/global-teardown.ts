/** Drops this run's PostgreSQL schemas and the PGlite template. */
import fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.PROTOKOLL_TEST_SCHEMA_PREFIX;
  if (process.env.DATABASE_URL && prefix) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ nspname: string }>(
      'select nspname from pg_namespace where nspname like $1',
      [`${prefix}%`],
    );
    for (const row of rows) await client.query(`drop schema if exists "${row.nspname}" cascade`);
    await client.end();
  }
  const tmp = process.env.PROTOKOLL_TEST_TMP;
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

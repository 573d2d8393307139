/**
 * Runs once before the integration tests: builds a migrated PGlite data directory once (initdb is
 * slow) that every test file clones, and picks this run's PostgreSQL schema prefix so concurrent
 * runs on one server never collide.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPglite } from '../../bot/src/store/database';
import { migrate } from '../../bot/src/store/migrate';

export default async function globalSetup(): Promise<void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-test-'));
  const store = await connectPglite(null);
  await migrate(store.db);
  const pglite = await dumpOf(store);
  const templatePath = path.join(directory, 'pglite-template.tar');
  fs.writeFileSync(templatePath, Buffer.from(await pglite.arrayBuffer()));
  await store.close();
  process.env.PROTOKOLL_TEST_TMP = directory;
  process.env.PROTOKOLL_TEST_PGLITE_TEMPLATE = templatePath;
  process.env.PROTOKOLL_TEST_SCHEMA_PREFIX = `t${Date.now().toString(36)}${process.pid}`;
  if (process.env.DATABASE_URL) {
    process.stdout.write(`\nStore tests run on PGlite and on PostgreSQL (${redact(process.env.DATABASE_URL)})\n`);
  } else {
    process.stdout.write('\nStore tests run on PGlite only (set DATABASE_URL to add a PostgreSQL server)\n');
  }
}

async function dumpOf(store: Awaited<ReturnType<typeof connectPglite>>): Promise<Blob> {
  if (!store.pglite) throw new Error('not a PGlite store');
  return store.pglite.dumpDataDir('none');
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

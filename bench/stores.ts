/** The two stores the bench runs on: a fresh PGlite in a temp directory, a fresh schema on PostgreSQL. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connectPglite, connectPostgres, type StoreConnection } from '../bot/src/store/database';
import { migrate } from '../bot/src/store/migrate';

export interface BenchStore {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<{ store: StoreConnection; dispose(): Promise<void> }>;
}

export function benchStores(databaseUrl: string): BenchStore[] {
  return [
    {
      name: 'PGlite',
      async open() {
        const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-bench-'));
        const store = await connectPglite(directory);
        await migrate(store.db);
        return { store, dispose: async () => { await store.close(); fs.rmSync(directory, { recursive: true, force: true }); } };
      },
    },
    {
      name: 'PostgreSQL',
      async open() {
        const schema = `bench_${randomBytes(4).toString('hex')}`;
        const store = await connectPostgres(databaseUrl, schema);
        await migrate(store.db);
        return {
          store,
          dispose: async () => {
            await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
            await store.close();
          },
        };
      },
    },
  ];
}

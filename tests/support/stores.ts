/**
 * Every store test runs on PGlite, and again on the PostgreSQL server when DATABASE_URL is set.
 * Each opened store is a fresh database: a clone of the migrated PGlite template, or a new schema.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { connectPglite, connectPostgres, type StoreConnection } from '../../bot/src/store/database';
import { migrate } from '../../bot/src/store/migrate';

export interface TestStore {
  name: 'pglite' | 'postgresql';
  open(): Promise<StoreConnection>;
}

export function testStores(): TestStore[] {
  const stores: TestStore[] = [{ name: 'pglite', open: openPgliteClone }];
  if (process.env.DATABASE_URL) stores.push({ name: 'postgresql', open: openPostgresSchema });
  return stores;
}

export async function openPgliteClone(): Promise<StoreConnection> {
  const template = process.env.PROTOKOLL_TEST_PGLITE_TEMPLATE;
  if (!template) throw new Error('global-setup did not build the PGlite template');
  return connectPglite(null, new Blob([fs.readFileSync(template)]));
}

export async function openPostgresSchema(): Promise<StoreConnection> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const store = await connectPostgres(url, freshSchemaName());
  await migrate(store.db);
  return store;
}

export function freshSchemaName(): string {
  return `${process.env.PROTOKOLL_TEST_SCHEMA_PREFIX ?? 'tlocal'}_${randomBytes(4).toString('hex')}`;
}

/**
 * `describe` once per store, with a fresh store for the block. The callback gets a getter because
 * the store only exists once `beforeAll` has run.
 */
export function describeEachStore(title: string, body: (store: () => StoreConnection, kind: TestStore['name']) => void): void {
  for (const testStore of testStores()) {
    describe(`${title} [${testStore.name}]`, () => {
      let store: StoreConnection | undefined;
      beforeAll(async () => {
        store = await testStore.open();
      });
      afterAll(async () => {
        await store?.close();
      });
      body(() => {
        if (!store) throw new Error('store not open yet');
        return store;
      }, testStore.name);
    });
  }
}

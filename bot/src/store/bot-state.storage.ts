/**
 * botbuilder's Storage interface on our database, so any conversation or dialog state survives
 * restarts and is shared by every server instance. eTag concurrency: a write with a stale eTag
 * fails instead of overwriting someone else's change; `*` (or no eTag) writes unconditionally.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}

export class EtagConflictError extends Error {
  constructor(key: string) {
    super(`eTag conflict for state key ${key}`);
    this.name = 'EtagConflictError';
  }
}

/** Structurally compatible with botbuilder's `Storage`, without importing the SDK into the store. */
export class DatabaseBotStorage {
  constructor(private readonly db: Kysely<Database>) {}

  async read(keys: string[]): Promise<Record<string, StoreItem>> {
    if (keys.length === 0) return {};
    const rows = await this.db
      .selectFrom('bot_state')
      .select(['key', 'etag', 'document'])
      .where('key', 'in', keys)
      .execute();
    const items: Record<string, StoreItem> = {};
    for (const row of rows) items[row.key] = { ...(row.document as object), eTag: row.etag };
    return items;
  }

  async write(changes: Record<string, StoreItem>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...document } = item;
        const next = randomUUID();
        const json = JSON.stringify(document);
        if (!eTag || eTag === '*') {
          await trx
            .insertInto('bot_state')
            .values({ key, etag: next, document: json })
            .onConflict((oc) => oc.column('key').doUpdateSet({ etag: next, document: json, updated_at: new Date() }))
            .execute();
          continue;
        }
        const updated = await trx
          .updateTable('bot_state')
          .set({ etag: next, document: json, updated_at: new Date() })
          .where('key', '=', key)
          .where('etag', '=', eTag)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) throw new EtagConflictError(key);
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('bot_state').where('key', 'in', keys).execute();
  }
}

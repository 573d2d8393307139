/**
 * One SQL dialect, two engines: a PostgreSQL server through `pg` when DATABASE_URL is set, otherwise
 * embedded PGlite persisted in DATA_DIR. Everything above this file sees only Kysely<Database>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from './pglite-dialect';
import { Client, Pool, types } from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema';
import { preparingPool } from './prepared-statements';

export type Engine = 'pglite' | 'postgresql';

export interface StoreConnection {
  db: Kysely<Database>;
  engine: Engine;
  /** the embedded engine, when it is PGlite (tests dump and clone it) */
  pglite?: PGlite;
  /** human-readable description for logs and /healthz, never containing a password */
  description: string;
  /**
   * LISTENs on a notification channel until the returned function is called. `onPayload` runs for
   * each notification; `onReconnect` after a lost listening connection came back (notifications
   * sent meanwhile are lost, so listeners must look again).
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl: string | null;
  schema: string;
  dataDir: string;
}

/**
 * Calendar dates (`date` columns, e.g. an action's due date) stay `YYYY-MM-DD` strings: turning
 * them into a Date at local midnight would shift them a day in some time zones.
 */
const DATE_OID = 1082;
const keepText = (value: string) => value;

export async function connect(options: ConnectOptions): Promise<StoreConnection> {
  return options.databaseUrl
    ? connectPostgres(options.databaseUrl, options.schema)
    : connectPglite(path.join(options.dataDir, 'pglite'));
}

export async function connectPglite(directory: string | null, loadDataDir?: Blob): Promise<StoreConnection> {
  if (directory) fs.mkdirSync(directory, { recursive: true });
  const pglite: PGlite = await PGlite.create(directory ?? undefined, {
    parsers: { [DATE_OID]: keepText },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    pglite,
    engine: 'pglite',
    description: directory ? `PGlite (${directory})` : 'PGlite (i minnet)',
    // Through Kysely's connection: PGlite has one session, and a LISTEN issued in the middle of
    // someone else's transaction would be undone by its rollback.
    listen: async (channel, onPayload) => {
      const stop = await db.connection().execute(() => pglite.listen(channel, onPayload));
      return async () => {
        if (!pglite.closed) await db.connection().execute(() => stop());
      };
    },
    close: () => db.destroy(),
  };
}

export async function connectPostgres(databaseUrl: string, schema: string): Promise<StoreConnection> {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5000,
    // Every connection works in the configured schema, so tests can give each run its own. No JIT:
    // every statement here is a short lookup, and compiling one whose estimate crosses
    // jit_above_cost costs hundreds of milliseconds it never wins back.
    options: `-c search_path=${schema} -c jit=off`,
    types: { getTypeParser: (oid: number, format?: any) => (oid === DATE_OID ? keepText : types.getTypeParser(oid, format)) },
  });
  // An idle client losing its connection (server restart) must not crash the process;
  // the pool replaces it and the next query reports the failure to its caller.
  pool.on('error', () => undefined);
  // The same for a connection that drops while it is checked out between two statements: without a
  // listener its 'error' event would be unhandled and end the process. The statement in progress
  // (or the next one) still fails, and the caller reports it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  if (schema !== 'public') await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const url = new URL(databaseUrl);
  return {
    db,
    engine: 'postgresql',
    description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname} (schema ${schema})`,
    listen: (channel, onPayload, onReconnect) => listenPostgres(databaseUrl, channel, onPayload, onReconnect),
    close: () => db.destroy(),
  };
}

/**
 * A connection of its own (a pooled one would be handed to other work), kept open and LISTENing.
 * When it drops (server restart, network) it is opened again after a pause, and `onReconnect`
 * tells the listeners that they may have missed something.
 */
async function listenPostgres(databaseUrl: string, channel: string, onPayload: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>> {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const open = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    next.on('error', () => reopen(next));
    next.on('end', () => reopen(next));
    await next.connect();
    await next.query(`listen ${quoteIdentifier(channel)}`);
    client = next;
  };
  const reopen = (failed: Client) => {
    if (stopped || client !== failed) return;
    client = null;
    failed.end().catch(() => undefined);
    const attempt = () => {
      retry = undefined;
      if (stopped) return;
      open().then(onReconnect, () => {
        retry = setTimeout(attempt, 1000);
      });
    };
    retry = setTimeout(attempt, 200);
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const last = client;
    client = null;
    await last?.end().catch(() => undefined);
  };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** True when a trivial query succeeds within the timeout. */
export async function isReachable(db: Kysely<Database>, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = sql`select 1`.execute(db).then(() => true, () => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

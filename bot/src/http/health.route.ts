/**
 * GET /healthz: liveness plus database reachability (503 when the database does not answer).
 * Anyone may ask, so the answer is only `ok`/`fel` and the kind of store; where the database is
 * (host, port, name, schema, PGlite directory) goes to the log.
 */
import type { Server } from 'restify';
import type { Kysely } from 'kysely';
import type { Logger } from '../logger';
import type { Database } from '../store/schema';
import { isReachable } from '../store/database';

export interface HealthDeps {
  db: Kysely<Database>;
  databaseDescription: string;
  engine: 'pglite' | 'postgresql';
  logger: Logger;
}

export function registerHealthRoute(server: Server, deps: HealthDeps): void {
  server.get('/healthz', async (_req, res) => {
    const reachable = await isReachable(deps.db);
    if (!reachable) deps.logger.warn({ database: deps.databaseDescription }, 'hälsokontroll: databasen svarar inte');
    res.status(reachable ? 200 : 503);
    res.json({ status: reachable ? 'ok' : 'fel', store: deps.engine });
  });
}

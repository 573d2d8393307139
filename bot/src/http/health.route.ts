/** GET /healthz: liveness plus database reachability (503 when the database does not answer). */
import type { Server } from 'restify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { isReachable } from '../store/database';

export interface HealthDeps {
  db: Kysely<Database>;
  databaseDescription: string;
  engine: string;
}

export function registerHealthRoute(server: Server, deps: HealthDeps): void {
  server.get('/healthz', async (_req, res) => {
    const reachable = await isReachable(deps.db);
    res.status(reachable ? 200 : 503);
    res.json({
      status: reachable ? 'ok' : 'unavailable',
      database: { engine: deps.engine, description: deps.databaseDescription, reachable },
    });
  });
}

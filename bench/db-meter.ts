/**
 * Counts the statements the server sends to its database and the time until each result is back,
 * so the table can say how much of a command's round trip is the database. A Kysely plugin on the
 * store handed to the server: nothing in the server knows it is measured. (BEGIN and COMMIT do not
 * pass through plugins, so a transaction counts two statements fewer than it sends.)
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { StoreConnection } from '../bot/src/store/database';

export class DbMeter implements KyselyPlugin {
  statements = 0;
  milliseconds = 0;
  private readonly started = new WeakMap<object, number>();

  reset(): void {
    this.statements = 0;
    this.milliseconds = 0;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements++;
    this.started.set(args.queryId, performance.now());
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const start = this.started.get(args.queryId);
    if (start !== undefined) this.milliseconds += performance.now() - start;
    return args.result;
  }

  /** the same store, with every statement going through this meter */
  measure(store: StoreConnection): StoreConnection {
    return { ...store, db: store.db.withPlugin(this) };
  }
}

/**
 * Counts the statements a store is sent, with their SQL, through a Kysely plugin on the store the
 * server is given: the server does not know it is counted. Counting is deterministic where timing is
 * not, so a test can pin how many round trips to the database a command costs. (BEGIN and COMMIT
 * do not pass through plugins: a transaction sends two statements more than it counts.)
 */
import { PostgresQueryCompiler, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { StoreConnection } from '../../bot/src/store/database';

export class StatementCounter implements KyselyPlugin {
  private readonly compiler = new PostgresQueryCompiler();
  /** the SQL of each statement since the last `take`, in the order sent */
  private sent: string[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.sent.push(this.compiler.compileQuery(args.node, args.queryId).sql.replace(/\s+/g, ' '));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** the statements sent since the last call, and a fresh count from here */
  take(): string[] {
    const sent = this.sent;
    this.sent = [];
    return sent;
  }

  /** the same store, with every statement counted */
  measure(store: StoreConnection): StoreConnection {
    return { ...store, db: store.db.withPlugin(this) };
  }
}

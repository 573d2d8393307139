/**
 * Counts the statements the server sends to its database and how long the database had work to do,
 * so the table can say how much of a command's round trip is the database. A Kysely plugin on the
 * store handed to the server: nothing in the server knows it is measured. (BEGIN and COMMIT do not
 * pass through plugins, so a transaction counts two statements fewer than it sends.)
 *
 * The time is the wall time during which at least one statement was outstanding, not the sum of
 * each statement's time: statements issued together (Promise.all) queue on the transaction's one
 * connection, and summing would count the wait of each for the ones ahead of it again, which once
 * made "the database" longer than the whole round trip.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { StoreConnection } from '../bot/src/store/database';

/** When a statement left for the database and when its answer was read (performance.now()). */
export interface StatementInterval {
  start: number;
  end: number;
}

export class DbMeter implements KyselyPlugin {
  statements = 0;
  /** each statement since the last reset, in the order sent (end NaN while outstanding) */
  intervals: StatementInterval[] = [];
  private busyMs = 0;
  /** the statements sent and not yet answered, by query id */
  private outstanding = new Map<object, StatementInterval>();
  private busySince = 0;
  private lastActivity = 0;

  reset(): void {
    this.statements = 0;
    this.intervals = [];
    this.busyMs = 0;
    if (this.outstanding.size > 0) this.busySince = performance.now();
  }

  /** wall time with a statement outstanding since the last reset (a statement still running counts until now) */
  get milliseconds(): number {
    return this.busyMs + (this.outstanding.size > 0 ? performance.now() - this.busySince : 0);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements++;
    if (this.outstanding.size === 0) this.busySince = performance.now();
    this.lastActivity = performance.now();
    const interval = { start: this.lastActivity, end: NaN };
    this.intervals.push(interval);
    this.outstanding.set(args.queryId, interval);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.settle(args.queryId);
    return args.result;
  }

  /**
   * Waits until the server has sent nothing for `quietMs` and nothing is outstanding (at most
   * `limitMs`): work a turn leaves running after its answer is then counted with that turn, not
   * with the next. A statement that failed never reports a result; after `limitMs` it is given up.
   */
  async quiet(quietMs = 20, limitMs = 1000): Promise<void> {
    const until = performance.now() + limitMs;
    while (performance.now() < until && (this.outstanding.size > 0 || performance.now() - this.lastActivity < quietMs)) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const queryId of [...this.outstanding.keys()]) this.settle(queryId);
  }

  /** the same store, with every statement going through this meter */
  measure(store: StoreConnection): StoreConnection {
    return { ...store, db: store.db.withPlugin(this) };
  }

  private settle(queryId: object): void {
    const interval = this.outstanding.get(queryId);
    if (!interval) return;
    this.outstanding.delete(queryId);
    this.lastActivity = performance.now();
    interval.end = this.lastActivity;
    if (this.outstanding.size === 0) this.busyMs += performance.now() - this.busySince;
  }
}

/**
 * Statements prepared once on embedded PGlite. `PGlite.query` parses, describes and plans its
 * statement again on every call; for the short statements of a command that was most of the
 * engine's time (a meeting read with its agenda: 3.3 ms through `query`, 0.8 ms prepared, measured
 * on this project's schema). A statement with parameters is parsed once under a name
 * (StatementNames, as on the PostgreSQL server) with its parameter types kept, and then only bound
 * and executed: the same protocol messages `query` sends, with the Parse left out.
 *
 * PGlite is one session, so what is prepared stays prepared for the life of the instance. Values
 * are serialised and rows parsed by PGlite's own serialisers and parsers (the instance's, with the
 * project's own date parser), exactly as `query` does.
 */
import { parse as results, protocol, type PGlite, type Results } from '@electric-sql/pglite';
import { isStalePreparedStatement, StatementNames } from './prepared-statements';

const { serialize } = protocol;

interface Prepared {
  name: string;
  /** the type of each parameter, as PostgreSQL inferred it (what the value is serialised as) */
  parameterTypes: number[];
}

export class PglitePreparedStatements {
  private readonly prepared = new Map<string, Prepared>();

  constructor(
    private readonly pglite: PGlite,
    private readonly names = new StatementNames(),
  ) {}

  /** `PGlite.query`, with the statement prepared once when it has parameters (and the cap allows). */
  async query<R>(text: string, values: readonly unknown[]): Promise<Results<R>> {
    const name = this.names.nameFor(text, values.length);
    if (name === undefined) return this.pglite.query<R>(text, [...values]);
    // As `query` does: waits until the engine is up, and refuses with "PGlite is closed" once it is closed.
    await this.pglite._checkReady();
    return this.pglite._runExclusiveQuery(() => this.run<R>(name, text, values)).catch((error: unknown) => {
      if (isStalePreparedStatement(error)) {
        this.names.forget(text);
        this.prepared.delete(text);
      }
      throw error;
    });
  }

  /** Bind and execute: the messages `PGlite.query` sends after its Parse, in one exchange. */
  private async run<R>(name: string, text: string, values: readonly unknown[]): Promise<Results<R>> {
    const statement = this.prepared.get(text) ?? (await this.prepare(name, text));
    const messages = await this.pglite.execProtocolStream(
      concat([
        serialize.bind({ statement: statement.name, values: values.map((value, i) => this.serialized(value, statement.parameterTypes[i])) }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    if (!this.inTransaction(messages)) await this.pglite.syncToFs();
    return results.parseResults(messages, this.pglite.parsers)[0] as Results<R>;
  }

  private async prepare(name: string, text: string): Promise<Prepared> {
    // A statement that fails to parse is not kept: the error goes to the caller, and the next call tries again.
    const messages = await this.pglite.execProtocolStream(
      concat([serialize.parse({ name, text, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const prepared = { name, parameterTypes: results.parseDescribeStatementResults(messages) };
    this.prepared.set(text, prepared);
    return prepared;
  }

  /** As `PGlite.query` serialises a parameter: by its type's serialiser, else as text. */
  private serialized(value: unknown, type: number | undefined): string | null {
    if (value === null || value === undefined) return null;
    const serializer = type === undefined ? undefined : this.pglite.serializers[type];
    return serializer ? serializer(value) : String(value);
  }

  /** The ReadyForQuery that ends the answer says whether a transaction is open ('T', 'E') or not ('I'). */
  private inTransaction(messages: Array<{ name: string; status?: string }>): boolean {
    const ready = messages.findLast((m) => m.name === 'readyForQuery');
    return ready?.status !== 'I';
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

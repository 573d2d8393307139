/**
 * Statements of a fixed shape, built and compiled by Kysely once per process instead of on every
 * execution. Building and compiling a statement walks its whole operation tree: for the statements
 * every command sends (its context, the open meeting with its agenda, the draft rule) that took
 * 50–150 µs each, every time, to produce the same text. Only the values change, and those are
 * parameters.
 *
 * The statement is built once with a placeholder for each argument; the compiled text is kept, and
 * each execution puts the arguments where their placeholders landed among the parameters. So an
 * argument may only be used as a value (a parameter), never to choose the statement's shape: a
 * statement with several shapes is one `compiledOnce` per shape. Building checks that every
 * argument became a parameter and that none was written into the text.
 *
 * Plugins see every execution as they do any other statement (transformQuery, then
 * transformResult), so what counts or times statements keeps counting these. The operation tree a
 * plugin is shown is the one built once: its values are the placeholders, and only the executed
 * parameters carry the execution's own.
 */
import { createQueryId, type CompiledQuery, type Kysely, type QueryResult, type RootOperationNode } from 'kysely';
import type { Database } from './schema';

/** Anything Kysely compiles: a query builder, or a `sql` template (which needs the database to compile). */
interface Compilable<Row> {
  compile(db: Kysely<Database>): CompiledQuery<Row>;
}

/** Stands for argument `index` while the statement is built. */
class Placeholder {
  constructor(readonly index: number) {}
}

interface Compiled<Row> {
  node: RootOperationNode;
  compiled: CompiledQuery<Row>;
  /** per parameter: the argument it takes, or undefined for a constant the statement itself holds */
  argumentAt: Array<number | undefined>;
}

export interface CompiledStatement<Args extends unknown[], Row> {
  execute(db: Kysely<Database>, ...args: Args): Promise<QueryResult<Row>>;
}

export function compiledOnce<Args extends unknown[], Row>(
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): CompiledStatement<Args, Row> {
  let once: Compiled<Row> | null = null;
  return {
    async execute(db, ...args) {
      once ??= compile(build, db, args.length);
      const executor = db.getExecutor();
      const queryId = createQueryId();
      // Plugins may rewrite a statement: one that does is compiled anew (its placeholders are still parameters).
      const node = executor.transformQuery(once.node, queryId);
      const compiled = node === once.node ? once.compiled : executor.compileQuery<Row>(node, queryId);
      const argumentAt = node === once.node ? once.argumentAt : compiled.parameters.map(argumentIndex);
      const parameters = compiled.parameters.map((constant, i) => (argumentAt[i] === undefined ? constant : args[argumentAt[i]!]));
      return executor.executeQuery<Row>({ ...compiled, queryId, parameters });
    },
  };
}

function compile<Args extends unknown[], Row>(build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>, db: Kysely<Database>, count: number): Compiled<Row> {
  const placeholders = Array.from({ length: count }, (_, i) => new Placeholder(i)) as unknown as Args;
  // Without plugins: building is not executing, and a plugin counting statements would count it.
  const plain = db.withoutPlugins();
  const compiled = build(plain, ...placeholders).compile(plain);
  const argumentAt = compiled.parameters.map(argumentIndex);
  for (let i = 0; i < count; i++) {
    if (!argumentAt.includes(i)) throw new Error(`compiledOnce: argument ${i} is not a parameter of the statement (it may only be used as a value)`);
  }
  if (compiled.sql.includes('[object Object]')) throw new Error('compiledOnce: an argument was written into the statement text instead of passed as a parameter');
  return { node: compiled.query, compiled, argumentAt };
}

const argumentIndex = (parameter: unknown): number | undefined => (parameter instanceof Placeholder ? parameter.index : undefined);

/**
 * One command's round trip step by step, from the run's own clocks: when the client sent it, when
 * each statement left for the database and came back (db-meter.ts), when the reply reached the Bot
 * Connector stand-in, and when the client had its HTTP answer. The same steps for the floor (the
 * echo bot with a transaction) and the echo bot show which steps Protokoll makes longer.
 *
 *   before     the activity's HTTP, botbuilder, reading the command, and BEGIN
 *   statements each statement on the wire: sent until its rows are read
 *   between    the server's JavaScript between one statement's answer and the next statement
 *   toReply    after the last statement until the reply reaches the Bot Connector: COMMIT, the answer, botbuilder's send
 *   toAnswer   the Bot Connector's answer until the client has the HTTP answer
 */
import { summarise } from './stats';
import type { StatementInterval } from './db-meter';

export interface CommandSteps {
  before: number;
  /** median per statement, in the order sent */
  statements: number[];
  between: number;
  toReply: number;
  toAnswer: number;
}

export interface StepSample {
  sentAt: number;
  answeredAt: number;
  /** when the reply reached the Bot Connector */
  replyAt: number;
  statements: readonly StatementInterval[];
}

export function stepsOf(sample: StepSample): CommandSteps {
  const { sentAt, answeredAt, replyAt, statements } = sample;
  const first = statements[0]?.start ?? replyAt;
  const last = statements.at(-1)?.end ?? replyAt;
  let between = 0;
  for (let i = 1; i < statements.length; i++) between += Math.max(0, statements[i]!.start - statements[i - 1]!.end);
  return {
    before: first - sentAt,
    statements: statements.map((s) => s.end - s.start),
    between,
    toReply: replyAt - last,
    toAnswer: answeredAt - replyAt,
  };
}

/** The median of each step over samples that sent as many statements as most of them did. */
export function medianSteps(samples: CommandSteps[]): CommandSteps | null {
  if (samples.length === 0) return null;
  const counts = summarise(samples.map((s) => s.statements.length));
  const alike = samples.filter((s) => s.statements.length === counts.p50);
  const median = (pick: (s: CommandSteps) => number) => summarise(alike.map(pick)).p50;
  return {
    before: median((s) => s.before),
    statements: Array.from({ length: counts.p50 }, (_, i) => median((s) => s.statements[i]!)),
    between: median((s) => s.between),
    toReply: median((s) => s.toReply),
    toAnswer: median((s) => s.toAnswer),
  };
}

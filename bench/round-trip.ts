/**
 * Command round trip: an activity POSTed to /api/messages until the HTTP answer, which botbuilder
 * gives after the reply has been POSTed to the (loopback) Bot Connector. Latency from one client in
 * sequence, Protokoll and the echo bot taking turns command by command, so a busy moment on the
 * machine falls on both alike; throughput from several clients at once, one bot after the other.
 */
import { summarise, timed, type Summary } from './stats';
import { deliver, person, secretary, tick, type BotConnectorServer, type TeamsChannel } from './teams';
import type { DbMeter } from './db-meter';
import { medianSteps, stepsOf, type CommandSteps } from './command-steps';

export interface RoundTrip {
  latency: Summary;
  throughput: number;
  errors: number;
  /**
   * per sequential command, when the server's database was metered: statements until the answer,
   * the wall time the database had a statement outstanding meanwhile, statements the turn left
   * running after its answer, and the median statements of each kind of command
   */
  database?: { statements: Summary; milliseconds: Summary; afterAnswer: Summary; byCommand: Array<{ command: string; statements: number }> };
  /** `beslut` step by step (command-steps.ts), when the target's Bot Connector was given */
  steps?: CommandSteps | null;
}

export interface RoundTripTarget {
  url: string;
  /** untimed work before a sequential sample (e.g. starting a new meeting) */
  between?: (channel: TeamsChannel, i: number) => Promise<void>;
  meter?: DbMeter;
  /** the Bot Connector its replies go to: given, the round trip is also timed step by step */
  connector?: BotConnectorServer;
}

/** The command timed step by step: `beslut`, whose four statements are those of a typical command. */
const STEPPED_COMMAND = 'beslut';

/** The commands a secretary types most, in turn. */
export function commandAt(i: number): string {
  switch (i % COMMANDS.length) {
    case 0: return `ny punkt Ärende ${i}`;
    case 1: return `beslut godkänna redovisningen ${i}`;
    default: return `åtgärd Skicka ut underlag ${i} ansvarig Person 1 senast 2030-01-15`;
  }
}

/** The keyword of each command `commandAt` cycles through, in its order. */
export const COMMANDS = ['ny punkt', 'beslut', 'åtgärd'] as const;

export async function roundTrips(
  targets: RoundTripTarget[],
  channels: TeamsChannel[],
  shape: { warmup: number; sequential: number; concurrentPerClient: number },
): Promise<RoundTrip[]> {
  const errors = targets.map(() => 0);
  const send = async (t: number, channel: TeamsChannel, i: number) => {
    const res = await deliver(targets[t]!.url, channel.message(secretary, commandAt(i), tick()));
    if (res.status >= 300) errors[t]!++;
  };
  const first = channels[0]!;
  for (let i = 0; i < shape.warmup; i++) for (let t = 0; t < targets.length; t++) await send(t, first, i);

  const samples = targets.map(() => ({ latency: [] as number[], statements: [] as number[], milliseconds: [] as number[], afterAnswer: [] as number[], steps: [] as CommandSteps[] }));
  for (let i = 0; i < shape.sequential; i++) {
    for (let t = 0; t < targets.length; t++) {
      const { between, meter, connector } = targets[t]!;
      await between?.(first, i);
      // Untimed: what earlier work left running is over before this command is measured.
      await meter?.quiet();
      meter?.reset();
      const sentAt = performance.now();
      samples[t]!.latency.push(await timed(() => send(t, first, shape.warmup + i)));
      const answeredAt = performance.now();
      const reply = connector?.calls.findLast((c) => c.body?.type === 'message' && c.receivedAt >= sentAt);
      if (reply && commandAt(shape.warmup + i).startsWith(STEPPED_COMMAND)) {
        samples[t]!.steps.push(stepsOf({ sentAt, answeredAt, replyAt: reply.receivedAt, statements: meter ? [...meter.intervals] : [] }));
      }
      const answered = meter?.statements ?? 0;
      samples[t]!.statements.push(answered);
      samples[t]!.milliseconds.push(meter?.milliseconds ?? 0);
      await meter?.quiet();
      samples[t]!.afterAnswer.push((meter?.statements ?? 0) - answered);
    }
  }

  const throughput: number[] = [];
  for (let t = 0; t < targets.length; t++) {
    const started = process.hrtime.bigint();
    await Promise.all(channels.map(async (channel, c) => {
      for (let i = 0; i < shape.concurrentPerClient; i++) await send(t, channel, 10_000 * (c + 1) + i);
    }));
    throughput.push((channels.length * shape.concurrentPerClient) / (Number(process.hrtime.bigint() - started) / 1e9));
  }

  return targets.map((target, t) => ({
    latency: summarise(samples[t]!.latency),
    throughput: throughput[t]!,
    errors: errors[t]!,
    ...(target.connector ? { steps: medianSteps(samples[t]!.steps) } : {}),
    ...(target.meter
      ? {
          database: {
            statements: summarise(samples[t]!.statements),
            milliseconds: summarise(samples[t]!.milliseconds),
            afterAnswer: summarise(samples[t]!.afterAnswer),
            byCommand: COMMANDS.map((command, k) => ({
              command,
              // sample i sent command shape.warmup + i
              statements: summarise(samples[t]!.statements.filter((_, i) => (shape.warmup + i) % COMMANDS.length === k)).p50,
            })),
          },
        }
      : {}),
  }));
}

/** The typical commands and a Teams join, each sent once, for the statements each sends. */
export const TYPICAL = [
  { name: 'nästa', activity: (channel: TeamsChannel) => channel.message(secretary, 'nästa', tick()) },
  { name: 'anteckning', activity: (channel: TeamsChannel) => channel.message(secretary, 'anteckning Diskussion om läget.', tick()) },
  { name: 'beslut', activity: (channel: TeamsChannel) => channel.message(secretary, 'beslut godkänna informationen', tick()) },
  { name: 'åtgärd', activity: (channel: TeamsChannel) => channel.message(secretary, 'åtgärd Återkoppla till gruppen ansvarig Person 2 senast 2030-01-15', tick()) },
  { name: 'ny punkt', activity: (channel: TeamsChannel) => channel.message(secretary, 'ny punkt Ett ärende till', tick()) },
  { name: 'anslutning', activity: (channel: TeamsChannel) => channel.participants('join', [person(3)], tick()) },
] as const;

/** Statements until the answer (BEGIN/COMMIT not counted) for each of TYPICAL, in a running meeting. */
export async function statementsPerCommand(url: string, channel: TeamsChannel, meter: DbMeter): Promise<Array<{ command: string; statements: number }>> {
  const counted: Array<{ command: string; statements: number }> = [];
  for (const { name, activity } of TYPICAL) {
    await meter.quiet();
    meter.reset();
    const res = await deliver(url, activity(channel));
    if (res.status >= 300) throw new Error(`${name}: HTTP ${res.status}`);
    counted.push({ command: name, statements: meter.statements });
  }
  return counted;
}

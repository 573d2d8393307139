/**
 * Command round trip: an activity POSTed to /api/messages until the HTTP answer, which botbuilder
 * gives after the reply has been POSTed to the (loopback) Bot Connector. Latency from one client in
 * sequence, Protokoll and the echo bot taking turns command by command, so a busy moment on the
 * machine falls on both alike; throughput from several clients at once, one bot after the other.
 */
import { summarise, timed, type Summary } from './stats';
import { deliver, secretary, tick, type TeamsChannel } from './teams';
import type { DbMeter } from './db-meter';

export interface RoundTrip {
  latency: Summary;
  throughput: number;
  errors: number;
  /** per sequential command, when the server's database was metered: statements and milliseconds */
  database?: { statements: Summary; milliseconds: Summary };
}

export interface RoundTripTarget {
  url: string;
  /** untimed work before a sequential sample (e.g. starting a new meeting) */
  between?: (channel: TeamsChannel, i: number) => Promise<void>;
  meter?: DbMeter;
}

/** The commands a secretary types most, in turn. */
export function commandAt(i: number): string {
  switch (i % 3) {
    case 0: return `ny punkt Ärende ${i}`;
    case 1: return `beslut godkänna redovisningen ${i}`;
    default: return `åtgärd Skicka ut underlag ${i} ansvarig Person 1 senast 2030-01-15`;
  }
}

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

  const samples = targets.map(() => ({ latency: [] as number[], statements: [] as number[], milliseconds: [] as number[] }));
  for (let i = 0; i < shape.sequential; i++) {
    for (let t = 0; t < targets.length; t++) {
      const { between, meter } = targets[t]!;
      await between?.(first, i);
      meter?.reset();
      samples[t]!.latency.push(await timed(() => send(t, first, shape.warmup + i)));
      samples[t]!.statements.push(meter?.statements ?? 0);
      samples[t]!.milliseconds.push(meter?.milliseconds ?? 0);
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
    ...(target.meter
      ? { database: { statements: summarise(samples[t]!.statements), milliseconds: summarise(samples[t]!.milliseconds) } }
      : {}),
  }));
}

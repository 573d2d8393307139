/**
 * Command round trip: an activity POSTed to /api/messages until the HTTP answer, which botbuilder
 * gives after the reply has been POSTed to the (loopback) Bot Connector. Latency from one client in
 * sequence; throughput from several clients at once.
 */
import { summarise, timed, type Summary } from './stats';
import { deliver, secretary, tick, type TeamsChannel } from './teams';

export interface RoundTrip {
  latency: Summary;
  throughput: number;
  errors: number;
}

/** The commands a secretary types most, in turn (a new meeting every 20 items keeps agendas realistic). */
export function commandAt(i: number): string {
  switch (i % 3) {
    case 0: return `ny punkt Ärende ${i}`;
    case 1: return `beslut godkänna redovisningen ${i}`;
    default: return `åtgärd Skicka ut underlag ${i} ansvarig Person 1 senast 2030-01-15`;
  }
}

export async function roundTrip(
  url: string,
  channels: TeamsChannel[],
  textAt: (i: number) => string,
  options: {
    warmup: number;
    sequential: number;
    concurrentPerClient: number;
    /** untimed work between sequential samples (e.g. starting a new meeting) */
    between?: (channel: TeamsChannel, i: number) => Promise<void>;
  },
): Promise<RoundTrip> {
  let errors = 0;
  const send = async (channel: TeamsChannel, i: number) => {
    const res = await deliver(url, channel.message(secretary, textAt(i), tick()));
    if (res.status >= 300) errors++;
  };
  const [first] = channels;
  for (let i = 0; i < options.warmup; i++) await send(first!, i);
  const samples: number[] = [];
  for (let i = 0; i < options.sequential; i++) {
    await options.between?.(first!, i);
    samples.push(await timed(() => send(first!, options.warmup + i)));
  }
  const started = process.hrtime.bigint();
  await Promise.all(channels.map(async (channel, c) => {
    for (let i = 0; i < options.concurrentPerClient; i++) await send(channel, 10_000 * (c + 1) + i);
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { latency: summarise(samples), throughput: (channels.length * options.concurrentPerClient) / seconds, errors };
}

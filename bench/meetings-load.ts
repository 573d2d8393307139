/**
 * Many meetings at once. Each meeting starts at its own moment within the first half of the window
 * (meetings that run at the same time do not all begin in the same second), and its `participants`
 * join within one second of that (a Teams join event per person). Commands then come at
 * `commandsPerMinute` per meeting until the window ends. Every request's latency is kept; every
 * non-2xx answer or failed request is an error, counted by status. `peakPerSecond` is the most
 * requests the schedule puts in any one second (random starts overlap).
 */
import { summarise, timed, type Summary } from './stats';
import { deliver, person, secretary, tick, type TeamsChannel } from './teams';

export interface LoadResult {
  joins: Summary;
  commands: Summary;
  all: Summary;
  errors: number;
  errorsByStatus: Record<string, number>;
  requests: number;
  peakPerSecond: number;
}

const LOAD_COMMANDS = ['anteckning Diskussion om läget.', 'beslut godkänna informationen', 'åtgärd Återkoppla till gruppen ansvarig Person 2', 'nästa'];
const sleep = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay));

export async function meetingsLoad(url: string, meetings: TeamsChannel[], participants: number, commandsPerMinute: number, seconds: number): Promise<LoadResult> {
  const errorsByStatus: Record<string, number> = {};
  const send = async (activity: () => unknown, into: number[]) => {
    into.push(await timed(async () => {
      const res = await deliver(url, activity()).catch((error: Error) => ({ status: `${error.name}: ${error.message}` }));
      if (typeof res.status !== 'number' || res.status >= 300) errorsByStatus[res.status] = (errorsByStatus[res.status] ?? 0) + 1;
    }));
  };
  const joins: number[] = [];
  const commands: number[] = [];
  const scheduled: number[] = [];
  const windowMs = seconds * 1000;
  const at = (delay: number) => {
    scheduled.push(delay);
    return sleep(delay);
  };
  await Promise.all(meetings.map(async (channel) => {
    const start = Math.random() * (windowMs / 2);
    const joined = Array.from({ length: participants }, async (_, i) => {
      await at(start + Math.random() * 1000);
      await send(() => channel.participants('join', [person(i + 1)], tick()), joins);
    });
    const count = Math.max(1, Math.round((commandsPerMinute * (windowMs - start - 1000)) / 60_000));
    const said = Array.from({ length: count }, async (_, i) => {
      await at(start + 1000 + Math.random() * (windowMs - start - 1000));
      await send(() => channel.message(secretary, LOAD_COMMANDS[i % LOAD_COMMANDS.length]!, tick()), commands);
    });
    await Promise.all([...joined, ...said]);
  }));
  const errors = Object.values(errorsByStatus).reduce((a, b) => a + b, 0);
  return {
    joins: summarise(joins), commands: summarise(commands), all: summarise([...joins, ...commands]),
    errors, errorsByStatus, requests: scheduled.length, peakPerSecond: busiestSecond(scheduled),
  };
}

function busiestSecond(delays: number[]): number {
  const sorted = [...delays].sort((a, b) => a - b);
  let peak = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= 1000) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

/** One meeting's participants joining one after the other, with nothing else going on: what one join costs. */
export async function joinsAlone(url: string, channel: TeamsChannel, participants: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < participants; i++) {
    samples.push(await timed(() => deliver(url, channel.participants('join', [person(i + 1)], tick()))));
  }
  return summarise(samples);
}

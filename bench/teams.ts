/** Driving the server like Teams does: one channel per group, activities over HTTP. */
import { BotConnectorServer } from '../tests/support/bot-connector.server';
import { deliver, TeamsChannel, type Person } from '../tests/support/teams-activities';

export { deliver, TeamsChannel, BotConnectorServer, type Person };

export const secretary: Person = { id: '29:sekreterare', name: 'Sandra Johansson', aadObjectId: 'b1000000-0000-4000-8000-000000000000' };

export function person(i: number): Person {
  const hex = i.toString(16).padStart(12, '0');
  return { id: `29:p${i}`, name: `Person ${i}`, aadObjectId: `b1000000-0000-4000-8000-${hex}` };
}

/** `ledamöter` lines for people 1…n, spread over a region and three municipalities. */
export function rosterCommand(n: number): string {
  const principals = ['Region Blekinge', 'Karlskrona kommun', 'Ronneby kommun', 'Karlshamns kommun'];
  const lines = Array.from({ length: n }, (_, i) => `Person ${i + 1}; ledamot; ${principals[i % principals.length]}; ${i === 0 ? 'ordförande' : 'ledamot'}`);
  return ['ledamöter', ...lines, 'Sandra Johansson; processledare; Region Blekinge; sekreterare'].join('\n');
}

let clock = Date.parse('2025-03-03T08:00:00.000Z');
/** Activity timestamps move forward a second per activity, like a real meeting. */
export const tick = (): string => new Date((clock += 1000)).toISOString();

export async function mustDeliver(url: string, activity: unknown): Promise<void> {
  const res = await deliver(url, activity);
  if (res.status >= 300) throw new Error(`HTTP ${res.status} for ${JSON.stringify(activity).slice(0, 120)}`);
}

/** A group bound to its own channel, with a roster and a running meeting. */
export async function groupInMeeting(appUrl: string, connector: BotConnectorServer, key: string, rosterSize: number): Promise<TeamsChannel> {
  const channel = new TeamsChannel({ teamId: `19:team-${key}@thread.tacv2`, teamName: `Bänkgrupp ${key}`, channelId: `19:ch-${key}@thread.tacv2` }, connector.url);
  await mustDeliver(appUrl, channel.install(tick()));
  await mustDeliver(appUrl, channel.message(secretary, rosterCommand(rosterSize), tick()));
  await mustDeliver(appUrl, channel.message(secretary, 'starta', tick()));
  return channel;
}

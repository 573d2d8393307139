/**
 * The meeting many justering tests start from: a channel with the chair (Mats), a member elected
 * justerare (Anna-Karin) and the secretary (Sandra), who all join and whom the secretary confirms;
 * one decision; ended, so its draft awaits justering. `extra` commands from the secretary go in before `avsluta`.
 */
import { deliver, type Person, type TeamsChannel } from './teams-activities';

export interface DraftPeople {
  chair: Person;
  adjuster: Person;
  secretary: Person;
}

/** `others` (on the roster by then, e.g. through `extra`) join after the extra commands and are confirmed too. */
export async function meetingWithDraft(
  appUrl: string, channel: TeamsChannel, people: DraftPeople, at: (minutes: number) => string, extra: string[] = [], others: Person[] = [],
): Promise<void> {
  const { chair, adjuster, secretary } = people;
  const say = (text: string, minute: number) => deliver(appUrl, channel.message(secretary, text, at(minute)));
  await deliver(appUrl, channel.install(at(-10)));
  await say([
    'ledamöter',
    `${chair.name}; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande`,
    `${adjuster.name}; verksamhetschef; Ronneby kommun; ledamot`,
    `${secretary.name}; processledare LOS; Region Blekinge; sekreterare`,
  ].join('\n'), -9);
  await deliver(appUrl, channel.meetingStarted(at(0)));
  await deliver(appUrl, channel.participants('join', [chair, adjuster, secretary], at(0)));
  // Joined under their roster names: matched by display name only, until the secretary confirms them.
  await say(`bekräfta ${chair.name}`, 1);
  await say(`bekräfta ${adjuster.name}`, 1);
  await say('beslut godkänna dagordningen', 2);
  await say(`justerare ${adjuster.name}`, 3);
  for (const [i, text] of extra.entries()) await say(text, 4 + i);
  if (others.length) await deliver(appUrl, channel.participants('join', others, at(4 + extra.length)));
  for (const person of others) await say(`bekräfta ${person.name}`, 4 + extra.length);
  await say('avsluta', 60);
}

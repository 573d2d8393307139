/**
 * `sekreterare <namn>`: the secretary (or the chair) names a stand-in for one meeting, e.g. when the
 * secretary is ill. The stand-in may record that meeting and complete its draft; the group's
 * settings and every other meeting stay the secretary's.
 */
import { genitive } from '../swedish-genitive';
import type { Meeting } from '../model';
import type { Repositories } from '../ports';
import { conflict } from '../errors';
import type { Answer, CommandContext } from './command-context';
import { meetingByStatus } from './meeting-lookup';
import { uniqueMember } from './roster-lookup';

/** The meeting a stand-in is for: the running one, else the draft being completed, else the next planned one. */
export const meetingForStandIn = (repos: Repositories, groupId: string): Promise<Meeting | null> =>
  meetingByStatus(repos, groupId, ['pågår', ['utkast', 'justering'], 'planerat']);

export async function nameStandIn(repos: Repositories, ctx: CommandContext, name: string): Promise<Answer> {
  const meeting = await meetingForStandIn(repos, ctx.group.id);
  if (!meeting) throw conflict('Det finns inget möte att utse ersättare för. Lägg först till en punkt med `ny punkt` eller skriv `starta`.');
  const member = await uniqueMember(repos, ctx.group.id, name);
  await repos.meetings.update(ctx.group.id, meeting.id, { standInMemberId: member.id });
  const confirmed = member.aadObjectId ? '' : ` ${genitive(member.name)} Teams-konto är inte bekräftat än: skriv \`bekräfta ${member.name}\` när hen har anslutit, eller lägg till hens e-postadress i ledamotslistan.`;
  return { text: `${member.name} är ersättare för sekreteraren vid det här mötet och kan föra protokollet för det.${confirmed}` };
}

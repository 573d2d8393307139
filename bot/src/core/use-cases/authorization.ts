/**
 * Who may do what (PRODUCT.md, "Who may do what"). Every command, card verb and event declares the
 * permission it needs; the turn envelope asks here before the handler runs, so a refused command
 * changes nothing and says, in Swedish, who may do it.
 *
 * The sender is known only by what Teams vouches for: the roster entry tied to their Entra object
 * id. A typed or display name never grants anything.
 *
 *   setup    group settings (roster, numbering, body name, quorum rule, calendar): secretary or chair;
 *            before the group has either, the members of its team (writing in the group's channel)
 *   record   during and after the meeting (agenda moves, minutes, attendance, avsluta): secretary or
 *            chair, and the stand-in the secretary named for that meeting (`sekreterare <namn>`)
 *   lead     naming a stand-in: the secretary or the chair themselves
 *   propose  `ny punkt`: roster members and members of the group's team
 *   read     agenda and attendance: roster members and members of the group's team
 *   anyone   help, and what the use case checks itself (approvals: the chair and that meeting's justerare)
 *
 * In the tab, marking an action done is for its owner, the secretary or the chair (tab-queries.ts).
 */
import { genitive } from '../swedish-genitive';
import type { Group, RosterMember, RosterRole } from '../model';
import { formatRoles, hasAnyRole } from '../roster-roles';
import type { Repositories } from '../ports';
import { forbidden } from '../errors';
import type { Actor } from './command-context';
import { meetingForStandIn } from './stand-in';

export type Permission = 'anyone' | 'read' | 'propose' | 'record' | 'setup' | 'lead';

/** Where the turn comes from, as far as permissions care. */
export interface Place {
  /** the group's own channel (or a thread in it): Teams delivers only its team's members there */
  inGroupChannel: boolean;
}

const LEADING_ROLES: readonly RosterRole[] = ['sekreterare', 'ordförande', 'vice ordförande'];

/**
 * The secretary or the chair (the vice chair included): the roster entries that lead the group's
 * record. Every rule that grants something to "the secretary or the chair" asks here, so how a
 * member's role is stored is read in this one place.
 */
export function isSecretaryOrChair(member: RosterMember): boolean {
  return hasAnyRole(member, LEADING_ROLES);
}

/** The roster entry of the sender, by the Entra object id Teams sends: null when none is tied to it. */
export async function senderOf(repos: Repositories, group: Group, actor: Actor): Promise<RosterMember | null> {
  return actor.aadObjectId ? repos.roster.findByAadObjectId(group.id, actor.aadObjectId) : null;
}

export async function authorize(repos: Repositories, group: Group, actor: Actor, permission: Permission, place: Place): Promise<void> {
  return authorizeSender(repos, group, permission === 'anyone' ? null : await senderOf(repos, group, actor), permission, place);
}

/** `authorize` for a sender already looked up (the turn envelope has just learnt who sends). */
export async function authorizeSender(repos: Repositories, group: Group, sender: RosterMember | null, permission: Permission, place: Place): Promise<void> {
  if (permission === 'anyone') return;
  if (permission === 'read' || permission === 'propose') {
    if (sender || place.inGroupChannel) return;
    throw forbidden(`Bara ${genitive(group.name)} ledamöter och medlemmar i gruppens team kan ${permission === 'read' ? 'se det här' : 'föreslå punkter'}. Skriv i gruppens kanal, eller be sekreteraren lägga in dig i ledamotslistan med din e-postadress.`);
  }
  if (sender && isSecretaryOrChair(sender)) return;
  if (sender && permission === 'record' && (await meetingForStandIn(repos, group.id))?.standInMemberId === sender.id) return;
  const roster = await repos.roster.list(group.id);
  const leaders = roster.filter(isSecretaryOrChair);
  // A new group: its team sets it up, and the first roster names the secretary.
  if (leaders.length === 0 && place.inGroupChannel && permission !== 'lead') return;
  const names = leaders.map((m) => `${m.name} (${formatRoles(m.roles)})`).join(', ');
  const who = names ? `gruppens sekreterare och ordförande (${names})` : 'gruppens sekreterare och ordförande';
  const what = permission === 'setup' ? 'ändra gruppens inställningar och ledamotslista' : permission === 'lead' ? 'utse en ersättare för sekreteraren' : 'föra protokollet';
  throw forbidden(`Bara ${who} kan ${what}. Inget har ändrats.${leaders.length === 0 ? ' Gruppen har ingen sekreterare än: skriv `ledamöter` i gruppens kanal och ange en sekreterare.' : ''}`);
}

/**
 * Learning how Teams identifies roster members. The roster is typed in by the secretary (names),
 * while Teams speaks in ids: the Entra object id (who the person is) and the Teams user id `29:…`
 * (the approval card's `refresh.userIds`, which decides who sees the Justera button).
 *
 * A roster entry is tied to an account only by what Teams vouches for: the Entra object id, or the
 * e-mail/UPN Teams reports for the account, matched to the roster's e-mail. A display name is
 * anyone's to choose: a match by name is provisional, grants nothing and is kept for the secretary
 * to confirm (`bekräfta <namn>`, or the attendance card's button).
 */
import type { Group, IsoTime, RosterMember } from '../model';
import type { Repositories } from '../ports';
import { conflict } from '../errors';
import { identifyParticipant } from '../roster-match';
import type { Answer, CommandContext } from './command-context';
import { uniqueMember } from './roster-lookup';

export interface TeamsIdentity {
  aadObjectId: string | null;
  teamsUserId: string | null;
  name: string;
  email?: string | null;
}

/** Stores what is new about a member identified by a fact; nothing when nothing changed. */
export async function learnIdentity(repos: Repositories, group: Group, member: RosterMember, identity: TeamsIdentity): Promise<void> {
  const aadObjectId = identity.aadObjectId && !member.aadObjectId ? identity.aadObjectId : null;
  const teamsUserId = identity.teamsUserId && identity.teamsUserId !== member.teamsUserId ? identity.teamsUserId : null;
  if (aadObjectId || teamsUserId) await repos.roster.rememberIdentity(group.id, member.id, { aadObjectId, teamsUserId });
}

/**
 * For anyone writing to the bot. This runs on every turn, so the usual case is one indexed read:
 * the member with this Entra object id (none when the caller already read it: `tied`, as the turn
 * envelope does with the turn's context). Someone not tied yet is tied only when Teams reported an
 * e-mail/UPN for them that the roster has. Returns the sender's roster entry (null: none is tied
 * to them), so the permission check needs no second read.
 */
export async function learnActorIdentity(repos: Repositories, group: Group, identity: TeamsIdentity, tied?: RosterMember | null): Promise<RosterMember | null> {
  if (!identity.aadObjectId) return null;
  const known = tied !== undefined ? tied : await repos.roster.findByAadObjectId(group.id, identity.aadObjectId);
  if (known) {
    await learnIdentity(repos, group, known, identity);
    return known;
  }
  if (!identity.email) return null;
  const found = identifyParticipant(await repos.roster.list(group.id), { aadObjectId: identity.aadObjectId, email: identity.email });
  if (found?.by !== 'email') return null;
  await learnIdentity(repos, group, found.member, identity);
  return found.member;
}

/**
 * A Teams participant seen in the meeting: tied when identified by a fact; when only the display
 * name fits, kept as a provisional match for the secretary to confirm. `roster`: the group's roster
 * when the caller has just read it.
 */
export async function noteParticipantIdentity(repos: Repositories, group: Group, identity: TeamsIdentity, at: IsoTime, roster?: RosterMember[]): Promise<RosterMember | null> {
  const found = identifyParticipant(roster ?? (await repos.roster.list(group.id)), identity);
  if (!found) return null;
  if (found.by !== 'name') await learnIdentity(repos, group, found.member, identity);
  else if (identity.aadObjectId) {
    // Only an account Teams names by its Entra id can later be confirmed as this member.
    await repos.roster.addProvisionalMatch(group.id, found.member.id, { aadObjectId: identity.aadObjectId, teamsUserId: identity.teamsUserId, displayName: identity.name, at });
  }
  return found.member;
}

/**
 * `bekräfta <namn>` (or the attendance card's button): the secretary vouches that the Teams account
 * matched to this member by display name is this member. Two different accounts under the name:
 * refused, since the secretary cannot tell which one she confirms.
 */
export async function confirmIdentity(repos: Repositories, ctx: CommandContext, who: { name: string } | { memberId: string }): Promise<Answer> {
  const member = 'memberId' in who
    ? (await repos.roster.list(ctx.group.id)).find((m) => m.id === who.memberId) ?? null
    : await uniqueMember(repos, ctx.group.id, who.name);
  if (!member) throw conflict('Personen finns inte längre i ledamotslistan.');
  if (member.aadObjectId) return { text: `${member.name} är redan bekräftad: Teams-kontot är kopplat till ledamotslistan.` };
  const accounts = await repos.roster.provisionalMatches(ctx.group.id, member.id);
  if (accounts.length === 0) {
    throw conflict(`Inget Teams-konto har anslutit som ${member.name} ännu. Bekräfta när hen har anslutit till mötet, eller lägg till hens e-postadress i ledamotslistan.`);
  }
  if (accounts.length > 1) {
    throw conflict(`${accounts.length} olika Teams-konton har anslutit som ${member.name}, så Protokoll kan inte veta vilket som är rätt. Lägg till hens e-postadress i ledamotslistan i stället.`);
  }
  const account = accounts[0]!;
  await repos.roster.rememberIdentity(ctx.group.id, member.id, { aadObjectId: account.aadObjectId, teamsUserId: account.teamsUserId });
  await repos.roster.clearProvisionalMatches(ctx.group.id, member.id);
  return { text: `${member.name} är bekräftad: Teams-kontot som anslöt som ${account.displayName} är nu kopplat till ledamotslistan.` };
}

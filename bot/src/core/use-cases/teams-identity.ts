/**
 * Learning how Teams identifies roster members. The roster is typed in by the secretary (names),
 * while Teams speaks in ids: the Entra ID object id (exact matching next time) and the Teams user id
 * `29:…` (the approval card's `refresh.userIds`, which decides who sees the Justera button).
 */
import type { Group, RosterMember } from '../model';
import type { Repositories } from '../ports';
import { matchParticipant } from '../roster-match';

export interface TeamsIdentity {
  aadObjectId: string | null;
  teamsUserId: string | null;
  name: string;
  email?: string | null;
}

/** Stores what is new about a member already matched; nothing when nothing changed. */
export async function learnIdentity(repos: Repositories, group: Group, member: RosterMember, identity: TeamsIdentity): Promise<void> {
  const aadObjectId = identity.aadObjectId && !member.aadObjectId ? identity.aadObjectId : null;
  const teamsUserId = identity.teamsUserId && identity.teamsUserId !== member.teamsUserId ? identity.teamsUserId : null;
  if (aadObjectId || teamsUserId) await repos.roster.rememberIdentity(group.id, member.id, { aadObjectId, teamsUserId });
}

/**
 * For anyone writing to the bot. This runs on every command, so the usual case is one indexed read:
 * the member with this Entra ID object id. Only someone not known by id yet (typed into the roster
 * by name) is matched by name, among the members without an id, like a meeting participant.
 */
export async function learnActorIdentity(repos: Repositories, group: Group, identity: TeamsIdentity): Promise<void> {
  if (!identity.aadObjectId || !identity.teamsUserId) return;
  const known = await repos.roster.findByAadObjectId(group.id, identity.aadObjectId);
  if (known) return learnIdentity(repos, group, known, identity);
  const unidentified = (await repos.roster.list(group.id)).filter((m) => !m.aadObjectId);
  const member = matchParticipant(unidentified, { name: identity.name, email: identity.email ?? null });
  if (member) await learnIdentity(repos, group, member, identity);
}

/**
 * Learning how Teams identifies roster members. The roster is typed in by the secretary (names),
 * while Teams speaks in ids: the Entra ID object id (exact matching next time) and the Teams user id
 * `29:…` (the approval card's `refresh.userIds`, which decides who sees the Justera button).
 */
import type { Group, RosterMember } from '../model';
import type { Repositories } from '../ports';

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
 * For anyone writing to the bot: the Teams user id of the roster member with this Entra ID object id
 * (learnt by name at their first meeting join). One conditional UPDATE, no read: this runs on every
 * command.
 */
export async function learnActorIdentity(repos: Repositories, group: Group, identity: TeamsIdentity): Promise<void> {
  if (!identity.aadObjectId || !identity.teamsUserId) return;
  await repos.roster.rememberTeamsUserId(group.id, identity.aadObjectId, identity.teamsUserId);
}

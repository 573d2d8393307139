/**
 * A roster entry may hold several roles (`sekreterare, ledamot`). Every question about a member's
 * roles goes through these helpers, so no caller looks at one role and misses the others: the
 * secretary who is also a member counts for quorum and is still the secretary.
 */
import { VOTING_ROLES, type RosterMember, type RosterRole } from './model';

type WithRoles = Pick<RosterMember, 'roles'>;

export const hasRole = (member: WithRoles, role: RosterRole): boolean => member.roles.includes(role);

export const hasAnyRole = (member: WithRoles, roles: readonly RosterRole[]): boolean => member.roles.some((role) => roles.includes(role));

/** The role typed first: what a single-role view of the member shows. */
export function primaryRole(member: WithRoles): RosterRole {
  const [first] = member.roles;
  if (!first) throw new RangeError('a roster member has at least one role');
  return first;
}

/** Ordförande, vice ordförande, ledamot or ersättare: counted for quorum. */
export const countsForQuorum = (member: WithRoles): boolean => hasAnyRole(member, VOTING_ROLES);

/** `sekreterare, ledamot`: how roles are written back to people (answers, cards). */
export const formatRoles = (roles: readonly RosterRole[]): string => roles.join(', ');

/** Each role once, in the order first given. */
export const distinctRoles = (roles: readonly RosterRole[]): RosterRole[] => [...new Set(roles)];

/**
 * A member with its roles de-duplicated and the deprecated single `role` derived from them, the one
 * way a RosterMember is built, so the two can never disagree.
 */
export function rosterMember(fields: Omit<RosterMember, 'role'>): RosterMember {
  const roles = distinctRoles(fields.roles);
  return { ...fields, roles, role: primaryRole({ roles }) };
}

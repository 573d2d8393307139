/**
 * Matching people to the roster. Teams participants: by Entra object id, then e-mail, then name
 * (guests from other tenants may carry little identity). Names typed in commands: all candidates,
 * so an ambiguous name can be asked about instead of guessed.
 */
import type { RosterMember } from './model';

export const normaliseName = (name: string): string =>
  name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

export function matchParticipant(
  roster: RosterMember[],
  who: { aadObjectId?: string | null; name?: string | null; email?: string | null },
): RosterMember | null {
  if (who.aadObjectId) {
    const byId = roster.find((m) => m.aadObjectId === who.aadObjectId);
    if (byId) return byId;
  }
  if (who.email) {
    const email = who.email.trim().toLowerCase();
    const byEmail = roster.find((m) => m.email?.toLowerCase() === email);
    if (byEmail) return byEmail;
  }
  if (who.name) {
    const name = normaliseName(who.name);
    const byName = roster.filter((m) => normaliseName(m.name) === name);
    if (byName.length === 1) return byName[0]!;
  }
  return null;
}

/** Exact full name wins alone; otherwise everyone whose name starts with the query's words. */
export function findMembersByName(roster: RosterMember[], query: string): RosterMember[] {
  const wanted = normaliseName(query);
  if (!wanted) return [];
  const exact = roster.filter((m) => normaliseName(m.name) === wanted);
  if (exact.length > 0) return exact;
  return roster.filter((m) => {
    const name = normaliseName(m.name);
    return name.startsWith(`${wanted} `) || name.split(' ').some((part) => part === wanted);
  });
}

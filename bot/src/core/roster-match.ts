/**
 * Matching people to the roster.
 *
 *   matchParticipant(roster, { aadObjectId?, email?, name? }) → RosterMember | null
 *     A Teams participant: by Entra object id, then e-mail, then full name. Guests from other
 *     tenants (Region vs. kommun) may carry little identity, hence the fallbacks; a name that fits
 *     two roster entries matches neither, so nobody is recorded as the wrong person.
 *   identifyParticipant(roster, { aadObjectId?, email?, name? }) → { member, by } | null
 *     The same, saying how: by `id` or `email` is a fact Teams vouches for and may tie the entry to
 *     the account; by `name` is provisional (anyone may choose a display name) and only ever among
 *     entries not yet tied to an account, so a copied name never lands on someone identified.
 *   findMembersByName(roster, query) → RosterMember[]
 *     A name typed in a command: every candidate, so an ambiguous name can be asked about instead
 *     of guessed.
 *
 * Names are compared after Unicode NFC (å typed as a + combining ring is still å), trimming,
 * collapsing whitespace and Swedish lower-casing. å, ä and ö are letters of their own: never folded.
 */
import type { RosterMember } from './model';

export const normaliseName = (name: string): string =>
  name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

/** Entra object ids are GUIDs, and e-mail addresses are matched without regard to case. */
const sameId = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

type Who = { aadObjectId?: string | null; name?: string | null; email?: string | null };

export interface Identified {
  member: RosterMember;
  by: 'id' | 'email' | 'name';
}

/** Presence (the attendance report, RSVPs): any entry whose e-mail or unique name fits. */
export const matchParticipant = (roster: RosterMember[], who: Who): RosterMember | null => identify(roster, who, false)?.member ?? null;

/** Identity: by e-mail and name only among entries not tied to another account. */
export const identifyParticipant = (roster: RosterMember[], who: Who): Identified | null => identify(roster, who, true);

function identify(roster: RosterMember[], who: Who, untiedOnly: boolean): Identified | null {
  // An entry tied to an account is that account's: another one's e-mail or name does not land on it.
  const open = (m: RosterMember) => !untiedOnly || !m.aadObjectId || sameId(m.aadObjectId, who.aadObjectId);
  if (who.aadObjectId) {
    const byId = roster.find((m) => sameId(m.aadObjectId, who.aadObjectId));
    if (byId) return { member: byId, by: 'id' };
  }
  if (who.email?.trim()) {
    const byEmail = roster.filter((m) => sameId(m.email, who.email) && open(m));
    if (byEmail.length === 1) return { member: byEmail[0]!, by: 'email' };
  }
  if (who.name?.trim()) {
    // Two entries of one name match neither.
    const byName = roster.filter((m) => normaliseName(m.name) === normaliseName(who.name!));
    if (byName.length === 1 && open(byName[0]!)) return { member: byName[0]!, by: 'name' };
  }
  return null;
}

/** "anna-karin åkesson" → ["anna-karin", "åkesson"] and the hyphenated parts ["anna", "karin"]. */
const wordsOf = (normalised: string) => normalised.split(' ');
const partsOf = (normalised: string) => normalised.split(/[ -]/);

/**
 * Candidates for a typed name, in tiers; the first tier with any hit is the answer:
 * 1. the exact full name ("Carina Fransson");
 * 2. whole words: a first name, a surname or a run of words ("Carina", "Åkesson", "Anna-Karin");
 * 3. prefixes: the start of the name or of any word or hyphenated part ("Carina F", "Wenn", "Anna").
 * Roster order is kept.
 */
export function findMembersByName(roster: RosterMember[], query: string): RosterMember[] {
  const wanted = normaliseName(query);
  if (!wanted) return [];
  const named = roster.map((member) => ({ member, name: normaliseName(member.name) }));
  const tiers: Array<(name: string) => boolean> = [
    (name) => name === wanted,
    (name) => ` ${name} `.includes(` ${wanted} `),
    (name) => name.startsWith(wanted) || wordsOf(name).some((w) => w.startsWith(wanted)) || partsOf(name).some((p) => p.startsWith(wanted)),
  ];
  for (const matches of tiers) {
    const hits = named.filter(({ name }) => matches(name)).map(({ member }) => member);
    if (hits.length > 0) return hits;
  }
  return [];
}

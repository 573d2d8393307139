/** A name typed in a command → the one roster member it means, or a Swedish error saying why not. */
import type { RosterMember } from '../model';
import type { Repositories } from '../ports';
import { invalid, notFound } from '../errors';
import { findMembersByName } from '../roster-match';

export async function uniqueMember(repos: Repositories, groupId: string, name: string): Promise<RosterMember> {
  const roster = await repos.roster.list(groupId);
  const matches = findMembersByName(roster, name);
  if (matches.length === 0) {
    throw notFound(`${name} finns inte i gruppens ledamotslista. Lägg till personen med \`ledamöter\` eller kontrollera stavningen.`);
  }
  if (matches.length > 1) {
    throw invalid(`Flera personer matchar "${name}": ${matches.map((m) => m.name).join(', ')}. Skriv hela namnet.`);
  }
  return matches[0]!;
}

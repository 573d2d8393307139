/**
 * "att Mats skickar ut dokumentet": a decision clause that starts with a roster member's name
 * followed by a verb in the present tense is really an action item for that person. We only
 * propose it (the secretary accepts with one click), because the heuristic can be wrong.
 */
import type { RosterMember } from '../model';
import { withoutLeadingAtt } from '../decision-clause';

export interface ActionProposal {
  ownerMemberId: string;
  ownerName: string;
  text: string;
}

const normalise = (s: string) => s.normalize('NFC').toLocaleLowerCase('sv-SE');

/** Swedish present-tense verbs end in -r (skickar, tar, återkommer, ser, gör, undersöker). */
const looksLikePresentTenseVerb = (word: string) => /^[a-zåäöé]{2,}r$/.test(normalise(word));

export function proposeActionFromClause(roster: RosterMember[], clause: string): ActionProposal | null {
  const words = withoutLeadingAtt(clause).split(/\s+/);
  for (const member of candidatesByName(roster, words)) {
    const rest = words.slice(member.nameWords);
    const verb = rest[0];
    if (verb && looksLikePresentTenseVerb(verb) && rest.length >= 2) {
      const text = rest.join(' ').replace(/[.;]$/, '');
      return { ownerMemberId: member.member.id, ownerName: member.member.name, text: text[0]!.toLocaleUpperCase('sv-SE') + text.slice(1) };
    }
  }
  return null;
}

/** Full names first; a first name only when exactly one roster member has it. */
function candidatesByName(roster: RosterMember[], words: string[]): Array<{ member: RosterMember; nameWords: number }> {
  const full = roster.filter((m) => {
    const parts = m.name.split(/\s+/);
    return parts.length > 0 && parts.every((part, i) => words[i] !== undefined && normalise(words[i]!) === normalise(part));
  });
  if (full.length === 1) return [{ member: full[0]!, nameWords: full[0]!.name.split(/\s+/).length }];
  const first = words[0] ? normalise(words[0]) : '';
  const byFirstName = roster.filter((m) => normalise(m.name.split(/\s+/)[0] ?? '') === first);
  return byFirstName.length === 1 ? [{ member: byFirstName[0]!, nameWords: 1 }] : [];
}

/**
 * `ledamöter` followed by lines `Namn [(parti)]; titel/organisation; huvudman; roll[, roll][; e-post]`.
 * Blank lines are ignored; every line is checked and a single bad line rejects the whole list
 * (nothing is half saved). The older four-field form without e-mail is the same form.
 */
import { ROSTER_ROLES, type RosterRole } from '../model';
import type { RosterEntryInput } from './command';
import { isEmailAddress, MAX_TITLE_LENGTH } from '../validators';
import { distinctRoles } from '../roster-roles';
import { checkedName, oneLine, shorten, withinLimit, type Checked } from './command.text';

// A Map, not an object literal: a typed `constructor` must not find Object.prototype.
const ROLES = new Map<string, RosterRole>([
  ...ROSTER_ROLES.map((role): [string, RosterRole] => [role, role]),
  ['vice-ordförande', 'vice ordförande'],
  ['viceordförande', 'vice ordförande'],
]);

const ROLE_LIST = `${ROSTER_ROLES.slice(0, -1).join(', ')} eller ${ROSTER_ROLES[ROSTER_ROLES.length - 1]}`;
const FIELDS = 'namn; titel/organisation; huvudman; roll[; e-post], åtskilda med semikolon';
const MAX_REPORTED = 5;
/** Party abbreviations are short (`S`, `KD`, `Sjvp`); a longer text in parentheses is not one. */
const MAX_PARTY_LENGTH = 30;

function parseLine(line: string): Checked<RosterEntryInput> {
  const fields = line.split(';').map(oneLine);
  if (fields.length > 4 && fields[fields.length - 1] === '') fields.pop(); // a trailing `;`
  if (fields.length < 4 || fields.length > 5) return { problem: `${fields.length} fält i stället för 4 eller 5 (${FIELDS})` };
  const [rawName = '', title = '', principal = '', rawRoles = '', rawEmail = ''] = fields;

  const person = nameAndParty(rawName);
  if ('problem' in person) return person;
  const checkedTitle = withinLimit(title, MAX_TITLE_LENGTH, 'titeln');
  if ('problem' in checkedTitle) return { problem: sentencePart(checkedTitle.problem) };
  if (!principal) return { problem: 'huvudman saknas' };
  const checkedPrincipal = withinLimit(principal, MAX_TITLE_LENGTH, 'huvudmannen');
  if ('problem' in checkedPrincipal) return { problem: sentencePart(checkedPrincipal.problem) };
  const roles = parseRoles(rawRoles);
  if ('problem' in roles) return roles;
  if (ROLES.has(rawEmail.toLowerCase())) return { problem: `flera roller skrivs åtskilda med kommatecken, inte semikolon: ${rawRoles}, ${rawEmail}` };
  const email = parseEmail(rawEmail);
  if ('problem' in email) return email;
  return { value: { name: person.value.name, title, principal, roles: roles.value, party: person.value.party, email: email.value } };
}

/** `Karin Berg (S)`: the last parenthesis of the name is the party, when nothing follows it. */
function nameAndParty(raw: string): Checked<{ name: string; party: string | null }> {
  const open = raw.endsWith(')') ? raw.lastIndexOf('(') : -1;
  const party = open >= 0 ? oneLine(raw.slice(open + 1, -1)) : null;
  if (party === '') return { problem: 'partiet inom parentes är tomt; skriv t.ex. Karin Berg (S), eller ta bort parenteserna' };
  if (party && party.length > MAX_PARTY_LENGTH) {
    return { problem: `partiet ”${shorten(party)}” är för långt (högst ${MAX_PARTY_LENGTH} tecken); skriv partiets förkortning, t.ex. (S)` };
  }
  const name = checkedName(open >= 0 ? raw.slice(0, open) : raw);
  if ('problem' in name) return { problem: sentencePart(name.problem) };
  if (/[()]/.test(name.value) || (party && /[()]/.test(party))) return { problem: `parenteserna i ”${shorten(raw)}” förstods inte; bara partiet står inom parentes, sist i namnet, t.ex. Karin Berg (S)` };
  return { value: { name: name.value, party } };
}

/** `sekreterare, ledamot` (or `sekreterare och ledamot`): each role once, in the order typed. */
function parseRoles(raw: string): Checked<RosterRole[]> {
  const written = raw.split(/,|\s+och\s+/i).map(oneLine).filter(Boolean);
  if (written.length === 0) return { problem: `roll saknas (${ROLE_LIST})` };
  const roles: RosterRole[] = [];
  const unknown: string[] = [];
  for (const text of written) {
    const role = ROLES.get(text.toLowerCase());
    if (role) roles.push(role);
    else unknown.push(`”${shorten(text)}”`);
  }
  if (unknown.length > 0) {
    const which = unknown.length === 1 ? `okänd roll ${unknown[0]}` : `okända roller ${unknown.join(', ')}`;
    return { problem: `${which} (${ROLE_LIST}; flera roller skrivs åtskilda med kommatecken)` };
  }
  return { value: distinctRoles(roles) };
}

/** Teams may turn a typed address into a `mailto:` link, or keep it in angle brackets. */
function parseEmail(raw: string): Checked<string | null> {
  if (!raw) return { value: null };
  const address = raw.replace(/^<(.*)>$/, '$1').replace(/^mailto:/i, '').trim();
  if (!isEmailAddress(address)) return { problem: `”${shorten(raw)}” är ingen e-postadress; skriv adressen som t.ex. karin.berg@regionblekinge.se` };
  return { value: address.toLowerCase() };
}

/** `rest` starts right after the keyword; lines are numbered as in the message (keyword line = 1). */
export function parseRoster(rest: string): Checked<RosterEntryInput[]> {
  const entries: RosterEntryInput[] = [];
  // only the first few problems are told, so only they are written out; the rest are counted
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (index: number, line: string, text: () => string) => {
    if (problemCount++ < MAX_REPORTED) problems.push(`rad ${index + 1} (”${shorten(oneLine(line))}”): ${text()}`);
  };
  const lineOfEmail = new Map<string, number>();
  for (const [index, line] of rest.split('\n').entries()) {
    if (!line.trim()) continue;
    const entry = parseLine(line);
    if ('problem' in entry) {
      problem(index, line, () => entry.problem);
      continue;
    }
    // One address tied to two entries would tie neither (roster-match refuses an ambiguous e-mail).
    const { email } = entry.value;
    const earlier = email ? lineOfEmail.get(email) : undefined;
    if (email && earlier !== undefined) problem(index, line, () => `e-postadressen ${email} står redan på rad ${earlier}`);
    else if (email) lineOfEmail.set(email, index + 1);
    entries.push(entry.value);
  }
  if (problemCount > 0) {
    const more = problemCount > MAX_REPORTED ? `\n… och ${problemCount - MAX_REPORTED} rader till.` : '';
    return { problem: `Inget sparades. Rätta ${problemCount === 1 ? 'raden' : 'raderna'}:\n${problems.map((p) => `• ${p}`).join('\n')}${more}` };
  }
  if (entries.length === 0) return { problem: 'Inga ledamöter angavs; skriv en person per rad efter ledamöter.' };
  return { value: entries };
}

/** A field helper's sentence (`Titeln har för många tecken.`) as the part after `rad 2: `. */
const sentencePart = (text: string) => {
  const part = text.replace(/\.$/, '');
  return part.charAt(0).toLowerCase() + part.slice(1);
};

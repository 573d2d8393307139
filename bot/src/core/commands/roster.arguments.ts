/**
 * `ledamöter` followed by lines `Namn; titel/organisation; huvudman; roll`. Blank lines are ignored;
 * every line is checked and a single bad line rejects the whole list (nothing is half saved).
 */
import type { RosterRole } from '../model';
import type { RosterEntryInput } from './command';
import { MAX_TITLE_LENGTH } from '../validators';
import { checkedName, oneLine, shorten, withinLimit, type Checked } from './command.text';

const ROLES: Record<string, RosterRole> = {
  ordförande: 'ordförande',
  'vice ordförande': 'vice ordförande',
  'vice-ordförande': 'vice ordförande',
  viceordförande: 'vice ordförande',
  sekreterare: 'sekreterare',
  ledamot: 'ledamot',
  ersättare: 'ersättare',
  adjungerad: 'adjungerad',
  föredragande: 'föredragande',
  tjänsteperson: 'tjänsteperson',
};

const ROLE_LIST = 'ordförande, vice ordförande, sekreterare, ledamot, ersättare, adjungerad, föredragande eller tjänsteperson';
const MAX_REPORTED = 5;

function parseLine(line: string): Checked<RosterEntryInput> {
  const fields = line.split(';').map(oneLine);
  if (fields.length === 5 && fields[4] === '') fields.pop(); // a trailing `;`
  if (fields.length !== 4) {
    return { problem: `${fields.length} fält i stället för 4 (namn; titel/organisation; huvudman; roll, åtskilda med semikolon)` };
  }
  const [rawName = '', title = '', principal = '', rawRole = ''] = fields;
  const name = checkedName(rawName);
  if ('problem' in name) return { problem: lowerFirst(name.problem.replace(/\.$/, '')) };
  const checkedTitle = withinLimit(title, MAX_TITLE_LENGTH, 'titeln');
  if ('problem' in checkedTitle) return { problem: lowerFirst(checkedTitle.problem.replace(/\.$/, '')) };
  if (!principal) return { problem: 'huvudman saknas' };
  const checkedPrincipal = withinLimit(principal, MAX_TITLE_LENGTH, 'huvudmannen');
  if ('problem' in checkedPrincipal) return { problem: lowerFirst(checkedPrincipal.problem.replace(/\.$/, '')) };
  if (!rawRole) return { problem: `roll saknas (${ROLE_LIST})` };
  const role = ROLES[rawRole.toLowerCase()];
  if (!role) return { problem: `okänd roll ”${shorten(rawRole)}” (${ROLE_LIST})` };
  return { value: { name: name.value, title, principal, role } };
}

/** `rest` starts right after the keyword; lines are numbered as in the message (keyword line = 1). */
export function parseRoster(rest: string): Checked<RosterEntryInput[]> {
  const entries: RosterEntryInput[] = [];
  const problems: string[] = [];
  for (const [index, line] of rest.split('\n').entries()) {
    if (!line.trim()) continue;
    const entry = parseLine(line);
    if ('problem' in entry) problems.push(`rad ${index + 1} (”${shorten(oneLine(line))}”): ${entry.problem}`);
    else entries.push(entry.value);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    const more = problems.length > MAX_REPORTED ? `\n… och ${problems.length - MAX_REPORTED} rader till.` : '';
    return { problem: `Inget sparades. Rätta ${problems.length === 1 ? 'raden' : 'raderna'}:\n${shown.map((p) => `• ${p}`).join('\n')}${more}` };
  }
  if (entries.length === 0) return { problem: 'Inga ledamöter angavs; skriv en person per rad efter ledamöter.' };
  return { value: entries };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

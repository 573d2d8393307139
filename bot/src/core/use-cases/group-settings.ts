/** `grupp`, `ledamöter`, `beslutsorgan`, `numrering`, `beslutsförhet`: a group and its roster. */
import type { Group, NumberingStyle, QuorumRule, RosterMember } from '../model';
import type { ConversationBinding, NewRosterEntry, Repositories } from '../ports';
import { formatParagraphNumber } from '../numbering';
import { stockholmYear } from '../swedish-time';
import type { Answer } from './command-context';

/** Binds a conversation to the group of that name, creating the group when it is new. */
export async function bindGroup(
  repos: Repositories,
  name: string,
  binding: ConversationBinding,
  channel: { tenantId: string | null; teamId: string | null; channelId: string | null },
): Promise<Answer<Group>> {
  const existing = await repos.groups.findByName(name);
  const group = existing ?? (await repos.groups.create({ name, decidingBody: defaultDecidingBody(name), ...channel }));
  await repos.groups.bindConversation(group.id, binding);
  return {
    text: existing
      ? `Den här chatten hör nu till gruppen ${group.name}.`
      : `Gruppen ${group.name} är skapad och kopplad till den här chatten. Lägg till ledamöter med \`ledamöter\`.`,
    data: group,
  };
}

/** "Samverkansgrupp att åldras" decides as "Samverkansgruppen"; other names as themselves. */
function defaultDecidingBody(name: string): string {
  return /^samverkansgrupp/i.test(name) ? 'Samverkansgruppen' : name;
}

export async function updateRoster(repos: Repositories, group: Group, entries: NewRosterEntry[]): Promise<Answer<RosterMember[]>> {
  const roster = await repos.roster.upsert(group.id, entries);
  return { text: `${entries.length} ${entries.length === 1 ? 'person är sparad' : 'personer är sparade'} i ledamotslistan.\n${formatRoster(roster)}`, data: roster };
}

export function formatRoster(roster: RosterMember[]): string {
  const byPrincipal = new Map<string, RosterMember[]>();
  for (const member of roster) byPrincipal.set(member.principal, [...(byPrincipal.get(member.principal) ?? []), member]);
  return [...byPrincipal]
    .map(([principal, members]) => `${principal || 'Utan huvudman'}: ${members.map((m) => `${m.name} (${m.role})`).join(', ')}`)
    .join('\n');
}

export async function setDecidingBody(repos: Repositories, group: Group, text: string): Promise<Answer> {
  await repos.groups.updateSettings(group.id, { decidingBody: text });
  return { text: `Besluten skrivs nu "${text} beslutar".` };
}

export async function setNumbering(
  repos: Repositories,
  group: Group,
  style: NumberingStyle,
  start: number | null,
  now: string,
): Promise<Answer> {
  const year = stockholmYear(now);
  await repos.groups.updateSettings(group.id, {
    numberingStyle: style,
    numberingStart: start,
    numberingStartYear: start === null ? null : year,
  });
  const example = formatParagraphNumber(style, start ?? 1, year);
  const description = {
    meeting: 'per möte (1., 2., …)',
    'meeting-paren': 'per möte (1)., 2)., …)',
    year: 'löpande under året (§ 1, § 2, …)',
    'year-suffix': 'löpande under året med årtal (§ 1/24, …)',
  }[style];
  return { text: `Paragraferna numreras ${description}. Nästa nya möte börjar på ${example}.` };
}

export async function setQuorumRule(repos: Repositories, group: Group, rule: QuorumRule): Promise<Answer> {
  await repos.groups.updateSettings(group.id, { quorumRule: rule });
  const description = {
    huvudman: 'fler än hälften av ledamöterna från varje huvudman ska vara närvarande',
    'region-kommun': 'fler än hälften av Regionens ledamöter och fler än hälften av kommunernas tillsammans ska vara närvarande',
    av: 'ingen regel om beslutförhet används',
  }[rule];
  return { text: `Beslutförhet: ${description}.` };
}

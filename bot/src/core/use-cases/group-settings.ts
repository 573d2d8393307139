/** `grupp`, `ledamöter`, `beslutsorgan`, `numrering`, `beslutsförhet`, `beslutsstil`: a group and its roster. */
import { genitive } from '../swedish-genitive';
import type { Group, NumberingStyle, QuorumRule, RosterMember } from '../model';
import type { ConversationBinding, NewRosterEntry, Repositories } from '../ports';
import { formatParagraphNumber } from '../numbering';
import { stockholmYear } from '../swedish-time';
import type { Actor, Answer } from './command-context';
import { forbidden, notFound } from '../errors';
import { isSecretaryOrChair, senderOf } from './authorization';
import { learnActorIdentity } from './teams-identity';
import { identifyParticipant } from '../roster-match';
import { formatRoles } from '../roster-roles';
import { ensureRosterSize } from '../limits';
import { clauseInStyle } from '../decision-clause';

/** Where `grupp <namn>` is said: a team's channel (with the group it already has, if any), or a chat. */
export interface BindingPlace {
  tenantId: string | null;
  /** set in a team's channel, where Teams delivers only the team's members */
  channel: { teamId: string; channelId: string; current: Group | null } | null;
  /** in a chat: the group whose team Teams says the sender is a member of, if any */
  teamMemberOf?: string | null;
}

/**
 * `grupp <namn>`. A group belongs to one tenant and one team. In a channel, a member of the team
 * creates the group (or renames the channel's still empty one) or binds the channel to its team's
 * group of that name. A chat (meeting chat, personal chat) binds only to an existing group of the
 * tenant, and only for that group's secretary or chair by confirmed identity, or a member of its team
 * (asked of Teams).
 */
export async function bindGroup(repos: Repositories, name: string, binding: ConversationBinding, place: BindingPlace, actor: Actor): Promise<Answer<Group>> {
  const existing = await repos.groups.findByName(place.tenantId, name);
  if (!place.channel) {
    if (!existing) throw notFound(`Det finns ingen grupp som heter ${name}. En grupp skapas i teamets kanal: skriv \`grupp ${name}\` där.`);
    if (place.teamMemberOf !== existing.id && !(await leads(repos, existing, actor))) {
      throw forbidden(`Bara ${genitive(existing.name)} sekreterare och ordförande och medlemmar i gruppens team kan koppla en chatt till gruppen. Inget har ändrats.`);
    }
    await repos.groups.bindConversation(existing.id, binding);
    return { text: `Den här chatten hör nu till gruppen ${existing.name}.`, data: existing };
  }
  const { teamId, channelId, current } = place.channel;
  if (existing) {
    // A group made outside any team (before groups had one) may be brought into a team by its own secretary or chair.
    const ours = existing.teamId === teamId || (existing.teamId === null && (await leads(repos, existing, actor)));
    if (!ours) throw forbidden(`Gruppen ${existing.name} hör till ett annat team. Välj ett annat namn för den här kanalens grupp.`);
    await repos.groups.bindConversation(existing.id, binding);
    return { text: `Den här kanalen hör nu till gruppen ${existing.name}.`, data: existing };
  }
  // The channel's install-time group, still empty, takes the name instead of leaving an empty twin.
  if (current && (await isEmpty(repos, current))) {
    const renamed = await repos.groups.rename(current.id, name, defaultDecidingBody(name));
    return { text: `Kanalens grupp heter nu ${renamed.name}. Lägg till ledamöter med \`ledamöter\`.`, data: renamed };
  }
  const group = await repos.groups.create({ name, decidingBody: defaultDecidingBody(name), tenantId: place.tenantId, teamId, channelId });
  await repos.groups.bindConversation(group.id, binding);
  return { text: `Gruppen ${group.name} är skapad och kopplad till den här kanalen. Lägg till ledamöter med \`ledamöter\`.`, data: group };
}

/** The sender is the group's secretary or chair, by the Entra id Teams sends. */
async function leads(repos: Repositories, group: Group, actor: Actor): Promise<boolean> {
  const sender = await learnActorIdentity(repos, group, { ...actor, teamsUserId: actor.teamsUserId ?? null });
  return !!sender && isSecretaryOrChair(sender);
}

async function isEmpty(repos: Repositories, group: Group): Promise<boolean> {
  const [roster, meetings] = await Promise.all([repos.roster.list(group.id), repos.meetings.list(group.id)]);
  return roster.length === 0 && meetings.length === 0;
}

/** "Samverkansgrupp att åldras" decides as "Samverkansgruppen"; other names as themselves. */
function defaultDecidingBody(name: string): string {
  return /^samverkansgrupp/i.test(name) ? 'Samverkansgruppen' : name;
}

/**
 * `ledamöter`. Whoever may write the roster and is not tied to an entry yet is tied to the entry
 * bearing their own display name (exactly one), so the secretary who sets a group up can work at
 * once; nobody else is ever tied by name.
 */
export async function updateRoster(repos: Repositories, group: Group, entries: NewRosterEntry[], actor: Actor): Promise<Answer<RosterMember[]>> {
  ensureRosterSize(entries.length);
  let roster = await repos.roster.upsert(group.id, entries);
  // Entries update people already listed, so only the merged list says whether the cap is passed.
  ensureRosterSize(roster.length);
  if (actor.aadObjectId && !(await senderOf(repos, group, actor))) {
    // The one untied entry of their display name, as a participant is matched (two of one name: neither).
    const own = identifyParticipant(roster, { name: actor.name });
    if (own?.by === 'name') {
      await repos.roster.rememberIdentity(group.id, own.member.id, { aadObjectId: actor.aadObjectId, teamsUserId: actor.teamsUserId ?? null });
      roster = await repos.roster.list(group.id);
    }
  }
  return { text: `${entries.length} ${entries.length === 1 ? 'person är sparad' : 'personer är sparade'} i ledamotslistan.\n${formatRoster(roster)}`, data: roster };
}

/**
 * One line per huvudman, in roster order: `Region Blekinge: Karin Berg (S) (ordförande), Sandra
 * Johansson (sekreterare, ledamot)`: the name as the protokoll prints it, then every role.
 */
export function formatRoster(roster: RosterMember[]): string {
  const byPrincipal = new Map<string, RosterMember[]>();
  for (const member of roster) byPrincipal.set(member.principal, [...(byPrincipal.get(member.principal) ?? []), member]);
  const person = (m: RosterMember) => `${m.name}${m.party ? ` (${m.party})` : ''} (${formatRoles(m.roles)})`;
  return [...byPrincipal]
    .map(([principal, members]) => `${principal || 'Utan huvudman'}: ${members.map(person).join(', ')}`)
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

/**
 * `beslutsstil att` · `beslutsstil numrerad`. Clauses are stored as they print after their marker
 * (decision-clause.ts), so the clauses of every meeting not yet justerat move to the new style
 * (`godkänna listan` ⇄ `Att godkänna listan`); a locked protokoll keeps its words.
 */
export async function setClauseStyle(repos: Repositories, group: Group, numbered: boolean): Promise<Answer> {
  if (group.numberedClauses !== numbered) {
    await repos.groups.updateSettings(group.id, { numberedClauses: numbered });
    for (const meeting of await repos.meetings.list(group.id)) {
      if (meeting.status === 'justerat') continue;
      for (const decision of await repos.records.decisions(meeting.id)) {
        const clause = clauseInStyle(decision.clause, numbered);
        if (clause !== decision.clause) await repos.records.setDecisionClause(meeting.id, decision.id, clause);
      }
    }
  }
  return {
    text: numbered
      ? 'Beslutssatserna numreras nu: 1. Att …, 2. … Varje sats skrivs som den skrevs, med stor bokstav, och inget ”att” läggs till.'
      : 'Beslutssatserna skrivs nu som att-satser: ”att” läggs till när det saknas.',
  };
}

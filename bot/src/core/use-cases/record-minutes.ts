/** What is said and decided on the current paragraph: presenters, notes, decisions, outcomes, recipients. */
import type { Repositories } from '../ports';
import { invalid } from '../errors';
import { formatQuorumLine } from '../quorum';
import type { Answer, CommandContext } from './command-context';
import { currentItem, entriesIn, itemOfRunningMeeting, runningMeeting, type ParagraphTarget } from './meeting-flow';
import type { IsoTime } from '../model';
import { proposeActionFromClause, type ActionProposal } from './action-proposal';
import { quorumAndRosterAt } from './quorum-now';
import { meetingByStatus } from './meeting-lookup';
import { capitalisedClause, storedClause } from '../decision-clause';
import { ensureRoomInParagraph } from '../limits';

export async function setPresenters(repos: Repositories, ctx: CommandContext, names: string[]): Promise<Answer> {
  const { meeting, item, reference } = await currentItem(repos, ctx);
  await repos.agenda.update(meeting.id, item.id, { presenters: names });
  return { text: `Föredragande för ${reference} ${item.title}: ${names.join(', ')}.` };
}

export async function addNote(repos: Repositories, ctx: CommandContext, text: string): Promise<Answer> {
  const target = await currentItem(repos, ctx);
  const { meeting, item, reference } = target;
  ensureRoomInParagraph(await entriesIn(repos, target));
  await repos.records.addNote(meeting.id, { itemId: item.id, text, createdAt: ctx.at });
  return { text: `Anteckningen är sparad under ${reference} ${item.title}.` };
}

export interface DecisionRecorded {
  meetingId: string;
  itemId: string;
  reference: string;
  title: string;
  clause: string;
  quorate: boolean;
  quorumLine: string;
  proposal: ActionProposal | null;
}

/**
 * On the current paragraph, or on the one a decision card picked. `typed` is the clause as typed;
 * it is stored by the group's clause style (decision-clause.ts).
 */
export async function addDecision(repos: Repositories, ctx: CommandContext, typed: string, itemId?: string): Promise<Answer<DecisionRecorded>> {
  const numbered = ctx.group.numberedClauses;
  const clause = storedClause(typed, numbered);
  if (!clause) throw invalid('Beslutssatsen saknas. Skriv beslutet efter `beslut`.');
  const target = itemId ? await itemOfRunningMeeting(repos, ctx, itemId, 'quorum-facts') : await currentItem(repos, ctx, 'quorum-facts');
  const { meeting, item, reference } = target;
  ensureRoomInParagraph(await entriesIn(repos, target));
  const { quorum, roster } = await quorumAndRosterAt(repos, ctx.group, meeting, await decisionInstant(repos, target, ctx.at), item, target.quorumFacts);
  // `decided` only marks a paragraph that had no outcome yet: an information line or a postponement
  // recorded before stays where it was recorded, and prints beside the clauses.
  await repos.records.addDecision(meeting.id, { itemId: item.id, clause, quorate: quorum.quorate, createdAt: ctx.at }, { decidesItem: item.outcome === 'open' });
  const quorumLine = formatQuorumLine(quorum);
  const printed = numbered
    ? `: ${(await repos.records.decisions(meeting.id)).filter((d) => d.itemId === item.id).length}. ${capitalisedClause(clause)}`
    : ` att ${clause}`;
  return {
    text: `Beslut under ${reference} ${item.title}: ${ctx.group.decidingBody} beslutar${printed}`,
    warning: quorum.quorate ? undefined : `Mötet är inte beslutsfört. Beslutet är sparat; protokollet säger inget om beslutsförheten om inte sekreteraren skriver det. ${quorumLine}`,
    data: {
      meetingId: meeting.id, itemId: item.id, reference, title: item.title, clause, quorate: quorum.quorate, quorumLine,
      proposal: proposeActionFromClause(roster, clause),
    },
  };
}

/**
 * Beslutförhet is judged when the paragraph was dealt with: now during the meeting; for a decision
 * written into the draft afterwards, when the meeting was on that paragraph (else its start).
 */
async function decisionInstant(repos: Repositories, target: ParagraphTarget, now: IsoTime): Promise<IsoTime> {
  if (target.phase === 'live') return now;
  const visits = await repos.records.visits(target.meeting.id);
  const ids = new Set([target.item.id, target.item.parentId].filter(Boolean));
  const first = visits.filter((v) => ids.has(v.itemId)).map((v) => v.openedAt).sort()[0];
  return first ?? target.meeting.startedAt ?? now;
}

export async function recordInformation(repos: Repositories, ctx: CommandContext): Promise<Answer> {
  const { meeting, item, reference } = await currentItem(repos, ctx);
  await repos.agenda.update(meeting.id, item.id, { outcome: 'information', recordedAt: ctx.at });
  return { text: `${reference} ${item.title}: Informationen tas till protokollet.` };
}

export async function postponeItem(repos: Repositories, ctx: CommandContext): Promise<Answer> {
  const { meeting, item, reference } = await currentItem(repos, ctx);
  await repos.agenda.update(meeting.id, item.id, { outcome: 'postponed', recordedAt: ctx.at });
  return { text: `${reference} ${item.title} bordläggs: Denna punkt tas upp vid nästa möte.` };
}

export async function setRecipients(repos: Repositories, ctx: CommandContext, names: string[]): Promise<Answer> {
  const { meeting, item, reference } = await currentItem(repos, ctx);
  const recipients = mergeUnique(item.recipients, names);
  await repos.agenda.update(meeting.id, item.id, { recipients, recordedAt: ctx.at });
  return { text: `${reference} ${item.title}: Protokollet ska skickas till ${listed(recipients)}.` };
}

export async function setDistributionList(repos: Repositories, ctx: CommandContext, names: string[]): Promise<Answer> {
  const { meeting } = await runningMeetingOrLatest(repos, ctx);
  const list = mergeUnique(meeting.distributionList, names);
  await repos.meetings.update(ctx.group.id, meeting.id, { distributionList: list });
  return { text: `Sändlista för protokollet: ${listed(list)}.` };
}

/** The distribution list may be set during the meeting or while the draft is being written. */
async function runningMeetingOrLatest(repos: Repositories, ctx: CommandContext) {
  const meeting = await meetingByStatus(repos, ctx.group.id, ['pågår', ['utkast', 'justering']]);
  if (!meeting) return runningMeeting(repos, ctx);
  return { meeting };
}

/** Recipients as the secretary would type them back: `;` between them when one has a comma in it. */
function listed(names: string[]): string {
  return names.join(names.some((n) => n.includes(',')) ? '; ' : ', ');
}

function mergeUnique(existing: string[], added: string[]): string[] {
  const seen = new Set(existing.map((n) => n.toLocaleLowerCase('sv-SE')));
  const merged = [...existing];
  for (const name of added) {
    if (!name.trim()) throw invalid('En mottagare saknar namn. Skriv namnen åtskilda med kommatecken.');
    if (!seen.has(name.toLocaleLowerCase('sv-SE'))) merged.push(name);
    seen.add(name.toLocaleLowerCase('sv-SE'));
  }
  return merged;
}

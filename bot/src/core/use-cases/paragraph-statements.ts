/**
 * `jäv` and `reservation` on the current paragraph (KL 5 kap.): a member who declares a conflict of
 * interest takes no part in the paragraph; members who took part in its decision may dissent from it.
 * Both are recorded by roster id, printed where they were recorded among the paragraph's entries.
 */
import type { AgendaItem, IsoTime, RosterMember } from '../model';
import type { Repositories } from '../ports';
import { conflict, invalid, notFound } from '../errors';
import { paragraphsPresent, paragraphVisits, presentMemberIdsAt } from '../presence';
import { countsForQuorum } from '../roster-roles';
import { ensureRoomInParagraph } from '../limits';
import { conflictLine, printedMemberName, reservationLine } from '../statements.sv';
import type { Answer, CommandContext } from './command-context';
import { currentItem, entriesIn, itemOfRunningMeeting, type ParagraphTarget } from './meeting-flow';
import { meetingIntervals } from './meeting-intervals';
import { uniqueMember } from './roster-lookup';

/** A member as typed (`jäv Per Öst`) or as picked on the decision card (a roster id). */
export type MemberRef = { name: string } | { memberId: string };

/** The current paragraph, or the one the decision card picked. */
const paragraphOf = (repos: Repositories, ctx: CommandContext, itemId?: string) =>
  (itemId ? itemOfRunningMeeting(repos, ctx, itemId) : currentItem(repos, ctx));

async function memberOf(repos: Repositories, ctx: CommandContext, who: MemberRef): Promise<RosterMember> {
  if ('name' in who) return uniqueMember(repos, ctx.group.id, who.name);
  const member = (await repos.roster.list(ctx.group.id)).find((m) => m.id === who.memberId);
  if (!member) throw notFound('Personen finns inte längre i gruppens ledamotslista.');
  return member;
}

export async function declareConflict(repos: Repositories, ctx: CommandContext, who: MemberRef, itemId?: string): Promise<Answer> {
  const target = await paragraphOf(repos, ctx, itemId);
  const { meeting, item, reference } = target;
  const member = await memberOf(repos, ctx, who);
  if ((await conflictedIn(repos, target)).has(member.id)) {
    throw conflict(`${member.name} har redan anmält jäv i ${reference} ${item.title}.`);
  }
  ensureRoomInParagraph(await entriesIn(repos, target));
  await repos.records.addStatement(meeting.id, { itemId: item.id, kind: 'conflict', memberIds: [member.id], motivation: null, createdAt: ctx.at });
  return { text: `${reference} ${item.title}: ${conflictLine(printedMemberName(member))} Ledamoten räknas inte som närvarande i paragrafen.` };
}

export async function recordReservation(
  repos: Repositories, ctx: CommandContext, who: MemberRef[], motivation: string | null, itemId?: string,
): Promise<Answer> {
  const target = await paragraphOf(repos, ctx, itemId);
  const { meeting, item, reference } = target;
  const decided = (await repos.records.decisions(meeting.id)).some((d) => d.itemId === item.id);
  if (!decided) {
    throw conflict(`Det finns inget beslut i ${reference} ${item.title} att reservera sig mot. Skriv beslutet först med \`beslut\`.`);
  }
  const members = uniqueById(await Promise.all(who.map((ref) => memberOf(repos, ctx, ref))));
  const conflicted = await conflictedIn(repos, target);
  const present = await presentInParagraph(repos, target, ctx.at);
  for (const member of members) {
    if (!countsForQuorum(member)) throw invalid(`${member.name} är inte ledamot och kan inte reservera sig. Bara ledamöter som deltog i beslutet kan det.`);
    if (conflicted.has(member.id)) throw invalid(`${member.name} har anmält jäv i ${reference} och deltog inte i beslutet, så kan inte reservera sig mot det.`);
    if (!present.has(member.id)) throw invalid(`${member.name} var inte närvarande i ${reference} och kan inte reservera sig. Bara ledamöter som deltog i beslutet kan det.`);
  }
  ensureRoomInParagraph(await entriesIn(repos, target));
  await repos.records.addStatement(meeting.id, { itemId: item.id, kind: 'reservation', memberIds: members.map((m) => m.id), motivation, createdAt: ctx.at });
  const because = motivation ? ' Motiveringen skrivs som reservation under beslutet.' : '';
  return { text: `${reference} ${item.title}: ${reservationLine(members.map(printedMemberName))}${because}` };
}

/** The members who declared jäv in the paragraph (or in its main paragraph, for a sub-point). */
export async function conflictedIn(repos: Repositories, target: Pick<ParagraphTarget, 'meeting' | 'item'>): Promise<Set<string>> {
  const statements = await repos.records.statements(target.meeting.id);
  return conflictedAmong(statements.filter((s) => s.kind === 'conflict'), target.item);
}

/** `conflictedIn` over the meeting's jäv declarations already read. */
export function conflictedAmong(conflicts: ReadonlyArray<{ itemId: string; memberIds: string[] }>, item: Pick<AgendaItem, 'id' | 'parentId'>): Set<string> {
  const ids = new Set([item.id, item.parentId].filter((id): id is string => !!id));
  return new Set(conflicts.filter((c) => ids.has(c.itemId)).flatMap((c) => c.memberIds));
}

/**
 * Who takes part in the paragraph: during the meeting, who is there now; in the draft afterwards,
 * who counts as present for the paragraph as the protokoll's attendance does (half its time).
 */
async function presentInParagraph(repos: Repositories, target: ParagraphTarget, now: IsoTime): Promise<Set<string>> {
  const intervals = await meetingIntervals(repos, target.meeting, now);
  if (target.phase === 'live') return presentMemberIdsAt(intervals, now);
  const visits = paragraphVisits(await repos.records.visits(target.meeting.id), target.items);
  const main = target.item.parentId ?? target.item.id;
  const end = target.meeting.endedAt ?? now;
  const byMember = new Map<string, typeof intervals>();
  for (const interval of intervals) {
    if (interval.memberId) byMember.set(interval.memberId, [...(byMember.get(interval.memberId) ?? []), interval]);
  }
  return new Set([...byMember].filter(([, stays]) => paragraphsPresent(visits, end, stays).has(main)).map(([id]) => id));
}

function uniqueById(members: RosterMember[]): RosterMember[] {
  return [...new Map(members.map((m) => [m.id, m])).values()];
}

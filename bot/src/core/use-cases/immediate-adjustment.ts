/**
 * Omedelbar justering (KL 8 kap. 12 §): during the meeting, `justeras omedelbart` asks the chair and
 * the justerare to approve the current paragraph alone. Each approves the paragraph as it stood when
 * asked (its content digest); once all have, the paragraph is locked, printed "Paragrafen förklaras
 * omedelbart justerad.", and its actions are in force at once. The whole protokoll's justering later
 * covers the rest.
 */
import { createHash } from 'node:crypto';
import type { AgendaItem, RosterMember } from '../model';
import type { MeetingRecord, Repositories } from '../ports';
import { conflict, forbidden, notFound } from '../errors';
import { hasRole } from '../roster-roles';
import { IMMEDIATELY_ADJUSTED } from '../statements.sv';
import { formatClock, stockholmDate } from '../swedish-time';
import { approverFor, requiredApprovers } from './approval';
import { itemReference, meetingYear, subPointsOf } from './agenda-order';
import type { Answer, CommandContext } from './command-context';
import { meetingBeingWritten } from './meeting-flow';
import { loadMeetingRecord } from './meeting-record';

/** What the paragraph's card shows, for everyone or for the approver looking at it. */
export interface AdjustmentState {
  meetingId: string;
  itemId: string;
  /** `§ 14 Upphandling av hemtjänst` */
  heading: string;
  /** the paragraph's decision clauses as printed (`att …`), what the approvers approve */
  clauses: string[];
  approvers: Array<{ name: string; role: 'ordförande' | 'justerare'; approvedAt: string | null; teamsUserId: string | null; memberId: string }>;
  adjusted: boolean;
}

/** `justeras omedelbart` on the current paragraph (a sub-point's main paragraph: paragraphs are what is adjusted). */
export async function requestImmediateAdjustment(repos: Repositories, ctx: CommandContext): Promise<Answer<AdjustmentState>> {
  const open = await meetingBeingWritten(repos, ctx);
  if (open.phase !== 'live') throw conflict('Omedelbar justering görs under mötet. Efter mötet justeras protokollet i sin helhet.');
  const current = open.items.find((i) => i.id === open.meeting.currentItemId);
  if (!current) throw conflict('Mötet står inte på någon punkt. Skriv `punkt <nr>` först.');
  const main = current.parentId ? open.items.find((i) => i.id === current.parentId) ?? current : current;
  const record = await loadMeetingRecord(repos, ctx.group, open.meeting.id, ctx.at);
  const heading = headingOf(record, main, ctx.at);
  if (record.adjustments.some((a) => a.itemId === main.id && a.adjusted)) throw conflict(`${heading} är redan omedelbart justerad.`);
  if (clausesOf(record, main).length === 0) throw conflict(`${heading} har inget beslut att justera. Skriv beslutet först med \`beslut\`.`);
  if (record.meeting.adjusterMemberIds.length === 0) {
    throw conflict('Välj justerare först: skriv `justerare <namn>`. Ordföranden och justeraren justerar paragrafen.');
  }
  await repos.records.requestAdjustment(open.meeting.id, main.id, paragraphDigest(record, main.id), ctx.at);
  const state = stateOf(await loadMeetingRecord(repos, ctx.group, open.meeting.id, ctx.at), main, ctx.at);
  const names = state.approvers.map((a) => a.name).join(' och ');
  return { text: `${heading} ska justeras omedelbart: ${names} justerar paragrafen i kortet.`, data: state };
}

/** An approver's Justera on the paragraph's card. */
export async function approveImmediateAdjustment(
  repos: Repositories, ctx: CommandContext, input: { meetingId: string; itemId: string },
): Promise<Answer<AdjustmentState>> {
  // Two approvers pressing at once take turns here, so the second sees the first's approval.
  if (!(await repos.meetings.lock(ctx.group.id, input.meetingId))) throw notFound('Mötet finns inte längre.');
  const record = await loadMeetingRecord(repos, ctx.group, input.meetingId, ctx.at);
  const main = record.items.find((i) => i.id === input.itemId);
  const adjustment = record.adjustments.find((a) => a.itemId === input.itemId);
  if (!main || !adjustment) throw notFound('Ingen omedelbar justering är begärd för den paragrafen.');
  const heading = headingOf(record, main, ctx.at);
  const approvers = requiredApprovers(record.roster, record.meeting);
  const member = approverFor(approvers, ctx.actor);
  if (!member) throw forbidden(`Bara ordföranden och justerarna (${approvers.map((a) => a.name).join(', ')}) kan justera ${heading}.`);
  if (adjustment.adjusted) return { text: `${heading} är redan omedelbart justerad.`, data: stateOf(record, main, ctx.at) };
  if (paragraphDigest(record, main.id) !== adjustment.contentDigest) {
    throw conflict(`${heading} har ändrats sedan kortet skickades. Sekreteraren skriver \`justeras omedelbart\` igen för ett nytt kort.`);
  }
  const added = await repos.records.addAdjustmentApproval(adjustment.id, { memberId: member.id, aadObjectId: ctx.actor.aadObjectId, at: ctx.at });
  const approved = new Set([...adjustment.approvals.map((a) => a.memberId), member.id]);
  const waiting = approvers.filter((a) => !approved.has(a.id));
  if (waiting.length === 0) await repos.records.markAdjusted(adjustment.id, ctx.at);
  const state = stateOf(await loadMeetingRecord(repos, ctx.group, input.meetingId, ctx.at), main, ctx.at);
  if (waiting.length === 0) return { text: `${heading}: ${IMMEDIATELY_ADJUSTED} Paragrafens beslut och åtgärder gäller nu.`, data: state };
  const already = added ? '' : ' (redan justerad av dig)';
  return { text: `${member.name} har justerat ${heading}${already}. Väntar på ${waiting.map((a) => a.name).join(', ')}.`, data: state };
}

/** The card's state as it stands (the refresh of an approver's view). */
export async function immediateAdjustmentState(repos: Repositories, ctx: CommandContext, input: { meetingId: string; itemId: string }): Promise<AdjustmentState> {
  const record = await loadMeetingRecord(repos, ctx.group, input.meetingId, ctx.at);
  const main = record.items.find((i) => i.id === input.itemId);
  if (!main || !record.adjustments.some((a) => a.itemId === input.itemId)) throw notFound('Ingen omedelbar justering är begärd för den paragrafen.');
  return stateOf(record, main, ctx.at);
}

function stateOf(record: MeetingRecord, main: AgendaItem, at: string): AdjustmentState {
  const adjustment = record.adjustments.find((a) => a.itemId === main.id);
  const approvers = requiredApprovers(record.roster, record.meeting);
  return {
    meetingId: record.meeting.id,
    itemId: main.id,
    heading: headingOf(record, main, at),
    clauses: clausesOf(record, main),
    approvers: approvers.map((member: RosterMember) => {
      const approval = adjustment?.approvals.find((a) => a.memberId === member.id);
      return {
        name: member.name,
        role: hasRole(member, 'ordförande') ? 'ordförande' : 'justerare',
        approvedAt: approval ? `${stockholmDate(approval.at)} kl. ${formatClock(approval.at)}` : null,
        teamsUserId: member.teamsUserId,
        memberId: member.id,
      };
    }),
    adjusted: !!adjustment?.adjusted,
  };
}

function headingOf(record: MeetingRecord, item: AgendaItem, at: string): string {
  return `${itemReference(record.group, meetingYear(record.meeting, at), record.items, item)} ${item.title}`;
}

function itemsOf(record: MeetingRecord, main: AgendaItem): Set<string> {
  return new Set([main.id, ...subPointsOf(record.items, main.id).map((i) => i.id)]);
}

/** The decision clauses of the paragraph and its sub-points, as the `att` style prints them. */
function clausesOf(record: MeetingRecord, main: AgendaItem): string[] {
  const ids = itemsOf(record, main);
  return record.decisions.filter((d) => ids.has(d.itemId)).map((d) => (record.group.numberedClauses ? d.clause : `att ${d.clause}`));
}

/**
 * What the paragraph says (title, presenters, outcome, recipients, and every entry of it and its
 * sub-points), as one SHA-256: an approval counts for this content only.
 */
export function paragraphDigest(record: MeetingRecord, mainId: string): string {
  const main = record.items.find((i) => i.id === mainId);
  if (!main) return '';
  const ids = itemsOf(record, main);
  const items = record.items.filter((i) => ids.has(i.id)).map((i) => [i.id, i.title, i.typeTag, i.presenters, i.outcome, i.recipients]);
  const content = [
    items,
    record.notes.filter((n) => ids.has(n.itemId)).map((n) => [n.itemId, n.text]),
    record.decisions.filter((d) => ids.has(d.itemId)).map((d) => [d.itemId, d.clause]),
    record.statements.filter((s) => ids.has(s.itemId)).map((s) => [s.itemId, s.kind, s.memberIds, s.motivation]),
    record.actions.filter((a) => ids.has(a.itemId)).map((a) => [a.itemId, a.text, a.ownerMemberId, a.ownerName, a.dueDate]),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * What was recorded → the protokoll document model: numbering, Swedish dates, attendance lists with
 * partial presence, each paragraph's content in the order it was recorded. Pure: the same record
 * always gives the same document.
 */
import type { AgendaItem, RecordedAt, RosterMember, RosterRole } from '../core/model';
import { countsForQuorum, hasRole } from '../core/roster-roles';
import { formatParagraphNumber, formatParagraphRange, paragraphAnchor, subPointAnchor, subPointLabel } from '../core/numbering';
import { formatPartialPresence, paragraphsPresent, paragraphVisits } from '../core/presence';
import { formatApprovalDeadline, formatClock, formatMeetingTime, stockholmDate, stockholmYear } from '../core/swedish-time';
import { personKey, type PresenceInterval } from '../core/attendance-intervals';
import { mainItems, subPointsOf } from '../core/use-cases/agenda-order';
import { printedMemberName } from '../core/statements.sv';
import type { MeetingRecord } from '../core/use-cases/meeting-record';
import type { Attendee, ContentBlock, DocumentAction, DocumentDecision, DocumentParagraph, DocumentStatus, DocumentSubPoint, IndexSection, ProtokollDocument, Signature, TextBlock } from './protokoll.model';
import { decidesPhrase, decisionClauses, signatureOrganisation } from './strings.sv';

export interface RenderContext {
  status: DocumentStatus;
  version: number;
  /** when this version is rendered (also the .docx timestamps) */
  renderedAt: string;
  /** the locked final: who approved when, and the approved draft's version and hash */
  approvals?: Array<{ memberId: string; at: string }>;
  approvedVersion?: { version: number; sha256: string };
}

/** The mark beside a name in the member lists, the first that applies: an `ordförande, ledamot` is marked Ordförande. */
const ROLE_LABELS: ReadonlyArray<[RosterRole, string]> = [['ordförande', 'Ordförande'], ['vice ordförande', 'Vice ordförande'], ['ersättare', 'Ersättare']];
const roleLabelOf = (m: RosterMember): string | null => ROLE_LABELS.find(([role]) => hasRole(m, role))?.[1] ?? null;

export function toProtokollDocument(record: MeetingRecord, render: RenderContext): ProtokollDocument {
  const { group, meeting } = record;
  const start = meeting.startedAt ?? meeting.startsAt ?? render.renderedAt;
  const end = meeting.endedAt ?? meeting.endsAt;
  const year = stockholmYear(start);
  const mains = mainItems(record.items);
  const label = (item: AgendaItem) => formatParagraphNumber(group.numberingStyle, item.number ?? 0, year);
  const numbers = mains.map((i) => i.number ?? 0);
  const attendance = attendanceLists(record, end ?? render.renderedAt);

  return {
    kind: group.documentKind,
    bodyName: group.name,
    date: stockholmDate(start),
    status: render.status,
    versionLabel: `Version ${render.version}`,
    createdAt: render.renderedAt,
    index: indexSections(record, label),
    timeAndPlace: formatMeetingTime(start, end, meeting.place),
    ...attendance,
    paragraphRange: numbers.length ? formatParagraphRange(group.numberingStyle, Math.min(...numbers), Math.max(...numbers), year) : null,
    approvalPlaceAndTime: meeting.approvalDeadline ? formatApprovalDeadline(meeting.approvalDeadline) : null,
    signatures: signatures(record, render.approvals ?? []),
    approval: render.approvedVersion ? { approvedVersionLabel: `Version ${render.approvedVersion.version}`, sha256: render.approvedVersion.sha256 } : null,
    paragraphs: mains.map((item): DocumentParagraph => {
      const anchor = paragraphAnchor(label(item));
      const own = paragraphBody(record, item, anchor, label(item));
      const subPoints = subPointsOf(record.items, item.id).map((sub, i) =>
        paragraphBody(record, sub, subPointAnchor(anchor, subPointLabel(i)), subPointLabel(i)),
      );
      return { ...own, content: withSubPoints(own.content, subPoints.length > 0), subPoints };
    }),
    distributionList: meeting.distributionList,
  };
}

function indexSections(record: MeetingRecord, label: (item: AgendaItem) => string): IndexSection[] {
  const sections: IndexSection[] = [];
  for (const item of mainItems(record.items)) {
    let section = sections[sections.length - 1];
    if (!section || section.heading !== item.section) {
      section = { heading: item.section, entries: [] };
      sections.push(section);
    }
    section.entries.push({
      label: label(item),
      title: item.title,
      typeTag: item.typeTag ? `(${item.typeTag})` : null,
      subPoints: subPointsOf(record.items, item.id).map((sub, i) => ({ label: subPointLabel(i), title: sub.title, typeTag: sub.typeTag ? `(${sub.typeTag})` : null })),
    });
  }
  return sections;
}

function paragraphBody(record: MeetingRecord, item: AgendaItem, anchor: string, label: string): DocumentSubPoint {
  return {
    anchor,
    label,
    title: item.title,
    typeTag: item.typeTag ? `(${item.typeTag})` : null,
    presenters: item.presenters,
    content: contentOf(record, item),
  };
}

/** Something recorded under a paragraph; `recorded` null: before entries were numbered (migration 0013). */
type Entry = { recorded: RecordedAt | null } & (
  | { kind: 'note'; text: string }
  | { kind: 'decision'; clause: string }
  | { kind: 'action'; action: DocumentAction }
  | { kind: 'information' | 'postponed' }
  | { kind: 'recipients'; recipients: string[] }
  | { kind: 'conflict'; names: string[] }
  | { kind: 'reservation'; names: string[]; motivation: string | null }
  | { kind: 'adjusted' }
);

function entriesOf(record: MeetingRecord, item: AgendaItem): Entry[] {
  const outcome = item.outcome === 'information' || item.outcome === 'postponed' ? item.outcome : null;
  return [
    ...record.notes.filter((n) => n.itemId === item.id)
      .map((n): Entry => ({ recorded: { at: n.createdAt, seq: n.seq }, kind: 'note', text: n.text })),
    ...record.decisions.filter((d) => d.itemId === item.id)
      .map((d): Entry => ({ recorded: { at: d.createdAt, seq: d.seq }, kind: 'decision', clause: d.clause })),
    ...record.actions.filter((a) => a.itemId === item.id)
      .map((a): Entry => ({ recorded: { at: a.createdAt, seq: a.seq }, kind: 'action', action: { text: a.text, owner: a.ownerName, dueDate: a.dueDate } })),
    ...record.statements.filter((s) => s.itemId === item.id).map((s): Entry => {
      const names = s.memberIds.map((id) => record.roster.find((m) => m.id === id)).filter((m): m is RosterMember => !!m).map(printedMemberName);
      const recorded = { at: s.createdAt, seq: s.seq };
      return s.kind === 'conflict' ? { recorded, kind: 'conflict', names } : { recorded, kind: 'reservation', names, motivation: s.motivation };
    }),
    ...record.adjustments.filter((a) => a.itemId === item.id && a.adjusted).map((a): Entry => ({ recorded: a.adjusted, kind: 'adjusted' })),
    ...(outcome ? [{ recorded: item.outcomeRecorded, kind: outcome } satisfies Entry] : []),
    ...(item.recipients.length > 0 ? [{ recorded: item.recipientsRecorded, kind: 'recipients', recipients: item.recipients } satisfies Entry] : []),
  ];
}

/**
 * By time, then by arrival: two entries with the same time keep the order they arrived in. What was
 * recorded before entries were numbered comes last, the outcome before the recipients, as it was printed.
 */
function recordedOrder(a: Entry, b: Entry): number {
  if (!a.recorded || !b.recorded) return (a.recorded ? 0 : 1) - (b.recorded ? 0 : 1);
  return Date.parse(a.recorded.at) - Date.parse(b.recorded.at) || a.recorded.seq - b.recorded.seq;
}

/**
 * The paragraph's content in the order it was recorded: a note's text blocks; consecutive decision
 * clauses as one decision block under `<beslutsorgan> beslutar` (a note between two decisions gives two
 * blocks, each numbered from 1 in groups that number their clauses); a postponement is the last clause
 * of the decision block just before it, or the one clause of a block of its own; consecutive actions as
 * one Åtgärder list. Nothing about quorum is printed.
 */
function contentOf(record: MeetingRecord, item: AgendaItem): ContentBlock[] {
  const informal = record.group.documentKind === 'Minnesanteckningar';
  const style = informal ? 'none' : record.group.numberedClauses ? 'numbered' : 'att';
  const bodyPhrase = informal ? 'Ställningstagande:' : decidesPhrase(record.group.decidingBody);
  const blocks: ContentBlock[] = [];
  const clausesOf = new Map<DocumentDecision, Array<{ clause: string }>>();
  const openDecision = (): DocumentDecision => {
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'decision' && !last.postponed) return last;
    const block: DocumentDecision = { kind: 'decision', bodyPhrase, clauses: [], postponed: false };
    blocks.push(block);
    clausesOf.set(block, []);
    return block;
  };
  for (const entry of entriesOf(record, item).sort(recordedOrder)) {
    const last = blocks[blocks.length - 1];
    switch (entry.kind) {
      case 'note': blocks.push(...textBlocks(entry.text)); break;
      case 'decision': clausesOf.get(openDecision())!.push(entry); break;
      case 'postponed': openDecision().postponed = true; break;
      case 'information': blocks.push({ kind: 'information' }); break;
      case 'action':
        if (last?.kind === 'actions') last.actions.push(entry.action);
        else blocks.push({ kind: 'actions', actions: [entry.action] });
        break;
      case 'recipients': blocks.push({ kind: 'recipients', recipients: entry.recipients }); break;
      case 'conflict': blocks.push(...entry.names.map((name): ContentBlock => ({ kind: 'conflict', name }))); break;
      case 'reservation': blocks.push({ kind: 'reservation', names: entry.names, motivation: entry.motivation }); break;
      case 'adjusted': blocks.push({ kind: 'adjusted' }); break;
    }
  }
  for (const [block, clauses] of clausesOf) block.clauses = decisionClauses(clauses, style, block.postponed);
  return blocks;
}

/**
 * Where a paragraph's sub-points are printed: after its introduction (the text recorded before its
 * first decision, information line, action or recipients), before the rest; its own content keeps
 * its order either way. So a paragraph postponed as a whole prints the postponement after its
 * sub-points, as reference minutes 000 do (§ 9, § 10).
 */
function withSubPoints(content: ContentBlock[], hasSubPoints: boolean): DocumentParagraph['content'] {
  if (!hasSubPoints) return content;
  const at = content.findIndex((b) => b.kind !== 'text' && b.kind !== 'bullets');
  const split = at === -1 ? content.length : at;
  return [...content.slice(0, split), { kind: 'subPoints' }, ...content.slice(split)];
}

/** Notes keep their paragraphs; lines starting with `-`, `•` or `*` become bullet lists. */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const line of text.split('\n')) {
    const bullet = /^\s*[-•*]\s+(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (bullet) {
      if (last?.kind === 'bullets') last.items.push(bullet[1]!.trim());
      else blocks.push({ kind: 'bullets', items: [bullet[1]!.trim()] });
    } else if (!line.trim()) {
      blocks.push({ kind: 'text', text: '' });
    } else if (last?.kind === 'text' && last.text) {
      last.text += `\n${line.trim()}`;
    } else {
      blocks.push({ kind: 'text', text: line.trim() });
    }
  }
  return blocks.filter((b) => b.kind === 'bullets' || b.text !== '');
}

function attendanceLists(record: MeetingRecord, meetingEnd: string) {
  const style = record.group.numberingStyle;
  const numbers = new Map(mainItems(record.items).map((i) => [i.id, i.number ?? 0]));
  const visits = paragraphVisits(record.visits, record.items).filter((v) => numbers.has(v.itemId));
  const allNumbers = [...new Set(visits.map((v) => numbers.get(v.itemId)!))];
  const byPerson = new Map<string, PresenceInterval[]>();
  for (const interval of record.intervals) byPerson.set(personKey(interval), [...(byPerson.get(personKey(interval)) ?? []), interval]);

  // A member who declared jäv in a paragraph took no part in it: the mark leaves it out (`(§§4 - 5, 7 - 9)`).
  const mainOf = new Map(record.items.map((i) => [i.id, i.parentId ?? i.id]));
  const conflicted = (memberId: string | null) => new Set(record.statements
    .filter((s) => s.kind === 'conflict' && memberId !== null && s.memberIds.includes(memberId))
    .map((s) => mainOf.get(s.itemId)));
  const partial = (stays: PresenceInterval[]) => {
    const without = conflicted(stays[0]?.memberId ?? null);
    const present = [...paragraphsPresent(visits, meetingEnd, stays)].filter((id) => !without.has(id)).map((id) => numbers.get(id)!);
    return formatPartialPresence(present, allNumbers, style);
  };
  const attendee = (m: RosterMember, stays: PresenceInterval[]): Attendee => ({
    name: m.name, title: m.title, principal: m.principal, roleLabel: roleLabelOf(m),
    party: m.party ? `(${m.party})` : null, partialPresence: stays.length ? partial(stays) : '',
  });
  const staysOf = (m: RosterMember) => byPerson.get(personKey({ memberId: m.id, aadObjectId: null, displayName: m.name })) ?? [];

  // A secretary who is also a member (`sekreterare, ledamot`) is listed among the members and again
  // under Sekreterare, as reference minutes 000 lists Sandra Johansson; a secretary only, under
  // Sekreterare alone.
  const voting = record.roster.filter(countsForQuorum);
  const sorted = [...voting].sort((a, b) => rank(a) - rank(b));
  // Officials (tjänstepersoner) are listed on their own, as political bodies write them; other
  // non-voting roster entries (adjungerade, föredragande) and guests under Övriga deltagare.
  const attended = record.roster.filter((m) => !countsForQuorum(m) && !hasRole(m, 'sekreterare') && staysOf(m).length > 0);
  const isOfficial = (m: RosterMember) => hasRole(m, 'tjänsteperson');
  const excused = new Set(record.reportedAbsent);
  const absent = sorted.filter((m) => staysOf(m).length === 0);
  const guests = [...byPerson.values()].filter((stays) => stays[0]!.memberId === null).map((stays): Attendee => ({
    name: stays[0]!.displayName, title: '', principal: '', roleLabel: null, party: null, partialPresence: partial(stays),
  }));
  const secretary = record.roster.find((m) => hasRole(m, 'sekreterare'));
  return {
    presentMembers: sorted.filter((m) => staysOf(m).length > 0).map((m) => attendee(m, staysOf(m))),
    excusedMembers: absent.filter((m) => excused.has(m.id)).map((m) => attendee(m, [])),
    absentMembers: absent.filter((m) => !excused.has(m.id)).map((m) => attendee(m, [])),
    officials: attended.filter(isOfficial).map((m) => attendee(m, staysOf(m))),
    otherParticipants: [...attended.filter((m) => !isOfficial(m)).map((m) => attendee(m, staysOf(m))), ...guests],
    secretary: secretary ? { ...attendee(secretary, []), roleLabel: null } : null,
    adjusters: record.meeting.adjusterMemberIds
      .map((id) => record.roster.find((m) => m.id === id))
      .filter((m): m is RosterMember => !!m)
      .map((m) => ({ ...attendee(m, []), roleLabel: null })),
  };
}

/** The chair first, as in the reference minutes; everyone else in roster order (the sort is stable). */
const rank = (m: RosterMember) => (hasRole(m, 'ordförande') ? 0 : hasRole(m, 'vice ordförande') ? 1 : 2);

function signatures(record: MeetingRecord, approvals: Array<{ memberId: string; at: string }>): Signature[] {
  const organisation = (m: RosterMember) => signatureOrganisation(m.title, m.principal);
  const approvedAt = (m: RosterMember) => {
    const stamp = approvals.find((a) => a.memberId === m.id);
    return stamp ? `${stockholmDate(stamp.at)} kl. ${formatClock(stamp.at)}` : null;
  };
  const signer = (roleLabel: string, m: RosterMember | undefined): Signature[] =>
    m ? [{ roleLabel, name: printedMemberName(m), organisation: organisation(m), approvedAt: approvedAt(m) }] : [];
  const adjusters = record.meeting.adjusterMemberIds.map((id) => record.roster.find((m) => m.id === id));
  return [
    ...signer('Ordförande', record.roster.find((m) => hasRole(m, 'ordförande'))),
    ...signer('Sekreterare', record.roster.find((m) => hasRole(m, 'sekreterare'))),
    ...adjusters.flatMap((m) => signer('Justerare', m)),
  ];
}

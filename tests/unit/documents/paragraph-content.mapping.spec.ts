/**
 * A paragraph's content is one list of blocks in the order it was recorded (INTERFACES.md: "Within a
 * paragraph, what is recorded prints in the order it was recorded"): by time, then by arrival, so two
 * entries with the same timestamp keep the order they arrived in. Table-driven over the mapping from
 * the record to the document model, which both renderers print front to back.
 */
import type { ActionItem, AgendaItem, Decision, Group, Meeting, Note, RecordedAt } from '../../../bot/src/core/model';
import type { MeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import type { ContentBlock, SubPointsBlock } from '../../../bot/src/documents/protokoll.model';
import { renderHtml } from '../../../bot/src/documents/protokoll.html';
import { expectInOrder } from './expect-order';

import { group, meeting, t } from './record-fixture';
const item = (id: string, fields: Partial<AgendaItem> = {}): AgendaItem => ({
  id, meetingId: 'm', parentId: null, position: 0, section: null, title: id, typeTag: null, standardKind: null, number: 1,
  presenters: [], outcome: 'open', outcomeRecorded: null, recipients: [], recipientsRecorded: null, carriedFromItemId: null, ...fields,
});

/**
 * What the secretary recorded under one paragraph, each with its activity's time and its number in the
 * order of arrival: `note`, `beslut`, `åtgärd`, and the item-level `information`, `bordlägg`,
 * `skickas till` (`recorded: null`: before entries were numbered).
 */
type Recorded =
  | { note: string; at: string; seq: number; on?: string }
  | { decision: string; at: string; seq: number; on?: string }
  | { action: string; at: string; seq: number; on?: string }
  | { outcome: 'information' | 'postponed'; recorded: RecordedAt | null; on?: string }
  | { recipients: string[]; recorded: RecordedAt | null; on?: string };

function recordOf(entries: Recorded[], options: { numbered?: boolean; subPoints?: string[] } = {}): MeetingRecord {
  const on = (e: Recorded) => e.on ?? 'p';
  const items = [item('p'), ...(options.subPoints ?? []).map((id, i) => item(id, { parentId: 'p', position: i, number: null }))];
  for (const e of entries) {
    const target = items.find((i) => i.id === on(e))!;
    if ('outcome' in e) Object.assign(target, { outcome: e.outcome, outcomeRecorded: e.recorded });
    if ('recipients' in e) Object.assign(target, { recipients: e.recipients, recipientsRecorded: e.recorded });
  }
  return {
    group: { ...group, numberedClauses: options.numbered ?? false },
    meeting, roster: [], items, visits: [{ itemId: 'p', openedAt: t('08:00') }], intervals: [], reportedAbsent: [], statements: [], adjustments: [],
    notes: entries.flatMap((e): Note[] => ('note' in e ? [{ id: `n${e.seq}`, itemId: on(e), text: e.note, createdAt: e.at, seq: e.seq }] : [])),
    decisions: entries.flatMap((e): Decision[] => ('decision' in e ? [{ id: `d${e.seq}`, itemId: on(e), clause: e.decision, quorate: true, createdAt: e.at, seq: e.seq }] : [])),
    actions: entries.flatMap((e): ActionItem[] => ('action' in e
      ? [{ id: `a${e.seq}`, groupId: 'g', meetingId: 'm', itemId: on(e), text: e.action, ownerMemberId: null, ownerName: null, dueDate: null, status: 'open', version: 1, createdAt: e.at, seq: e.seq }]
      : [])),
  };
}

/** A block as one short line: `text A`, `LSVO beslutar: att X; att Y`, `… / bordlagd` for a block a postponement closes, … */
function line(b: ContentBlock | SubPointsBlock): string {
  switch (b.kind) {
    case 'text': return `text ${b.text}`;
    case 'bullets': return `bullets ${b.items.join(' | ')}`;
    case 'decision': return `${b.bodyPhrase}: ${b.clauses.map((c) => `${c.marker} ${c.text}`).join('; ')}${b.postponed ? ' / bordlagd' : ''}`;
    case 'information': return 'information';
    case 'actions': return `åtgärder ${b.actions.map((a) => a.text).join(', ')}`;
    case 'recipients': return `skickas till ${b.recipients.join(', ')}`;
    case 'conflict': return `jäv ${b.name}`;
    case 'adjusted': return 'omedelbart justerad';
    case 'reservation': return `reservation ${b.names.join(', ')}${b.motivation ? `: ${b.motivation}` : ''}`;
    case 'subPoints': return 'underpunkter';
  }
}

/** how a postponement is decided: the last att-clause of its block */
const POSTPONED = 'Denna punkt tas upp vid nästa möte.';

const contentOf = (record: MeetingRecord) => toProtokollDocument(record, { status: 'utkast', version: 1, renderedAt: t('09:05') }).paragraphs[0]!;

describe('toProtokollDocument: a paragraph prints what was recorded in the order it was recorded', () => {
  const cases: Array<[string, Recorded[], string[]]> = [
    ['note – decision – note prints in that order', [
      { note: 'A', at: t('08:01'), seq: 1 }, { decision: 'X', at: t('08:02'), seq: 2 }, { note: 'B', at: t('08:03'), seq: 3 },
    ], ['text A', 'LSVO beslutar: att X', 'text B']],
    ['two clauses with the same timestamp keep the order they arrived in (the decision form sends several at once)', [
      { decision: 'andra', at: t('08:02'), seq: 8 }, { decision: 'första', at: t('08:02'), seq: 7 }, { decision: 'tredje', at: t('08:02'), seq: 9 },
    ], ['LSVO beslutar: att första; att andra; att tredje']],
    ['a note typed after the decisions prints after the decision block', [
      { decision: 'X', at: t('08:01'), seq: 1 }, { decision: 'Y', at: t('08:02'), seq: 2 }, { note: 'Fråga om inställning läggs till under övrigt.', at: t('08:05'), seq: 3 },
    ], ['LSVO beslutar: att X; att Y', 'text Fråga om inställning läggs till under övrigt.']],
    ['a note between two decisions gives two decision blocks', [
      { decision: 'X', at: t('08:01'), seq: 1 }, { note: 'A', at: t('08:02'), seq: 2 }, { decision: 'Y', at: t('08:03'), seq: 3 },
    ], ['LSVO beslutar: att X', 'text A', 'LSVO beslutar: att Y']],
    ['a note and a decision with the same timestamp: the one that arrived first prints first', [
      { note: 'A', at: t('08:01'), seq: 5 }, { decision: 'X', at: t('08:01'), seq: 4 },
    ], ['LSVO beslutar: att X', 'text A']],
    ['the time decides before arrival: a delayed activity keeps its place', [
      { decision: 'X', at: t('08:02'), seq: 1 }, { note: 'A', at: t('08:01'), seq: 2 },
    ], ['text A', 'LSVO beslutar: att X']],
    ['a note keeps its paragraphs and bullet lists', [
      { note: 'Inledning\n- ett\n- två\n\nAvslutning', at: t('08:01'), seq: 1 }, { decision: 'X', at: t('08:02'), seq: 2 },
    ], ['text Inledning', 'bullets ett | två', 'text Avslutning', 'LSVO beslutar: att X']],
    ['information prints where it was recorded', [
      { note: 'A', at: t('08:01'), seq: 1 }, { outcome: 'information', recorded: { at: t('08:02'), seq: 2 } }, { note: 'B', at: t('08:03'), seq: 3 },
    ], ['text A', 'information', 'text B']],
    ['a postponement is the last clause of the decision block just before it', [
      { decision: 'X', at: t('08:01'), seq: 1 }, { outcome: 'postponed', recorded: { at: t('08:02'), seq: 2 } },
    ], [`LSVO beslutar: att X; att ${POSTPONED} / bordlagd`]],
    ['a postponement after a note is the one clause of a decision block of its own', [
      { decision: 'X', at: t('08:01'), seq: 1 }, { note: 'A', at: t('08:02'), seq: 2 }, { outcome: 'postponed', recorded: { at: t('08:03'), seq: 3 } },
    ], ['LSVO beslutar: att X', 'text A', `LSVO beslutar: att ${POSTPONED} / bordlagd`]],
    ['actions recorded one after the other form one list; a note between them two', [
      { action: 'a1', at: t('08:01'), seq: 1 }, { action: 'a2', at: t('08:02'), seq: 2 }, { note: 'A', at: t('08:03'), seq: 3 }, { action: 'a3', at: t('08:04'), seq: 4 },
    ], ['åtgärder a1, a2', 'text A', 'åtgärder a3']],
    ['the recipients stand where the first were recorded', [
      { recipients: ['LSVO', 'Region Blekinge'], recorded: { at: t('08:01'), seq: 1 } }, { decision: 'X', at: t('08:02'), seq: 2 },
    ], ['skickas till LSVO, Region Blekinge', 'LSVO beslutar: att X']],
    ['an outcome and recipients recorded before entries were numbered print last, as they used to', [
      { recipients: ['LSVO'], recorded: null }, { outcome: 'information', recorded: null }, { note: 'A', at: t('08:03'), seq: 3 },
    ], ['text A', 'information', 'skickas till LSVO']],
  ];

  it.each(cases)('%s', (_title, entries, expected) => {
    expect(contentOf(recordOf(entries)).content.map(line)).toEqual(expected);
  });

  it('numbers the clauses of each decision block from 1 in groups that number them', () => {
    const record = recordOf([
      // stored as typed in this style (core/decision-clause.ts), printed capitalised
      { decision: 'att godkänna dagordningen.', at: t('08:01'), seq: 1 }, { decision: 'Justeringen sker digitalt.', at: t('08:01'), seq: 2 },
      { note: 'A', at: t('08:02'), seq: 3 }, { decision: 'att ajournera mötet.', at: t('08:03'), seq: 4 },
      { outcome: 'postponed', recorded: { at: t('08:04'), seq: 5 } },
    ], { numbered: true });
    expect(contentOf(record).content.map(line)).toEqual([
      'LSVO beslutar: 1. Att godkänna dagordningen.; 2. Justeringen sker digitalt.', 'text A',
      'LSVO beslutar: 1. Att ajournera mötet.; 2. Att denna punkt tas upp vid nästa möte. / bordlagd',
    ]);
  });

  it.each<[string, Recorded[], string[]]>([
    ['the introduction, the sub-points, then the decision', [
      { note: 'Inledning', at: t('08:01'), seq: 1 }, { note: 'om a', at: t('08:02'), seq: 2, on: 'a' }, { decision: 'X', at: t('08:03'), seq: 3 },
    ], ['text Inledning', 'underpunkter', 'LSVO beslutar: att X']],
    ['a postponement of the whole paragraph after its sub-points, even when recorded first (reference minutes 000, § 9)', [
      { outcome: 'postponed', recorded: { at: t('08:01'), seq: 1 } }, { note: 'om a', at: t('08:02'), seq: 2, on: 'a' },
    ], ['underpunkter', `LSVO beslutar: att ${POSTPONED} / bordlagd`]],
    ['text after the decision stays after it', [
      { decision: 'X', at: t('08:01'), seq: 1 }, { note: 'Efteråt', at: t('08:04'), seq: 4 },
    ], ['underpunkter', 'LSVO beslutar: att X', 'text Efteråt']],
  ])('a paragraph with sub-points: %s', (_title, entries, expected) => {
    const paragraph = contentOf(recordOf(entries, { subPoints: ['a'] }));
    expect(paragraph.content.map(line)).toEqual(expected);
    expect(paragraph.subPoints[0]!.content.map(line)).toEqual(entries.some((e) => e.on === 'a') ? ['text om a'] : []);
  });

  it('is a function of the record: the order the store lists the entries in does not matter', () => {
    const entries: Recorded[] = [
      { note: 'A', at: t('08:01'), seq: 1 }, { decision: 'X', at: t('08:02'), seq: 2 }, { decision: 'Y', at: t('08:02'), seq: 3 },
      { action: 'a1', at: t('08:03'), seq: 4 }, { note: 'B', at: t('08:04'), seq: 5 },
    ];
    const record = recordOf(entries);
    const reversed = { ...record, notes: [...record.notes].reverse(), decisions: [...record.decisions].reverse(), actions: [...record.actions].reverse() };
    expect(contentOf(reversed)).toEqual(contentOf(record));
    expect(contentOf(record).content.map(line)).toEqual(['text A', 'LSVO beslutar: att X; att Y', 'åtgärder a1', 'text B']);
  });

  it('the HTML page prints the blocks in the same order', () => {
    const record = recordOf([
      { note: 'Före beslutet.', at: t('08:01'), seq: 1 }, { decision: 'första', at: t('08:02'), seq: 2 }, { decision: 'andra', at: t('08:02'), seq: 3 },
      { note: 'Efter beslutet.', at: t('08:03'), seq: 4 },
    ]);
    const html = renderHtml(toProtokollDocument(record, { status: 'utkast', version: 1, renderedAt: t('09:05') }));
    const body = html.slice(html.indexOf('id="p-1"'));
    expectInOrder(body, ['Före beslutet.', 'LSVO beslutar', 'första', 'andra', 'Efter beslutet.']);
    expect(body.split('LSVO beslutar')).toHaveLength(2);
  });
});

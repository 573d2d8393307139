/**
 * The decision block as the mapping builds it and both renderers print it: a decision taken while the
 * meeting was not quorate prints like any other (the protokoll never invents a quorum remark), and a
 * postponed item is decided as the reference minutes decide it, `att  Denna punkt tas upp vid nästa möte.`
 */
import type { AgendaItem, Decision, Group, Meeting } from '../../../bot/src/core/model';
import type { MeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import type { DocumentParagraph } from '../../../bot/src/documents/protokoll.model';
import { renderDocx } from '../../../bot/src/documents/protokoll.docx';
import { renderHtml } from '../../../bot/src/documents/protokoll.html';
import { readZip, wordText, zipText } from '../../support/zip-reader';

const t = (hhmm: string) => `2024-02-16T${hhmm}:00.000Z`;
const QUORUM_REMARK = /beslutfört|beslutsför|beslutförhet/i;

const group: Group = {
  id: 'g', name: 'LSVO', decidingBody: 'LSVO', documentKind: 'Sammanträdesprotokoll', numberingStyle: 'year',
  numberingStart: null, numberingStartYear: null, quorumRule: 'huvudman', numberedClauses: false, electsAdjuster: false,
  tenantId: null, teamId: null, channelId: null,
};
const meeting: Meeting = {
  id: 'm', groupId: 'g', status: 'justering', startsAt: t('08:00'), endsAt: t('09:00'), startedAt: t('08:00'), endedAt: t('09:00'),
  place: 'via Teams', placeSetBySecretary: false, currentItemId: null, teamsMeetingId: null, joinUrl: null, approvalDeadline: null, adjusterMemberIds: [],
  distributionList: [], pendingSection: null, standInMemberId: null,
};
const item = (id: string, number: number, outcome: AgendaItem['outcome']): AgendaItem => ({
  id, meetingId: 'm', parentId: null, position: number * 1000, section: null, title: `Ärende ${id}`, typeTag: null, standardKind: null, number,
  presenters: [], outcome, recipients: [], carriedFromItemId: null, recipientsRecorded: null,
  // bordlägg at 08:30, after whatever was decided under the item
  outcomeRecorded: outcome === 'postponed' ? { at: t('08:30'), seq: 100 + number } : null,
});
let seq = 0;
const decision = (itemId: string, clause: string, quorate: boolean, hhmm: string): Decision => ({ id: `${itemId}-${hhmm}`, itemId, clause, quorate, createdAt: t(hhmm), seq: ++seq });
/** A paragraph's decision blocks. */
const decisionsOf = (p: DocumentParagraph) => p.content.flatMap((b) => (b.kind === 'decision' ? [b] : []));

/** § 1 decided while not quorate; § 2 decided, then postponed; § 3 postponed with nothing else said. */
function record(overrides: Partial<Group> = {}): MeetingRecord {
  return {
    group: { ...group, ...overrides }, meeting, roster: [],
    items: [item('a', 1, 'decided'), item('b', 2, 'postponed'), item('c', 3, 'postponed')],
    visits: [], notes: [], statements: [], adjustments: [], actions: [], intervals: [], reportedAbsent: [],
    decisions: [
      decision('a', 'godkänna dagordningen.', false, '08:05'),
      decision('a', 'utse Mats Wennstig till justerare.', false, '08:06'),
      decision('b', 'ge arbetsgruppen i uppdrag att utreda frågan.', true, '08:20'),
    ],
  };
}
const render = (r: MeetingRecord) => toProtokollDocument(r, { status: 'justering', version: 1, renderedAt: t('09:05') });
const docxText = async (r: MeetingRecord) => wordText(zipText(readZip(await renderDocx(render(r))), 'word/document.xml'));

describe('the decision block', () => {
  it('prints a decision taken while the meeting was not quorate with no quorum remark, in the model, the .docx and the .html', async () => {
    const doc = render(record());
    expect(doc.paragraphs[0]!.content).toEqual([{
      kind: 'decision',
      bodyPhrase: 'LSVO beslutar',
      clauses: [{ marker: 'att', text: 'godkänna dagordningen.' }, { marker: 'att', text: 'utse Mats Wennstig till justerare.' }],
      postponed: false,
    }]);
    expect(JSON.stringify(doc)).not.toMatch(QUORUM_REMARK);
    expect(await docxText(record())).not.toMatch(QUORUM_REMARK);
    expect(renderHtml(doc)).not.toMatch(QUORUM_REMARK);
  });

  it('decides a postponement as the last att-clause, after what else was decided', async () => {
    const [, decidedThenPostponed, postponed] = render(record()).paragraphs;
    expect(decidedThenPostponed!.content).toEqual([{
      kind: 'decision',
      bodyPhrase: 'LSVO beslutar',
      clauses: [{ marker: 'att', text: 'ge arbetsgruppen i uppdrag att utreda frågan.' }, { marker: 'att', text: 'Denna punkt tas upp vid nästa möte.' }],
      postponed: true,
    }]);
    expect(postponed!.content).toEqual([
      { kind: 'decision', bodyPhrase: 'LSVO beslutar', clauses: [{ marker: 'att', text: 'Denna punkt tas upp vid nästa möte.' }], postponed: true },
    ]);
    // Word: the marker, a tab, the text, as every clause (the reference's `att          Denna punkt …`)
    expect(await docxText(record())).toContain('§ 3 Ärende c\nLSVO beslutar\natt\tDenna punkt tas upp vid nästa möte.\n');
    expect(renderHtml(render(record()))).toContain(
      '<p class="decision-body">LSVO beslutar</p><div class="clause"><span class="marker">att</span><span class="text">Denna punkt tas upp vid nästa möte.</span></div>',
    );
  });

  it('numbers the postponement as the next clause in a group that numbers its clauses', () => {
    const [, decidedThenPostponed, postponed] = render(record({ numberedClauses: true })).paragraphs;
    // Numbered clauses print as typed (this one was typed without "att"); the postponement is written "Att …".
    expect(decisionsOf(decidedThenPostponed!).flatMap((d) => d.clauses).map((c) => `${c.marker} ${c.text}`)).toEqual([
      '1. Ge arbetsgruppen i uppdrag att utreda frågan.', '2. Att denna punkt tas upp vid nästa möte.',
    ]);
    expect(decisionsOf(postponed!).flatMap((d) => d.clauses).map((c) => `${c.marker} ${c.text}`)).toEqual(['1. Att denna punkt tas upp vid nästa möte.']);
  });
});

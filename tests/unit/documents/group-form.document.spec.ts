/**
 * The protokoll in a group's own form, as a political council writes it: the meeting's room in
 * "Tid och plats" (a comma before it, "via Teams" only without one), numbered clauses printed as
 * typed, partial presence by the group's numbering without the year suffix, a sub-point's type tag,
 * and signers whose title already names their huvudman written once. Each is checked in the HTML
 * page and in the Word document, and so is the absence of the wrong form.
 */
import type { AgendaItem, Decision, Group, Meeting, RosterMember, RosterRole } from '../../../bot/src/core/model';
import { rosterMember } from '../../../bot/src/core/roster-roles';
import type { MeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import { renderHtml } from '../../../bot/src/documents/protokoll.html';
import { renderDocx } from '../../../bot/src/documents/protokoll.docx';
import { readZip, wordText, zipText } from '../../support/zip-reader';

/** Måndag den 28 april 2025 kl. 13.00 (CEST, UTC+2), plus `minutes`. */
const t = (minutes: number) => new Date(Date.parse('2025-04-28T11:00:00.000Z') + minutes * 60_000).toISOString();

const group: Group = {
  id: 'g', name: 'Hälso- och sjukvårdsnämnden', decidingBody: 'Nämnden', documentKind: 'Sammanträdesprotokoll', numberingStyle: 'year-suffix',
  numberingStart: null, numberingStartYear: null, quorumRule: 'huvudman', numberedClauses: true, electsAdjuster: true,
  tenantId: null, teamId: null, channelId: null,
};
const meeting: Meeting = {
  id: 'm', groupId: 'g', status: 'justering', startsAt: t(0), endsAt: t(180), startedAt: t(0), endedAt: t(120),
  place: 'Sammanträdesrum Ekbacken, Ronneby rådhus', placeSetBySecretary: false, currentItemId: null, teamsMeetingId: null, joinUrl: null, approvalDeadline: null,
  adjusterMemberIds: ['per'], distributionList: [], pendingSection: null, standInMemberId: null,
};
const member = (id: string, name: string, title: string, roles: RosterRole[], party: string | null): RosterMember => rosterMember({
  id, groupId: 'g', name, title, principal: 'Region Blekinge', roles, party, aadObjectId: null, email: null, teamsUserId: null,
});
const roster = [
  // the title names the huvudman already: the signature must not write it twice
  member('karin', 'Karin Berg', 'Region Blekinge', ['ordförande'], 'S'),
  member('per', 'Per Öst', 'regionråd, Region Blekinge', ['ledamot'], 'M'),
  member('lisa', 'Lisa Holm', 'nämndsekreterare', ['sekreterare'], null),
];
const item = (n: number, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: `i${n}`, meetingId: 'm', parentId: null, position: n, section: null, title: `Ärende ${n}`, typeTag: null, standardKind: null,
  number: n, presenters: [], outcome: 'open', outcomeRecorded: null, recipients: [], recipientsRecorded: null, carriedFromItemId: null, ...extra,
});
const items = [
  ...Array.from({ length: 12 }, (_, i) => item(i + 1)),
  { ...item(0), id: 'i3a', parentId: 'i3', position: 0, number: null, title: 'Delrapport', typeTag: 'I' as const },
];
const decision = (id: string, clause: string, minute: number): Decision => ({ id, itemId: 'i1', clause, quorate: true, createdAt: t(minute), seq: minute });

function recordWith(changes: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    group, meeting, roster, items,
    // each paragraph open ten minutes, §1 from 13.00 to §12 until the end at 15.00
    visits: Array.from({ length: 12 }, (_, i) => ({ itemId: `i${i + 1}`, openedAt: t(i * 10) })),
    notes: [],
    statements: [], adjustments: [],
    // stored as typed in the numbered style
    decisions: [decision('d1', 'att godkänna dagordningen.', 1), decision('d2', 'Justeringen sker digitalt senast den 3 maj klockan 12.00.', 2)],
    actions: [],
    intervals: [
      { memberId: 'karin', displayName: 'Karin Berg', aadObjectId: null, joinedAt: t(-2), leftAt: null, source: 'live' },
      // §4 opens at 13.30, §10 at 14.30: present for §§4 - 9
      { memberId: 'per', displayName: 'Per Öst', aadObjectId: null, joinedAt: t(30), leftAt: t(90), source: 'live' },
    ],
    reportedAbsent: [],
    ...changes,
  };
}

/** The page's visible text, one line per element. */
const visibleLines = (html: string) => html.slice(html.indexOf('<body>')).replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&')
  .split('\n').map((line) => line.trim()).filter(Boolean);

async function rendered(record: MeetingRecord): Promise<{ html: string[]; word: string }> {
  const doc = toProtokollDocument(record, { status: 'justering', version: 1, renderedAt: t(130) });
  return { html: visibleLines(renderHtml(doc)), word: wordText(zipText(readZip(await renderDocx(doc)), 'word/document.xml')) };
}

describe('the protokoll in the group’s own form', () => {
  it('writes the room after the time, with a comma, and no "via Teams"', async () => {
    const { html, word } = await rendered(recordWith());
    const line = 'Måndag den 28 april 2025 kl. 13.00 – 15.00, Sammanträdesrum Ekbacken, Ronneby rådhus';
    expect(html).toContain(line);
    expect(word).toContain(line);
    for (const text of [html.join('\n'), word]) expect(text).not.toContain('via Teams');
  });

  it('writes "via Teams" after a space when the meeting has no room', async () => {
    const { html, word } = await rendered(recordWith({ meeting: { ...meeting, place: 'via Teams' } }));
    expect(html).toContain('Måndag den 28 april 2025 kl. 13.00 – 15.00 via Teams');
    expect(word).toContain('Måndag den 28 april 2025 kl. 13.00 – 15.00 via Teams');
    expect(word).not.toContain('15.00, via Teams');
  });

  it('numbers the clauses and prints each as typed, capitalised, with no att added', async () => {
    const { html, word } = await rendered(recordWith());
    const decides = html.indexOf('Nämnden beslutar');
    expect(html.slice(decides, decides + 5)).toEqual([
      'Nämnden beslutar', '1.', 'Att godkänna dagordningen.', '2.', 'Justeringen sker digitalt senast den 3 maj klockan 12.00.',
    ]);
    expect(word).toContain('1.\tAtt godkänna dagordningen.');
    expect(word).toContain('2.\tJusteringen sker digitalt senast den 3 maj klockan 12.00.');
    for (const text of [html.join('\n'), word]) {
      expect(text).not.toMatch(/Att Justeringen|att att|Att att|\batt\s+Justeringen/);
      expect(text).not.toMatch(/^att$/m);
    }
  });

  it('marks partial presence by the group’s numbers without the year suffix', async () => {
    const { html, word } = await rendered(recordWith());
    expect(html).toContain('Per Öst (M), regionråd, Region Blekinge (§§4 - 9)');
    expect(word).toContain('Per Öst (M), regionråd, Region Blekinge (§§4 - 9)');
    // the paragraphs themselves keep the suffix; the mark never has it
    expect(html).toContain('§ 4/25 Ärende 4');
    for (const text of [html.join('\n'), word]) expect(text).not.toMatch(/\(§§?[^)]*\//);
  });

  it('signs each signer with the huvudman once', async () => {
    const { html, word } = await rendered(recordWith());
    expect(html).toContain('Karin Berg (S), Region Blekinge');
    expect(html).toContain('Per Öst (M), regionråd, Region Blekinge');
    expect(word).toContain('Karin Berg (S), Region Blekinge');
    for (const text of [html.join('\n'), word]) expect(text).not.toContain('Region Blekinge, Region Blekinge');
  });

  it('prints a sub-point’s type tag in the Ärendeförteckning and on the sub-point', async () => {
    const { html, word } = await rendered(recordWith());
    expect(html.join('\n')).toMatch(/a\)\nDelrapport\n\(I\)|a\) Delrapport \(I\)/);
    expect(word).toMatch(/a\)\s*Delrapport \(I\)/);
  });
});

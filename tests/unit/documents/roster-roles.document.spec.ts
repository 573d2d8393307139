/**
 * What the roster's party and several roles print in the protokoll: `Karin Berg (S)` with the party
 * wherever her name is written, and a `sekreterare, ledamot` both among the present members and under
 * Sekreterare, as reference minutes 000 lists Sandra Johansson.
 */
import type { Group, Meeting, RosterMember, RosterRole } from '../../../bot/src/core/model';
import { rosterMember } from '../../../bot/src/core/roster-roles';
import type { MeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import { renderHtml } from '../../../bot/src/documents/protokoll.html';
import { renderDocx } from '../../../bot/src/documents/protokoll.docx';
import { readZip, wordText, zipText } from '../../support/zip-reader';

const t = (hhmm: string) => `2024-02-16T${hhmm}:00.000Z`;

const group: Group = {
  id: 'g', name: 'Hälso- och sjukvårdsnämnden', decidingBody: 'Nämnden', documentKind: 'Sammanträdesprotokoll', numberingStyle: 'year',
  numberingStart: null, numberingStartYear: null, quorumRule: 'huvudman', numberedClauses: false, electsAdjuster: false,
  tenantId: null, teamId: null, channelId: null,
};
const meeting: Meeting = {
  id: 'm', groupId: 'g', status: 'utkast', startsAt: t('08:00'), endsAt: t('09:00'), startedAt: t('08:00'), endedAt: t('09:00'),
  place: 'via Teams', placeSetBySecretary: false, currentItemId: null, teamsMeetingId: null, joinUrl: null, approvalDeadline: null, adjusterMemberIds: ['per'],
  distributionList: [], pendingSection: null, standInMemberId: null,
};
const member = (id: string, name: string, title: string, roles: RosterRole[], party: string | null = null): RosterMember => rosterMember({
  id, groupId: 'g', name, title, principal: 'Region Blekinge', roles, party, aadObjectId: null, email: null, teamsUserId: null,
});

// In the order typed: the chair is not first on the roster, yet printed first.
const roster = [
  member('sandra', 'Sandra Johansson', 'processledare LOS', ['sekreterare', 'ledamot']),
  member('karin', 'Karin Berg', 'regionråd', ['ledamot', 'ordförande'], 'S'),
  member('per', 'Per Öst', 'regionråd', ['ledamot'], 'M'),
  member('lisa', 'Lisa Berg', 'nämndsekreterare', ['sekreterare']),
  member('tina', 'Tina Olsson', 'utvecklingsledare', ['tjänsteperson']),
  member('ola', 'Ola Ek', '', ['ersättare'], 'KD'),
];
const present = (id: string, name: string) => ({ memberId: id, displayName: name, aadObjectId: null, joinedAt: t('08:00'), leftAt: null, source: 'live' as const });
const record: MeetingRecord = {
  group, meeting, roster,
  items: [{
    id: 'i1', meetingId: 'm', parentId: null, position: 0, section: null, title: 'Budget 2025', typeTag: null, standardKind: null, number: 1,
    presenters: [], outcome: 'open', outcomeRecorded: null, recipients: [], recipientsRecorded: null, carriedFromItemId: null,
  }],
  visits: [{ itemId: 'i1', openedAt: t('08:00') }],
  notes: [], decisions: [], statements: [], adjustments: [], actions: [],
  intervals: [present('sandra', 'Sandra Johansson'), present('karin', 'Karin Berg'), present('per', 'Per Öst'), present('lisa', 'Lisa Berg'), present('tina', 'Tina Olsson')],
  reportedAbsent: [],
};
const doc = toProtokollDocument(record, { status: 'utkast', version: 1, renderedAt: t('09:05') });

/** The page's visible text, one line per element. */
const visibleLines = (html: string) => html.slice(html.indexOf('<body>')).replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&')
  .split('\n').map((line) => line.trim()).filter(Boolean);

describe('the protokoll of a roster with parties and several roles', () => {
  it('lists the chair first, then the members in roster order; the secretary who is a member among them, unmarked', () => {
    expect(doc.presentMembers.map((m) => [m.roleLabel, m.name, m.party])).toEqual([
      ['Ordförande', 'Karin Berg', '(S)'],
      [null, 'Sandra Johansson', null],
      [null, 'Per Öst', '(M)'],
    ]);
    expect(doc.absentMembers.map((m) => [m.roleLabel, m.name, m.party])).toEqual([['Ersättare', 'Ola Ek', '(KD)']]);
  });

  it('writes the first secretary under Sekreterare; a secretary only is never listed as a member or an other participant', () => {
    expect(doc.secretary?.name).toBe('Sandra Johansson');
    expect(doc.officials.map((m) => m.name)).toEqual(['Tina Olsson']);
    expect(doc.otherParticipants).toEqual([]);
  });

  it('signs with the party beside the name', () => {
    expect(doc.signatures.map((s) => [s.roleLabel, s.name])).toEqual([
      ['Ordförande', 'Karin Berg (S)'],
      ['Sekreterare', 'Sandra Johansson'],
      ['Justerare', 'Per Öst (M)'],
    ]);
  });

  it('prints `Karin Berg (S)` in the HTML and Word documents, and Sandra Johansson as member and as Sekreterare', async () => {
    const lines = visibleLines(renderHtml(doc));
    const sekreterare = lines.indexOf('Sekreterare:');
    expect(sekreterare).toBeGreaterThan(0);
    expect(lines).toContain('Karin Berg (S), regionråd');
    expect(lines).toContain('Per Öst (M), regionråd');
    expect(lines).toContain('Ola Ek (KD), Region Blekinge');
    expect(lines).toContain('Karin Berg (S), regionråd, Region Blekinge');
    // as in reference 000: once among Närvarande ledamöter, once after Sekreterare
    const sandra = lines.flatMap((line, i) => (line === 'Sandra Johansson, processledare LOS' ? [i] : []));
    expect(sandra).toHaveLength(2);
    expect(sandra[0]!).toBeLessThan(sekreterare);
    expect(sandra[1]!).toBe(sekreterare + 1);

    const word = wordText(zipText(readZip(await renderDocx(doc)), 'word/document.xml'));
    expect(word).toContain('Karin Berg (S), regionråd');
    // the attendance lines (the signature line goes on with the huvudman)
    expect(word.match(/Sandra Johansson, processledare LOS(?!, Region)/g)).toHaveLength(2);
  });
});

/**
 * A meeting composed in the political-council form of PRODUCT.md (not a real protokoll: another body,
 * other people and matters than the reference minutes), replayed through the bot's chat commands over
 * the wire. tests/fixtures/replay/political-council.txt is the protokoll its secretary means to get;
 * the expectations (political-council.expected.json) are checked against it like the reference replays.
 *
 * The form: parties on the roster (`Eva Lindqvist (C)`), `§ 12/25` numbering starting at 12, numbered
 * decision clauses printed as typed, a justerare and a deadline, a member away with notice (Förhinder:
 * the secretary's `frånvarande`), officials (Tjänstepersoner) listed with the paragraphs they attended,
 * a member leaving after § 15 (`(§§12 - 15)`, no year suffix), and a hybrid meeting in a room (`plats`).
 *
 * Besides what is printed and in what order (clauses, blocks in a paragraph, people), the checks cover
 * what must not be printed: no quorum remark (Alvesta has nobody left after § 15, and no rule is set),
 * no "via Teams" beside the room, no year suffix in a presence mark, no organisation written twice, no
 * Frånvarande or Övriga deltagare when there are none, no `att` added to a numbered clause.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Attendee, ProtokollDocument } from '../../../bot/src/documents/protokoll.model';
import { attendeeLine } from '../../../bot/src/documents/strings.sv';
import { describeEachStore } from '../../support/stores';
import { useWire } from '../../support/wire';
import {
  collapse, expectBoundToOriginal, expectHtmlInOrder, expectNoQuorumRemark, expectNothingInvented, expectReadablePdf, expectSameAsOriginal,
  loadExpected, REFERENCE_DIR, replay, type ReplayResult, type ReplayScript,
} from './replay-driver';

const expected = loadExpected('political-council');
const original = collapse(fs.readFileSync(path.join(REFERENCE_DIR, expected.source), 'utf8'));

const script: ReplayScript = {
  name: 'political-council',
  place: { teamId: '19:psvo-team@thread.tacv2', teamName: 'Politiskt samverkansorgan Kronoberg', channelId: '19:psvo@thread.tacv2' },
  startsAt: '2025-05-15T11:00:00.000Z', // torsdag 13.00 in Stockholm
  secretary: 'Sofia Malm',
  roster: [
    'Eva Lindqvist (C); regionråd; Region Kronoberg; ordförande',
    'Jonas Ahlberg (S); kommunalråd Växjö kommun; Växjö kommun; vice ordförande',
    'Maria Sandberg (M); regionråd; Region Kronoberg; ledamot',
    'Anders Nyström (KD); kommunalråd Ljungby kommun; Ljungby kommun; ledamot',
    'Fatima Hassan (S); kommunalråd Alvesta kommun; Alvesta kommun; ledamot',
    'Olof Berggren (SD); ledamot Region Kronoberg; Region Kronoberg; ledamot',
    'Lena Ekdahl (L); kommunalråd Tingsryds kommun; Tingsryds kommun; ledamot',
    'Sofia Malm; nämndsekreterare; Region Kronoberg; sekreterare',
    'Peter Wikström; hälso- och sjukvårdsdirektör; Region Kronoberg; tjänsteperson',
    'Annika Holm; socialchef Växjö kommun; Växjö kommun; tjänsteperson',
  ],
  before: [
    'beslutsorgan PSVO',
    'numrering år-suffix start 12',
    'beslutsstil numrerad',
    // no "samt via Teams": the room alone is printed
    'plats Sammanträdesrum Linnésalen, Regionhuset Växjö',
    'ny punkt Lägesrapport hälso- och sjukvårdsavtalet (I/B)',
    'ny punkt Handlingsplan för psykisk hälsa 2025–2027 (B)',
    'ny punkt Barn och unga med samsjuklighet (I/D)',
    'ändra punkt 12 Godkännande av dagordning (B)',
    'ändra punkt 13 Val av justerare samt tid för justering (B)',
    'dagordning',
  ],
  joinAtStart: ['Eva Lindqvist', 'Jonas Ahlberg', 'Maria Sandberg', 'Anders Nyström', 'Fatima Hassan', 'Lena Ekdahl', 'Sofia Malm'],
  during: [
    // Olof Berggren sent word that he cannot come
    'frånvarande Olof Berggren',
    'beslut att godkänna dagordningen.',
    'nästa',
    'justerare Lena Ekdahl',
    'justering senast 2025-05-22 kl. 12.00',
    // both clauses in one decision form: one timestamp, the order typed; neither starts with att
    { decisionForm: ['Lena Ekdahl (L) utses att jämte ordföranden justera protokollet.', 'Justeringen sker digitalt senast den 22 maj klockan 12.00.'] },
    'nästa',
    { join: ['Peter Wikström'] },
    'föredragande Peter Wikström',
    'anteckning Peter Wikström redogör för arbetet med det nya hälso- och sjukvårdsavtalet mellan regionen och länets kommuner. '
      + 'Remissvaren från kommunerna har sammanställts och en reviderad version tas fram under sommaren.',
    // a decision after the information line: both print, in this order
    'information',
    'beslut att ge tjänstepersonerna i uppdrag att redovisa en tidplan för avtalets beslutsprocess vid nästa sammanträde.',
    'nästa',
    'föredragande Peter Wikström',
    'anteckning Förslaget till gemensam handlingsplan har beretts i den tjänstemannaledda samverkansgruppen och stämts av med brukarorganisationerna.',
    'beslut att anta handlingsplanen för psykisk hälsa 2025–2027.',
    'beslut att rekommendera regionen och länets kommuner att besluta om handlingsplanen senast den 30 september 2025.',
    'beslut att uppföljningen redovisas för PSVO i mars 2026.',
    // typed after the decisions: printed after the decision block
    'anteckning Ledamöterna framhåller att handlingsplanen ska följas upp med både regionens och kommunernas statistik.',
    'skickas till Regionstyrelsen, Region Kronoberg; Kommunstyrelserna i länets kommuner',
    'nästa',
    // Fatima Hassan leaves after § 15, and the director with her
    { leave: ['Peter Wikström', 'Fatima Hassan'] },
    { join: ['Annika Holm'] },
    'föredragande Annika Holm',
    'anteckning Annika Holm beskriver hur kommunernas socialtjänst och regionens barn- och ungdomspsykiatri samverkar kring barn och unga med samsjuklighet.\n'
      + 'Under dialogen lyfts särskilt:\n'
      + '- Gemensamma rutiner för samordnad individuell plan behöver tas fram.\n'
      + '- Skolans elevhälsa bör bjudas in till samverkan.',
    'information',
    'nästa',
    { leave: ['Annika Holm'] },
    'anteckning Inga övriga frågor anmäldes.',
    'nästa',
    'anteckning Nästa sammanträde hålls den 11 september 2025 i Sammanträdesrum Linnésalen, Regionhuset Växjö.',
    'sändlista Ledamöter, Ersättare, Registrator',
  ],
  endsAfterMinutes: 150, // 15.30
};

/** `Namn (parti), titel (§§…)` as printed, for each person of a list. */
const lines = (people: readonly Attendee[]) => people.map(attendeeLine);

/** Everything a reader sees about the people, in the document's order. */
function peopleAsPrinted(doc: ProtokollDocument) {
  return {
    present: lines(doc.presentMembers), excused: lines(doc.excusedMembers), absent: lines(doc.absentMembers),
    officials: lines(doc.officials), others: lines(doc.otherParticipants),
    secretary: doc.secretary && attendeeLine(doc.secretary), adjusters: lines(doc.adjusters),
  };
}

describeEachStore('a political council’s meeting replayed through the bot', (store, kind) => {
  const wire = useWire(store);
  let result: ReplayResult;
  let page: string;

  it('expects only what the composed protokoll says', () => {
    expectBoundToOriginal(expected);
  });

  it('writes the paragraphs, presenters, numbered decisions and attendance, each paragraph’s blocks in the order recorded', async () => {
    result = await replay(wire, store, script);
    expectSameAsOriginal(result.doc, expected);
    expect(result.doc.paragraphs.map((p) => `${p.label} ${p.typeTag ?? ''}`.trim())).toEqual([
      '§ 12/25 (B)', '§ 13/25 (B)', '§ 14/25 (I/B)', '§ 15/25 (B)', '§ 16/25 (I/D)', '§ 17/25', '§ 18/25',
    ]);
    // numbered in each block, as typed: no `att` added, none printed as a marker
    const markers = result.doc.paragraphs.flatMap((p) => p.content.flatMap((b) => (b.kind === 'decision' ? [b.clauses.map((c) => c.marker)] : [])));
    expect(markers).toEqual([['1.'], ['1.', '2.'], ['1.'], ['1.', '2.', '3.']]);
  }, 120_000);

  it('lists the people as the council writes them: parties, Förhinder, Tjänstepersoner with their paragraphs, in roster order', () => {
    const people = peopleAsPrinted(result.doc);
    expect(people).toEqual({
      present: [
        'Eva Lindqvist (C), regionråd', 'Jonas Ahlberg (S), kommunalråd Växjö kommun', 'Maria Sandberg (M), regionråd',
        'Anders Nyström (KD), kommunalråd Ljungby kommun', 'Fatima Hassan (S), kommunalråd Alvesta kommun (§§12 - 15)',
        'Lena Ekdahl (L), kommunalråd Tingsryds kommun',
      ],
      excused: ['Olof Berggren (SD), ledamot Region Kronoberg'],
      absent: [],
      officials: ['Peter Wikström, hälso- och sjukvårdsdirektör (§§14 - 15)', 'Annika Holm, socialchef Växjö kommun (§16)'],
      others: [],
      secretary: 'Sofia Malm, nämndsekreterare',
      adjusters: ['Lena Ekdahl (L), kommunalråd Tingsryds kommun'],
    });
    expect(result.doc.presentMembers.map((m) => m.roleLabel)).toEqual(['Ordförande', 'Vice ordförande', null, null, null, null]);
    // each line is the composed protokoll's, word for word
    const all = [...people.present, ...people.excused, ...people.officials, people.secretary!, ...people.adjusters];
    expect(all.filter((line) => !original.includes(line))).toEqual([]);
    expect(result.doc.signatures.map((s) => [s.roleLabel, s.name, s.organisation])).toEqual([
      ['Ordförande', 'Eva Lindqvist (C)', 'regionråd, Region Kronoberg'],
      ['Sekreterare', 'Sofia Malm', 'nämndsekreterare, Region Kronoberg'],
      ['Justerare', 'Lena Ekdahl (L)', 'kommunalråd Tingsryds kommun'],
    ]);
    expect(result.doc.approvalPlaceAndTime).toBe('Digital justering senast 2025-05-22 kl. 12.00');
  });

  it('writes nothing the meeting did not say, and the HTML page shows it in the same order', async () => {
    expectNothingInvented(result.doc, expected);
    page = await expectHtmlInOrder(wire, result.meetingId, result.doc);
    expectNoQuorumRemark(result.doc, page);
    expect(page).toContain(`Tid och plats: ${expected.timeAndPlace}`);
    expect(page).toContain('Förhinder: Olof Berggren (SD), ledamot Region Kronoberg');
    expect(page).toContain('Tjänstepersoner: Peter Wikström, hälso- och sjukvårdsdirektör (§§14 - 15) Annika Holm, socialchef Växjö kommun (§16)');
    // a room and no "samt via Teams": nothing about Teams
    expect(page).not.toMatch(/via Teams/);
    // presence marks by the group's numbers, never with the year
    expect(page).not.toMatch(/\(§§?[^)]*\//);
    // no organisation twice in a row, no list the meeting did not have
    expect(page).not.toMatch(/(Region Kronoberg|Tingsryds kommun|Växjö kommun), \1/);
    expect(page).not.toMatch(/Frånvarande:|Övriga deltagare/);
    // a numbered clause is printed as typed: no `att` added before it
    expect(page).not.toMatch(/\b[Aa]tt (Lena|Justeringen|[Aa]tt)\b/);
  });

  if (kind === 'pglite') {
    it('gives a Word document that LibreOffice opens and shows in reading order, each page numbered, no heading last on a page', async () => {
      const { pages } = await expectReadablePdf(wire, result.meetingId, script.name, result.doc);
      expect(pages.length).toBeGreaterThan(2);
    }, 150_000);
  }
});

/**
 * Reference minutes 002 (Samverkansgrupp att åldras, December 2024: the extract starts at paragraph 1
 * and has no date) replayed through the bot's chat commands over the wire: the protokoll it writes has
 * the original's paragraph titles, presenters, decision clauses and distribution list
 * (tests/fixtures/replay/reference-002.expected.json, each string checked against the original text).
 *
 * The extract has no attendance header (no Närvarande/Frånvarande), so attendance is not compared:
 * the roster holds only the chair and the secretary, both named in the text.
 *
 * Order and absence: each paragraph's blocks (texts, bullet lists, the decision, the sub-points) come
 * in the original's order, and the protokoll writes no sentence or line the original does not have,
 * nor a quorum remark (no quorum rule is set: the default applies).
 */
import { describeEachStore } from '../../support/stores';
import { useWire } from '../../support/wire';
import {
  expectBoundToOriginal, expectHtmlInOrder, expectNoQuorumRemark, expectNothingInvented, expectReadablePdf, expectSameAsOriginal,
  loadExpected, replay, type ReplayResult, type ReplayScript,
} from './replay-driver';

const expected = loadExpected('reference-002');

const script: ReplayScript = {
  name: 'reference-002',
  place: { teamId: '19:ref002-team@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: '19:ref002@thread.tacv2' },
  // not in the extract: after LSVO's meeting of 2024-12-13 it refers to, before the year's end
  startsAt: '2024-12-16T12:00:00.000Z',
  secretary: 'Sandra Johansson',
  roster: [
    'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
    'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
  ],
  before: [
    'beslutsorgan Samverkansgruppen',
    'numrering möte-parentes',
    'ny punkt Protokoll LSVO:s ledningsgrupp (I)',
    'ny punkt Trygg och säker in-och utskrivning (I/D/B)',
    'underpunkt Nya Blekingerutinerna',
    'ny punkt Jämlik hälsa, nära vård, stöd och omsorg (I/D)',
    'underpunkt Programstruktur',
    'ny punkt Regionens sammanställning kring avvikelser (I/D)',
    'ny punkt FoU (I/D)',
    'underpunkt FoU-dialoger',
    'underpunkt FoU verksamhetsplan 2025',
    'ny punkt UPH (I/D)',
    'underpunkt Statusuppdatering projekt Svårläkta sår',
    'underpunkt Ekonomi, ansökningar',
    // numbered 8). a second time in the original
    'ny punkt Uppföljning/återkoppling (I/D)',
    'underpunkt FoU',
    'underpunkt Kunskapsstyrning',
    'underpunkt Förebyggande och hälsofrämjande',
    'underpunkt Reservrutin Link',
    // the standard items: 1, 2 and, after the own items, Övriga frågor (10) and Nästa sammanträde (11)
    'ändra punkt 1 Godkännande av dagordningen (B)',
    'ändra punkt 2 Föregående sammanträdesprotokoll (B)',
    'ändra punkt 10 Övrigt',
    'ta bort punkt 11',
    'dagordning',
  ],
  joinAtStart: ['Mats Wennstig', 'Sandra Johansson', 'Linda Kullberg', 'Inga-Lisa Apelman'],
  during: [
    'föredragande Mats Wennstig',
    'anteckning Tillägg till punkten övriga frågor;\na/ Fysiska möten för Samverkansgrupp att åldras våren 2025.',
    'beslut med tillägg till övriga fråga godkänna för sammanträdet upprättad dagordning.',
    'nästa',
    'föredragande Sandra Johansson',
    'anteckning Protokoll för mötet 2024-11-25 presenteras.',
    'anteckning Återkoppling görs till punkt 8 e/ reservrutin Link. Mats berättar att han varit i kontakt med Helene Andersson på regionen.',
    'beslut godkänna för 2024-11-25 upprättat sammanträdesprotokoll.',
    'nästa',
    'föredragande Mats Wennstig',
    'anteckning Nedan kommer sammanfattad information från LSVO:s senaste möte 2024-12-13:\n'
      + '- Beslut togs om de tre dagarna i LOS-avtalet ett år till.\n\nSe vidare information i LSVO:s protokoll 2024-12-13.',
    // § 4 and § 5 are each one part, a sub-point with its presenter, text and decision
    'punkt 4a',
    'föredragande Linda Kullberg',
    'anteckning Linda berättar att Blekingerutinerna varit ute på remiss och att sista datum för att inkomma med synpunkter var 2024-12-13.\n'
      + 'Linda redogör för de synpunkter som inkommit vilka är följande;\n'
      + '- Svårigheter att skicka med läkemedel för tre dagar.\n'
      + '- Önskemål om att beskrivning om menprövning läggs till i dokumentet.\n\n'
      + 'Se vidare information i utskickad PPT.',
    'beslut stå bakom förslaget om de nya uppdaterade Blekingerutinerna vid in-och utskrivning med anpassning efter Cosmic Link. '
      + 'Tillägg om att information/plan behövs avseende implementering samt också hur rutinen ska följas upp.',
    'punkt 5a',
    'föredragande Inga-Lisa Apelman',
    'anteckning Inga-Lisa berättar att hon sammanställt arbetet efter workshopen 2024-11-29 och skickat ut material med mer information.',
    { leave: ['Linda Kullberg', 'Inga-Lisa Apelman'] },
    { join: ['Boel Bingström Karlsson'] },
    'punkt 6',
    'föredragande Boel Bingström Karlsson',
    'anteckning Boel är chefssjuksköterska i regionen och har gjort en analys över inkomna avvikelser mellan region och kommun samt kommun och region för 2023.',
    'anteckning Se utskickad PPT för mer information.',
    { join: ['Venera Ujkani'] },
    // § 7: one presenter for both parts, named on the paragraph; the text goes under each part
    'punkt 7',
    'föredragande Venera Ujkani',
    'anteckning FoU arbetar med alla åldrar och arbetar i huvudsak med följande;\n'
      + '- Praktiknära forskning, utvärdering och kartläggning\n- Bred omvärldsbevakning och kunskapsspridning',
    'nästa',
    'anteckning FoU genomför FoU- dialoger med syfte att föra dialog gemensamt med verksamheterna kring gemensamma forsknings- och utvecklingsfrågor.',
    'nästa',
    'anteckning FoUs- verksamhetsplan för 2025 kommer lyftas för beslut i LSVO 2025-01-10.',
    { join: ['Marie Sjöberg', 'Lena Danielsson', 'Malin Johansson'] },
    'punkt 8a',
    'föredragande Marie Sjöberg',
    'anteckning Projektet avslutas vid årsskiftet 2024-12-31 och Dermicus Wound kommer att sägas upp och inte användas framöver.',
    'punkt 8b',
    'föredragande Lena Danielsson, Malin Johansson',
    'anteckning Årshjul styr när det finns möjligheter att ta sig an ansökningarna.',
    'punkt 9a',
    'föredragande Venera Ujkani',
    'anteckning Se vidare information under punkt 7.',
    'punkt 9b',
    'föredragande Venera Ujkani',
    'anteckning Ingen information lyfts fram kopplat till denna punkt.',
    'punkt 9c',
    'föredragande Carina Svärd',
    'anteckning Ingen information lyfts fram kopplat till denna punkt.',
    'punkt 9d',
    'föredragande Mats Wennstig',
    'anteckning Se information under punkt 2 där återkoppling kring reservrutin Link görs från föregående mötesprotokoll.',
    // the item added under § 1
    'punkt 10',
    'underpunkt Fysiska möten våren 2025',
    'punkt 10a',
    'föredragande Mats Wennstig',
    'anteckning Idag har vi planerat för ett fysiskt möte under våren och ett på hösten.',
    'sändlista Ledamöter, LSVO, Föredragande',
  ],
  endsAfterMinutes: 180,
};

describeEachStore('reference minutes 002 replayed through the bot', (store, kind) => {
  const wire = useWire(store);
  let result: ReplayResult;

  it('expects only what the original says', () => {
    expectBoundToOriginal(expected);
  });

  it('writes the original’s paragraphs, presenters, decisions and distribution list, each paragraph’s blocks in the original’s order', async () => {
    result = await replay(wire, store, script);
    expectSameAsOriginal(result.doc, expected);
    // numbering and type tags as in the original (not part of the comparison above): `1). … (B)`
    expect(result.doc.paragraphs.slice(0, 4).map((p) => `${p.label} ${p.typeTag}`)).toEqual(['1). (B)', '2). (B)', '3). (I)', '4). (I/D/B)']);
  }, 120_000);

  it('writes nothing the original does not say, no quorum remark, and the HTML page shows it in the same order', async () => {
    expectNothingInvented(result.doc, expected);
    expectNoQuorumRemark(result.doc, await expectHtmlInOrder(wire, result.meetingId, result.doc));
  });

  if (kind === 'pglite') {
    it('gives a Word document that LibreOffice opens and shows in reading order, each page numbered, no heading last on a page; every page kept as a PNG', async () => {
      const { pngs, pages } = await expectReadablePdf(wire, result.meetingId, script.name, result.doc);
      expect(pages.length).toBeGreaterThan(2);
      expect(pngs.map((p) => p.replace(/.*test-artifacts\//, ''))[0]).toMatch(/^replay\/reference-002-0*1\.png$/);
    }, 150_000);
  }
});

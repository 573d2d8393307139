/**
 * Reference minutes 000 (Samverkansgrupp att åldras, Måndag den 18 januari 2021 kl. 13.00 – 16.00)
 * replayed through the bot's chat commands over the wire: the protokoll it writes has the original's
 * paragraph titles, presenters, decision clauses, present and absent members and distribution list
 * (tests/fixtures/replay/reference-000.expected.json, each string checked against the original text).
 *
 * The secretary is also a member (`sekreterare, ledamot`): the protokoll lists her among the present
 * members and under Sekreterare, as the original does; and the present members stand in the order
 * the roster was typed, the chair first, which is the original's order.
 *
 * Order and absence: each paragraph's blocks come in the original's order (§ 1 has its text after
 * the decision; § 9 and § 10 their postponement after the sub-point), the two clauses of § 5 sent in
 * one decision form (one timestamp) keep the order typed, and the protokoll writes no sentence, line
 * or person the original does not have.
 */
import type { DecisionRegisterPage } from '../../../bot/src/core/use-cases/decision-register';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { buildTab } from '../../../scripts/build-tab';
import { artifactPath, launchBrowser } from '../../support/browser';
import { EntraTestServer } from '../../support/entra.server';
import { describeEachStore } from '../../support/stores';
import { useWire } from '../../support/wire';
import {
  expectBoundToOriginal, expectHtmlInOrder, expectNoQuorumRemark, expectNothingInvented, expectReadablePdf, expectSameAsOriginal, loadExpected, replay,
  type ReplayResult, type ReplayScript,
} from './replay-driver';

const expected = loadExpected('reference-000');

const PAUSED = 'Arbetsgruppen har i dagsläget pausats till följd av pandemin. Kommer startas upp så fort möjlighet finns i verksamheterna igen.';

const script: ReplayScript = {
  name: 'reference-000',
  place: { teamId: '19:ref000-team@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: '19:ref000@thread.tacv2' },
  startsAt: '2021-01-18T12:00:00.000Z', // 13.00 in Stockholm
  secretary: 'Sandra Johansson',
  roster: [
    'Mats Wennstig; hälso- och sjukvårdsstrateg/processledare LOS; Region Blekinge; ordförande',
    'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare, ledamot',
    'Rebecca Welander; verksamhetschef Karlshamns kommun; Karlshamns kommun; ledamot',
    'Susanna Sturesson; MAR alla kommuner; Kommunerna; ledamot',
    'André Jönsson; verksamhetschef Sölvesborgs kommun; Sölvesborgs kommun; ledamot',
    'Johanna Johansson; primärvårdschef Karlshamn/Sölvesborg/Olofström; Region Blekinge; ledamot',
    'Anna-Karin Åkesson; verksamhetschef HSL/myndighet Ronneby kommun; Ronneby kommun; ledamot',
    'Carina Ingemansson; stf verksamhetschef medicinkliniken; Region Blekinge; ledamot',
    'Carina Fransson; verksamhetschef hjälpmedelscenter; Region Blekinge; ledamot',
    'Anna Hedlund; MAS Karlskrona kommun; Karlskrona kommun; ledamot',
    'Maud Janzon; MAS Olofström kommun; Olofströms kommun; ledamot',
    'Lena Hermansson; klinikkoordinator och stf verksamhetschef ortopedkliniken; Region Blekinge; ledamot',
  ],
  before: [
    'beslutsorgan Samverkansgruppen',
    // No quorum rule is set: the group decides by consensus and never set one, so the default rule
    // applies, under which Karlskrona and Olofström being absent makes the meeting not quorate. The
    // original has no quorum remark, and neither may the protokoll (see `writes nothing the original does not say`).
    'ny punkt Protokoll LSVO:S ledningsgrupp',
    'ny punkt Vårdplatsflöde',
    'ny punkt Mobil närvård-aktuellt läge',
    'ny punkt VFU-platser',
    'ny punkt LOS i Blekinge-aktuellt läge/planering',
    'ny punkt Revidering av LSVO:s ledningssystem',
    'underpunkt Ledamöter i samverkansgrupp',
    'ny punkt Dokument i samverkan',
    'underpunkt Behov av uppdatering/revidering',
    'ny punkt Avvikelser-gemensam hantering',
    'underpunkt Uppföljning',
    'ny punkt Uppföljning tillfälliga arbetsgrupper',
    'underpunkt Läkemedel avvikelser AG',
    'underpunkt Sjukresor/färdtjänst AG',
    'underpunkt Utskrivningsprocessen AG',
    // the standard items: 1, 2 and, after the own items, Övriga frågor (12) and Nästa sammanträde (13)
    'ändra punkt 1 Godkännande av dagordningen',
    'ändra punkt 12 Övrigt',
    'ta bort punkt 13',
    'dagordning',
  ],
  joinAtStart: [
    'Mats Wennstig', 'Sandra Johansson', 'Rebecca Welander', 'Susanna Sturesson', 'Johanna Johansson',
    'Anna-Karin Åkesson', 'Carina Ingemansson', 'Carina Fransson',
  ],
  during: [
    // 1. on the first paragraph from the start
    'beslut godkänna för sammanträdet upprättad dagordning.',
    'anteckning Fråga om inställning av möte till följd av bristande representation av ledamöter läggs till under punkten övrigt.',
    'nästa',
    'beslut att godkänna för 2020-12-07 upprättat sammanträdesprotokoll.',
    'nästa',
    'föredragande Mats Wennstig',
    'anteckning - FoU har tagit fram en tydlig verksamhetsplan för det kommande året. Vid intresse kan Mats skicka ut denna.\n'
      + '- Kunskapsstyrning- beslutspunkter kring representationen diskuteras.\n\n'
      + 'Se vidare information i LSVO:S protokoll 2020-12-04 samt kommande protokoll 2021-01-15.',
    'nästa',
    // André Jönsson came for part of the meeting
    { join: ['André Jönsson', 'Tina Olsson'] },
    'föredragande Tina Olsson',
    'anteckning Tina berättar att hon arbetar som projektledare med uppdrag från hälso- och sjukvårdsledningen med Kjell Ivarsson som projektägare.',
    { leave: ['Tina Olsson'] },
    'nästa',
    { join: ['Helen Bjerstedt', 'Tea Månsson'] },
    'föredragande Helen Bjerstedt & Tea Månsson',
    'anteckning Beslut har tagits i LSVO om breddinförande av mobil närvård i Blekinge.',
    'anteckning Tea informerar vid mötet att de också arbetar med geriatrisk bedömning på akuten.',
    // both clauses in one decision form: one activity, one timestamp; they keep the order typed
    { decisionForm: [
      'Helen skickar ut PPT för ytterligare information om mobil närvård.',
      'Arbetsgrupp behöver startas för breddinförande av mobil närvård i övriga kommuner. Helen önskar att 1–2 representanter från varje kommun ingår i denna arbetsgrupp. '
        + 'Initialt är det bra med en person som kan representera hemsjukvården. Vid mötet ger Rebecka, André och Anna-Karin information om att de kan vara med '
        + 'som representanter i det initiala arbetet i arbetsgrupperna. Olofström är inte med på samverkansmötet och kontakt får tas med dem vid sidan av.',
    ] },
    { leave: ['Helen Bjerstedt', 'Tea Månsson'] },
    'nästa',
    { join: ['Jessica Ulvtorp'] },
    'föredragande Jessica Ulvtorp',
    'anteckning Jessica presenterar en bild som ringar in utmaningar kopplat till VFU-platser.',
    'beslut Rebecka. W tar kontakt med de olika kommunerna för att få information om deras syn på VFU platser till nästa möte. Detta för att se om det finns en samlad bild '
      + 'kring VFU och vad vardera kommunen tycker och eventuellt vissa gemensamma nämnare kommunerna emellan. Kommunerna kan ha olika uppfattning och då kan '
      + 'denna information också vara värdefull för kartläggning kring de olika kommunernas möjlighet och syn på VFU platser framöver. '
      + 'Rebecka presenterar den information hon får fram vid nästa samverkansmöte.',
    'beslut Jessica bjuds in till näsa samverkansmöte för vidare diskussion om VFU platser.',
    // Johanna Johansson left after § 6 (del av mötet)
    { leave: ['Jessica Ulvtorp', 'Johanna Johansson'] },
    'nästa',
    'föredragande Sandra Johansson & Mats Wennstig',
    'anteckning Statistik:\nFördjupad statistik har tagits fram manuellt för en mer rättvis bild gällande SIP.',
    'beslut LOS arbetet fortsätter i den omfattning det går. I Karlshamn önskar man fortsätta arbetet med preventiv SIP och ta omtag i de grupper som är på gång i arbetet '
      + 'för att hjälpa dem framåt. Frågan om digitala möten i samverkan lyfts med till agendan på kommande samverkansmöte för ställningstagande inför beslut i LSVO.',
    // § 8 is its one part, the sub-point "-Ledamöter i samverkansgrupp": straight to it
    'punkt 8a',
    'föredragande Mats Wennstig',
    'anteckning Representation i samverkansgrupperna diskuterades på senaste LSVO.',
    'beslut Mats skickar ut dokument vårdsamverkan och att ledamöterna kan inkomma med synpunkter.',
    // § 9 and § 10 are postponed as a whole; their presenters are named under the sub-point
    'punkt 9',
    'bordlägg',
    'nästa',
    'föredragande Anna Hedlund',
    'punkt 10',
    'bordlägg',
    'nästa',
    'föredragande Anna Hedlund & Pia Nilsson',
    'punkt 11a',
    'föredragande Mats Wennstig',
    `anteckning ${PAUSED}`,
    'punkt 11b',
    'föredragande Anna Hedlund',
    'anteckning Inget nytt framkommer.',
    'punkt 11c',
    'föredragande Sandra Johansson',
    'anteckning Arbetsgruppen som arbetar med trygg och säker utskrivning har i dagsläget pausats till följd av pandemin.',
    // the question raised under § 1, added under Övrigt
    'punkt 12',
    'underpunkt När ställs möten in?',
    'punkt 12a',
    'anteckning Enligt LSVO:s ledningssystem hanteras frånvaro enligt följande: ”Vid frånvaro överlåter de frånvarande till de närvarande ledamöterna att fatta beslut som gäller för samtliga.”',
  ],
  endsAfterMinutes: 180, // 16.00
};

describeEachStore('reference minutes 000 replayed through the bot', (store, kind) => {
  // The tab is opened on this server below: built before it starts, since it serves tab/dist only if that exists then.
  if (kind === 'pglite') beforeAll(() => buildTab({ quiet: true }), 120_000);
  const wire = useWire(store);
  let result: ReplayResult;

  it('expects only what the original says', () => {
    expectBoundToOriginal(expected);
  });

  it('writes the original’s paragraphs, presenters, decisions and attendance, each paragraph’s blocks in the original’s order', async () => {
    result = await replay(wire, store, script);
    expectSameAsOriginal(result.doc, expected);
  }, 120_000);

  it('writes nothing the original does not say, no quorum remark, and the HTML page shows it in the same order', async () => {
    expectNothingInvented(result.doc, expected);
    expectNoQuorumRemark(result.doc, await expectHtmlInOrder(wire, result.meetingId, result.doc));
  });

  if (kind === 'pglite') {
    it('gives a Word document that LibreOffice opens and shows in reading order, each page numbered, no heading last on a page; every page kept as a PNG', async () => {
      const { pngs, pages } = await expectReadablePdf(wire, result.meetingId, script.name, result.doc);
      expect(pages.length).toBeGreaterThan(2);
      expect(pngs.map((p) => p.replace(/.*test-artifacts\//, ''))[0]).toMatch(/^replay\/reference-000-0*1\.png$/);
    }, 150_000);
  }

  // The decision register over the replayed meeting: found in another form of the word, by a member of
  // the group signed in with Entra ID, never by a member of another group, and in the tab.
  describe('the decision register', () => {
    const entra = new EntraTestServer();
    beforeAll(() => entra.start());
    afterAll(() => entra.stop());
    const signedIn = useWire(store, () => entra.env());
    const REBECCA = 'c0000000-0000-4000-8000-0000000000a1';
    const OUTSIDER = 'c0000000-0000-4000-8000-0000000000a2';
    let groupId: string;
    const asked = async (path: string, oid: string) => {
      const res = await fetch(`${signedIn.app.url}${path}`, { headers: { authorization: `Bearer ${entra.token({ oid })}` } });
      return { status: res.status, body: (await res.json()) as DecisionRegisterPage };
    };

    beforeAll(async () => {
      const repos = repositoriesFor(store().db);
      groupId = (await repos.groups.listAll()).find((g) => g.name === 'Samverkansgrupp att åldras')!.id;
      const rebecca = (await repos.roster.list(groupId)).find((m) => m.name === 'Rebecca Welander')!;
      await repos.roster.rememberIdentity(groupId, rebecca.id, { aadObjectId: REBECCA, teamsUserId: null });
      const other = await repos.groups.create({ name: 'Samverkansgrupp barn och unga', decidingBody: 'Samverkansgruppen' });
      await repos.roster.upsert(other.id, [{ name: 'Olle Ek', title: 'MAS', principal: 'Karlskrona kommun', roles: ['ledamot'], aadObjectId: OUTSIDER }]);
    });

    it('finds the original’s decision by another form of its word, for a member of the group', async () => {
      const found = await asked(`/api/groups/${groupId}/decisions?q=dagordningen`, REBECCA);
      expect(found.status).toBe(200);
      expect(found.body.decisions.map((d) => [d.meetingDate, d.paragraph, d.paragraphTitle, d.clause])).toEqual([
        ['2021-01-18', 'punkt 1', 'Godkännande av dagordningen', 'att godkänna för sammanträdet upprättad dagordning.'],
      ]);
      expect(found.body.decisions[0]!.clauseParts.filter((p) => p.match).map((p) => p.text)).toEqual(['dagordning']);
    });

    it('never shows it to a member of another group', async () => {
      const across = await asked('/api/decisions?q=dagordning', OUTSIDER);
      expect(across.status).toBe(200);
      expect(across.body.decisions).toEqual([]);
      expect((await asked(`/api/groups/${groupId}/decisions?q=dagordning`, OUTSIDER)).status).toBe(404);
    });

    if (kind === 'pglite') {
      it('is found in the tab’s Beslut view, and opens the protokoll at its paragraph', async () => {
        const browser = await launchBrowser();
        try {
          const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, locale: 'sv-SE' });
          await page.goto(`${wire.app.url}/tab/index.html?theme=default&group=${groupId}`);
          await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
          await page.getByRole('button', { name: 'Beslut' }).click();
          await page.getByLabel('Sök i besluten').fill('dagordningen');
          await page.waitForFunction(() => document.querySelectorAll('#decisions-list mark').length > 0);
          expect(await page.locator('#decisions-list .register-clause').allTextContents()).toEqual(['att godkänna för sammanträdet upprättad dagordning.']);
          // the paragraph's title and the clause, each word as it is written there
          expect(await page.locator('#decisions-list mark').allTextContents()).toEqual(['dagordningen', 'dagordning']);
          await page.screenshot({ path: artifactPath('tab', 'decisions-reference-000.png'), fullPage: true });
          await page.locator('#decisions-list a').first().click();
          await page.frameLocator('#preview-frame').locator('#p-1').waitFor();
          expect(await page.locator('#preview-frame').getAttribute('src')).toMatch(/#p-1$/);
        } finally {
          await browser.close();
        }
      }, 120_000);
    }
  });
});

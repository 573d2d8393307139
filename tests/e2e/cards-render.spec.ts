/**
 * Renders cards with Microsoft's Adaptive Cards renderer in headless Chromium (as a Teams client
 * would), with markdown processed as Teams does, and keeps screenshots in test-artifacts/cards/.
 * Pressing a button goes through the renderer's own input validation and Action.Execute data
 * merging; what it would send must be accepted by `parseVerbData`.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAttendanceCard } from '../../bot/src/cards/attendance.card';
import { buildDecisionCard } from '../../bot/src/cards/decision.card';
import { buildAgendaCard } from '../../bot/src/cards/agenda.card';
import type { AdaptiveCard } from '../../bot/src/cards/adaptive-card';
import { parseVerbData, Verbs, type Verb } from '../../bot/src/cards/verbs';
import { artifactPath, launchBrowser } from '../support/browser';
import { agendaView, attendanceView, ITEM_ID, MEETING_ID, MEMBER_IDS, PARAGRAPHS } from '../unit/cards/fixtures';

const decisionCard = buildDecisionCard({
  meetingId: MEETING_ID,
  paragraphs: PARAGRAPHS,
  currentItemId: ITEM_ID,
  decidingBody: 'Samverkansgruppen',
  quorate: false,
  quorumLine: 'Inte beslutsför: Region Blekinge 1 av 2 (krävs 2), Karlskrona kommun 0 av 1 (krävs 1)',
});

const HOSTILE = '**fet** [länk](http://x) <script>alert(1)</script>';
const hostileAgenda = agendaView(3);
hostileAgenda.entries[0]!.title = HOSTILE;

const cards: Array<[string, AdaptiveCard, string[]]> = [
  ['attendance', buildAttendanceCard(attendanceView(false)), [
    'Närvaro', '⚠️ Inte beslutsför', 'Region Blekinge', '⚠️ 1 av 2, krävs 2', 'Carina Ingemansson (§§15 - 17)',
    'Frånvarande: Anna-Karin Åkesson', 'Övriga deltagare (räknas inte)', 'Tina Olsson', 'Närvarande', 'Frånvarande', 'Uppdatera',
  ]],
  ['decision', decisionCard, ['Beslut', 'Samverkansgruppen beslutar', '⚠️ Inte beslutsför: Region Blekinge 1 av 2 (krävs 2)', 'Spara beslut']],
  ['agenda-hostile-title', buildAgendaCard(hostileAgenda), [`§ 15 ${HOSTILE} (I/D/B)`, '▶ § 17 Vårdplatsflöde 2']],
];

interface Executed { verb: string; data: unknown }

async function render(page: Page, card: AdaptiveCard): Promise<void> {
  await page.setContent('<!doctype html><html lang="sv"><body style="font-family: \'Segoe UI\', sans-serif; margin: 16px; width: 480px"><div id="card"></div></body></html>');
  await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.addScriptTag({ path: path.join(__dirname, '../../node_modules/markdown-it/dist/browser/markdown-it.umd.min.js') });
  await page.evaluate((json) => {
    const w = window as any;
    const AC = w.AdaptiveCards;
    // Teams renders TextBlock text as markdown, HTML included; so does this page (markdown-it, as AC's docs suggest).
    const markdown = w.markdownit({ html: true });
    AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
      result.outputHtml = markdown.render(text);
      result.didProcess = true;
    };
    w.executed = [];
    const adaptive = new AC.AdaptiveCard();
    adaptive.onExecuteAction = (action: any) => w.executed.push({ verb: action.verb, data: action.data });
    adaptive.parse(json);
    document.getElementById('card')!.appendChild(adaptive.render());
  }, card as unknown as object);
}

const executed = (page: Page) => page.evaluate(() => (window as any).executed as Executed[]);

describe('cards rendered in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 520, height: 900 } });
  });
  afterEach(async () => {
    await page?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(cards)('%s card renders its text as plain text', async (name, card, texts) => {
    await render(page, card);
    const rendered = (await page.locator('#card').innerText()).replace(/[ \t]*\n[ \t]*/g, '\n');
    for (const text of texts) expect(rendered).toContain(text);
    expect(rendered).not.toMatch(/\\[-().§*[\]<>#_]/); // markdown escapes are applied, never shown
    // user text never becomes markup
    expect(await page.locator('#card script, #card a, #card strong, #card em, #card ol, #card ul, #card h1').count()).toBe(0);
    await page.locator('#card').screenshot({ path: artifactPath('cards', `${name}.png`) });
  });

  it('attendance: the renderer demands a member, then sends meeting and member', async () => {
    await render(page, buildAttendanceCard(attendanceView(false)));
    await page.getByRole('button', { name: 'Närvarande', exact: true }).click();
    expect(await executed(page)).toEqual([]); // required input left empty: nothing is sent
    await page.locator('#card select').selectOption(MEMBER_IDS[2]!);
    await page.getByRole('button', { name: 'Närvarande', exact: true }).click();
    await page.getByRole('button', { name: 'Uppdatera' }).click();
    const sent = await executed(page);
    expect(sent.map((s) => s.verb)).toEqual([Verbs.markPresent, Verbs.refreshAttendance]);
    expect(parseVerbData(Verbs.markPresent, sent[0]!.data)).toEqual({ meetingId: MEETING_ID, memberId: MEMBER_IDS[2] });
    expect(parseVerbData(Verbs.refreshAttendance, sent[1]!.data)).toEqual({ meetingId: MEETING_ID });
  });

  it('decision: the typed clauses and the preselected paragraph are sent', async () => {
    await render(page, decisionCard);
    await page.locator('#card textarea').fill('godkänna föredragningslistan\natt lägga rapporten till handlingarna');
    await page.screenshot({ path: artifactPath('cards', 'decision-filled.png') });
    await page.getByRole('button', { name: 'Spara beslut' }).click();
    const [sent] = await executed(page);
    expect(sent!.verb).toBe(Verbs.recordDecision);
    expect(parseVerbData(sent!.verb as Verb & typeof Verbs.recordDecision, sent!.data)).toEqual({
      meetingId: MEETING_ID,
      itemId: ITEM_ID,
      clauses: 'godkänna föredragningslistan\natt lägga rapporten till handlingarna',
      // nobody picked for jäv or reservation
      conflicts: null, reservations: null, reservationMotivation: null,
    });
  });
});

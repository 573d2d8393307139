/**
 * Renders the attendance and decision cards with Microsoft's Adaptive Cards renderer in headless
 * Chromium (as a Teams client would) and keeps screenshots in test-artifacts/cards/.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildAttendanceCard } from '../../bot/src/cards/attendance.card';
import { buildDecisionCard } from '../../bot/src/cards/decision.card';
import type { AdaptiveCard } from '../../bot/src/cards/adaptive-card';
import { artifactPath, launchBrowser } from '../support/browser';
import { attendanceView } from '../unit/cards/fixtures';

const cards: Array<[string, AdaptiveCard, string[]]> = [
  ['attendance', buildAttendanceCard(attendanceView(false)), ['Närvaro', 'Inte beslutsför', 'Carina Ingemansson (§§15 - 17)', 'Övriga deltagare (räknas inte)', 'Tina Olsson']],
  ['decision', buildDecisionCard({ reference: '§ 16', title: 'Vårdplatsflöde', decidingBody: 'Samverkansgruppen', quorate: true, quorumLine: 'Beslutsför: Region Blekinge 3 av 4, Karlskrona kommun 2 av 3' }),
    ['Beslut – § 16 Vårdplatsflöde', 'Samverkansgruppen beslutar', 'Spara beslut']],
];

describe('cards rendered in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(cards)('%s card renders its text', async (name, card, texts) => {
    const page = await browser.newPage({ viewport: { width: 520, height: 900 } });
    await page.setContent('<!doctype html><html lang="sv"><body style="font-family: sans-serif; margin: 16px"><div id="card"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    await page.addScriptTag({ path: path.join(__dirname, '../../node_modules/markdown-it/dist/browser/markdown-it.umd.min.js') });
    await page.evaluate((json) => {
      const AC = (window as any).AdaptiveCards;
      // Teams renders TextBlock text as markdown; so does this page, with markdown-it as AC's docs suggest.
      const markdown = (window as any).markdownit();
      AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
        result.outputHtml = markdown.render(text);
        result.didProcess = true;
      };
      const adaptive = new AC.AdaptiveCard();
      adaptive.parse(json);
      document.getElementById('card')!.appendChild(adaptive.render());
    }, card as unknown as object);
    const rendered = await page.locator('#card').innerText();
    for (const text of texts) expect(rendered).toContain(text);
    expect(rendered).not.toMatch(/\\[-().§]/); // markdown escapes are rendered, never shown
    await page.locator('#card').screenshot({ path: artifactPath('cards', `${name}.png`) });
    await page.close();
  });
});

/**
 * The channel tab in headless Chromium against the real server: a meeting recorded through the bot
 * over HTTP, then the action list (filters, "Markera klar", a stale version → 409), the meetings,
 * the protokoll preview (naming the stored version it shows, as the approval card does), every
 * theme and 320 px width, each view checked with axe-core. Then, signed in with Entra ID tokens,
 * readers who may change only their own actions, or none.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import type { StoreConnection } from '../../bot/src/store/database';
import { buildTab } from '../../scripts/build-tab';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { BotConnectorServer } from '../support/bot-connector.server';
import { EntraTestServer } from '../support/entra.server';
import { artifactPath, launchBrowser } from '../support/browser';
import { openPgliteClone } from '../support/stores';
import { startTestApp } from '../support/test-app';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'a0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'a0000000-0000-4000-8000-000000000002' };
const rebecca: Person = { id: '29:rebecca', name: 'Rebecca Welander', aadObjectId: 'a0000000-0000-4000-8000-000000000003' };

const at = (minutes: number) => new Date(Date.parse('2021-01-18T12:00:00.000Z') + minutes * 60_000).toISOString();
const future = `${new Date().getUTCFullYear() + 1}-06-30`;
const THEMES = ['default', 'dark', 'contrast'] as const;

interface ApiAction { id: string; text: string; owner: string | null; status: string; version: number; overdue: boolean }
interface ApiProtokoll { storedVersion: { number: number; sha256: string; status: string } | null }

declare const axe: { run(context?: unknown, options?: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> };

describe('channel tab in Chromium', () => {
  const connector = new BotConnectorServer();
  let store: StoreConnection;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let groupId: string;
  const pageErrors: string[] = [];
  const policyViolations: string[] = [];

  const api = async <T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${app.url}${url}`, init);
    return { status: res.status, body: (await res.json()) as T };
  };
  const actionsFromApi = async () => (await api<{ actions: ApiAction[] }>(`/api/groups/${groupId}/actions?status=all`)).body.actions;
  const actionNamed = async (prefix: string) => (await actionsFromApi()).find((a) => a.text.startsWith(prefix))!;

  beforeAll(async () => {
    await buildTab({ quiet: true });
    store = await openPgliteClone();
    await connector.start();
    app = await startTestApp(store);
    const channel = new TeamsChannel({ teamId: '19:team-tab@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: '19:tab@thread.tacv2' }, connector.url);
    const send = async (activity: unknown): Promise<string> => {
      const before = connector.messages.length;
      const res = await deliver(app.url, activity);
      expect(res.status).toBeLessThan(300);
      return connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
    };
    const say = (who: Person, text: string, minute: number) => send(channel.message(who, text, at(minute)));

    expect(await send(channel.install(at(-60)))).toMatch(/Samverkansgrupp att åldras/);
    expect(await say(sandra, [
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
      'Rebecca Welander; verksamhetschef; Karlshamns kommun; ledamot',
      'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
    ].join('\n'), -50)).toMatch(/3 personer är sparade/);
    expect(await say(sandra, 'ny punkt Vårdplatsflöde (I/D)', -48)).toMatch(/Punkt 3 Vårdplatsflöde/);
    await send(channel.participants('join', [mats, sandra, rebecca], at(-2)));
    // A join by display name only marks presence: the secretary ties the approvers' accounts to the roster.
    expect(await say(sandra, 'bekräfta Mats Wennstig', -1)).toMatch(/Mats Wennstig är bekräftad/);
    expect(await say(sandra, 'bekräfta Rebecca Welander', -1)).toMatch(/Rebecca Welander är bekräftad/);
    expect(await send(channel.meetingStarted(at(0)))).toMatch(/Mötet startade/);
    expect(await say(sandra, 'nästa', 10)).toMatch(/punkt 2/);
    expect(await say(sandra, 'nästa', 15)).toMatch(/punkt 3/);
    expect(await say(sandra, 'beslut anta arbetsordningen för vårdplatsflödet', 15)).toMatch(/beslutar att/);
    expect(await say(sandra, 'beslut ge förvaltningen i uppdrag att följa upp <b>flödet</b> & rutinen', 15)).toMatch(/beslutar att/);
    expect(await say(sandra, 'åtgärd Skicka ut verksamhetsplanen ansvarig Mats senast 2021-02-01', 16)).toMatch(/ansvarig Mats Wennstig, senast 2021-02-01/);
    expect(await say(sandra, `åtgärd Boka lokal för arbetsgruppen ansvarig Rebecca senast ${future}`, 17)).toMatch(/ansvarig Rebecca Welander/);
    expect(await say(sandra, `åtgärd Sammanställ enkätsvaren ansvarig Sandra senast ${future}`, 18)).toMatch(/ansvarig Sandra Johansson/);
    expect(await say(sandra, 'justerare Rebecca Welander', 60)).toMatch(/justerare/);
    expect(await send(channel.meetingEnded(at(90)))).toMatch(/väntar på justering/);
    // Actions go live when the protokoll is justerat.
    expect(await say(mats, 'justera', 91)).toMatch(/Väntar på Rebecca Welander/);
    expect(await say(rebecca, 'justera', 92)).toMatch(/justerat .* och låst/);

    groupId = (await api<Array<{ id: string; name: string }>>('/api/groups')).body.find((g) => g.name === 'Samverkansgrupp att åldras')!.id;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'sv-SE' });
    context.on('page', (opened) => {
      opened.on('pageerror', (error) => pageErrors.push(error.message));
      // The tab is served with its Content Security Policy: anything it blocks shows up here.
      opened.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
      });
    });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await connector.stop();
    await store?.close();
  });

  const open = async (target: Page, query: string, file = 'index.html') => {
    await target.goto(`${app.url}/tab/${file}?${query}`);
    await target.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  };
  const rows = (target: Page = page) => target.locator('#actions-list tbody tr');
  const rowFor = (text: string, target: Page = page) => rows(target).filter({ hasText: text });
  const axeViolations = async (target: Page, what: string): Promise<string[]> => {
    // Evaluated by the test harness, not as a page script: the tab's CSP allows no inline scripts.
    await target.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = await target.evaluate(() => axe.run(document, { iframes: false, resultTypes: ['violations'] }));
    return result.violations.map((v) => `${what}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  };
  const expectNoAxeViolations = async (target: Page, what: string) => {
    expect(await axeViolations(target, what)).toEqual([]);
  };

  it('shows the open actions with owner, due date, source and the overdue one labelled', async () => {
    await open(page, 'theme=default');
    await expect(page.locator('#dev-banner').textContent()).resolves.toBe('Utvecklingsläge: du är inloggad som utvecklingsanvändare');
    expect(await page.locator('#group').inputValue()).toBe(groupId);
    expect(await rows().count()).toBe(3);
    expect(await page.locator('#actions-totals').textContent()).toBe('3 öppna · 1 försenad · 0 klara');
    expect(await page.locator('#actions-list caption').textContent()).toBe('3 åtgärder');
    expect(await page.locator('#actions-more').isHidden()).toBe(true);
    const late = rowFor('Skicka ut verksamhetsplanen');
    expect(await late.getAttribute('class')).toContain('overdue');
    expect(await late.locator('td[data-label="Status"]').textContent()).toBe('Försenad');
    expect(await late.locator('td[data-label="Ansvarig"]').textContent()).toBe('Mats Wennstig');
    expect(await late.locator('td[data-label="Senast"]').textContent()).toBe('2021-02-01');
    const source = late.locator('td[data-label="Källa"] a');
    expect(await source.textContent()).toMatch(/3.*Vårdplatsflöde/);
    expect(await source.getAttribute('href')).toMatch(/^\/api\/meetings\/[0-9a-f-]{36}\/protokoll\.html#p-3$/);
    expect(await late.locator('td[data-label="Källa"]').textContent()).toContain('möte 2021-01-18');
    expect(await rowFor('Boka lokal').locator('td[data-label="Status"]').textContent()).toBe('Öppen');
    await expectNoAxeViolations(page, 'åtgärder');
  });

  it('filters by owner and by status on the server, the owners taken from the roster', async () => {
    expect(await page.locator('#owner-filter option').allTextContents()).toEqual([
      'Alla ansvariga', 'Mats Wennstig', 'Rebecca Welander', 'Sandra Johansson', 'Ingen ansvarig',
    ]);
    const byMats = await choose(page, '#owner-filter', 'Mats Wennstig');
    expect(byMats.searchParams.get('status')).toBe('open');
    expect(byMats.searchParams.get('owner')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rows().allTextContents()).toEqual([expect.stringContaining('Skicka ut verksamhetsplanen')]);
    expect(await page.locator('#actions-totals').textContent()).toBe('1 öppen · 1 försenad · 0 klara');
    await choose(page, '#owner-filter', 'Ingen ansvarig');
    expect(await page.locator('#actions-list').textContent()).toBe('Inga åtgärder matchar filtret.');
    await choose(page, '#owner-filter', 'Alla ansvariga');
    expect((await choose(page, '#status-filter', 'Försenade')).searchParams.get('status')).toBe('overdue');
    expect(await rows().count()).toBe(1);
    await choose(page, '#status-filter', 'Klara');
    expect(await page.locator('#actions-list').textContent()).toBe('Inga åtgärder matchar filtret.');
    await choose(page, '#status-filter', 'Alla');
    expect(await rows().count()).toBe(3);
    await choose(page, '#status-filter', 'Öppna');
  });

  it('"Markera klar" sends PATCH with the row\'s version and the row moves to Klara', async () => {
    const before = await actionNamed('Boka lokal');
    const patched = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api/actions/${before.id}`));
    await rowFor('Boka lokal').getByRole('button', { name: 'Markera klar' }).click();
    expect((await patched).postDataJSON()).toEqual({ status: 'done', version: before.version });
    await page.waitForSelector('#actions-notice:not([hidden])');
    expect(await page.locator('#actions-notice').textContent()).toContain('är markerad som klar');
    expect(await rowFor('Boka lokal').count()).toBe(0);
    expect(await rows().count()).toBe(2);
    expect(await actionNamed('Boka lokal')).toMatchObject({ status: 'done', version: before.version + 1 });
    await choose(page, '#status-filter', 'Klara');
    const done = rowFor('Boka lokal');
    expect(await done.locator('td[data-label="Status"]').textContent()).toBe('Klar');
    expect(await done.getByRole('button').textContent()).toBe('Öppna igen');
    await choose(page, '#status-filter', 'Öppna');
  });

  it('a stale version answers 409: the message appears and the row is reloaded', async () => {
    const stale = await actionNamed('Sammanställ');
    // Someone else closes and reopens it behind the tab's back: same status, two versions newer.
    const json = { 'content-type': 'application/json' };
    expect((await api(`/api/actions/${stale.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ status: 'done', version: stale.version }) })).status).toBe(200);
    expect((await api(`/api/actions/${stale.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ status: 'open', version: stale.version + 1 }) })).status).toBe(200);

    const conflict = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(stale.id));
    const reloaded = page.waitForResponse((r) => r.url().includes(`/api/groups/${groupId}/actions`));
    await rowFor('Sammanställ').getByRole('button', { name: 'Markera klar' }).click();
    expect((await conflict).status()).toBe(409);
    await reloaded;
    await page.waitForSelector('#actions-notice.warning');
    expect(await page.locator('#actions-notice').textContent()).toBe('Åtgärden har ändrats av någon annan – listan är uppdaterad.');
    expect(await rowFor('Sammanställ').locator('td[data-label="Status"]').textContent()).toBe('Öppen');

    // The reloaded row carries the current version: the next click goes through.
    const retried = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(stale.id));
    await rowFor('Sammanställ').getByRole('button', { name: 'Markera klar' }).click();
    expect((await retried).postDataJSON()).toEqual({ status: 'done', version: stale.version + 2 });
    await page.waitForSelector('#actions-notice:not(.warning)');
    expect(await rowFor('Sammanställ').count()).toBe(0);
  });

  it('opens the protokoll preview at the action\'s paragraph', async () => {
    const source = rowFor('Skicka ut verksamhetsplanen').locator('td[data-label="Källa"] a');
    const meetingId = /\/api\/meetings\/([0-9a-f-]{36})\//.exec((await source.getAttribute('href'))!)![1]!;
    await source.click();
    await page.waitForSelector('#preview:not([hidden])');
    expect(await page.locator('#preview-frame').getAttribute('src')).toMatch(/^blob:.*#p-3$/);
    // locked: the stored final, named by its number and the start of its SHA-256
    const final = (await api<ApiProtokoll>(`/api/meetings/${meetingId}/protokoll`)).body.storedVersion!;
    expect(final).toMatchObject({ number: 2, status: 'justerat' });
    expect(await page.locator('#preview-version').textContent()).toBe(`Justerat och låst · Version 2 · SHA-256 ${final.sha256.slice(0, 16)}…`);
    const frame = page.frameLocator('#preview-frame');
    await frame.locator('#p-3').waitFor();
    expect(await frame.locator('body').textContent()).toContain('Skicka ut verksamhetsplanen');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview-heading');
    await page.screenshot({ path: artifactPath('tab', 'preview-default.png'), fullPage: true });
    await expectNoAxeViolations(page, 'förhandsgranskning');
    await page.getByRole('button', { name: 'Stäng förhandsgranskningen' }).click();
    expect(await page.locator('#preview').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('punkt 3 Vårdplatsflöde');
  });

  // The protokoll page is rendered by bot/src/documents/protokoll.html.ts, not by the tab.
  it('the previewed protokoll page has no axe violations', async () => {
    const href = await rowFor('Skicka ut verksamhetsplanen').locator('td[data-label="Källa"] a').getAttribute('href');
    // the page's own CSP forbids every script: axe needs a browser context that bypasses it
    const unsafe = await browser.newContext({ bypassCSP: true });
    try {
      const doc = await unsafe.newPage();
      await doc.goto(`${app.url}${href}`);
      expect(await axeViolations(doc, 'protokoll.html')).toEqual([]);
    } finally {
      await unsafe.close();
    }
  });

  it('lists the meetings with status and paragraphs, preview and Word download', async () => {
    await page.getByRole('button', { name: 'Möten' }).click();
    expect(await page.locator('#show-meetings').getAttribute('aria-pressed')).toBe('true');
    const meeting = page.locator('#meetings-list tbody tr');
    expect(await meeting.count()).toBe(1);
    expect(await meeting.locator('td[data-label="Datum"]').textContent()).toBe('2021-01-18');
    expect(await meeting.locator('td[data-label="Status"]').textContent()).toBe('Justerat');
    expect(await meeting.locator('td[data-label="Paragrafer"]').textContent()).toMatch(/^1 - [3-9]$/);
    const word = meeting.getByRole('link', { name: 'Ladda ned Word' });
    const res = await page.request.get(`${app.url}${await word.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    await expectNoAxeViolations(page, 'möten');
    await meeting.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.frameLocator('#preview-frame').locator('#p-3').waitFor();
    expect(await page.locator('#preview-heading').textContent()).toBe('Förhandsgranskning: protokollet 2021-01-18');
  });

  it('searches the decision register: every form of a word, marked, and opens the protokoll at the paragraph', async () => {
    await page.getByRole('button', { name: 'Beslut' }).click();
    expect(await page.locator('#show-decisions').getAttribute('aria-pressed')).toBe('true');
    const entries = page.locator('#decisions-list li');
    await page.waitForSelector('#decisions-list li');
    expect(await entries.count()).toBe(2);
    expect(await page.locator('#decisions-notice').textContent()).toBe('2 beslut i registret.');
    expect(await page.locator('#decisions-list h3').textContent()).toBe('Möte 2021-01-18 Justerat');
    // user text is text: the tags typed in the clause are shown, not interpreted
    expect(await entries.nth(1).locator('.register-clause').textContent()).toBe('att ge förvaltningen i uppdrag att följa upp <b>flödet</b> & rutinen');
    expect(await page.locator('#decisions-list b').count()).toBe(0);

    const searched = page.waitForResponse((r) => r.url().includes('/decisions?') && r.url().includes('q=arbetsordning'));
    await page.getByLabel('Sök i besluten').fill('arbetsordning');
    await searched;
    await page.waitForFunction(() => document.querySelectorAll('#decisions-list li').length === 1);
    expect(await page.locator('#decisions-notice').textContent()).toBe('1 beslut om ”arbetsordning”.');
    expect(await entries.first().locator('.register-clause').textContent()).toBe('att anta arbetsordningen för vårdplatsflödet');
    expect(await entries.first().locator('mark').allTextContents()).toEqual(['arbetsordningen']);
    await page.screenshot({ path: artifactPath('tab', 'decisions-search.png'), fullPage: true });
    await expectNoAxeViolations(page, 'beslut (sökning)');

    await page.getByLabel('Sök i besluten').fill('budgetramar');
    await page.getByLabel('Sök i besluten').press('Enter');
    await page.waitForSelector('#decisions-list .empty');
    expect(await page.locator('#decisions-list .empty').textContent()).toBe('Inga beslut innehåller de orden. Prova ett annat ord eller början av ett ord.');
    expect(await page.locator('#decisions-notice').textContent()).toBe('0 beslut om ”budgetramar”.');

    await page.getByLabel('Sök i besluten').fill('!!!');
    await page.getByLabel('Sök i besluten').press('Enter');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toBe('Skriv minst ett ord att söka efter (bokstäver eller siffror).');
    await page.evaluate(() => { document.getElementById('error')!.hidden = true; });

    // best match first: the clause that says the word before the one whose paragraph's title alone would
    const ranked = page.waitForResponse((r) => r.url().includes('sort=relevans'));
    await page.getByLabel('Sök i besluten').fill('vårdplatsflöde');
    await page.selectOption('#decision-order', 'relevans');
    await ranked;
    await page.waitForFunction(() => document.querySelectorAll('#decisions-list li').length === 2 && document.querySelector('#decisions-notice')?.textContent?.includes('vårdplatsflöde'));
    expect(await entries.first().locator('.register-clause').textContent()).toBe('att anta arbetsordningen för vårdplatsflödet');
    await page.selectOption('#decision-order', 'datum');

    await page.getByLabel('Sök i besluten').fill('arbetsord');
    await page.getByLabel('Sök i besluten').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#decisions-list mark').length === 1);
    await entries.first().getByRole('link').click();
    await page.waitForSelector('#preview:not([hidden])');
    expect(await page.locator('#preview-frame').getAttribute('src')).toMatch(/^blob:.*#p-3$/);
    expect(await page.locator('#preview-heading').textContent()).toBe('Förhandsgranskning: protokollet 2021-01-18, punkt 3');
    await page.frameLocator('#preview-frame').locator('#p-3').waitFor();
    expect(await page.frameLocator('#preview-frame').locator('#p-3').innerText()).toMatch(/att\s+anta arbetsordningen för vårdplatsflödet/);
    await page.getByRole('button', { name: 'Stäng förhandsgranskningen' }).click();
    await page.getByRole('button', { name: 'Åtgärder' }).click();
  });

  it('every theme and 320 px width: screenshots, no axe violations, nothing wider than the screen', async () => {
    for (const theme of THEMES) {
      const themed = await context.newPage();
      await open(themed, `theme=${theme}`);
      expect(await themed.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await choose(themed, '#status-filter', 'Alla');
      await themed.screenshot({ path: artifactPath('tab', `actions-${theme}.png`), fullPage: true });
      await expectNoAxeViolations(themed, `åtgärder (${theme})`);
      await themed.getByRole('button', { name: 'Möten' }).click();
      await themed.screenshot({ path: artifactPath('tab', `meetings-${theme}.png`), fullPage: true });
      await expectNoAxeViolations(themed, `möten (${theme})`);
      await themed.getByRole('button', { name: 'Beslut' }).click();
      await themed.getByLabel('Sök i besluten').fill('arbetsordning');
      await themed.waitForFunction(() => document.querySelectorAll('#decisions-list mark').length === 1);
      await themed.screenshot({ path: artifactPath('tab', `decisions-${theme}.png`), fullPage: true });
      await expectNoAxeViolations(themed, `beslut (${theme})`);
      await themed.close();
    }
    const narrow = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'sv-SE' });
    try {
      const small = await narrow.newPage();
      await open(small, 'theme=default');
      await choose(small, '#status-filter', 'Alla');
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await small.screenshot({ path: artifactPath('tab', 'actions-320.png'), fullPage: true });
      await expectNoAxeViolations(small, 'åtgärder (320 px)');
      await small.getByRole('button', { name: 'Möten' }).click();
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await small.screenshot({ path: artifactPath('tab', 'meetings-320.png'), fullPage: true });
      await expectNoAxeViolations(small, 'möten (320 px)');
      await small.getByRole('button', { name: 'Beslut' }).click();
      await small.waitForSelector('#decisions-list li');
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await small.screenshot({ path: artifactPath('tab', 'decisions-320.png'), fullPage: true });
      await expectNoAxeViolations(small, 'beslut (320 px)');
    } finally {
      await narrow.close();
    }
  });

  it('is usable with the keyboard: Tab reaches the filters and the row buttons, focus is visible', async () => {
    const keys = await context.newPage();
    await open(keys, 'theme=default');
    const focused: string[] = [];
    for (let i = 0; i < 12; i++) {
      await keys.keyboard.press('Tab');
      focused.push(await keys.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const outline = getComputedStyle(el).outlineStyle;
        return `${el.tagName.toLowerCase()}#${el.id}:${el.textContent?.trim().slice(0, 30)}:${outline}`;
      }));
    }
    expect(focused[0]).toMatch(/^a#:Hoppa till innehållet:solid$/);
    expect(focused.some((f) => f.startsWith('select#group'))).toBe(true);
    expect(focused.some((f) => f.startsWith('select#status-filter'))).toBe(true);
    expect(focused.some((f) => f.startsWith('button#:Markera klar:solid'))).toBe(true);
    expect(focused.filter((f) => !f.startsWith('body') && !f.endsWith(':solid'))).toEqual([]);
    await keys.close();
  });

  it('the configuration page offers the group and builds the content URL', async () => {
    const config = await context.newPage();
    await open(config, 'theme=default', 'config.html');
    expect(await config.locator('#group').inputValue()).toBe(groupId);
    expect(await config.locator('#content-url').textContent()).toBe(`${app.url}/tab/index.html?group=${groupId}`);
    expect(await config.locator('#outside-teams').isVisible()).toBe(true);
    await config.screenshot({ path: artifactPath('tab', 'config-default.png'), fullPage: true });
    await expectNoAxeViolations(config, 'inställningar');
    await config.close();
  });

  /**
   * The approval card links to the tab when the document is not in the channel's files (this server
   * has no Graph). The link is opened as Teams would: a stand-in Teams page on teams.microsoft.com
   * (the origin teams-js accepts) frames the tab and answers teams-js with the context the link
   * names; the tab is served from an https host that forwards to the test server.
   */
  it('started from the approval card\'s deep link, opens that meeting\'s preview', async () => {
    const cards = connector.calls.map((c) => JSON.stringify(c.body?.attachments ?? [])).filter((a) => a.includes('Öppna protokollet'));
    const link = new URL(JSON.parse(`"${/\[Öppna protokollet\]\(([^)]+)\)/.exec(cards.at(-1)!)![1]!}"`) as string);
    expect(link.origin + link.pathname).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/[0-9a-f-]{36}\/protokoll-[0-9a-f-]{36}$/);
    const entityId = decodeURIComponent(link.pathname.split('/').at(-1)!);
    const linkContext = JSON.parse(link.searchParams.get('context')!) as { subEntityId: string; channelId: string };
    const meetingId = (await api<{ meetings: Array<{ id: string }> }>(`/api/groups/${groupId}/meetings`)).body.meetings[0]!.id;
    expect(linkContext).toEqual({ subEntityId: `meeting:${meetingId}`, channelId: '19:tab@thread.tacv2' });

    const tabHost = 'https://protokoll.example.se';
    const teamsContext = {
      entityId, subEntityId: linkContext.subEntityId, channelId: linkContext.channelId, channelName: 'Allmänt', teamName: 'Samverkansgrupp att åldras',
      theme: 'default', locale: 'sv-SE', frameContext: 'content', hostClientType: 'web', userPrincipalName: 'sandra.johansson@regionblekinge.se',
    };
    const hostPage = `<!doctype html><html lang="sv"><head><title>Teams</title></head><body>
      <iframe id="tab" title="Protokoll" style="width:1000px;height:850px" src="${tabHost}/tab/index.html?group=${groupId}"></iframe>
      <script>
        const context = ${JSON.stringify(teamsContext)};
        window.addEventListener('message', (event) => {
          const message = event.data;
          if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
          const answer = (args) => event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
          if (message.func === 'initialize') answer(['content', 'web', JSON.stringify({ apiVersion: 4, supports: { pages: { config: {} } } }), '2.0.0']);
          else if (message.func === 'getContext') answer([context]);
          else answer([false, 'not in this stand-in']);
        });
      </script></body></html>`;
    const teams = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'sv-SE' });
    try {
      await teams.route('https://res.cdn.office.net/**', (route) => route.abort());
      await teams.route('https://teams.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage }));
      await teams.route(`${tabHost}/**`, async (route) => {
        const url = new URL(route.request().url());
        await route.fulfill({ response: await route.fetch({ url: `${app.url}${url.pathname}${url.search}` }) });
      });
      const host = await teams.newPage();
      host.on('pageerror', (error) => pageErrors.push(error.message));
      await host.goto('https://teams.microsoft.com/l/entity/host');
      const tab = host.frameLocator('#tab');
      await tab.locator('#preview:not([hidden])').waitFor({ timeout: 15_000 });
      expect(await tab.locator('#preview-frame').getAttribute('data-meeting-id')).toBe(meetingId);
      expect(await tab.locator('#preview-heading').textContent()).toBe('Förhandsgranskning: protokollet 2021-01-18');
      expect(await tab.locator('#show-meetings').getAttribute('aria-pressed')).toBe('true');
      await tab.frameLocator('#preview-frame').locator('#p-3').waitFor();
      // the group is the one the linked tab was configured with
      expect(await tab.locator('#group').inputValue()).toBe(groupId);
      await host.screenshot({ path: artifactPath('tab', 'deep-link-preview.png'), fullPage: true });
    } finally {
      await teams.close();
    }
  });

  it('shows the actions of a protokoll not yet justerat as preliminary, without a button', async () => {
    const channel = new TeamsChannel({ teamId: '19:team-tab@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: '19:tab@thread.tacv2' }, connector.url);
    expect((await deliver(app.url, channel.message(sandra, 'starta', at(60 * 24 * 14)))).status).toBe(200);
    expect((await deliver(app.url, channel.message(sandra, `åtgärd Preliminär uppgift ansvarig Mats senast ${future}`, at(60 * 24 * 14 + 5)))).status).toBe(200);
    const later = await context.newPage();
    await open(later, 'theme=default');
    const row = rowFor('Preliminär uppgift', later);
    expect(await row.locator('td[data-label="Status"]').textContent()).toBe('Ej justerad');
    expect(await row.locator('td[data-label="Ändra"]').textContent()).toBe('Efter justering');
    expect(await row.getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(later, 'åtgärder med preliminär åtgärd');
    await later.close();
  });

  it('previews a draft awaiting justering as the stored version the approval card names: Version 1 · SHA-256 …', async () => {
    const channel = new TeamsChannel({ teamId: '19:team-tab@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: '19:tab@thread.tacv2' }, connector.url);
    const before = connector.messages.length;
    expect((await deliver(app.url, channel.message(sandra, 'avsluta', at(60 * 24 * 14 + 60)))).status).toBe(200);
    const card = connector.messages.slice(before).flatMap((m) => (m.attachments ?? []).map((a: any) => a.content)).find((c: any) => c?.body);
    const cardSha = card.body.filter((e: any) => e.type === 'FactSet').flatMap((e: any) => e.facts).find((f: any) => f.title === 'SHA-256').value;

    const drafts = await context.newPage();
    await open(drafts, 'theme=default');
    await drafts.getByRole('button', { name: 'Möten' }).click();
    const draft = drafts.locator('#meetings-list tbody tr').filter({ hasText: 'Justering' });
    expect(await draft.count()).toBe(1);
    // the Word file the row downloads is the stored version 1
    const word = await drafts.request.get(`${app.url}${await draft.getByRole('link', { name: 'Ladda ned Word' }).getAttribute('href')}`);
    const sha = createHash('sha256').update(await word.body()).digest('hex');
    expect(word.headers()['protokoll-version']).toBe('1');
    expect(sha.slice(0, 16)).toBe(cardSha);
    await draft.getByRole('button', { name: 'Förhandsgranska' }).click();
    await drafts.waitForSelector('#preview:not([hidden])');
    await drafts.frameLocator('#preview-frame').locator('#p-1').waitFor();
    expect(await drafts.locator('#preview-version').textContent()).toBe(`Utkast för justering · Version 1 · SHA-256 ${cardSha}…`);
    expect(await drafts.frameLocator('#preview-frame').locator('header').textContent()).toContain('UTKAST · Version 1');
    await drafts.screenshot({ path: artifactPath('tab', 'preview-draft.png'), fullPage: true });
    await expectNoAxeViolations(drafts, 'förhandsgranskning av utkast');
    await drafts.close();
  });

  it('raised no script errors and no Content Security Policy violations in any page', () => {
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  });

  it('inserts text only as text: no innerHTML in the tab\'s sources', () => {
    const dir = path.join(__dirname, '..', '..', 'tab', 'src');
    for (const file of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});

describe('channel tab in Chromium for readers who may not change every action', () => {
  const entra = new EntraTestServer();
  const ANNA = 'a0000000-0000-4000-8000-0000000000a1';
  const REBECCA = 'a0000000-0000-4000-8000-0000000000a2';
  const READ_ONLY = 'Ändras av den ansvariga, sekreteraren eller ordföranden';
  let store: StoreConnection;
  let app: RunningApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildTab({ quiet: true });
    store = await openPgliteClone();
    await entra.start();
    app = await startTestApp(store, entra.env());
    // A justerat protokoll with one action for the chair and one for Anna-Karin, a plain member.
    const repos = repositoriesFor(store.db);
    const group = await repos.groups.create({ name: 'Samverkansgrupp Öst', decidingBody: 'Samverkansgruppen' });
    const roster = await repos.roster.upsert(group.id, [
      { name: 'Sandra Johansson', title: 'processledare LOS', principal: 'Region Blekinge', roles: ['sekreterare'], aadObjectId: 'a0000000-0000-4000-8000-0000000000a3' },
      { name: 'Mats Wennstig', title: 'hälso- och sjukvårdsstrateg', principal: 'Region Blekinge', roles: ['ordförande'], aadObjectId: 'a0000000-0000-4000-8000-0000000000a4' },
      { name: 'Anna-Karin Åkesson', title: 'verksamhetschef HSL/myndighet', principal: 'Ronneby kommun', roles: ['ledamot'], aadObjectId: ANNA },
      { name: 'Rebecca Welander', title: 'verksamhetschef', principal: 'Karlshamns kommun', roles: ['ledamot'], aadObjectId: REBECCA },
    ]);
    const meeting = await repos.meetings.create(group.id, { startsAt: '2021-01-18T12:00:00.000Z' });
    const item = await repos.agenda.insert(group.id, {
      meetingId: meeting.id, parentId: null, position: 1000, section: null, title: 'Vårdplatsflöde', typeTag: null, standardKind: null,
      number: 3, presenters: [], outcome: 'decided', recipients: [], carriedFromItemId: null,
    });
    for (const [text, owner] of [['Skicka ut verksamhetsplanen', 'Mats Wennstig'], ['Sammanställ enkätsvaren', 'Anna-Karin Åkesson']] as const) {
      const member = roster.find((m) => m.name === owner)!;
      await repos.actions.add({
        groupId: group.id, meetingId: meeting.id, itemId: item.id, text, ownerMemberId: member.id, ownerName: member.name,
        dueDate: future, createdAt: '2021-01-18T12:30:00.000Z',
      });
    }
    await repos.meetings.update(group.id, meeting.id, { status: 'justerat' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await entra.stop();
    await store?.close();
  });

  /** The tab outside Teams has no SSO token of its own: the browser sends the reader's on every request. */
  const signedIn = async (oid: string, width = 1100): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({
      viewport: { width, height: 900 }, locale: 'sv-SE', extraHTTPHeaders: { authorization: `Bearer ${entra.token({ oid })}` },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/tab/index.html?theme=default`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    return { context, page };
  };
  const rowOf = (page: Page, text: string) => page.locator('#actions-list tbody tr').filter({ hasText: text });

  it('shows the owner a button on her own action only; the chair\'s action is read-only with its status', async () => {
    const { context, page } = await signedIn(ANNA);
    try {
      expect(await page.locator('#dev-banner').isHidden()).toBe(true);
      expect(await page.locator('#actions-list tbody tr').count()).toBe(2);
      const own = rowOf(page, 'Sammanställ enkätsvaren');
      expect(await own.getByRole('button').allTextContents()).toEqual(['Markera klar']);
      const other = rowOf(page, 'Skicka ut verksamhetsplanen');
      expect(await other.getByRole('button').count()).toBe(0);
      expect(await other.locator('td[data-label="Status"]').textContent()).toBe('Öppen');
      expect(await other.locator('td[data-label="Ändra"]').textContent()).toBe(READ_ONLY);
      await page.screenshot({ path: artifactPath('tab', 'actions-owner.png'), fullPage: true });
      await expectNoAxeViolationsIn(page, 'åtgärder (ansvarig)');
    } finally {
      await context.close();
    }
  });

  it('shows a member who owns nothing no button at all, also at 320 px, without axe violations', async () => {
    const { context, page } = await signedIn(REBECCA, 320);
    try {
      await choose(page, '#status-filter', 'Alla');
      expect(await page.locator('#actions-list tbody tr').count()).toBe(2);
      expect(await page.locator('#actions-list').getByRole('button').count()).toBe(0);
      expect(await page.locator('#actions-list td[data-label="Status"]').allTextContents()).toEqual(['Öppen', 'Öppen']);
      expect(await page.locator('#actions-list td[data-label="Ändra"]').allTextContents()).toEqual([READ_ONLY, READ_ONLY]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.screenshot({ path: artifactPath('tab', 'actions-read-only-320.png'), fullPage: true });
      await expectNoAxeViolationsIn(page, 'åtgärder (läsbehörighet, 320 px)');
    } finally {
      await context.close();
    }
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('channel tab in Chromium with more actions than one page', () => {
  let store: StoreConnection;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** newest first, as the list shows them */
  const open: Array<{ text: string; owner: string }> = [];

  beforeAll(async () => {
    await buildTab({ quiet: true });
    store = await openPgliteClone();
    app = await startTestApp(store);
    // 150 actions on a justerat protokoll: Rebecca owns only the 20 oldest (none on the first page),
    // Mats the rest; every tenth is done, every third overdue. Sandra owns none.
    const repos = repositoriesFor(store.db);
    const group = await repos.groups.create({ name: 'Samverkansgrupp Väst', decidingBody: 'Samverkansgruppen' });
    const roster = await repos.roster.upsert(group.id, [
      { name: 'Mats Wennstig', title: 'hälso- och sjukvårdsstrateg', principal: 'Region Blekinge', roles: ['ordförande'] },
      { name: 'Rebecca Welander', title: 'verksamhetschef', principal: 'Karlshamns kommun', roles: ['ledamot'] },
      { name: 'Sandra Johansson', title: 'processledare LOS', principal: 'Region Blekinge', roles: ['sekreterare'] },
    ]);
    const meeting = await repos.meetings.create(group.id, { startsAt: '2021-01-18T12:00:00.000Z' });
    const item = await repos.agenda.insert(group.id, {
      meetingId: meeting.id, parentId: null, position: 1000, section: null, title: 'Uppföljning av åtgärder', typeTag: null, standardKind: null,
      number: 3, presenters: [], outcome: 'decided', recipients: [], carriedFromItemId: null,
    });
    for (let n = 0; n < 150; n++) {
      const owner = roster[n < 20 ? 1 : 0]!;
      const text = `Åtgärd ${String(n).padStart(3, '0')} <i>kursiv</i>`;
      const action = await repos.actions.add({
        groupId: group.id, meetingId: meeting.id, itemId: item.id, text, ownerMemberId: owner.id, ownerName: owner.name,
        dueDate: n % 3 === 0 ? '2021-02-01' : future, createdAt: new Date(Date.UTC(2021, 0, 18, 13, n)).toISOString(),
      });
      if (n % 10 === 0) await repos.actions.setStatus(group.id, action.id, 'done', 1);
      else open.unshift({ text, owner: owner.name });
    }
    await repos.meetings.update(group.id, meeting.id, { status: 'justerat' });
    // and 54 earlier meetings, one a month: more than the 50 the Möten view shows at first
    for (let m = 1; m <= 54; m++) {
      const held = await repos.meetings.create(group.id, { startsAt: new Date(Date.UTC(2021, -m, 18, 12)).toISOString() });
      await repos.meetings.update(group.id, held.id, { status: 'justerat' });
    }
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'sv-SE' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/tab/index.html?theme=default`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await store?.close();
  });

  const texts = () => page.locator('#actions-list tbody td[data-label="Åtgärd"]').allTextContents();
  const more = (target: Page) => target.getByRole('button', { name: 'Visa fler åtgärder' });
  const showMore = async (): Promise<URL> => {
    const answered = page.waitForResponse((r) => r.url().includes('/actions?') && r.url().includes('cursor='));
    await more(page).click();
    const url = new URL((await answered).url());
    await page.waitForSelector('#actions-list:not([aria-busy])');
    return url;
  };

  it('shows the first page of open actions, the count per status, and "Visa fler åtgärder" loads the rest', async () => {
    expect(await texts()).toEqual(open.slice(0, 100).map((a) => a.text));
    expect(await page.locator('#actions-totals').textContent()).toBe('135 öppna · 45 försenade · 15 klara');
    expect(await page.locator('#actions-list caption').textContent()).toBe('Visar 100 av 135 åtgärder');
    expect(await more(page).isVisible()).toBe(true);
    await expectNoAxeViolationsIn(page, 'åtgärder, första sidan');

    const next = await showMore();
    expect(next.searchParams.get('status')).toBe('open');
    expect(await texts()).toEqual(open.map((a) => a.text));
    expect(await page.locator('#actions-list caption').textContent()).toBe('135 åtgärder');
    expect(await more(page).isHidden()).toBe(true);
    // user text is text: the tags typed into an action are shown, not interpreted
    expect(await page.locator('#actions-list i').count()).toBe(0);
  });

  it('offers every owner on the roster, also those with no action on the first page, and keeps the owner in "Visa fler"', async () => {
    expect(await page.locator('#owner-filter option').allTextContents()).toEqual([
      'Alla ansvariga', 'Mats Wennstig', 'Rebecca Welander', 'Sandra Johansson', 'Ingen ansvarig',
    ]);
    const rebecca = await choose(page, '#owner-filter', 'Rebecca Welander');
    expect(await texts()).toEqual(open.filter((a) => a.owner === 'Rebecca Welander').map((a) => a.text));
    expect(await page.locator('#actions-totals').textContent()).toBe('18 öppna · 6 försenade · 2 klara');

    await choose(page, '#owner-filter', 'Mats Wennstig');
    const mats = open.filter((a) => a.owner === 'Mats Wennstig');
    expect(await page.locator('#actions-list caption').textContent()).toBe(`Visar 100 av ${mats.length} åtgärder`);
    const next = await showMore();
    expect(next.searchParams.get('owner')).not.toBe(rebecca.searchParams.get('owner'));
    expect(next.searchParams.get('owner')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await texts()).toEqual(mats.map((a) => a.text));

    await choose(page, '#owner-filter', 'Sandra Johansson');
    expect(await page.locator('#actions-list').textContent()).toBe('Inga åtgärder matchar filtret.');
    expect(await page.locator('#actions-totals').textContent()).toBe('0 öppna · 0 försenade · 0 klara');
    await choose(page, '#owner-filter', 'Alla ansvariga');
  });

  it('at 320 px the button fits, and the status filter pages too', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    const overdue = await choose(page, '#status-filter', 'Försenade');
    expect(overdue.searchParams.get('status')).toBe('overdue');
    expect(await page.locator('#actions-list caption').textContent()).toBe('45 åtgärder');
    await choose(page, '#status-filter', 'Alla');
    expect(await page.locator('#actions-list caption').textContent()).toBe('Visar 100 av 150 åtgärder');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: artifactPath('tab', 'actions-paged-320.png'), fullPage: true });
    await expectNoAxeViolationsIn(page, 'åtgärder med fler sidor (320 px)');
    expect((await showMore()).searchParams.get('status')).toBe('all');
    expect(await page.locator('#actions-list tbody tr').count()).toBe(150);
  });

  it('pages the meetings too: 50 first, "Visa fler möten" the rest', async () => {
    await page.getByRole('button', { name: 'Möten' }).click();
    const dates = () => page.locator('#meetings-list td[data-label="Datum"]').allTextContents();
    expect(await dates()).toHaveLength(50);
    expect((await dates())[0]).toBe('2021-01-18');
    const answered = page.waitForResponse((r) => r.url().includes('/meetings?cursor='));
    await page.getByRole('button', { name: 'Visa fler möten' }).click();
    await answered;
    await page.waitForSelector('#meetings-list:not([aria-busy])');
    const all = await dates();
    expect(all).toHaveLength(55);
    expect(all.at(-1)).toBe('2016-07-18');
    expect(new Set(all).size).toBe(55);
    expect(await page.getByRole('button', { name: 'Visa fler möten' }).isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Åtgärder' }).click();
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Chooses a filter by its label and waits until the list the server sent for it is shown; the
 * request's URL (the filters it carried) is returned.
 */
async function choose(target: Page, select: string, label: string): Promise<URL> {
  const answered = target.waitForResponse((r) => /\/api\/groups\/[^/]+\/actions\?/.test(r.url()));
  await target.selectOption(select, { label });
  const url = new URL((await answered).url());
  await target.waitForSelector('#actions-list:not([aria-busy])');
  return url;
}

/** axe-core in the page: the list of violations must be empty. */
async function expectNoAxeViolationsIn(target: Page, what: string): Promise<void> {
  // Evaluated, not added as a script tag: the tab's Content-Security-Policy refuses inline scripts.
  await target.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await target.evaluate(() => axe.run(document, { iframes: false, resultTypes: ['violations'] }));
  expect(result.violations.map((v) => `${what}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).toEqual([]);
}

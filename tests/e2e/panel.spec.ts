/**
 * The meeting side panel in headless Chromium, hosted as Teams hosts it: a stand-in Teams page on
 * teams.microsoft.com frames the panel at 320 px and answers teams-js (initialize, the context with
 * the theme and the meeting, the SSO token of its signed-in person). Two browser contexts, the
 * secretary and a member, each with their own token, follow a meeting that the bot records: a command
 * sent to /api/messages shows in both panels within 2 s, in each of the three themes, without a
 * reload; axe finds nothing; nothing is wider than the panel; screenshots are kept in test-artifacts/panel.
 * The secretary's forms record what the member then sees, and a dropped connection resumes without loss.
 * The panel finds its meeting by the meeting chat in the Teams context: the member is in two groups,
 * and each group's meeting chat opens that group's meeting; without a chat the tab's group is used.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { buildTab } from '../../scripts/build-tab';
import { EntraTestServer } from '../support/entra.server';
import { artifactPath, launchBrowser } from '../support/browser';
import { describeEachStore } from '../support/stores';
import { useWire } from '../support/wire';
import { MEMBER, SECRETARY, startLiveMeeting, type LiveMeeting } from '../support/live-meeting';
import type { Person } from '../support/teams-activities';
import { TcpProxy } from '../support/tcp-proxy';

const THEMES = ['default', 'dark', 'contrast'] as const;
const WIDTH = 320;
/** The two groups' meeting chats, as their classic join links name them. */
const CHAT = '19:meeting_cGFuZWwtbW90ZQ@thread.v2';
const OTHER_CHAT = '19:meeting_YW5kcmEtbW90ZQ@thread.v2';
const joinLink = (chatId: string) => `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=%7b%22Tid%22%3a%2200000000-0000-0000-0000-000000000001%22%7d`;

declare const axe: { run(context?: unknown, options?: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> };

/** A Teams page that frames the panel and answers what teams-js asks of its host. */
function hostPage(panelUrl: string, context: Record<string, unknown>, token: string): string {
  return `<!doctype html><html lang="sv"><head><title>Teams</title><style>body{margin:0}</style></head><body>
    <iframe id="panel" title="Protokoll" style="width:${WIDTH}px;height:900px;border:0" src="${panelUrl}"></iframe>
    <script>
      const context = ${JSON.stringify(context)};
      window.addEventListener('message', (event) => {
        const message = event.data;
        if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
        const answer = (args) => event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
        if (message.func === 'initialize') answer(['sidePanel', 'web', JSON.stringify({ apiVersion: 4, supports: { pages: { config: {} }, meeting: {} } }), '2.0.0']);
        else if (message.func === 'getContext') answer([context]);
        else if (message.func === 'authentication.getAuthToken') answer([true, ${JSON.stringify(token)}]);
        else answer([false, 'not in this stand-in']);
      });
    </script></body></html>`;
}

describeEachStore('the meeting side panel in Chromium', (store, kind) => {
  const entra = new EntraTestServer();
  beforeAll(() => entra.start());
  afterAll(() => entra.stop());
  // Built before the server starts: it serves tab/dist only if that exists when it starts.
  beforeAll(() => buildTab({ quiet: true }), 120_000);
  const wire = useWire(store, () => entra.env());
  let meeting: LiveMeeting;
  /** another group's meeting, running at the same time, with the same secretary and member */
  let other: LiveMeeting;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    meeting = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:panel-team@thread.tacv2', teamName: 'Panelgruppen', channelId: '19:panel@thread.tacv2' }, { joinUrl: joinLink(CHAT) });
    other = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:panel-other-team@thread.tacv2', teamName: 'Andra panelgruppen', channelId: '19:panel-other@thread.tacv2' }, { joinUrl: joinLink(OTHER_CHAT) });
    // The stand-in Teams page is a public https origin framing the panel on loopback, which
    // Chromium's local network access rules would block; in Teams both are public hosts.
    browser = await launchBrowser(['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForNavigations,PrivateNetworkAccessRespectPreflightResults']);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /**
   * Opens the panel as `person` in a browser context of its own; resolves once it shows the meeting live.
   * In Teams' context by default: the first group's meeting chat, no group in the tab's address.
   */
  const openPanel = async (
    person: Person, theme: (typeof THEMES)[number], base = wire.app.url, where: { chatId?: string; group?: string } = { chatId: CHAT },
  ): Promise<{ page: Page; panel: Frame }> => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, locale: 'sv-SE' });
    contexts.push(context);
    const teamsContext = {
      theme, locale: 'sv-SE', frameContext: 'sidePanel', hostClientType: 'web', userPrincipalName: `${person.name}@example.se`,
      meetingId: 'MCMxOTptZWV0aW5n', ...(where.chatId ? { chatId: where.chatId } : {}),
    };
    const panelUrl = `${base}/tab/panel.html${where.group ? `?group=${where.group}` : ''}`;
    await context.route('https://res.cdn.office.net/**', (route) => route.abort());
    await context.route('https://teams.microsoft.com/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(panelUrl, teamsContext, entra.token({ oid: person.aadObjectId, name: person.name })) }));
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
    await page.goto('https://teams.microsoft.com/l/meeting/panel');
    const frame = page.frameLocator('#panel');
    await frame.locator('body[data-live="true"][data-change]').waitFor({ timeout: 15_000 });
    const panel = page.frames().find((f) => f.url().startsWith(base))!;
    return { page, panel };
  };

  const axeViolations = async (panel: Frame, what: string): Promise<string[]> => {
    await panel.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = await panel.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.map((v) => `${what}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  };

  it.each(THEMES)('theme %s: a command to /api/messages shows in the secretary\'s and the member\'s panel within 2 s, axe clean, 320 px', async (theme) => {
    const secretary = await openPanel(SECRETARY, theme);
    const member = await openPanel(MEMBER, theme);
    for (const { panel } of [secretary, member]) {
      expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await panel.locator('#meeting-heading').textContent()).toBe('Panelgruppen');
      expect(await panel.locator('#agenda li[aria-current="step"]').count()).toBe(1);
      expect(await panel.locator('#quorum').textContent()).toMatch(/beslutsför/i);
    }

    const text = `Anteckning i temat ${theme}: <img src=x onerror="window.injected=1"> & "citat"`;
    const sent = Date.now();
    await meeting.say(`anteckning ${text}`);
    for (const { panel } of [secretary, member]) {
      await panel.locator('#current .note', { hasText: `Anteckning i temat ${theme}` }).waitFor({ timeout: 2000 });
      expect(Date.now() - sent).toBeLessThan(2000);
      // shown as text, never as markup
      expect(await panel.locator('#current .note').last().textContent()).toBe(text);
      expect(await panel.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
      expect(await panel.locator('#current img').count()).toBe(0);
      // one column: nothing wider than the panel
      expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      expect(await axeViolations(panel, `${theme}`)).toEqual([]);
    }
    await secretary.page.screenshot({ path: artifactPath('panel', `${kind}-${theme}-sekreterare.png`), fullPage: true });
    await member.page.screenshot({ path: artifactPath('panel', `${kind}-${theme}-ledamot.png`), fullPage: true });
  }, 60_000);

  it('follows the meeting to the next paragraph and shows decisions and actions as recorded, without a reload', async () => {
    const { panel } = await openPanel(MEMBER, 'default');
    await panel.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });
    const before = await panel.locator('#current-title').textContent();
    await meeting.say('nästa');
    await panel.waitForFunction((old) => document.getElementById('current-title')?.textContent !== old, before, { timeout: 2000 });
    const marked = await panel.locator('#agenda li[aria-current="step"]').textContent();
    expect(marked).toContain((await panel.locator('#current-title').textContent())!.split(' ').slice(-1)[0]);
    await meeting.say('beslut att godkänna dagordningen');
    await meeting.say('åtgärd Boka lokal ansvarig Anna-Karin Åkesson senast 2030-05-01');
    await panel.locator('#current .action', { hasText: 'Boka lokal' }).waitFor({ timeout: 2000 });
    expect(await panel.locator('#current .deciding').textContent()).toBe('Panelgruppen beslutar');
    expect(await panel.locator('#current .clause').textContent()).toBe('att godkänna dagordningen');
    expect(await panel.locator('#current .action').textContent()).toBe('Åtgärd: Boka lokal, ansvarig Anna-Karin Åkesson, senast 2030-05-01');
    // the agenda timer: planned minutes for the current item, time used against them
    await meeting.say('tid 5');
    await panel.locator('#agenda li[aria-current="step"] .time', { hasText: 'av 5 min' }).waitFor({ timeout: 2000 });
    expect(await panel.locator('#agenda li[aria-current="step"] .time').textContent()).toMatch(/^0 av 5 min$/);
    expect(await panel.locator('#meeting-time').textContent()).toMatch(/^Mötet: \d+ min; planerat 5 min\.$/);
    expect(await panel.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  }, 60_000);

  it('the secretary\'s form records a decision the member then sees; the member has no forms', async () => {
    const secretary = await openPanel(SECRETARY, 'default');
    const member = await openPanel(MEMBER, 'dark');
    expect(await secretary.panel.locator('#record-section').isVisible()).toBe(true);
    expect(await member.panel.locator('#record-section').isVisible()).toBe(false);

    await secretary.panel.locator('#decision-clause').fill('att uppdra åt förvaltningen att återkomma i juni');
    const sent = Date.now();
    await secretary.panel.locator('#decision-form button[type="submit"]').click();
    await secretary.panel.locator('#record-status', { hasText: 'Panelgruppen beslutar att uppdra åt förvaltningen att återkomma i juni' }).waitFor({ timeout: 2000 });
    await member.panel.locator('#current .clause', { hasText: 'att uppdra åt förvaltningen att återkomma i juni' }).waitFor({ timeout: 2000 });
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(await secretary.panel.locator('#decision-clause').inputValue()).toBe('');

    await secretary.panel.locator('#action-text').fill('Ta fram underlag');
    await secretary.panel.locator('#action-owner').fill('Anna-Karin Åkesson');
    await secretary.panel.locator('#action-form button[type="submit"]').click();
    await member.panel.locator('#current .action', { hasText: 'Ta fram underlag, ansvarig Anna-Karin Åkesson' }).waitFor({ timeout: 2000 });

    const before = await member.panel.locator('#current-title').textContent();
    await secretary.panel.locator('#next-item').click();
    await member.panel.waitForFunction((old) => document.getElementById('current-title')?.textContent !== old, before, { timeout: 2000 });
    expect(await secretary.panel.locator('#record-status').textContent()).toMatch(/^Nu behandlas punkt/);
    expect(await axeViolations(secretary.panel, 'forms')).toEqual([]);
    await secretary.page.screenshot({ path: artifactPath('panel', `${kind}-default-sekreterare-formular.png`), fullPage: true });
  }, 60_000);

  it('reconnects after the connection drops and shows what was recorded meanwhile', async () => {
    // The panel reaches the server through a proxy that the test cuts, as a network or a load balancer would.
    const proxy = await new TcpProxy('127.0.0.1', Number(new URL(wire.app.url).port)).start();
    try {
      const { panel } = await openPanel(MEMBER, 'contrast', `http://127.0.0.1:${proxy.port}`);
      const changeBefore = Number(await panel.evaluate(() => document.body.dataset.change));
      await proxy.cut();
      await panel.locator('#live-status.lost').waitFor({ timeout: 5000 });
      expect(await panel.locator('#live-status').textContent()).toBe('Anslutningen bröts. Ansluter igen …');
      await meeting.say('anteckning Skrivet medan panelen var frånkopplad.');
      await proxy.restore();
      await panel.locator('#current .note', { hasText: 'Skrivet medan panelen var frånkopplad.' }).waitFor({ timeout: 8000 });
      expect(Number(await panel.evaluate(() => document.body.dataset.change))).toBeGreaterThan(changeBefore);
      expect(await panel.locator('#live-status').textContent()).toBe('Uppdateras direkt.');
    } finally {
      await proxy.cut();
    }
  }, 60_000);

  it('opens the meeting of the meeting chat Teams gives it, for a member of two groups; without a chat, the tab\'s group', async () => {
    const inOther = await openPanel(MEMBER, 'default', wire.app.url, { chatId: OTHER_CHAT });
    expect(await inOther.panel.locator('#meeting-heading').textContent()).toBe('Andra panelgruppen');
    expect(await inOther.panel.evaluate(() => document.body.dataset.meeting)).toBe(other.meetingId);
    const inFirst = await openPanel(MEMBER, 'default');
    expect(await inFirst.panel.locator('#meeting-heading').textContent()).toBe('Panelgruppen');
    expect(await inFirst.panel.evaluate(() => document.body.dataset.meeting)).toBe(meeting.meetingId);
    // what is recorded in the other group's meeting shows in its panel only
    await other.say('anteckning Bara i den andra gruppen.');
    await inOther.panel.locator('#current .note', { hasText: 'Bara i den andra gruppen.' }).waitFor({ timeout: 2000 });
    expect(await inFirst.panel.locator('#current .note', { hasText: 'Bara i den andra gruppen.' }).count()).toBe(0);
    // a browser outside a meeting chat: the group in the tab's address
    const byTab = await openPanel(MEMBER, 'default', wire.app.url, { group: other.groupId });
    expect(await byTab.panel.evaluate(() => document.body.dataset.meeting)).toBe(other.meetingId);
  }, 60_000);

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

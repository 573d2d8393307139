/**
 * The real Teams client emulator: Microsoft 365 Agents Playground (offline, configured by
 * .m365agentsplayground.yml) talks to the real server; headless Chromium types
 * `@Protokoll ny punkt …` into the channel through the mention picker and sees the bot's answer.
 * The cast is the README's: Sandra types, and the outsider Eva (on no roster) is refused when she
 * asks, in a personal chat, for the group (sent as the playground's custom activity, as the README says).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import type { StoreConnection } from '../../bot/src/store/database';
import { artifactPath, launchBrowser } from '../support/browser';
import { openPgliteClone } from '../support/stores';
import { startTestApp } from '../support/test-app';

const ROOT = path.join(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Playground { child: ChildProcess; url: string; output: string[] }

/** Starts the playground and waits until it answers over HTTP, not only until it says it listens. */
async function startPlayground(botUrl: string): Promise<Playground> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'agentsplayground'), ['--dt', '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port)], {
    cwd: ROOT,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (const deadline = Date.now() + 30_000; ;) {
    if (child.exitCode !== null) throw new Error(`Agents Playground exited (${child.exitCode}):\n${output.join('')}`);
    if (Date.now() > deadline) throw new Error(`Agents Playground did not start:\n${output.join('')}`);
    const answered = await fetch(url).then((response) => response.ok, () => false);
    if (answered) return { child, url, output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopPlayground(playground: Playground | undefined): Promise<void> {
  if (!playground || playground.child.exitCode !== null) return;
  const exited = new Promise((resolve) => playground.child.once('exit', resolve));
  playground.child.kill();
  await exited;
}

describe('chatting with the bot in Microsoft 365 Agents Playground', () => {
  let store: StoreConnection;
  let app: RunningApp;
  let playground: Playground | undefined;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    store = await openPgliteClone();
    app = await startTestApp(store);
    browser = await launchBrowser();
  }, 60_000);

  // Each case gets its own playground: one that ran a whole browser session before has been seen
  // to go away under a loaded machine, and the second case then met a closed port.
  beforeEach(async () => {
    playground = await startPlayground(app.url);
    url = playground.url;
  }, 60_000);

  afterEach(async () => {
    await stopPlayground(playground);
    playground = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await store?.close();
  });

  it('answers `@Protokoll ny punkt …` typed into the channel', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.getByText('Sammanträden', { exact: true }).first().click();
    await page.getByText('skriver protokollet för Samverkansgrupp att åldras').first().waitFor({ timeout: 15_000 });

    await page.locator('[data-lexical-editor="true"]').first().click();
    await page.keyboard.type('@Prot');
    await page.getByRole('menuitem', { name: 'Protokoll' }).click();
    await page.keyboard.type(' ny punkt Budget 2025 (B)');
    await page.getByRole('button', { name: 'Post' }).click();

    const answer = page.getByText('Budget 2025 (B) är tillagd på dagordningen').first();
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.innerText()).toMatch(/^Punkt 3 Budget 2025 \(B\) är tillagd på dagordningen\.$/);
    await page.screenshot({ path: artifactPath('playground', 'ny-punkt.png') });
    await page.close();
  }, 60_000);

  it('has the README\'s cast, and refuses the outsider who asks for the group in a personal chat', async () => {
    interface User { id: string; name: string; aadObjectId: string }
    type Loaded = { config?: { currentUser: User; users: User[]; personalChat: { id: string } } };
    // The Playground answers before it has read its configuration file: ask until it has.
    let loaded: Loaded = {};
    for (const deadline = Date.now() + 20_000; !loaded.config && Date.now() < deadline;) {
      loaded = (await (await fetch(`${url}_internal/v1/config`)).json()) as Loaded;
      if (!loaded.config) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const { currentUser, users, personalChat } = loaded.config!;
    expect(currentUser.name).toBe('Sandra Johansson');
    expect(users.map((u) => u.name)).toEqual(expect.arrayContaining(['Mats Wennstig', 'Anna-Karin Åkesson', 'Eva Utomstående']));
    const eva = users.find((u) => u.name === 'Eva Utomstående')!;

    // Eva's message exactly as the README sends it, pointed at this playground's port.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const json = /customActivities -H 'content-type: application\/json' -d '(\{[\s\S]*?\})'/.exec(readme)?.[1];
    expect(json).toBeDefined();
    const activity = JSON.parse(json!.replaceAll('http://localhost:56150', url.replace(/\/$/, ''))) as { from: User; conversation: { id: string } };
    expect(activity.from).toEqual({ id: eva.id, name: eva.name, aadObjectId: eva.aadObjectId });
    expect(activity.conversation.id).toBe(personalChat.id);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    // the channel's group exists once the app is installed there (on first opening the channel)
    await page.getByText('Sammanträden', { exact: true }).first().click();
    await page.getByText('skriver protokollet för Samverkansgrupp att åldras').first().waitFor({ timeout: 15_000 });
    const sent = await fetch(`${url}_internal/v1/customActivities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(sent.status).toBe(200);
    await page.getByText('Personal Chat', { exact: true }).first().click();
    const refusal = page.getByText('kan koppla en chatt till gruppen. Inget har ändrats.').first();
    await refusal.waitFor({ timeout: 15_000 });
    expect(await refusal.innerText()).toMatch(/^Bara Samverkansgrupp att åldras sekreterare och ordförande och medlemmar i gruppens team kan koppla en chatt till gruppen\. Inget har ändrats\.$/);
    await page.screenshot({ path: artifactPath('playground', 'utomstaende.png') });
    await page.close();
  }, 60_000);
});

/**
 * The real Teams client emulator: Microsoft 365 Agents Playground (offline, configured by
 * .m365agentsplayground.yml) talks to the real server; headless Chromium types
 * `@Protokoll ny punkt …` into the channel through the mention picker and sees the bot's answer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

async function startPlayground(botUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'agentsplayground'), ['--dt', '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port)], {
    cwd: ROOT,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Agents Playground did not start')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`Agents Playground exited (${code})`)));
  });
  return child;
}

describe('chatting with the bot in Microsoft 365 Agents Playground', () => {
  let store: StoreConnection;
  let app: RunningApp;
  let playground: ChildProcess;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    store = await openPgliteClone();
    app = await startTestApp(store);
    const port = await freePort();
    playground = await startPlayground(app.url, port);
    url = `http://127.0.0.1:${port}/`;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill();
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
});

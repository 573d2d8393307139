/**
 * The tab's files come from tab/dist once it is built, else from tab/public — decided per request,
 * so a server started before the build serves the bundles as soon as they exist.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify, { type Server } from 'restify';
import { registerTabRoutes } from '../../../bot/src/http/tab.route';

describe('tab route', () => {
  let tabRoot: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    tabRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-route-'));
    fs.mkdirSync(path.join(tabRoot, 'public'));
    fs.writeFileSync(path.join(tabRoot, 'public', 'index.html'), '<p>källfilerna</p>');
    server = restify.createServer();
    registerTabRoutes(server, tabRoot, { sourceMaps: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(tabRoot, { recursive: true, force: true });
  });

  it('serves tab/public until tab/dist exists, then tab/dist without a restart', async () => {
    expect(await (await fetch(`${url}/tab/index.html`)).text()).toBe('<p>källfilerna</p>');

    fs.mkdirSync(path.join(tabRoot, 'dist'));
    fs.writeFileSync(path.join(tabRoot, 'dist', 'index.html'), '<p>byggd</p>');
    const res = await fetch(`${url}/tab/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
    expect(await res.text()).toBe('<p>byggd</p>');
  });
});

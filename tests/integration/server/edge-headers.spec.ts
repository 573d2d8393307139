/**
 * What the server tells a browser and an anonymous caller: the tab's pages carry a Content
 * Security Policy that lets only Teams and Outlook frame them and only our own scripts run,
 * every response says nosniff and a strict referrer policy, /healthz says ok/fel and the kind of
 * store and nothing about where the database is, and production serves no source maps.
 */
import type { RunningApp } from '../../../bot/src/app';
import { buildTab } from '../../../scripts/build-tab';
import { describeEachStore } from '../../support/stores';
import { startTestApp } from '../../support/test-app';

/** What a production start needs; nothing here is contacted by these tests. */
const PRODUCTION: Record<string, string> = {
  APP_ENV: 'production',
  BOT_ID: '00000000-0000-4000-8000-0000000000b0',
  BOT_PASSWORD: 'inte-hemligt',
  BOT_TENANT_ID: '00000000-0000-4000-8000-000000000001',
  ENTRA_CLIENT_ID: '00000000-0000-4000-8000-0000000000c0',
  ENTRA_TENANT_ID: '00000000-0000-4000-8000-000000000001',
  ENTRA_CLIENT_SECRET: 'inte-hemligt',
  DATABASE_URL: 'postgres://protokoll@db.internal.example:5432/protokoll',
  DATABASE_SCHEMA: 'hemligt_schema',
};

/** `a b; c d e` → { a: ['b'], c: ['d', 'e'] } */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describeEachStore('headers and answers at the edge', (store, kind) => {
  let development: RunningApp;
  let production: RunningApp;
  beforeAll(async () => {
    await buildTab({ quiet: true });
    development = await startTestApp(store());
    production = await startTestApp(store(), PRODUCTION);
  }, 120_000);
  afterAll(async () => {
    await development.stop();
    await production.stop();
  });

  it('/healthz says only ok and the kind of store', async () => {
    for (const app of [development, production]) {
      const res = await fetch(`${app.url}/healthz`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: 'ok', store: kind });
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|5432|db\.internal|hemligt_schema|PGlite \(|\//);
    }
  });

  it('gives the tab a Content Security Policy fitting teams-js: Teams and Outlook may frame it, only its own scripts run', async () => {
    for (const page of ['/tab/index.html', '/tab/config.html', '/tab/main.js', '/tab/tab.css']) {
      const res = await fetch(`${production.url}${page}`);
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'self'"]);
      expect(csp['form-action']).toEqual(["'none'"]);
      // the preview shows the protokoll from a blob: URL in a sandboxed frame, with its own style sheet
      expect(csp['frame-src']).toEqual(['blob:']);
      expect(csp['style-src']).toEqual(["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)]);
      // teams-js fetches Microsoft's current list of host origins (and falls back to its own)
      expect(csp['connect-src']).toEqual(["'self'", 'https://res.cdn.office.net']);
      expect(csp['frame-ancestors']).toEqual(expect.arrayContaining([
        'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.skype.com', 'https://teams.cloud.microsoft',
        'https://*.cloud.microsoft', 'https://*.office.com', 'https://outlook.office.com', 'https://outlook.office365.com',
      ]));
      expect(csp['frame-ancestors']!.every((source) => source === "'self'" || source.startsWith('https://'))).toBe(true);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      // framing is governed by frame-ancestors alone (X-Frame-Options cannot name Teams)
      expect(res.headers.get('x-frame-options')).toBeNull();
    }
  });

  it('says nosniff and the referrer policy on API answers and errors too', async () => {
    for (const path of ['/api/groups', '/api/finns-inte', '/healthz']) {
      const res = await fetch(`${production.url}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('serves no source maps in production, and serves them in development', async () => {
    for (const map of ['/tab/main.js.map', '/tab/config.js.map']) {
      const hidden = await fetch(`${production.url}${map}`);
      expect(hidden.status).toBe(404);
      expect(await hidden.json()).toEqual({ error: { code: 'not-found', message: 'Adressen finns inte.' } });
      expect((await fetch(`${development.url}${map}`)).status).toBe(200);
    }
    for (const disguised of ['/tab/main.js.m%61p', '/tab/main.js%252emap']) expect((await fetch(`${production.url}${disguised}`)).status).toBe(404);
    expect((await fetch(`${production.url}/tab/main.js`)).status).toBe(200);
  });
});

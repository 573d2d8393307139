import type { RunningApp } from '../../../bot/src/app';
import { describeEachStore } from '../../support/stores';
import { startTestApp } from '../../support/test-app';

describeEachStore('server', (store, kind) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp(store());
  });
  afterAll(async () => {
    await app.stop();
  });

  it('GET /healthz answers 200 with the kind of store, and nothing about where it is', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: kind });
  });

  it('answers unknown paths with a Swedish JSON error and no stack', async () => {
    const res = await fetch(`${app.url}/api/finns-inte`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not-found', message: 'Adressen finns inte.' } });
  });

  it('rejects a body that is not JSON with 400 in Swedish', async () => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toMatch(/JSON/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
  });

  it('serves the tab under /tab/', async () => {
    const res = await fetch(`${app.url}/tab/index.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/Protokoll/);
  });
});

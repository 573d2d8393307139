/**
 * A half-finished deployment must not start: with the bot's credentials (BOT_ID) or a shared
 * database (DATABASE_URL) but no Entra ID app for the tab, the tab API would hand every group's
 * protokoll to anyone as the development user. The real process is started and must refuse,
 * naming the variable; ALLOW_DEVELOPMENT_USER=1 says it on purpose.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../../support/server-process';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-half-'));

describe('a half-configured server', () => {
  it.each([
    ['BOT_ID', { BOT_ID: '00000000-0000-0000-0000-0000000000b0', BOT_PASSWORD: 'x' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }],
  ])('refuses to start with %s but no ENTRA_CLIENT_ID', async (variable, env) => {
    await expect(startServerProcess({ ...env, DATA_DIR: dataDir() })).rejects.toThrow(
      new RegExp(`the server exited: [\\s\\S]*ENTRA_CLIENT_ID: saknas, krävs när ${variable} är satt`),
    );
  });

  it('starts when ALLOW_DEVELOPMENT_USER=1 says it is on purpose', async () => {
    const server = await startServerProcess({ BOT_ID: '00000000-0000-0000-0000-0000000000b0', BOT_PASSWORD: 'x', BOT_TENANT_ID: '00000000-0000-0000-0000-000000000001', ALLOW_DEVELOPMENT_USER: '1', DATA_DIR: dataDir() });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

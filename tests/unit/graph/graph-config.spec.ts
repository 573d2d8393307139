/** The calendar and scheduler settings of config.ts. */
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../bot/src/config';

const production = {
  APP_ENV: 'production', BOT_ID: 'id', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't', ENTRA_CLIENT_ID: 'c', ENTRA_TENANT_ID: 't', DATABASE_URL: 'postgres://db/x',
};

describe('calendar configuration', () => {
  it('defaults: a five-minute scheduler, no local calendar, no certificate', () => {
    expect(loadConfig({})).toMatchObject({ schedulerIntervalSeconds: 300, localCalendarFile: null, entra: null });
  });

  it('reads the interval, the local file and the certificate path (resolved)', () => {
    const config = loadConfig({ SCHEDULER_INTERVAL_SECONDS: '0', LOCAL_CALENDAR_FILE: 'kal.json', ENTRA_CLIENT_ID: 'c', ENTRA_TENANT_ID: 't', ENTRA_CERTIFICATE_PATH: 'app.pem' });
    expect(config).toMatchObject({ schedulerIntervalSeconds: 0, localCalendarFile: path.resolve('kal.json') });
    expect(config.entra?.certificatePath).toBe(path.resolve('app.pem'));
  });

  it('accepts a certificate instead of the secret in production', () => {
    expect(() => loadConfig({ ...production, ENTRA_CERTIFICATE_PATH: '/run/secrets/app.pem' })).not.toThrow();
    expect(() => loadConfig(production)).toThrow(/ENTRA_CLIENT_SECRET/);
  });

  it.each([
    [{ ...production, ENTRA_CLIENT_SECRET: 's', LOCAL_CALENDAR_FILE: 'kal.json' }, 'LOCAL_CALENDAR_FILE'],
    [{ SCHEDULER_INTERVAL_SECONDS: 'often' }, 'SCHEDULER_INTERVAL_SECONDS'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

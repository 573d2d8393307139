import path from 'node:path';
import { ConfigError, loadConfig } from '../../../bot/src/config';

describe('loadConfig', () => {
  it('runs with no environment at all on embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'development',
      port: 3978,
      dataDir: path.resolve('./data'),
      databaseUrl: null,
      databaseSchema: 'public',
      bot: null,
      entra: null,
      agendaLeadHours: 24,
      timeouts: { entraKeysMs: 5000, graphMs: 30000, botConnectorMs: 15000 },
      rateLimits: { commandsPerMinute: 60, apiCallsPerMinute: 300 },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc"'],
    [{ PORT: '70000' }, 'PORT="70000"'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud"'],
    [{ APP_ENV: 'prod' }, 'APP_ENV="prod"'],
    [{ DATABASE_SCHEMA: 'Drop Table' }, 'DATABASE_SCHEMA'],
    [{ ENTRA_CLIENT_ID: 'abc' }, 'ENTRA_TENANT_ID'],
    [{ AGENDA_LEAD_HOURS: '-1' }, 'AGENDA_LEAD_HOURS'],
    [{ GRAPH_TIMEOUT_MS: '0' }, 'GRAPH_TIMEOUT_MS="0"'],
    [{ ENTRA_KEYS_TIMEOUT_MS: 'fem' }, 'ENTRA_KEYS_TIMEOUT_MS'],
    [{ BOT_CONNECTOR_TIMEOUT_MS: '999999' }, 'BOT_CONNECTOR_TIMEOUT_MS'],
    [{ COMMANDS_PER_MINUTE: '0' }, 'COMMANDS_PER_MINUTE="0"'],
    [{ API_CALLS_PER_MINUTE: '-5' }, 'API_CALLS_PER_MINUTE'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
      expect((error as Error).message).toMatch(/Ogiltig konfiguration/);
    }
  });

  it('refuses production without its secrets, naming each', () => {
    expect(() => loadConfig({ APP_ENV: 'production' })).toThrow(/BOT_ID[\s\S]*ENTRA_CLIENT_ID[\s\S]*DATABASE_URL/);
    expect(() =>
      loadConfig({
        APP_ENV: 'production', BOT_ID: 'id', BOT_TENANT_ID: 't', ENTRA_CLIENT_ID: 'c', ENTRA_TENANT_ID: 't',
        DATABASE_URL: 'postgres://db/x',
      }),
    ).toThrow(/BOT_PASSWORD[\s\S]*ENTRA_CLIENT_SECRET/);
  });

  it('in development listens on this machine only, unless HOST says otherwise; in production on every interface', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ APP_ENV: 'production' })).toThrow(ConfigError);
  });

  it.each([
    [{ BOT_ID: 'id' }, /ENTRA_CLIENT_ID: saknas, krävs när BOT_ID är satt/],
    [{ DATABASE_URL: 'postgres://db/x' }, /ENTRA_CLIENT_ID: saknas, krävs när DATABASE_URL är satt/],
  ])('refuses half a deployment (%j without sign-in for the tab) unless ALLOW_DEVELOPMENT_USER=1', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    expect(loadConfig({ ...env, ALLOW_DEVELOPMENT_USER: '1' }).allowDevelopmentUser).toBe(true);
    expect(loadConfig({ ...env, ENTRA_CLIENT_ID: 'c', ENTRA_TENANT_ID: 't' }).allowDevelopmentUser).toBe(false);
    expect(() => loadConfig({ ...env, ALLOW_DEVELOPMENT_USER: 'ja' })).toThrow(/ALLOW_DEVELOPMENT_USER="ja"/);
  });

  it('reads ALLOWED_SERVICE_URLS as a list of http(s) URL prefixes, empty by default', () => {
    expect(loadConfig({}).allowedServiceUrls).toEqual([]);
    expect(loadConfig({ ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net/emea/, https://connector.example.se' }).allowedServiceUrls)
      .toEqual(['https://smba.trafficmanager.net/emea/', 'https://connector.example.se/']);
    for (const bad of ['smba.trafficmanager.net', 'ftp://x.example/', 'https://user:pw@x.example/', 'https://x.example/?a=1']) {
      expect(() => loadConfig({ ALLOWED_SERVICE_URLS: bad })).toThrow(/ALLOWED_SERVICE_URLS/);
    }
  });

  it('derives the tab SSO audience from the public host', () => {
    const config = loadConfig({ ENTRA_CLIENT_ID: 'abc', ENTRA_TENANT_ID: 'tid', PUBLIC_BASE_URL: 'https://protokoll.example.se' });
    expect(config.entra?.audience).toBe('api://protokoll.example.se/abc');
  });
});

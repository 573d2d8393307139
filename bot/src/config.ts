/**
 * The only reader of process.env. Every variable is validated once at start; a bad value stops the
 * start with one message that names every offending variable (in Swedish and English), instead of
 * surfacing later as a confusing auth or connection failure. `.env.example` documents each one.
 */
import path from 'node:path';

export type AppEnvironment = 'development' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface BotAuthConfig {
  appId: string;
  appPassword: string | null;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | null;
  /** overrides of botbuilder's OpenID metadata endpoints (sovereign clouds, local test servers) */
  openIdMetadataUrl: string | null;
  tokenIssuer: string | null;
  oauthEndpoint: string | null;
}

export interface EntraConfig {
  clientId: string;
  tenantId: string;
  clientSecret: string | null;
  /** PEM file with the app's private key and certificate, for Graph sign-in instead of the secret */
  certificatePath: string | null;
  /** expected audience of tab SSO tokens, default `api://<PUBLIC_HOST>/<clientId>` */
  audience: string;
  /** OpenID authority, default https://login.microsoftonline.com */
  authority: string;
}

export interface Config {
  environment: AppEnvironment;
  host: string;
  port: number;
  logLevel: LogLevel;
  dataDir: string;
  databaseUrl: string | null;
  /** PostgreSQL schema to use (tests give every run its own) */
  databaseSchema: string;
  publicBaseUrl: string;
  /** the Teams app's id (the manifest's `id`, TEAMS_APP_ID): deep links into the tab name it */
  teamsAppId: string;
  bot: BotAuthConfig | null;
  /**
   * serviceUrl prefixes the bot answers besides loopback (ALLOWED_SERVICE_URLS). Empty: without
   * BOT_ID only loopback; with BOT_ID whatever the Bot Framework token vouches for.
   */
  allowedServiceUrls: string[];
  entra: EntraConfig | null;
  /** ALLOW_DEVELOPMENT_USER=1: the tab API without sign-in even with a bot or a shared database (said loudly at start) */
  allowDevelopmentUser: boolean;
  graphBaseUrl: string;
  agendaLeadHours: number;
  /** seconds between scheduler runs (agenda before meetings, reminders); 0 turns the timer off */
  schedulerIntervalSeconds: number;
  /** development without a tenant: a JSON file of calendars standing in for Microsoft Graph */
  localCalendarFile: string | null;
  shutdownGraceMs: number;
  /** how long the server waits for each outbound call before giving up (milliseconds) */
  timeouts: OutboundTimeouts;
  /** how much one conversation or one tab user may ask of the server (see README, "Säkerhet") */
  rateLimits: RateLimits;
}

export interface OutboundTimeouts {
  /** signing keys: Entra ID's for tab tokens, and checking a Bot Framework token on /api/messages (ENTRA_KEYS_TIMEOUT_MS) */
  entraKeysMs: number;
  /** each Microsoft Graph request and sign-in (GRAPH_TIMEOUT_MS) */
  graphMs: number;
  /** each Bot Connector request: replies, card updates, member look-ups (BOT_CONNECTOR_TIMEOUT_MS) */
  botConnectorMs: number;
}

export interface RateLimits {
  /** chat commands and card actions per conversation per minute (COMMANDS_PER_MINUTE) */
  commandsPerMinute: number;
  /** tab API calls per signed-in user per minute (API_CALLS_PER_MINUTE) */
  apiCallsPerMinute: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      'Ogiltig konfiguration / invalid configuration:\n' + problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The Teams app id when TEAMS_APP_ID is unset: the same fixed id scripts/package-manifest.js puts in the manifest. */
export const DEFAULT_TEAMS_APP_ID = 'a2e507d8-7080-4473-91d2-d07f5e89a54f';

/** Reads and validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const environment = read.oneOf('APP_ENV', ['development', 'production'] as const, 'development');
  const port = read.integer('PORT', 3978, 0, 65535);
  // In development only this machine reaches the server unless HOST says otherwise; App Service needs every interface.
  const host = read.string('HOST', environment === 'production' ? '0.0.0.0' : '127.0.0.1');
  const logLevel = read.oneOf(
    'LOG_LEVEL',
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    'info',
  );
  const dataDir = path.resolve(read.string('DATA_DIR', './data'));
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const databaseSchema = read.pattern('DATABASE_SCHEMA', /^[a-z_][a-z0-9_]{0,62}$/, 'public', 'ett schemanamn / a schema name such as public');
  const publicBaseUrl = read.url('PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const graphBaseUrl = read.url('GRAPH_BASE_URL', ['http:', 'https:']) ?? 'https://graph.microsoft.com';
  const teamsAppId = read.pattern('TEAMS_APP_ID', GUID, DEFAULT_TEAMS_APP_ID, 'ett GUID / a GUID').toLowerCase();
  const agendaLeadHours = read.integer('AGENDA_LEAD_HOURS', 24, 0, 24 * 14);
  const shutdownGraceMs = read.integer('SHUTDOWN_GRACE_MS', 10000, 0, 120000);
  const schedulerIntervalSeconds = read.integer('SCHEDULER_INTERVAL_SECONDS', 300, 0, 86400);
  // A hanging dependency must not hold a request (or the whole API) for ever; real answers take well under these.
  const timeouts: OutboundTimeouts = {
    entraKeysMs: read.integer('ENTRA_KEYS_TIMEOUT_MS', 5000, 50, 120000),
    graphMs: read.integer('GRAPH_TIMEOUT_MS', 30000, 50, 300000),
    botConnectorMs: read.integer('BOT_CONNECTOR_TIMEOUT_MS', 15000, 50, 120000),
  };
  // Far above what a secretary types or a tab view asks for; a script or a loop gets a Swedish "wait".
  const rateLimits: RateLimits = {
    commandsPerMinute: read.integer('COMMANDS_PER_MINUTE', 60, 1, 1_000_000),
    apiCallsPerMinute: read.integer('API_CALLS_PER_MINUTE', 300, 1, 1_000_000),
  };
  const localCalendar = read.optional('LOCAL_CALENDAR_FILE');
  const localCalendarFile = localCalendar ? path.resolve(localCalendar) : null;

  const botAppId = read.optional('BOT_ID');
  const bot: BotAuthConfig | null = botAppId
    ? {
        appId: botAppId,
        appPassword: read.optional('BOT_PASSWORD'),
        appType: read.oneOf('BOT_APP_TYPE', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'SingleTenant'),
        tenantId: read.optional('BOT_TENANT_ID'),
        openIdMetadataUrl: read.url('BOT_OPENID_METADATA_URL', ['http:', 'https:']),
        tokenIssuer: read.optional('BOT_TOKEN_ISSUER'),
        oauthEndpoint: read.url('BOT_OAUTH_ENDPOINT', ['http:', 'https:']),
      }
    : null;
  const allowedServiceUrls = read.urlList('ALLOWED_SERVICE_URLS', ['http:', 'https:']);

  const entraClientId = read.optional('ENTRA_CLIENT_ID');
  const entra: EntraConfig | null = entraClientId
    ? {
        clientId: entraClientId,
        tenantId: read.required('ENTRA_TENANT_ID', 'krävs när ENTRA_CLIENT_ID är satt / required with ENTRA_CLIENT_ID'),
        clientSecret: read.optional('ENTRA_CLIENT_SECRET'),
        certificatePath: pathOrNull(read.optional('ENTRA_CERTIFICATE_PATH')),
        audience: read.optional('ENTRA_AUDIENCE') ?? `api://${new URL(publicBaseUrl).host}/${entraClientId}`,
        authority: read.url('ENTRA_AUTHORITY', ['http:', 'https:']) ?? 'https://login.microsoftonline.com',
      }
    : null;

  const allowDevelopmentUser = read.oneOf('ALLOW_DEVELOPMENT_USER', ['0', '1'] as const, '0') === '1';
  // Half a deployment (a bot or a shared database, but no sign-in for the tab) would let anyone read
  // every group's protokoll through the tab API as the development user: refused unless said on purpose.
  if ((bot || databaseUrl) && !entra && !allowDevelopmentUser) {
    problems.push(
      `ENTRA_CLIENT_ID: saknas, krävs när ${bot ? 'BOT_ID' : 'DATABASE_URL'} är satt (annars når vem som helst flikens API som utvecklingsanvändare); sätt ALLOW_DEVELOPMENT_USER=1 om det är avsikten / missing: required with ${bot ? 'BOT_ID' : 'DATABASE_URL'} unless ALLOW_DEVELOPMENT_USER=1`,
    );
  }
  if (environment === 'production') {
    requireProductionSecrets(bot, entra, databaseUrl, problems);
    if (localCalendarFile) problems.push('LOCAL_CALENDAR_FILE: bara för utveckling, inte med APP_ENV=production / development only');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    environment, host, port, logLevel, dataDir, databaseUrl, databaseSchema, publicBaseUrl, teamsAppId,
    bot, allowedServiceUrls, entra, allowDevelopmentUser, graphBaseUrl, agendaLeadHours, schedulerIntervalSeconds, localCalendarFile, shutdownGraceMs,
    timeouts, rateLimits,
  };
}

const pathOrNull = (value: string | null) => (value ? path.resolve(value) : null);

/** Production never falls back to development users or an embedded database. */
function requireProductionSecrets(
  bot: BotAuthConfig | null,
  entra: EntraConfig | null,
  databaseUrl: string | null,
  problems: string[],
): void {
  const missing = (name: string) =>
    problems.push(`${name}: saknas, krävs när APP_ENV=production / missing, required in production`);
  if (!bot) missing('BOT_ID');
  else if (!bot.appPassword && bot.appType !== 'UserAssignedMSI') missing('BOT_PASSWORD');
  if (bot && bot.appType === 'SingleTenant' && !bot.tenantId) missing('BOT_TENANT_ID');
  if (!entra) missing('ENTRA_CLIENT_ID');
  // Graph signs in with the secret or, preferably, a certificate.
  else if (!entra.clientSecret && !entra.certificatePath) missing('ENTRA_CLIENT_SECRET');
  if (!databaseUrl) missing('DATABASE_URL');
}

class EnvReader {
  constructor(private readonly env: Env, private readonly problems: string[]) {}

  optional(name: string): string | null {
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  required(name: string, why: string): string {
    const value = this.optional(name);
    if (value === null) this.problems.push(`${name}: saknas / missing (${why})`);
    return value ?? '';
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name}="${raw}": ska vara ett heltal ${min}–${max} / must be an integer ${min}-${max}`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === null) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name}="${raw}": ska vara en av / must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  }

  pattern(name: string, re: RegExp, fallback: string, what: string): string {
    const raw = this.optional(name);
    if (raw === null) return fallback;
    if (!re.test(raw)) {
      this.problems.push(`${name}="${raw}": ska vara ${what}`);
      return fallback;
    }
    return raw;
  }

  url(name: string, protocols: string[]): string | null {
    const raw = this.optional(name);
    if (raw === null) return null;
    try {
      const url = new URL(raw);
      if (protocols.includes(url.protocol)) return raw.replace(/\/$/, '');
    } catch {
      // reported below
    }
    this.problems.push(`${name}: ska vara en URL (${protocols.join(' eller ')}) / must be a ${protocols.join(' or ')} URL`);
    return null;
  }

  /** Comma- or space-separated URLs without credentials, query or fragment; each as `URL.href`. */
  urlList(name: string, protocols: string[]): string[] {
    const raw = this.optional(name);
    if (raw === null) return [];
    const urls: string[] = [];
    for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
      let url: URL | null = null;
      try {
        url = new URL(entry);
      } catch {
        // reported below
      }
      if (!url || !protocols.includes(url.protocol) || url.username || url.password || url.search || url.hash) {
        this.problems.push(`${name}: "${entry}" ska vara en URL (${protocols.join(' eller ')}) utan användare, frågedel eller fragment / must be a ${protocols.join(' or ')} URL without credentials, query or fragment`);
        continue;
      }
      urls.push(url.href);
    }
    return urls;
  }
}

/**
 * The Bot Framework adapter. Without BOT_ID (local development, the Agents Playground) the adapter
 * accepts unauthenticated activities; with it, every activity's token is validated by botbuilder
 * against the configured (or Microsoft's) OpenID metadata.
 *
 * `receive` is what /api/messages runs, in this order: the token (before anything in the body is
 * looked at, so an empty body without a token is 401), then the activity's shape (400), then its
 * serviceUrl (403, see ServiceUrlPolicy), then the turn. Refusals are DomainErrors, which the HTTP
 * edge turns into its JSON error body.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotAuthConfig } from '../config';
import { DomainError, forbidden, invalid } from '../core/errors';
import type { Logger } from '../logger';
import { GENERIC_FAILURE_TEXT } from './replies';
import { ServiceUrlPolicy } from './service-url-policy';
import { connectorHttpClient } from './connector-http-client';

/** What the bot answers over HTTP: the status and, for invokes, a body. */
export interface InboundAnswer {
  status: number;
  body?: unknown;
}

export interface AdapterTimeouts {
  /** each Bot Connector request (BOT_CONNECTOR_TIMEOUT_MS) */
  connectorMs: number;
  /** checking an inbound token, which may download the Bot Framework's signing keys (ENTRA_KEYS_TIMEOUT_MS) */
  tokenCheckMs: number;
}

export function createAdapter(
  bot: BotAuthConfig | null, logger: Logger, allowedServiceUrls: readonly string[] = [], timeouts: AdapterTimeouts = { connectorMs: 15_000, tokenCheckMs: 5_000 },
): ProtokollAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    bot
      ? {
          MicrosoftAppId: bot.appId,
          MicrosoftAppPassword: bot.appPassword ?? undefined,
          MicrosoftAppType: bot.appType,
          MicrosoftAppTenantId: bot.tenantId ?? undefined,
          ...(bot.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: bot.openIdMetadataUrl } : {}),
          ...(bot.tokenIssuer ? { ToBotFromChannelTokenIssuer: bot.tokenIssuer } : {}),
          ...(bot.oauthEndpoint ? { ToChannelFromBotLoginUrl: bot.oauthEndpoint } : {}),
        }
      : {},
    undefined,
    undefined,
    undefined,
    // Every ConnectorClient the adapter creates sends through this client: no call waits for ever.
    { httpClient: connectorHttpClient(timeouts.connectorMs) },
  );
  const adapter = new ProtokollAdapter(auth, logger, new ServiceUrlPolicy(allowedServiceUrls, bot !== null), timeouts.tokenCheckMs);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'turn failed');
    // Users never see error.message or a stack: only a Swedish explanation.
    if (context.activity.type === 'message') {
      await context.sendActivity(GENERIC_FAILURE_TEXT).catch(() => undefined);
    }
  };
  return adapter;
}

export class ProtokollAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly logger: Logger,
    private readonly serviceUrls: ServiceUrlPolicy,
    private readonly tokenCheckMs: number,
  ) {
    super(auth);
    silenceConsoleDuringTokenChecks();
  }

  async receive(body: unknown, authorization: string, logic: (context: TurnContext) => Promise<void>): Promise<InboundAnswer> {
    const authenticated = await this.authenticate(isRecord(body) ? body : {}, authorization);
    const activity = asActivity(body);
    if (!this.serviceUrls.allows(activity.serviceUrl)) {
      this.logger.info({ serviceUrl: String(activity.serviceUrl).slice(0, 200), type: activity.type }, 'activity refused: its serviceUrl is not allowed');
      throw forbidden('Protokoll svarar inte på aktiviteter med den här serviceUrl:en (utan BOT_ID bara loopback och ALLOWED_SERVICE_URLS).');
    }
    const answer = await this.processActivity(authenticated, activity, logic);
    return { status: answer?.status ?? 200, body: answer?.body };
  }

  /**
   * botbuilder answers most bad tokens with an AuthenticationError, but lets a bad signature or a
   * not-yet-valid token through as a plain jsonwebtoken error: all are one 401 and one info line.
   * The check may download the Bot Framework's OpenID metadata and keys, with no deadline of its
   * own: it gets one here, and a check that does not finish in time is a 503 (Teams sends again).
   */
  private async authenticate(activity: Record<string, unknown>, authorization: string): Promise<AuthenticateRequestResult> {
    try {
      const check = tokenChecks.run(true, () => this.botFrameworkAuthentication.authenticateRequest(activity as Partial<Activity> as Activity, authorization));
      return await withinDeadline(check, this.tokenCheckMs);
    } catch (error) {
      if (error instanceof TokenCheckTimeout) {
        this.logger.warn({ timeoutMs: this.tokenCheckMs }, 'bot token could not be checked in time: the Bot Framework\'s signing keys did not come');
        throw new DomainError('unavailable', 'Bot Framework-inloggningen kan inte kontrolleras just nu. Försök igen om en stund.');
      }
      if (!isTokenRejection(error)) throw error;
      this.logger.info({ reason: oneLine((error as Error).message), serviceUrl: typeof activity.serviceUrl === 'string' ? activity.serviceUrl.slice(0, 200) : undefined }, 'bot token rejected');
      throw new DomainError('unauthenticated', 'Begäran saknar en giltig Bot Framework-token (inloggning).');
    }
  }
}

class TokenCheckTimeout extends Error {}

/** The check's own promise keeps running (botbuilder offers no abort); the request no longer waits for it. */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TokenCheckTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function isTokenRejection(error: unknown): boolean {
  return error instanceof AuthenticationError || TOKEN_ERRORS.has((error as Error | undefined)?.name ?? '');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 300);

/** The checks botbuilder's own HTTP handling made (we no longer use it): a type and a serviceUrl, dates as Dates. */
function asActivity(body: unknown): Activity {
  if (!isRecord(body) || typeof body.type !== 'string' || body.type === '' || typeof body.serviceUrl !== 'string') {
    throw invalid('Begäran är ingen Bot Framework-aktivitet: type och serviceUrl saknas.');
  }
  const activity = body as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    if (typeof activity[field] === 'string') {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field] as string);
    }
  }
  return activity as unknown as Activity;
}

/**
 * botbuilder's token validation writes every rejection to console.error: a multi-line stack, or
 * the signing keys, on stderr outside the JSON log. While a token is being checked (and only then,
 * by async context) console.error is silent; the rejection is logged once, as one JSON line.
 */
const tokenChecks = new AsyncLocalStorage<boolean>();
const GUARDED = Symbol.for('protokoll.console-guard');

function silenceConsoleDuringTokenChecks(): void {
  const current = console.error as typeof console.error & { [GUARDED]?: true };
  if (current[GUARDED]) return;
  const guarded = Object.assign(
    (...args: unknown[]) => {
      if (tokenChecks.getStore()) return;
      current.apply(console, args);
    },
    { [GUARDED]: true as const },
  );
  console.error = guarded;
}

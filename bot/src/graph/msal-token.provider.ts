/**
 * App-only access tokens for Microsoft Graph from msal-node (client credentials with a secret or a
 * certificate). MSAL keeps the token in its in-memory cache and renews it before it expires; a
 * failed sign-in comes out as a GraphAccessError ('unauthorized', or 'unavailable' when Entra ID
 * could not be reached), so the secretary hears what is wrong in Swedish.
 */
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import type { Logger } from '../logger';
import type { AccessTokenSource } from './bearer-token.middleware';
import { GraphAccessError } from './graph-errors';
import { DeadlineNetworkClient } from './msal-network';
import { isLoopbackAuthority, msalConfiguration, openIdConfigurationUrl, type GraphCredentials, type OpenIdMetadata } from './msal-configuration';

export class MsalTokenProvider implements AccessTokenSource {
  private app: Promise<ConfidentialClientApplication> | null = null;

  constructor(
    private readonly credentials: GraphCredentials,
    private readonly scope: string,
    private readonly logger: Logger,
    private readonly timeoutMs = 30_000,
  ) {}

  async accessToken(): Promise<string> {
    const app = await (this.app ??= this.create()).catch((error: unknown) => {
      this.app = null; // try discovery again next time
      throw error;
    });
    try {
      const result = await app.acquireTokenByClientCredential({ scopes: [this.scope] });
      if (!result?.accessToken) throw new GraphAccessError('unauthorized', null, 'no_token', 'Entra ID returned no access token');
      return result.accessToken;
    } catch (error) {
      throw toAccessError(error);
    }
  }

  private async create(): Promise<ConfidentialClientApplication> {
    const discovered = isLoopbackAuthority(this.credentials.authority) ? await this.discover() : null;
    const configuration = msalConfiguration(this.credentials, discovered);
    return new ConfidentialClientApplication({
      ...configuration,
      system: {
        networkClient: new DeadlineNetworkClient(this.timeoutMs),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (_level, message) => this.logger.debug({ msal: message }, 'msal'),
        },
      },
    });
  }

  private async discover(): Promise<OpenIdMetadata> {
    const url = openIdConfigurationUrl(this.credentials);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new GraphAccessError('unavailable', null, 'discovery', `${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body = (await response.json().catch((error: unknown) => {
      if ((error as Error | undefined)?.name !== 'TimeoutError') return null;
      throw new GraphAccessError('unavailable', null, 'discovery', `${url}: no answer within ${this.timeoutMs} ms`);
    })) as OpenIdMetadata | null;
    if (!response.ok || !body?.token_endpoint) throw new GraphAccessError('unauthorized', response.status, 'discovery', `${url}: no OpenID configuration`);
    return body;
  }
}

function toAccessError(error: unknown): GraphAccessError {
  if (error instanceof GraphAccessError) return error;
  const code = (error as { errorCode?: string }).errorCode ?? null;
  const message = error instanceof Error ? error.message : String(error);
  // MSAL's own network failures; everything else (invalid_client, unauthorized_client, …) is a sign-in problem.
  const unreachable = code === 'network_error' || code === 'endpoints_resolution_error' || /Network request failed/i.test(message);
  return new GraphAccessError(unreachable ? 'unavailable' : 'unauthorized', null, code, message.split('\n')[0] ?? message);
}

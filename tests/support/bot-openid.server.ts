/**
 * A stand-in for the Bot Framework's token metadata (login.botframework.com): an OpenID
 * configuration document pointing at a JWKS whose key is endorsed for the `msteams` channel, and
 * tokens shaped like the ones the Bot Connector sends to a bot (issuer, audience = the bot's app
 * id, `serviceurl` claim). botbuilder is pointed here with BOT_OPENID_METADATA_URL and
 * BOT_TOKEN_ISSUER, and validates exactly as it would against Microsoft.
 */
import type http from 'node:http';
import { randomBytes } from 'node:crypto';
import { LoopbackServer, TestSigningKey } from './loopback-server';

export interface BotTokenOptions {
  serviceUrl: string;
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** sign with a key the JWKS does not publish, under the published key's id */
  foreignKey?: boolean;
  /** the `kid` header (default: the published key's id) */
  keyId?: string;
}

export class BotOpenIdServer extends LoopbackServer {
  readonly appId = '7a5b2c1d-0000-4000-8000-00000000b071';
  readonly issuer = 'https://api.botframework.test';
  private readonly key = new TestSigningKey('bf-test-key');

  protected handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: this.issuer, jwks_uri: `${this.url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      res.end(JSON.stringify(this.key.jwks({ endorsements: ['msteams'] })));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  }

  /** the environment that turns on Bot Framework authentication against this stand-in */
  env(): Record<string, string> {
    return {
      BOT_ID: this.appId,
      // Only needed for replies, which these tests never send; a fresh random value each run.
      BOT_PASSWORD: randomBytes(16).toString('hex'),
      BOT_APP_TYPE: 'MultiTenant',
      BOT_OPENID_METADATA_URL: `${this.url}/v1/.well-known/openidconfiguration`,
      BOT_TOKEN_ISSUER: this.issuer,
    };
  }

  token(options: BotTokenOptions): string {
    return this.key.sign(
      { serviceurl: options.serviceUrl },
      {
        audience: options.audience ?? this.appId,
        issuer: options.issuer ?? this.issuer,
        expiresIn: options.expiresInSeconds ?? 3600,
        ...(options.keyId ? { keyid: options.keyId } : {}),
      },
      options.foreignKey,
    );
  }
}

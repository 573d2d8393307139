/**
 * A stand-in for the Bot Framework's token metadata (login.botframework.com): an OpenID
 * configuration document pointing at a JWKS whose key is endorsed for the `msteams` channel, and
 * tokens shaped like the ones the Bot Connector sends to a bot (issuer, audience = the bot's app
 * id, `serviceurl` claim). botbuilder is pointed here with BOT_OPENID_METADATA_URL and
 * BOT_TOKEN_ISSUER, and validates exactly as it would against Microsoft.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface BotTokenOptions {
  serviceUrl: string;
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** sign with a key the JWKS does not publish */
  foreignKey?: boolean;
}

export class BotOpenIdServer {
  readonly appId = '7a5b2c1d-0000-4000-8000-00000000b071';
  readonly issuer = 'https://api.botframework.test';
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server: http.Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: this.issuer, jwks_uri: `${this.url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/v1/.well-known/keys') {
        res.end(JSON.stringify({ keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: 'bf-test-key', use: 'sig', endorsements: ['msteams'] }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** the environment that turns on Bot Framework authentication against this stand-in */
  env(): Record<string, string> {
    return {
      BOT_ID: this.appId,
      BOT_PASSWORD: 'inte-en-riktig-hemlighet',
      BOT_APP_TYPE: 'MultiTenant',
      BOT_OPENID_METADATA_URL: `${this.url}/v1/.well-known/openidconfiguration`,
      BOT_TOKEN_ISSUER: this.issuer,
    };
  }

  token(options: BotTokenOptions): string {
    return jwt.sign({ serviceurl: options.serviceUrl }, options.foreignKey ? this.foreign.privateKey : this.key.privateKey, {
      algorithm: 'RS256',
      keyid: 'bf-test-key',
      audience: options.audience ?? this.appId,
      issuer: options.issuer ?? this.issuer,
      expiresIn: options.expiresInSeconds ?? 3600,
    });
  }
}

/**
 * A local stand-in for Entra ID's key endpoint (`/{tenant}/discovery/v2.0/keys`) on loopback, with
 * a signing key, so tests issue real RS256 tokens and the server verifies them over real HTTP.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface TokenOptions {
  oid: string;
  name?: string;
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** sign with a key the JWKS does not publish */
  foreignKey?: boolean;
}

export class EntraTestServer {
  readonly tenantId = '11111111-2222-3333-4444-555555555555';
  readonly clientId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server: http.Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      if (req.url === `/${this.tenantId}/discovery/v2.0/keys`) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] }));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get issuer(): string {
    return `${this.url}/${this.tenantId}/v2.0`;
  }

  /** the environment that points the server at this Entra stand-in */
  env(publicBaseUrl = 'https://protokoll.example.se'): Record<string, string> {
    return {
      ENTRA_CLIENT_ID: this.clientId,
      ENTRA_TENANT_ID: this.tenantId,
      ENTRA_AUTHORITY: this.url,
      PUBLIC_BASE_URL: publicBaseUrl,
    };
  }

  token(options: TokenOptions): string {
    const privateKey: KeyObject = options.foreignKey ? this.foreign.privateKey : this.key.privateKey;
    return jwt.sign(
      { oid: options.oid, name: options.name ?? 'Testperson', tid: this.tenantId, ver: '2.0' },
      privateKey,
      {
        algorithm: 'RS256',
        keyid: 'test-key',
        audience: options.audience ?? `api://protokoll.example.se/${this.clientId}`,
        issuer: options.issuer ?? this.issuer,
        expiresIn: options.expiresInSeconds ?? 3600,
      },
    );
  }
}

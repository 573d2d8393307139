/**
 * A local stand-in for Entra ID's key endpoint (`/{tenant}/discovery/v2.0/keys`) on loopback, with
 * a signing key, so tests issue real RS256 tokens and the server verifies them over real HTTP.
 */
import type http from 'node:http';
import { LoopbackServer, TestSigningKey } from './loopback-server';

export interface TokenOptions {
  oid: string;
  name?: string;
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** sign with a key the JWKS does not publish */
  foreignKey?: boolean;
}

export class EntraTestServer extends LoopbackServer {
  readonly tenantId = '11111111-2222-3333-4444-555555555555';
  readonly clientId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  private readonly key = new TestSigningKey('test-key');

  protected handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.url === `/${this.tenantId}/discovery/v2.0/keys`) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(this.key.jwks({ alg: 'RS256' })));
      return;
    }
    res.statusCode = 404;
    res.end();
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
    return this.key.sign(
      { oid: options.oid, name: options.name ?? 'Testperson', tid: this.tenantId, ver: '2.0' },
      {
        audience: options.audience ?? `api://protokoll.example.se/${this.clientId}`,
        issuer: options.issuer ?? this.issuer,
        expiresIn: options.expiresInSeconds ?? 3600,
      },
      options.foreignKey,
    );
  }
}

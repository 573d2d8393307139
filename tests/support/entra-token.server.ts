/**
 * A loopback stand-in for Entra ID's v2 endpoints that a confidential client uses:
 *   GET  /{tenant}/v2.0/.well-known/openid-configuration   (OpenID discovery)
 *   POST /{tenant}/oauth2/v2.0/token                        (client credentials: secret or certificate)
 *   GET  /{tenant}/discovery/v2.0/keys                      (the keys of the tab's user tokens: userToken)
 * so the real msal-node signs in over real HTTP. Issued tokens are opaque and remembered; the
 * Graph stand-in accepts only those. A certificate's client assertion is verified with its key.
 */
import type http from 'node:http';
import { LoopbackServer, TestSigningKey } from './loopback-server';
import { randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface TokenRequest {
  form: URLSearchParams;
}

export class EntraTokenServer extends LoopbackServer {
  readonly tenantId = '22222222-3333-4444-5555-666666666666';
  readonly clientId = 'bbbbbbbb-cccc-dddd-eeee-ffffffffffff';
  readonly clientSecret = `test-${randomBytes(8).toString('hex')}`;
  /** the public certificate (PEM) whose key signs client assertions, when a certificate is used */
  certificatePem: string | null = null;
  readonly issued = new Set<string>();
  readonly tokenRequests: TokenRequest[] = [];
  /** why sign-ins were refused (for test failure messages) */
  readonly refusals: string[] = [];

  /** signs the tab's user tokens (SSO), published at the tenant's JWKS address */
  private readonly userKey = new TestSigningKey('user-key');

  /** A signed-in member's bearer token for the tab API of a server started with `env(…)` and PUBLIC_BASE_URL. */
  userToken(oid: string, publicBaseUrl = 'https://protokoll.example.se'): string {
    return this.userKey.sign(
      { oid, name: 'Testperson', tid: this.tenantId, ver: '2.0' },
      { audience: `api://${new URL(publicBaseUrl).host}/${this.clientId}`, issuer: `${this.url}/${this.tenantId}/v2.0`, expiresIn: 3600 },
    );
  }

  protected handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => this.answer(req, res, raw));
  }

  get tokenEndpoint(): string {
    return `${this.url}/${this.tenantId}/oauth2/v2.0/token`;
  }

  /** the environment that makes the server sign in here and read Graph at `graphUrl` */
  env(graphUrl: string, credential: 'secret' | { certificatePath: string } = 'secret'): Record<string, string> {
    return {
      ENTRA_CLIENT_ID: this.clientId,
      ENTRA_TENANT_ID: this.tenantId,
      ENTRA_AUTHORITY: this.url,
      GRAPH_BASE_URL: graphUrl,
      ...(credential === 'secret' ? { ENTRA_CLIENT_SECRET: this.clientSecret } : { ENTRA_CERTIFICATE_PATH: credential.certificatePath }),
    };
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const path = new URL(req.url ?? '/', this.url).pathname;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (req.method === 'GET' && path === `/${this.tenantId}/discovery/v2.0/keys`) {
      res.end(JSON.stringify(this.userKey.jwks({ alg: 'RS256' })));
      return;
    }
    if (req.method === 'GET' && path === `/${this.tenantId}/v2.0/.well-known/openid-configuration`) {
      // The fields of https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration
      res.end(JSON.stringify({
        token_endpoint: this.tokenEndpoint,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${this.url}/${this.tenantId}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${this.url}/${this.tenantId}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${this.url}/oidc/userinfo`,
        authorization_endpoint: `${this.url}/${this.tenantId}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${this.url}/${this.tenantId}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${this.url}/${this.tenantId}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid'],
        kerberos_endpoint: `${this.url}/${this.tenantId}/kerberos`,
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
        rbac_url: 'https://pas.windows.net',
      }));
      return;
    }
    if (req.method === 'POST' && path === `/${this.tenantId}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(raw);
      this.tokenRequests.push({ form });
      const problem = this.checkClient(form);
      if (problem) {
        this.refusals.push(problem);
        // Entra ID's error shape (AADSTS7000215 is its "invalid client secret").
        res.statusCode = 401;
        res.end(JSON.stringify({
          error: 'invalid_client', error_description: `${problem}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
          error_codes: [7000215], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID(),
        }));
        return;
      }
      const token = randomBytes(24).toString('base64url');
      this.issued.add(token);
      res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token }));
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: 'not_found' }));
  }

  private checkClient(form: URLSearchParams): string | null {
    if (form.get('grant_type') !== 'client_credentials') return 'AADSTS70003: unsupported grant type';
    if (form.get('client_id') !== this.clientId) return 'AADSTS700016: application not found in the directory';
    const assertion = form.get('client_assertion');
    if (assertion) {
      if (!this.certificatePem) return 'AADSTS700027: no certificate registered';
      try {
        // Entra ID allows five minutes of clock skew (MSAL rounds nbf to the nearest second).
        jwt.verify(assertion, this.certificatePem, { algorithms: ['PS256', 'RS256'], audience: this.tokenEndpoint, issuer: this.clientId, subject: this.clientId, clockTolerance: 300 });
        return null;
      } catch (error) {
        return `AADSTS700027: client assertion failed signature validation (${(error as Error).message})`;
      }
    }
    return form.get('client_secret') === this.clientSecret ? null : 'AADSTS7000215: Invalid client secret provided.';
  }
}

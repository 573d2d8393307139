/**
 * The msal-node configuration of Protokoll's app-only (client credentials) sign-in, as a pure
 * function so it can be checked without a tenant.
 *
 * With an https authority (Entra ID, or a national cloud) MSAL discovers the endpoints itself.
 * MSAL refuses any authority that is not https, so a loopback stand-in for Entra ID (tests, local
 * development) is described to it instead: the stand-in's own OpenID configuration, fetched by the
 * caller over real HTTP, is handed over as `authorityMetadata`, the host is declared in
 * `knownAuthorities`/`cloudDiscoveryMetadata` (no instance discovery with Microsoft), and the https
 * authority string is only a name MSAL never contacts. Only loopback hosts get this treatment.
 */
import { X509Certificate } from 'node:crypto';
import type { Configuration } from '@azure/msal-node';

export interface ClientCertificate {
  /** PEM, `-----BEGIN PRIVATE KEY-----` … */
  privateKey: string;
  /** hex SHA-256 thumbprint of the certificate, as registered on the app */
  thumbprintSha256: string;
  /** the public certificate (PEM), sent as x5c so Entra ID can use subject name + issuer auth */
  x5c: string;
}

export interface GraphCredentials {
  clientId: string;
  tenantId: string;
  /** e.g. https://login.microsoftonline.com (no tenant) */
  authority: string;
  clientSecret: string | null;
  certificate: ClientCertificate | null;
}

/** The fields of an OpenID configuration document MSAL reads. */
export interface OpenIdMetadata {
  token_endpoint: string;
  issuer: string;
  authorization_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackAuthority(authority: string): boolean {
  const url = new URL(authority);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

export function openIdConfigurationUrl(credentials: Pick<GraphCredentials, 'authority' | 'tenantId'>): string {
  return `${credentials.authority.replace(/\/+$/, '')}/${credentials.tenantId}/v2.0/.well-known/openid-configuration`;
}

/** The token's audience: `<Graph origin>/.default`, so a national cloud gets its own Graph's tokens. */
export const graphScope = (graphBaseUrl: string) => `${new URL(graphBaseUrl).origin}/.default`;

export function msalConfiguration(credentials: GraphCredentials, discovered: OpenIdMetadata | null = null): Configuration {
  const secretOrCertificate = credentials.certificate
    ? { clientCertificate: { ...credentials.certificate } }
    : { clientSecret: credentials.clientSecret ?? '' };
  const authority = credentials.authority.replace(/\/+$/, '');
  if (!isLoopbackAuthority(authority)) {
    if (!authority.startsWith('https://')) throw new Error(`ENTRA_AUTHORITY must be https (or http on loopback): ${authority}`);
    return { auth: { clientId: credentials.clientId, authority: `${authority}/${credentials.tenantId}`, ...secretOrCertificate } };
  }
  if (!discovered) throw new Error('a loopback authority needs its OpenID configuration');
  const host = new URL(authority).host;
  return {
    auth: {
      clientId: credentials.clientId,
      authority: `https://${host}/${credentials.tenantId}`,
      knownAuthorities: [host],
      authorityMetadata: JSON.stringify(discovered),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: openIdConfigurationUrl(credentials),
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      }),
      ...secretOrCertificate,
    },
  };
}

/** A PEM file holding the private key and the certificate (as exported for Entra ID app credentials). */
export function certificateFromPem(pem: string): ClientCertificate {
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!key || !certificate) throw new Error('the certificate file must contain a private key and a certificate (PEM)');
  return {
    privateKey: key,
    thumbprintSha256: new X509Certificate(certificate).fingerprint256.replace(/:/g, '').toLowerCase(),
    x5c: certificate,
  };
}

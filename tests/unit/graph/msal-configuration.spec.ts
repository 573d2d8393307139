/** The msal-node configuration: Entra ID as is; a loopback stand-in described to MSAL, never contacted as https. */
import { createHash, X509Certificate } from 'node:crypto';
import { certificateFromPem, graphScope, isLoopbackAuthority, msalConfiguration, openIdConfigurationUrl } from '../../../bot/src/graph/msal-configuration';
import { makeTestCertificate } from '../../support/test-certificate';
import fs from 'node:fs';

const base = { clientId: 'app', tenantId: 'tenant-1', clientSecret: 's3cret', certificate: null };
const metadata = { token_endpoint: 'http://127.0.0.1:4000/tenant-1/oauth2/v2.0/token', issuer: 'http://127.0.0.1:4000/tenant-1/v2.0', authorization_endpoint: 'http://127.0.0.1:4000/tenant-1/oauth2/v2.0/authorize', jwks_uri: 'http://127.0.0.1:4000/tenant-1/discovery/v2.0/keys' };

describe('msalConfiguration', () => {
  it('lets MSAL discover Entra ID itself for an https authority', () => {
    expect(msalConfiguration({ ...base, authority: 'https://login.microsoftonline.com/' })).toEqual({
      auth: { clientId: 'app', authority: 'https://login.microsoftonline.com/tenant-1', clientSecret: 's3cret' },
    });
  });

  it('describes a loopback stand-in: metadata, known authority and cloud discovery for its host', () => {
    const config = msalConfiguration({ ...base, authority: 'http://127.0.0.1:4000' }, metadata);
    expect(config.auth).toMatchObject({ authority: 'https://127.0.0.1:4000/tenant-1', knownAuthorities: ['127.0.0.1:4000'], clientSecret: 's3cret' });
    expect(JSON.parse(config.auth.authorityMetadata!)).toEqual(metadata);
    expect(JSON.parse(config.auth.cloudDiscoveryMetadata!).metadata).toEqual([{ preferred_network: '127.0.0.1:4000', preferred_cache: '127.0.0.1:4000', aliases: ['127.0.0.1:4000'] }]);
  });

  it.each([
    ['http://login.example.se', /https/],
    ['http://127.0.0.1:4000', /OpenID configuration/],
  ])('refuses %s without what it needs', (authority, message) => {
    expect(() => msalConfiguration({ ...base, authority })).toThrow(message);
  });

  it('uses the certificate instead of the secret when there is one', () => {
    const certificate = { privateKey: 'KEY', thumbprintSha256: 'ab', x5c: 'CERT' };
    expect(msalConfiguration({ ...base, certificate, authority: 'https://login.microsoftonline.us' }).auth).toEqual({
      clientId: 'app', authority: 'https://login.microsoftonline.us/tenant-1', clientCertificate: certificate,
    });
  });

  it('names the discovery document, the loopback hosts and the Graph scope', () => {
    expect(openIdConfigurationUrl({ authority: 'http://127.0.0.1:4000/', tenantId: 't' })).toBe('http://127.0.0.1:4000/t/v2.0/.well-known/openid-configuration');
    expect([isLoopbackAuthority('http://localhost:1'), isLoopbackAuthority('https://127.0.0.1'), isLoopbackAuthority('http://10.0.0.1')]).toEqual([true, false, false]);
    expect([graphScope('https://graph.microsoft.com'), graphScope('https://graph.microsoft.us/v1.0')]).toEqual(['https://graph.microsoft.com/.default', 'https://graph.microsoft.us/.default']);
  });
});

describe('certificateFromPem', () => {
  it('reads key and certificate and computes the SHA-256 thumbprint Entra ID shows', () => {
    const made = makeTestCertificate();
    try {
      const pem = fs.readFileSync(made.pemPath, 'utf8');
      const certificate = certificateFromPem(pem);
      const der = new X509Certificate(made.certificatePem).raw;
      expect(certificate.thumbprintSha256).toBe(createHash('sha256').update(der).digest('hex'));
      expect(certificate.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(certificate.x5c).toBe(made.certificatePem.trim());
      expect(() => certificateFromPem(made.certificatePem)).toThrow(/private key/);
    } finally {
      fs.rmSync(made.directory, { recursive: true, force: true });
    }
  });
});


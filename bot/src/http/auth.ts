/**
 * Who calls the tab API. With Entra ID configured every call carries the tab's SSO token (an Entra
 * ID v2 access token); it is verified here: signature against the tenant's published keys (JWKS),
 * issuer, audience and expiry. Without Entra ID (local development) every call is the development
 * user, which the server announces loudly at start and the tab shows in a banner.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { EntraConfig } from '../config';
import { DomainError } from '../core/errors';

export interface Caller {
  aadObjectId: string;
  name: string;
  tenantId: string | null;
  /** true only when no Entra ID app is configured */
  developmentUser: boolean;
}

export interface Authenticator {
  authenticate(authorizationHeader: string | undefined): Promise<Caller>;
}

export const DEVELOPMENT_USER: Caller = {
  aadObjectId: '00000000-0000-0000-0000-00000000dev0',
  name: 'Utvecklingsanvändare',
  tenantId: null,
  developmentUser: true,
};

export class DevelopmentAuthenticator implements Authenticator {
  async authenticate(): Promise<Caller> {
    return DEVELOPMENT_USER;
  }
}

const unauthenticated = (message: string) => new DomainError('unauthenticated', message);

const KEYS_UNAVAILABLE = 'Inloggningen kan inte kontrolleras just nu: Microsoft Entra ID svarar inte. Försök igen om en stund.';

/**
 * Keys are cached; an unknown key id triggers one refetch (keys rotate), at most once a minute.
 * The download has a deadline (ENTRA_KEYS_TIMEOUT_MS): a hanging key endpoint answers every caller
 * 503 in Swedish within it, instead of stalling every API call. Concurrent callers share one
 * download, and a failed one is tried again by the next caller rather than waiting a minute.
 */
export class EntraAuthenticator implements Authenticator {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly config: EntraConfig,
    private readonly timeoutMs: number,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get issuer(): string {
    return `${this.config.authority}/${this.config.tenantId}/v2.0`;
  }

  get jwksUrl(): string {
    return `${this.config.authority}/${this.config.tenantId}/discovery/v2.0/keys`;
  }

  async authenticate(header: string | undefined): Promise<Caller> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) throw unauthenticated('Inloggning krävs. Öppna fliken i Teams så att du loggas in automatiskt.');
    const decoded = jwt.decode(token, { complete: true });
    const kid = decoded?.header.kid;
    if (!decoded || !kid) throw unauthenticated('Inloggningstoken kunde inte läsas. Ladda om fliken.');
    const key = await this.key(kid);
    if (!key) throw unauthenticated('Inloggningstoken är signerad med en okänd nyckel.');
    let payload: JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        algorithms: ['RS256'],
        audience: [this.config.audience, this.config.clientId],
        issuer: this.issuer,
        clockTolerance: 60,
      }) as JwtPayload;
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw unauthenticated(expired ? 'Inloggningen har gått ut. Ladda om fliken.' : 'Inloggningstoken är inte giltig för Protokoll.');
    }
    const oid = typeof payload.oid === 'string' ? payload.oid : null;
    if (!oid) throw unauthenticated('Inloggningstoken saknar användar-id.');
    return { aadObjectId: oid, name: String(payload.name ?? payload.preferred_username ?? ''), tenantId: String(payload.tid ?? '') || null, developmentUser: false };
  }

  private async key(kid: string): Promise<KeyObject | undefined> {
    if (!this.keys.has(kid) && (this.refreshing || Date.now() - this.fetchedAt > 60_000)) {
      await (this.refreshing ??= this.refresh().finally(() => (this.refreshing = null)));
    }
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    try {
      // The signal bounds the body as well as the headers: a server that stalls mid-answer is cut off too.
      const res = await this.fetchImpl(this.jwksUrl, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!res.ok) throw new Error(`signing keys: HTTP ${res.status}`);
      const body = (await res.json()) as { keys?: Array<JsonWebKey & { kid?: string }> };
      this.keys = new Map(
        (body.keys ?? []).filter((k) => k.kid && k.kty === 'RSA').map((k) => [k.kid!, createPublicKey({ key: k, format: 'jwk' })]),
      );
      this.fetchedAt = Date.now();
    } catch {
      throw new DomainError('unavailable', KEYS_UNAVAILABLE);
    }
  }
}

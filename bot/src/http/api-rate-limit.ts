/**
 * The per-user limit on the tab API (API_CALLS_PER_MINUTE). Every API route starts by asking the
 * authenticator who calls, so the limit wraps the authenticator: one count per request, keyed by
 * the signed-in user (tenant and Entra object id), after the token is verified, so nobody can use
 * up someone else's allowance. Beyond it: 429 with Retry-After and a Swedish JSON error.
 */
import { RateLimitedError } from '../core/errors';
import type { RateLimiter } from '../core/rate-limit';
import type { Authenticator, Caller } from './auth';

export const tooManyCalls = (perMinute: number, seconds: number): string =>
  `För många anrop från dig: högst ${perMinute} i minuten. Vänta en stund (omkring ${seconds} sekunder) och försök igen.`;

export class RateLimitedAuthenticator implements Authenticator {
  constructor(
    private readonly inner: Authenticator,
    private readonly limiter: RateLimiter,
  ) {}

  async authenticate(authorizationHeader: string | undefined): Promise<Caller> {
    const caller = await this.inner.authenticate(authorizationHeader);
    const decision = this.limiter.take(`${caller.tenantId ?? ''}|${caller.aadObjectId.toLowerCase()}`);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds, tooManyCalls(this.limiter.perMinute, decision.retryAfterSeconds));
    return caller;
  }
}

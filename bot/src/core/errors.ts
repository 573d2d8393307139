/**
 * Domain errors carry a stable code and a Swedish message meant for the user.
 * They are mapped once at the edge: to a chat answer by the bot, to an HTTP status by the API.
 * Anything that is not a DomainError is a bug and is shown to users only as a generic message.
 */
export type DomainErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'too-large'
  | 'locked'
  | 'unavailable'
  | 'rate-limited';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** Swedish, safe to show to the user */
    readonly userMessage: string,
  ) {
    super(`${code}: ${userMessage}`);
    this.name = 'DomainError';
  }
}

/** Too many requests from one caller: the HTTP edge answers 429 with `Retry-After`. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number, userMessage: string) {
    super('rate-limited', userMessage);
    this.name = 'RateLimitedError';
  }
}

export const invalid = (message: string) => new DomainError('invalid-input', message);
export const notFound = (message: string) => new DomainError('not-found', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const locked = (message: string) => new DomainError('locked', message);

/**
 * A Microsoft service (Graph's calendar, its online meetings) could not answer what was asked:
 * `problem` names why for the code that decides whether to tell the secretary, `userMessage` says
 * in Swedish what to do about it.
 */
export class ServiceUnavailable<Problem extends string> extends Error {
  constructor(
    readonly problem: Problem,
    readonly userMessage: string,
    /** technical detail for the log (status, Graph error code, request id); never shown to users */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(`unavailable: ${problem}`);
  }
}

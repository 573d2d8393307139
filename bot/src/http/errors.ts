/** Maps errors to HTTP once, at the edge: `{error: {code, message}}` with a Swedish message, never a stack. */
import type { Response } from 'restify';
import { DomainError, RateLimitedError, type DomainErrorCode } from '../core/errors';

const STATUS: Record<DomainErrorCode, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 409,
  'too-large': 413,
  unavailable: 503,
  'rate-limited': 429,
};

export function sendError(res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status);
  res.json({ error: { code, message } });
}

export function sendDomainError(res: Response, error: unknown): boolean {
  if (!(error instanceof DomainError)) return false;
  if (error instanceof RateLimitedError && !res.headersSent) res.header('Retry-After', String(error.retryAfterSeconds));
  sendError(res, STATUS[error.code], error.code, error.userMessage);
  return true;
}

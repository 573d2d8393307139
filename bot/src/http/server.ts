/**
 * The restify server: JSON-only bodies with a size limit, headers every answer carries, JSON
 * errors and graceful close. Routes are registered by the composition root; this file knows none
 * of them.
 */
import restify, { type Server } from 'restify';
import type { Logger } from '../logger';
import { sendError } from './errors';
import { jsonBodyReader, NOT_JSON, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE } from './json-body';
import { isDatabaseUnavailable } from '../store/database-errors';

/** Teams messages are at most ~100 KB; cards and API bodies far less. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function createHttpServer(logger: Logger): Server {
  const server = restify.createServer({ name: 'protokoll', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.dedupeSlashes());
  // On every answer, errors and unknown paths included: no content sniffing, no full URLs in Referer.
  server.pre((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Not restify's bodyParser: its multipart parser writes uploads to disk before any route runs.
  server.use(jsonBodyReader(MAX_BODY_BYTES));

  server.on('restifyError', (req, res, err, callback) => {
    const status: number = err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, url: req.url }, 'request failed');
    const [code, message] = describeHttpError(status);
    // Replace restify's own body (English, sometimes with internals) with ours.
    err.toJSON = () => ({ error: { code, message } });
    err.toString = () => message;
    return callback();
  });
  server.on('after', (req, res, route, error) => {
    logger.debug({ method: req.method, url: req.url, status: res.statusCode, error: error?.message }, 'request');
  });
  return server;
}

function describeHttpError(status: number): [string, string] {
  switch (status) {
    case 400: return ['invalid-input', NOT_JSON];
    case 404: return ['not-found', 'Adressen finns inte.'];
    case 405: return ['method-not-allowed', 'Metoden stöds inte för den här adressen.'];
    case 413: return ['too-large', TOO_LARGE];
    case 415: return ['unsupported-media-type', UNSUPPORTED_MEDIA_TYPE];
    default:
      return status >= 500
        ? ['internal', 'Ett internt fel inträffade. Försök igen om en stund.']
        : ['invalid-request', 'Begäran kunde inte utföras.'];
  }
}

/** Wraps an async route so a thrown error becomes our JSON error instead of a hanging request. */
export function route(
  logger: Logger,
  handler: (req: restify.Request, res: restify.Response) => Promise<void>,
  onDomainError: (res: restify.Response, error: unknown) => boolean,
): restify.RequestHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (onDomainError(res, error)) return;
      if (isDatabaseUnavailable(error)) {
        logger.error({ err: error, url: req.url }, 'database unavailable');
        sendError(res, 503, 'unavailable', 'Protokoll når inte sin databas just nu. Försök igen om en liten stund.');
        return;
      }
      logger.error({ err: error, url: req.url }, 'route failed');
      sendError(res, 500, 'internal', 'Ett internt fel inträffade. Försök igen om en stund.');
    }
  };
}

/**
 * Stops accepting connections, lets in-flight requests finish (up to graceMs), then closes the
 * rest. Resolves when the listener is closed.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  const http = server.server;
  return new Promise((resolve) => {
    const timer = setTimeout(() => http.closeAllConnections(), graceMs);
    timer.unref();
    http.close(() => {
      clearTimeout(timer);
      resolve();
    });
    http.closeIdleConnections();
  });
}

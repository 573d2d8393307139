/**
 * The only request-body reader of the server. Every route takes JSON or nothing, so the body is
 * judged by its headers before a byte of it is read: another content type, a charset other than
 * UTF-8 or a compressed body is 415, a declared length over the limit is 413, and a body that runs
 * past the limit while arriving (chunked, no length) is 413 as soon as it does. Nothing is kept
 * but the JSON text in memory: no multipart parser, no temp files, no decompression.
 */
import type { Request, RequestHandler, Response } from 'restify';
import { sendError } from './errors';

export const UNSUPPORTED_MEDIA_TYPE = 'Innehållstypen stöds inte. Skicka JSON (application/json i UTF-8, okomprimerat).';
export const TOO_LARGE = 'Begäran är för stor.';
export const NOT_JSON = 'Begäran kunde inte läsas. Kontrollera att den är giltig JSON.';

export function jsonBodyReader(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req)) {
      req.body = undefined;
      return next();
    }
    if (!acceptable(req)) return refuse(req, res, next, 415, 'unsupported-media-type', UNSUPPORTED_MEDIA_TYPE);
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > maxBytes) return refuse(req, res, next, 413, 'too-large', TOO_LARGE);

    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (handler: () => void) => {
      if (finished) return;
      finished = true;
      handler();
    };
    req.on('data', (chunk: Buffer) => {
      if (finished) return; // the rest of a refused body is read and dropped
      received += chunk.length;
      if (received > maxBytes) {
        chunks.length = 0;
        finish(() => refuse(req, res, next, 413, 'too-large', TOO_LARGE));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () =>
      finish(() => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text.trim() === '') {
          req.body = undefined;
          return next();
        }
        try {
          req.body = JSON.parse(text);
        } catch {
          return refuse(req, res, next, 400, 'invalid-input', NOT_JSON);
        }
        next();
      }),
    );
    // A client that goes away mid-body gets no answer; the chain stops here.
    req.once('aborted', () => finish(() => next(false)));
    req.once('error', () => finish(() => next(false)));
  };
}

/** A body is announced by a non-zero length or by a transfer encoding (chunked, no length). */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  return Number(req.headers['content-length'] ?? 0) !== 0;
}

/** `application/json`, optionally `; charset=utf-8`, with no content encoding. */
function acceptable(req: Request): boolean {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') return false;
  const [type, ...parameters] = (req.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((s) => s.trim());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"' || value === 'utf8';
  });
}

function refuse(req: Request, res: Response, next: (value?: false) => void, status: number, code: string, message: string): void {
  // Whatever is still on its way is read and dropped by Node, never parsed or stored.
  req.resume();
  sendError(res, status, code, message);
  next(false);
}

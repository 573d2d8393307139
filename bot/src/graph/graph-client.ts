/**
 * Microsoft Graph over the official SDK (@microsoft/microsoft-graph-client) with our own middleware
 * chain: the app's bearer token (only for GRAPH_BASE_URL's origin) → the SDK's RetryHandler, which
 * retries 429, 503 and 504 honouring Retry-After → a deadline per attempt (GRAPH_TIMEOUT_MS) → fetch. Every failure comes out as a
 * GraphAccessError; a body that is not what Graph documents counts as `malformed`, never as data.
 *
 *   get(path, headers) → the JSON object at path
 *   getAllPages(path, headers) → every `value` entry, following @odata.nextLink (capped)
 *   getDeltaRound(path, headers) → the same for a delta query, and the round's @odata.deltaLink
 *   put(path, body, headers) / post(path, body, headers) → the JSON object answered (a driveItem, an upload session)
 *   putToUploadSession(uploadUrl, bytes, range) → a chunk of a large upload, to the session's own URL
 */
import { Client, GraphError, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware, type AccessTokenSource } from './bearer-token.middleware';
import { GraphAccessError, problemOfStatus } from './graph-errors';
import { TimeoutMiddleware } from './timeout.middleware';

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com (no version) */
  baseUrl: string;
  tokens: AccessTokenSource;
  /** seconds to wait before a retry when the answer has no Retry-After (default 3, the SDK's) */
  retryDelaySeconds?: number;
  /** retries of a throttled or unavailable request (default 3) */
  maxRetries?: number;
  /** milliseconds each attempt may take before it counts as unavailable (default 30 000) */
  timeoutMs?: number;
}

/** A calendar view of a busy group spans a few pages; a runaway nextLink chain must end somewhere. */
const MAX_PAGES = 50;
const VERSION = 'v1.0';

export class GraphClient {
  private readonly client: Client;
  private readonly baseUrl: string;
  private readonly tokens: AccessTokenSource;
  private readonly timeoutMs: number;

  constructor(options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    const bearer = new BearerTokenMiddleware(options.tokens, this.baseUrl);
    const retry = new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 3));
    const deadline = new TimeoutMiddleware(this.timeoutMs);
    bearer.setNext(retry);
    retry.setNext(deadline);
    deadline.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({ middleware: bearer, baseUrl: this.baseUrl, defaultVersion: VERSION });
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const body = await this.send(path, headers);
    if (!isObject(body)) throw new GraphAccessError('malformed', 200, null, `GET ${path}: the body is not a JSON object`);
    return body;
  }

  async getAllPages(path: string, headers: Record<string, string> = {}): Promise<unknown[]> {
    const values: unknown[] = [];
    for await (const body of this.pages(path, headers)) values.push(...(body.value as unknown[]));
    return values;
  }

  /**
   * One round of a delta query: every page (@odata.nextLink), until the page that ends the round
   * with @odata.deltaLink, returned as a path under our base URL like the nextLinks.
   */
  async getDeltaRound(path: string, headers: Record<string, string> = {}): Promise<{ values: unknown[]; deltaLink: string }> {
    const values: unknown[] = [];
    let last: Record<string, unknown> = {};
    for await (const body of this.pages(path, headers)) {
      values.push(...(body.value as unknown[]));
      last = body;
    }
    const deltaLink = this.relativeNextLink(last['@odata.deltaLink'], path);
    if (deltaLink === null) throw new GraphAccessError('malformed', 200, null, `GET ${path}: neither @odata.nextLink nor @odata.deltaLink`);
    return { values, deltaLink };
  }

  /** Each page of a collection from `path` on, following @odata.nextLink; every page has a `value` array. */
  private async *pages(path: string, headers: Record<string, string>): AsyncGenerator<Record<string, unknown>> {
    let next: string | null = path;
    for (let page = 0; next !== null; page++) {
      if (page === MAX_PAGES) throw new GraphAccessError('malformed', 200, null, `GET ${path}: more than ${MAX_PAGES} pages`);
      const body = await this.get(next, headers);
      if (!Array.isArray(body.value)) throw new GraphAccessError('malformed', 200, null, `GET ${path}: no "value" array`);
      yield body;
      next = this.relativeNextLink(body['@odata.nextLink'], path);
    }
  }

  async put(path: string, body: Buffer | Record<string, unknown>, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
    return this.object('PUT', path, await this.send(path, headers, (request) => request.put(body)));
  }

  async post(path: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
    return this.object('POST', path, await this.send(path, headers, (request) => request.post(body)));
  }

  /**
   * One chunk of an upload session. The session's uploadUrl is pre-authorised and lives on another
   * host (SharePoint): it gets no bearer token, and the SDK (which only parses https URLs as
   * absolute) is not needed for a plain PUT. Returns the status (202 more expected, 200/201 done)
   * and the JSON answer.
   */
  async putToUploadSession(uploadUrl: string, bytes: Buffer, from: number, total: number): Promise<{ status: number; body: Record<string, unknown> }> {
    const range = `bytes ${from}-${from + bytes.length - 1}/${total}`;
    let response: Response;
    let body: unknown;
    try {
      // fetch sets Content-Length from the body itself; the deadline covers the answer's body too.
      response = await fetch(uploadUrl, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-range': range }, signal: AbortSignal.timeout(this.timeoutMs) });
      body = await response.json().catch((error: unknown) => {
        if ((error as Error | undefined)?.name === 'TimeoutError') throw error;
        return null;
      });
    } catch (error) {
      throw new GraphAccessError('unavailable', null, null, `PUT upload session (${range}): ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) {
      const graphError = isObject(body) && isObject(body.error) ? body.error : {};
      const code = typeof graphError.code === 'string' ? graphError.code : null;
      throw new GraphAccessError(problemOfStatus(response.status), response.status, code, `PUT upload session (${range}): ${String(graphError.message ?? response.statusText)}`);
    }
    if (!isObject(body)) throw new GraphAccessError('malformed', response.status, null, `PUT upload session (${range}): the body is not a JSON object`);
    return { status: response.status, body };
  }

  private object(method: string, path: string, body: unknown): Record<string, unknown> {
    if (!isObject(body)) throw new GraphAccessError('malformed', 200, null, `${method} ${path}: the body is not a JSON object`);
    return body;
  }

  private async send(path: string, headers: Record<string, string>, call: (request: GraphRequest) => Promise<unknown> = (request) => request.get()): Promise<unknown> {
    // Signing in first (MSAL answers from its cache afterwards, so the middleware's call is free): a
    // sign-in failure thrown inside the SDK's chain would come out as an anonymous network error.
    await this.tokens.accessToken();
    try {
      return await call(this.client.api(path).headers(headers));
    } catch (error) {
      throw toAccessError(error, path);
    }
  }

  /**
   * The SDK only parses absolute https links itself; nextLinks are made relative to our base URL
   * (which may be a national cloud or a loopback stand-in), and a link to any other origin is
   * refused rather than followed with our token.
   */
  private relativeNextLink(nextLink: unknown, path: string): string | null {
    if (nextLink === undefined || nextLink === null) return null;
    const prefix = `${this.baseUrl}/${VERSION}/`;
    if (typeof nextLink !== 'string' || !nextLink.startsWith(prefix)) {
      throw new GraphAccessError('malformed', 200, null, `GET ${path}: a link outside ${this.baseUrl}`);
    }
    return `/${nextLink.slice(prefix.length)}`;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function toAccessError(error: unknown, path: string): GraphAccessError {
  if (error instanceof GraphAccessError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode;
    // A 2xx whose body could not be parsed (the SDK reports it with the response's status).
    if (status >= 200 && status < 300) return new GraphAccessError('malformed', status, error.code, `GET ${path}: ${error.message}`, error.requestId);
    if (status <= 0) return new GraphAccessError('unavailable', null, error.code, error.message);
    return new GraphAccessError(problemOfStatus(status), status, error.code, error.message, error.requestId);
  }
  return new GraphAccessError('unavailable', null, null, error instanceof Error ? error.message : String(error));
}

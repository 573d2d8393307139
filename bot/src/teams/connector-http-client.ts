/**
 * The HTTP client botbuilder's ConnectorClient sends through (replies, card updates, new channel
 * posts, member look-ups), with a deadline on every request (BOT_CONNECTOR_TIMEOUT_MS).
 *
 * botbuilder's default client waits for ever on a Bot Connector that accepts the connection and
 * never answers: the turn, and the /api/messages request Teams is waiting on, would hang with it.
 * The connector factory replaces any request policies we could add, so the documented way in is
 * the client options' `httpClient` (ConfigurationBotFrameworkAuthentication's
 * connectorClientOptions), which every ConnectorClient the adapter creates uses. This one is
 * Node's fetch with an abort signal that covers the answer's body as well.
 *
 * The timeout error carries no system error code on purpose: the pipeline's retry policy retries
 * refused and reset connections, but a server that does not answer in time is not asked again
 * and again while Teams waits. Protokoll only makes JSON calls, so bodies are read as text.
 */
import type { ConnectorClientOptions } from 'botframework-connector';

type CompatHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<CompatHttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<CompatHttpClient['sendRequest']>>;
type HeadersLike = CompatResponse['headers'];

export class BotConnectorTimeoutError extends Error {
  constructor(method: string, url: string, timeoutMs: number) {
    super(`Bot Connector did not answer ${method} ${new URL(url).origin} within ${timeoutMs} ms`);
    this.name = 'BotConnectorTimeoutError';
  }
}

export function connectorHttpClient(timeoutMs: number): CompatHttpClient {
  return {
    async sendRequest(request: WebResource): Promise<CompatResponse> {
      const deadline = AbortSignal.timeout(timeoutMs);
      // The pipeline's own signal may be an AbortSignalLike rather than Node's AbortSignal: follow it by its event.
      const controller = new AbortController();
      const abort = () => controller.abort();
      deadline.addEventListener('abort', abort);
      if (request.abortSignal?.aborted) abort();
      request.abortSignal?.addEventListener('abort', abort);
      const signal = controller.signal;
      const headers: Record<string, string> = {};
      for (const header of request.headers.headersArray()) headers[header.name] = header.value;
      try {
        const response = await fetch(request.url, { method: request.method, headers, body: request.body as BodyInit | null | undefined, signal });
        const bodyAsText = await response.text();
        const answered: Record<string, string> = {};
        response.headers.forEach((value, name) => (answered[name] = value));
        return { request, status: response.status, headers: new ResponseHeaders(answered), bodyAsText };
      } catch (error) {
        if (deadline.aborted) throw new BotConnectorTimeoutError(request.method, request.url, timeoutMs);
        throw error;
      } finally {
        deadline.removeEventListener('abort', abort);
        request.abortSignal?.removeEventListener('abort', abort);
      }
    },
  };
}

/** The header collection the compat layer expects of a response (names are case-insensitive). */
class ResponseHeaders implements HeadersLike {
  private readonly map = new Map<string, { name: string; value: string }>();

  constructor(raw: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(raw)) this.set(name, value);
  }

  set(name: string, value: string | number): void {
    this.map.set(name.toLowerCase(), { name, value: String(value) });
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.value;
  }
  contains(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  remove(name: string): boolean {
    return this.map.delete(name.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson();
  }
  headersArray(): Array<{ name: string; value: string }> {
    return [...this.map.values()];
  }
  headerNames(): string[] {
    return this.headersArray().map((h) => h.name);
  }
  headerValues(): string[] {
    return this.headersArray().map((h) => h.value);
  }
  clone(): ResponseHeaders {
    return new ResponseHeaders(this.toJson({ preserveCase: true }));
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const json: Record<string, string> = {};
    for (const [key, header] of this.map) json[options.preserveCase ? header.name : key] = header.value;
    return json;
  }
}

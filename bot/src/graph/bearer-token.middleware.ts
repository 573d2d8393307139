/**
 * The Graph SDK's middleware that puts the app's access token on each request. It replaces the
 * SDK's AuthenticationHandler, which only recognises Microsoft's own https hosts: Protokoll talks
 * to the configured GRAPH_BASE_URL (a national cloud, or a Graph stand-in on loopback in tests),
 * and sends the token only there — never to another origin such as an upload URL on SharePoint.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export interface AccessTokenSource {
  accessToken(): Promise<string>;
}

export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly origin: string;

  constructor(private readonly tokens: AccessTokenSource, graphBaseUrl: string) {
    this.origin = new URL(graphBaseUrl).origin;
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      const token = await this.tokens.accessToken();
      const options = (context.options ??= {});
      const headers: Record<string, string> = {};
      new Headers(options.headers as HeadersInit | undefined).forEach((value, name) => (headers[name] = value));
      headers.authorization = `Bearer ${token}`;
      options.headers = headers;
    }
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

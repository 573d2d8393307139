/**
 * Which Bot Connectors the bot answers. An activity names the `serviceUrl` the bot posts its
 * replies to; without Bot Framework authentication nobody vouches for that URL, so anyone who
 * reaches /api/messages could make the server post to any address. Then only loopback (the
 * Agents Playground, tests) and the prefixes in ALLOWED_SERVICE_URLS are answered. With
 * authentication the token's `serviceurl` claim vouches for it; a configured list still narrows it.
 */
export class ServiceUrlPolicy {
  private readonly prefixes: URL[];

  constructor(
    allowed: readonly string[],
    /** the token's serviceurl claim is checked (BOT_ID is set) */
    private readonly vouchedByToken: boolean,
  ) {
    this.prefixes = allowed.map((entry) => new URL(entry));
  }

  allows(serviceUrl: unknown): boolean {
    const url = parseServiceUrl(serviceUrl);
    if (!url) return false;
    if (isLoopback(url.hostname)) return true;
    if (this.prefixes.length === 0) return this.vouchedByToken;
    return this.prefixes.some((prefix) => matchesPrefix(url, prefix));
  }
}

function parseServiceUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url;
  } catch {
    return null;
  }
}

/** `localhost`, 127.0.0.0/8 and ::1 (as the URL parser writes them, e.g. `127.1` → `127.0.0.1`). */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(hostname);
}

/** Same scheme, host and port; the path starts with the prefix's path, segment by segment. */
function matchesPrefix(url: URL, prefix: URL): boolean {
  if (url.protocol !== prefix.protocol || url.host !== prefix.host) return false;
  const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);
  return withSlash(url.pathname).startsWith(withSlash(prefix.pathname));
}

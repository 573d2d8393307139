/**
 * A Server-Sent Events reader over fetch, for tests of GET /api/meetings/{id}/live: it sends the
 * headers a browser's reconnect sends (Last-Event-ID) and the bearer token EventSource cannot,
 * collects every event in arrival order with its arrival time, and can drop the connection.
 */
export interface SseEvent {
  id: string | null;
  event: string;
  data: any;
  receivedAt: number;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  /** comment lines (keep-alives) received */
  comments = 0;
  status = 0;
  private readonly controller = new AbortController();
  private waiters: Array<() => void> = [];
  private done: Promise<void> = Promise.resolve();

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: client.controller.signal });
    client.status = res.status;
    if (res.status !== 200 || !res.body) {
      client.body = await res.text();
      return client;
    }
    client.done = client.read(res.body).catch(() => undefined);
    return client;
  }

  /** the body of a refused request */
  body = '';

  /** the first event after `from` (an index into `events`) that matches, or a failure after `timeoutMs` */
  async next(match: (event: SseEvent) => boolean = () => true, timeoutMs = 5000, from = 0): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => [e.id, e.event]))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 25);
      });
    }
  }

  get lastId(): string | null {
    return this.events.at(-1)?.id ?? null;
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.take(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private take(block: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'id') id = value;
      else if (name === 'event') event = value;
      else if (name === 'data') data.push(value);
      else continue;
      fields += 1;
    }
    if (fields === 0 || data.length === 0) return;
    this.events.push({ id, event, data: JSON.parse(data.join('\n')), receivedAt: Date.now() });
    for (const wake of this.waiters.splice(0)) wake();
  }
}

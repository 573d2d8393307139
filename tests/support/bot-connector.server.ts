/**
 * A Bot Connector on loopback speaking the Bot Framework REST protocol (v3/conversations …), so the
 * real botbuilder CloudAdapter sends its replies over real HTTP and tests read what users would see.
 */
import type http from 'node:http';
import { LoopbackServer } from './loopback-server';
import { randomUUID } from 'node:crypto';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId: string | null;
  body: any;
  authorization: string | undefined;
  /** the activity id this connector answered with (what the bot later updates) */
  responseId: string | null;
  /** when the request reached this connector (performance.now()) */
  receivedAt: number;
}

export class BotConnectorServer extends LoopbackServer {
  readonly calls: ConnectorCall[] = [];
  /** milliseconds to wait before answering (to keep a bot turn in flight) */
  delayMs = 0;
  private created = 0;
  /**
   * team (or chat) id → its members, answered on GET /v3/conversations/{id}/members/{user id or
   * Entra object id} and GET /v3/conversations/{id}/pagedmembers
   */
  readonly teamMembers = new Map<string, Array<{ id: string; name: string; aadObjectId: string; email?: string; userPrincipalName?: string }>>();
  private waiters: Array<() => void> = [];

  /** Replies and posts (not typing indicators), in order. */
  get messages(): any[] {
    return this.calls.filter((c) => c.method !== 'GET' && c.body?.type === 'message').map((c) => c.body);
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Resolves once at least `count` messages arrived (the adapter sends replies before it answers the turn). */
  async waitForMessages(count: number, timeoutMs = 5000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.messages;
  }

  protected handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const receivedAt = performance.now();
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = url.pathname.match(/\/v3\/conversations(?:\/([^/]+))?(?:\/activities(?:\/([^/]+))?)?/);
      const body = raw ? JSON.parse(raw) : null;
      this.calls.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        conversationId: match?.[1] ? decodeURIComponent(match[1]) : '',
        activityId: match?.[2] ? decodeURIComponent(match[2]) : null,
        body,
        authorization: req.headers.authorization,
        responseId: null,
        receivedAt,
      });
      const call = this.calls.at(-1)!;
      this.waiters.splice(0).forEach((wake) => wake());
      if (this.delayMs > 0) setTimeout(() => this.answer(req, res, match, body, call), this.delayMs);
      else this.answer(req, res, match, body, call);
    });
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, match: RegExpMatchArray | null, body: any, call: ConnectorCall): void {
    res.setHeader('content-type', 'application/json');
    if (!match) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 'NotFound', message: 'unknown path' } }));
      return;
    }
    const member = req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname.match(/\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/);
    const paged = req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname.match(/\/v3\/conversations\/([^/]+)\/pagedmembers$/);
    if (paged) {
      res.end(JSON.stringify({ members: this.teamMembers.get(decodeURIComponent(paged[1]!)) ?? [] }));
      return;
    }
    if (member) {
      const [teamId, userId] = [decodeURIComponent(member[1]!), decodeURIComponent(member[2]!)];
      const found = this.teamMembers.get(teamId)?.find((m) => m.id === userId || m.aadObjectId === userId);
      res.statusCode = found ? 200 : 404;
      res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFoundInConversation', message: 'The member is not part of the conversation.' } }));
      return;
    }
    if (req.method === 'POST' && !match[1]) {
      // create conversation (a new post in a channel): as in Teams, the new thread is named after
      // its first post's activity id
      const activityId = String(Date.now() * 1000 + (this.created++ % 1000));
      call.responseId = activityId;
      res.end(JSON.stringify({ id: `${body?.channelData?.channel?.id ?? 'conv'};messageid=${activityId}`, activityId }));
      return;
    }
    call.responseId = match[2] && req.method === 'PUT' ? match[2] : randomUUID();
    res.end(JSON.stringify({ id: call.responseId }));
  }
}

/**
 * POST /api/messages: the Bot Connector's endpoint. The adapter decides (token, activity,
 * serviceUrl, turn); this route only maps its answer and its refusals to HTTP, so every refusal
 * is the same `{error: {code, message}}` body as the rest of the server, never a stack.
 */
import type { Server } from 'restify';
import type { Logger } from '../logger';
import { sendDomainError } from './errors';
import { route } from './server';

/** The parsed JSON body and the Authorization header in; the status (and an invoke's body) out. */
export type ReceiveActivity = (body: unknown, authorization: string) => Promise<{ status: number; body?: unknown }>;

export function registerMessagesRoute(server: Server, deps: { logger: Logger; receive: ReceiveActivity }): void {
  server.post('/api/messages', route(deps.logger, async (req, res) => {
    const answer = await deps.receive(req.body, req.header('authorization') ?? '');
    res.status(answer.status);
    if (answer.body !== undefined) res.send(answer.body);
    res.end();
  }, sendDomainError));
}

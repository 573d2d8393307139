/**
 * The tab's HTTP API (INTERFACES.md). Each route: authenticate → use case → JSON. Errors are
 * mapped once (errors.ts): a Swedish message, never a stack trace.
 */
import type { Request, Response, Server } from 'restify';
import type { Repositories } from '../core/ports';
import { invalid } from '../core/errors';
import { changeActionStatus, listMeetings, visibleGroups, type Viewer } from '../core/use-cases/tab-queries';
import { actionOwners, listActions, type ActionListQuery } from '../core/use-cases/action-list';
import { searchAllDecisions, searchGroupDecisions, type DecisionRegisterQuery } from '../core/use-cases/decision-register';
import { meetingOfChat } from '../core/use-cases/chat-meeting';
import { stockholmDate } from '../core/swedish-time';
import { isUuid } from '../core/validators';
import type { Logger } from '../logger';
import { viewerOf, type ViewerDeps } from './viewer';
import { sendDomainError } from './errors';
import { route } from './server';

export interface ApiDeps extends ViewerDeps {
  logger: Logger;
  now?: () => Date;
}

/** Ids come from the URL: anything that is not a UUID cannot exist (and must not reach SQL as one). */
export function uuidParam(req: Request, name: string): string {
  const value = String(req.params?.[name] ?? '');
  if (!isUuid(value)) throw invalid(`Ogiltigt id i adressen (${name}).`);
  return value;
}

export function registerApiRoutes(server: Server, deps: ApiDeps): void {
  const now = deps.now ?? (() => new Date());
  const read = <T>(work: (repos: Repositories) => Promise<T>) => deps.uow.read(work);
  const callerOf = (req: Request): Promise<Viewer> => viewerOf(req, deps);
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => route(deps.logger, fn, sendDomainError);

  server.get('/api/me', handle(async (req, res) => {
    const caller = await deps.authenticator.authenticate(req.header('authorization'));
    res.json({ name: caller.name, developmentUser: caller.developmentUser });
  }));

  server.get('/api/groups', handle(async (req, res) => {
    const viewer = await callerOf(req);
    const groups = await read((repos) => visibleGroups(repos, viewer));
    res.json(groups.map((g) => ({ id: g.id, name: g.name, decidingBody: g.decidingBody })));
  }));

  /** `status`, `owner`, `limit` and `cursor` as the query string gives them; the use case checks each. */
  const actionQuery = (req: Request): ActionListQuery => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    return { status: query.status, owner: query.owner, limit: query.limit, cursor: query.cursor };
  };

  server.get('/api/groups/:groupId/actions', handle(async (req, res) => {
    const viewer = await callerOf(req);
    const groupId = uuidParam(req, 'groupId');
    const today = stockholmDate(now().toISOString());
    res.json(await read((repos) => listActions(repos, viewer, groupId, actionQuery(req), today)));
  }));

  server.get('/api/groups/:groupId/owners', handle(async (req, res) => {
    const viewer = await callerOf(req);
    const groupId = uuidParam(req, 'groupId');
    res.json(await read((repos) => actionOwners(repos, viewer, groupId)));
  }));

  server.patch('/api/actions/:actionId', handle(async (req, res) => {
    const viewer = await callerOf(req);
    const actionId = uuidParam(req, 'actionId');
    const body = (req.body ?? {}) as { status?: unknown; version?: unknown };
    if (typeof req.body !== 'object' || req.body === null) throw invalid('Skicka JSON: {"status": "done", "version": 1}.');
    res.json(await read((repos) => changeActionStatus(repos, viewer, actionId, body.status, body.version)));
  }));

  /** `q`, `limit` and `cursor` as the query string gives them; the use case checks each. */
  const registerQuery = (req: Request): DecisionRegisterQuery => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    return { q: query.q, limit: query.limit, cursor: query.cursor, sort: query.sort };
  };

  server.get('/api/groups/:groupId/decisions', handle(async (req, res) => {
    const viewer = await callerOf(req);
    const groupId = uuidParam(req, 'groupId');
    res.json(await read((repos) => searchGroupDecisions(repos, viewer, groupId, registerQuery(req))));
  }));

  server.get('/api/decisions', handle(async (req, res) => {
    const viewer = await callerOf(req);
    res.json(await read((repos) => searchAllDecisions(repos, viewer, registerQuery(req))));
  }));

  /**
   * The meeting side panel's meeting, from the meeting chat Teams says it is opened in (`chat.id`).
   * The chat id goes in the query string: as a path segment it could outgrow the router's limit.
   */
  server.get('/api/meetings/by-chat', handle(async (req, res) => {
    const viewer = await callerOf(req);
    const chat = ((req.query ?? {}) as Record<string, unknown>).chat;
    const chatId = typeof chat === 'string' ? chat : '';
    res.json(await read((repos) => meetingOfChat(repos, viewer, chatId)));
  }));

  server.get('/api/groups/:groupId/meetings', handle(async (req, res) => {
    const viewer = await callerOf(req);
    const groupId = uuidParam(req, 'groupId');
    const query = (req.query ?? {}) as Record<string, unknown>;
    res.json(await read((repos) => listMeetings(repos, viewer, groupId, { limit: query.limit, cursor: query.cursor })));
  }));
}

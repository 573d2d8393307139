/**
 * `GET /api/meetings/{meetingId}/live`: the meeting as it is being recorded, as Server-Sent Events,
 * for the meeting side panel. Whoever may read the group may follow it (the tab's rule, 404 for
 * anyone else, checked before the stream opens and again for every event).
 *
 *   event `snapshot` on connect, `update` after every change; `id` is the meeting's change number
 *   and `data` the whole live view (it is small), so an event never depends on an earlier one.
 *
 * A reconnect sends `Last-Event-ID` (EventSource does; the panel's own reader too): when the meeting
 * has not changed since, nothing is resent; otherwise the current view with the current number, so
 * nothing is missed. Changes come from the database's notification (store/meeting-change-feed.ts),
 * so a command handled by another server instance reaches this stream as well. Comment lines keep
 * the connection open through proxies that drop idle ones.
 */
import type { Request, Response, Server } from 'restify';
import type { MeetingChangeFeed } from '../core/ports';
import { DomainError } from '../core/errors';
import { liveMeetingView, type LiveSnapshot } from '../core/use-cases/live-view';
import type { Viewer } from '../core/use-cases/tab-queries';
import type { Logger } from '../logger';
import { viewerOf, type ViewerDeps } from './viewer';
import { sendDomainError } from './errors';
import { route } from './server';
import { uuidParam } from './api.routes';

export interface LiveRouteDeps extends ViewerDeps {
  logger: Logger;
  feed: MeetingChangeFeed;
  /** between comment lines on a quiet stream (default 15 s) */
  keepAliveMs?: number;
  now?: () => Date;
}

/** The open streams of this server instance, so that stopping the server can end them. */
export interface LiveStreams {
  open(): number;
  closeAll(): void;
}

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2000;

export function registerLiveRoute(server: Server, deps: LiveRouteDeps): LiveStreams {
  const now = deps.now ?? (() => new Date());
  const keepAliveMs = deps.keepAliveMs ?? 15_000;
  const streams = new Set<() => void>();

  server.get('/api/meetings/:meetingId/live', route(deps.logger, async (req, res) => {
    const viewer = await viewerOf(req, deps);
    const meetingId = uuidParam(req, 'meetingId');
    const read = () => deps.uow.read((repos) => liveMeetingView(repos, viewer, meetingId, now().toISOString()));
    // Read before the stream opens: a caller who may not read the group gets a plain 404.
    const first = await read();
    openStream(req, res, { viewer, meetingId, first, read });
  }, sendDomainError));

  function openStream(req: Request, res: Response, stream: { viewer: Viewer; meetingId: string; first: LiveSnapshot; read: () => Promise<LiveSnapshot> }): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // App Service and nginx-like proxies buffer responses unless told not to.
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    let sent = lastEventId(req);
    let closed = false;
    const send = (event: 'snapshot' | 'update', snapshot: LiveSnapshot) => {
      sent = snapshot.change;
      res.write(`id: ${snapshot.change}\nevent: ${event}\ndata: ${JSON.stringify(snapshot.view)}\n\n`);
    };
    if (stream.first.change !== sent) send('snapshot', stream.first);

    // One read at a time; changes arriving meanwhile are covered by one more read after it.
    let reading = false;
    let again = false;
    const refresh = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const snapshot = await stream.read();
          if (closed) return;
          if (snapshot.change !== sent) send('update', snapshot);
        } while (again && !closed);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not-found') {
          close(); // no longer allowed to read the group (or the meeting is gone)
          return;
        }
        // The next change (or the browser's reconnect) tries again.
        deps.logger.warn({ err: error, meetingId: stream.meetingId }, 'live view could not be read');
      } finally {
        reading = false;
      }
    };
    const onChange = () => {
      refresh().catch(() => undefined);
    };
    const unsubscribe = deps.feed.subscribe(stream.meetingId, onChange);
    const keepAlive = setInterval(() => res.write(': håller anslutningen öppen\n\n'), keepAliveMs);
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(keepAlive);
      streams.delete(close);
      res.end();
    };
    streams.add(close);
    // The response's close, not the request's: a GET's request closes as soon as it has been read.
    res.on('close', close);
    // A change committed between the first read and the subscription would otherwise wait for the next one.
    onChange();
  }

  return {
    open: () => streams.size,
    closeAll: () => {
      for (const close of [...streams]) close();
    },
  };
}

/** `Last-Event-ID` as the browser sends it on a reconnect (or `lastEventId` in the query): a change number, else null. */
function lastEventId(req: Request): number | null {
  const raw = req.header('last-event-id') ?? String((req.query as Record<string, unknown> | undefined)?.lastEventId ?? '');
  return /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

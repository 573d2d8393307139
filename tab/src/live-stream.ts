/**
 * Follows GET /api/meetings/{id}/live. Not EventSource: it cannot send the SSO token in a header.
 * fetch reads the same Server-Sent Events, and on a dropped connection this reconnects after the
 * server's `retry` with `Last-Event-ID`, so the server resends the view only if it changed meanwhile.
 * A refusal (401, 403, 404) ends it: reconnecting would not change the answer.
 */
import type { LiveMeetingView } from './api';
import { api, ApiError, authHeaders } from './api';

export interface LiveHandlers {
  view(view: LiveMeetingView, change: number): void;
  /** `live`: connected; `lost`: reconnecting */
  connection(state: 'live' | 'lost'): void;
  refused(message: string): void;
}

export function followMeeting(meetingId: string, handlers: LiveHandlers): { stop(): void } {
  const controller = new AbortController();
  let lastId: string | null = null;
  let retryMs = 2000;

  const connectOnce = async (): Promise<'again' | 'stop'> => {
    const headers = await authHeaders({ accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) });
    const res = await fetch(api.liveUrl(meetingId), { headers, signal: controller.signal, cache: 'no-store' });
    if (res.status === 401 || res.status === 403 || res.status === 404) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new ApiError(res.status, body?.error?.message ?? 'Mötet kan inte visas.');
    }
    if (!res.ok || !res.body) return 'again';
    handlers.connection('live');
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'again';
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        take(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  };

  const take = (block: string) => {
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    }
    if (id !== null) lastId = id;
    if (data.length) handlers.view(JSON.parse(data.join('\n')) as LiveMeetingView, Number(lastId));
  };

  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        if ((await connectOnce()) === 'stop') return;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError) {
          handlers.refused(error.message);
          return;
        }
      }
      if (controller.signal.aborted) return;
      handlers.connection('lost');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void run();
  return { stop: () => controller.abort() };
}

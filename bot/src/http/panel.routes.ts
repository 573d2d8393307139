/**
 * Recording from the meeting side panel: `nästa`, `anteckning`, `beslut`, `åtgärd` as forms.
 *
 *   POST /api/meetings/{id}/next       {requestId}
 *   POST /api/meetings/{id}/notes      {requestId, text}
 *   POST /api/meetings/{id}/decisions  {requestId, clause}
 *   POST /api/meetings/{id}/actions    {requestId, text, owner?, dueDate?}
 *
 * → 200 {text, warning, duplicate}: the chat command's own Swedish answer. The rules are the core's
 * (core/use-cases/panel-recording.ts); what others must see (a new draft version's card) goes out
 * through the notifier once the transaction has committed, as after a chat command.
 */
import type { Request, Response, Server } from 'restify';
import type { Notifier, ProtokollDocuments } from '../core/ports';
import { invalid } from '../core/errors';
import { panelCommand, recordFromPanel } from '../core/use-cases/panel-recording';
import type { Logger } from '../logger';
import { viewerOf, type ViewerDeps } from './viewer';
import { sendDomainError } from './errors';
import { route } from './server';
import { uuidParam } from './api.routes';

export interface PanelRouteDeps extends ViewerDeps {
  logger: Logger;
  documents: ProtokollDocuments;
  notifier: Notifier;
  now?: () => Date;
}

const PATHS = { next: 'next', notes: 'note', decisions: 'decision', actions: 'action' } as const;

export function registerPanelRoutes(server: Server, deps: PanelRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  for (const [path, kind] of Object.entries(PATHS)) {
    server.post(`/api/meetings/:meetingId/${path}`, route(deps.logger, async (req: Request, res: Response) => {
      const viewer = await viewerOf(req, deps);
      const meetingId = uuidParam(req, 'meetingId');
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw invalid('Skicka JSON med requestId och formulärets fält.');
      const body = req.body as Record<string, unknown>;
      const answer = await recordFromPanel(deps.uow, deps.documents, {
        viewer, meetingId, requestId: body.requestId, command: panelCommand(kind, body), at: now().toISOString(),
      });
      if (!answer.duplicate) for (const event of answer.events) await deps.notifier.deliver(event);
      res.json({ text: answer.text, warning: answer.duplicate ? null : answer.warning, duplicate: answer.duplicate });
    }, sendDomainError));
  }
}

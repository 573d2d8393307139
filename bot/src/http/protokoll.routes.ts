/** The protokoll of a meeting as structured JSON, as a Word document and as one HTML page. */
import type { Request, Response, Server } from 'restify';
import type { MeetingStatus } from '../core/model';
import { authorisedMeetingGroup } from '../core/use-cases/tab-queries';
import { loadMeetingRecord } from '../core/use-cases/meeting-record';
import { toProtokollDocument } from '../documents/protokoll.mapping';
import type { ProtokollDocument } from '../documents/protokoll.model';
import { renderDocx } from '../documents/protokoll.docx';
import { renderHtml } from '../documents/protokoll.html';
import type { Logger } from '../logger';
import { viewerOf, type ViewerDeps } from './viewer';
import { sendDomainError } from './errors';
import { route } from './server';
import { uuidParam } from './api.routes';

export interface ProtokollRouteDeps extends ViewerDeps {
  logger: Logger;
  now?: () => Date;
}

const documentStatus = (status: MeetingStatus): ProtokollDocument['status'] =>
  status === 'justerat' ? 'justerat' : status === 'justering' ? 'justering' : 'utkast';

export function registerProtokollRoutes(server: Server, deps: ProtokollRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => route(deps.logger, fn, sendDomainError);

  const documentFor = async (req: Request): Promise<ProtokollDocument> => {
    const viewer = await viewerOf(req, deps);
    const meetingId = uuidParam(req, 'meetingId');
    const at = now().toISOString();
    const record = await deps.uow.read(async (repos) => {
      const group = await authorisedMeetingGroup(repos, viewer, meetingId);
      return loadMeetingRecord(repos, group, meetingId, at);
    });
    return toProtokollDocument(record, { status: documentStatus(record.meeting.status), version: 1, renderedAt: record.meeting.endedAt ?? at });
  };

  const finalBytes = async (meetingId: string): Promise<Buffer | null> => {
    return deps.uow.read(async (repos) => {
      const latest = await repos.documents.latest(meetingId);
      return latest?.final ? repos.documents.bytes(meetingId, latest.id) : null;
    });
  };

  server.get('/api/meetings/:meetingId/protokoll', handle(async (req, res) => {
    res.json(await documentFor(req));
  }));

  server.get('/api/meetings/:meetingId/protokoll.html', handle(async (req, res) => {
    const html = renderHtml(await documentFor(req));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
    res.end(html);
  }));

  server.get('/api/meetings/:meetingId/protokoll.docx', handle(async (req, res) => {
    const doc = await documentFor(req);
    // A locked protokoll is served as the exact bytes stored when it was locked, never re-rendered.
    const stored = doc.status === 'justerat' ? await finalBytes(uuidParam(req, 'meetingId')) : null;
    const bytes = stored ?? (await renderDocx(doc));
    const filename = `${doc.kind} ${doc.bodyName} ${doc.date}.docx`;
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="protokoll-${doc.date}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'content-length': bytes.length,
    });
    res.end(bytes);
  }));
}

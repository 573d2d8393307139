/**
 * The protokoll of a meeting as structured JSON, as a Word document and as one HTML page. During
 * justering and after the lock they are the stored version the approval card names: the .docx is
 * its exact bytes, and all three carry its number, status and SHA-256 (see served-protokoll.ts).
 */
import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { contentMatches, servedProtokoll, servedVersion, type ServedProtokoll, type ServedVersion } from '../core/use-cases/served-protokoll';
import { toProtokollDocument } from '../documents/protokoll.mapping';
import type { ProtokollDocument } from '../documents/protokoll.model';
import { protokollDocuments } from '../documents/protokoll.documents';
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

/** `GET …/protokoll`: the document model, and the stored version it is (null while the meeting runs). */
export type ProtokollJson = ProtokollDocument & { storedVersion: ServedVersion | null };

/** Response headers naming the stored version served (none for a live document). */
export const VERSION_HEADER = 'protokoll-version';
export const SHA256_HEADER = 'protokoll-sha256';
export const STATUS_HEADER = 'protokoll-status';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function versionHeaders(version: ServedVersion | null): Record<string, string> {
  if (!version) return {};
  return { [VERSION_HEADER]: String(version.number), [SHA256_HEADER]: version.sha256, [STATUS_HEADER]: version.status };
}

export function registerProtokollRoutes(server: Server, deps: ProtokollRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => route(deps.logger, fn, sendDomainError);

  const served = async (req: Request, bytes: boolean): Promise<{ doc: ProtokollDocument; version: ServedVersion | null; served: ServedProtokoll }> => {
    const viewer = await viewerOf(req, deps);
    const meetingId = uuidParam(req, 'meetingId');
    const found = await deps.uow.read((repos) => servedProtokoll(repos, viewer, meetingId, now().toISOString(), { bytes }));
    if (!contentMatches(found, protokollDocuments.contentDigest)) {
      // The draft rule versions every printed change at once, so this should not happen; the stored
      // bytes are still what is served, but the page rendered from the live record may differ.
      deps.logger.warn({ meetingId, version: found.stored?.version }, 'the live record no longer prints what the stored version prints');
    }
    return { doc: toProtokollDocument(found.record, found.render), version: found.stored ? servedVersion(found.stored) : null, served: found };
  };

  server.get('/api/meetings/:meetingId/protokoll', handle(async (req, res) => {
    const { doc, version } = await served(req, false);
    const body: ProtokollJson = { ...doc, storedVersion: version };
    res.header('cache-control', 'no-cache');
    res.json(body);
  }));

  server.get('/api/meetings/:meetingId/protokoll.html', handle(async (req, res) => {
    const { doc, version } = await served(req, false);
    const html = renderHtml(doc, version ? { sha256: version.sha256 } : undefined);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      'cache-control': 'no-cache',
      ...versionHeaders(version),
    });
    res.end(html);
  }));

  server.get('/api/meetings/:meetingId/protokoll.docx', handle(async (req, res) => {
    const { doc, version, served: found } = await served(req, true);
    // Stored: the exact bytes the approvers approve (or approved); rendered only while none exists.
    const bytes = found.bytes ?? (await renderDocx(doc));
    const filename = `${doc.kind} ${doc.bodyName} ${doc.date}.docx`;
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="protokoll-${doc.date}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'content-length': bytes.length,
      etag: `"${version?.sha256 ?? sha256(bytes)}"`,
      'cache-control': 'no-cache',
      ...versionHeaders(version),
    });
    res.end(bytes);
  }));
}

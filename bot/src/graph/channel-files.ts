/**
 * Files in a Teams channel's folder (its SharePoint document library), app-only with
 * Files.ReadWrite.All:
 *   GET /teams/{team}/channels/{channel}/filesFolder            → the folder's driveItem (driveId in parentReference)
 *   PUT /drives/{drive}/items/{folder}:/{name}:/content          → files up to 4 MB in one request
 *   POST …:/{name}:/createUploadSession + PUT chunks to uploadUrl → larger files
 * An existing file of the same name is replaced: each version has its own name, so only a retried
 * upload of the same version meets its own earlier copy.
 */
import type { GraphClient } from './graph-client';
import { GraphAccessError } from './graph-errors';

/** Graph's limit for a single-request upload. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Upload session chunks must be multiples of 320 KiB; ten of them stay well under the 60 MiB cap. */
const CHUNK_UNIT = 320 * 1024;

export interface ChannelFilesOptions {
  /** bytes up to which one PUT is used (default 4 MB); tests lower it to exercise upload sessions */
  simpleUploadLimit?: number;
  /** upload session chunk size, a multiple of 320 KiB (default 10 × 320 KiB) */
  chunkSize?: number;
}

export interface ChannelPlace {
  /** the team's Microsoft 365 group id */
  teamGraphId: string;
  /** `19:…@thread.tacv2` */
  channelId: string;
}

export class ChannelFiles {
  private readonly simpleUploadLimit: number;
  private readonly chunkSize: number;

  constructor(private readonly graph: GraphClient, options: ChannelFilesOptions = {}) {
    this.simpleUploadLimit = options.simpleUploadLimit ?? SIMPLE_UPLOAD_LIMIT;
    this.chunkSize = options.chunkSize ?? 10 * CHUNK_UNIT;
    if (this.chunkSize % CHUNK_UNIT !== 0) throw new Error('chunkSize must be a multiple of 320 KiB');
  }

  /** Uploads `bytes` as `fileName` into the channel's folder; returns the file's webUrl. */
  async upload(place: ChannelPlace, fileName: string, bytes: Buffer): Promise<{ webUrl: string }> {
    const folder = await this.graph.get(`/teams/${encodeURIComponent(place.teamGraphId)}/channels/${encodeURIComponent(place.channelId)}/filesFolder`);
    const driveId = (folder.parentReference as { driveId?: unknown } | undefined)?.driveId;
    if (typeof folder.id !== 'string' || typeof driveId !== 'string') throw new GraphAccessError('malformed', 200, null, 'filesFolder without id or parentReference.driveId');
    const target = `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(folder.id)}:/${encodeURIComponent(fileName)}:`;
    const item = bytes.length <= this.simpleUploadLimit
      ? await this.graph.put(`${target}/content?@microsoft.graph.conflictBehavior=replace`, bytes, { 'Content-Type': DOCX })
      : await this.uploadInChunks(target, bytes);
    if (typeof item.webUrl !== 'string') throw new GraphAccessError('malformed', 200, null, `uploaded ${fileName}: no webUrl in the driveItem`);
    return { webUrl: item.webUrl };
  }

  private async uploadInChunks(target: string, bytes: Buffer): Promise<Record<string, unknown>> {
    const session = await this.graph.post(`${target}/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'replace' } });
    if (typeof session.uploadUrl !== 'string') throw new GraphAccessError('malformed', 200, null, 'upload session without uploadUrl');
    for (let from = 0; from < bytes.length; from += this.chunkSize) {
      const chunk = bytes.subarray(from, Math.min(from + this.chunkSize, bytes.length));
      const answer = await this.graph.putToUploadSession(session.uploadUrl, chunk, from, bytes.length);
      // 202 asks for more; 200/201 carries the finished driveItem (only after the last byte).
      if (answer.status !== 202) return answer.body;
    }
    throw new GraphAccessError('malformed', 202, null, 'upload session did not finish after the last chunk');
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

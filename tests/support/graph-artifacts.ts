/**
 * The after-meeting part of the Graph stand-in (tests/support/graph.server.ts), in Graph's documented
 * shapes (samples in tests/fixtures/graph, see its README):
 *   GET  /v1.0/users/{userId}/onlineMeetings?$filter=JoinWebUrl eq '…'                 (graph-online-meetings.ts)
 *   GET  /v1.0/users/{userId}/onlineMeetings/{id}/attendanceReports                   (meetingattendancereport-list.md)
 *   GET  …/attendanceReports/{reportId}/attendanceRecords                              (attendancerecord-list.md)
 *   GET  /v1.0/teams/{team}/channels/{channel}/filesFolder                             (channel-get-filesfolder.md)
 *   PUT  /v1.0/drives/{drive}/items/{parent}:/{name}:/content                          (driveitem-put-content.md)
 *   POST /v1.0/drives/{drive}/items/{parent}:/{name}:/createUploadSession              (driveitem-createuploadsession.md)
 *   PUT  /upload/{session} with Content-Range, no token (the session URL is pre-authorised)
 */
import { graphFixture } from './graph.server';
import { GraphOnlineMeetings } from './graph-online-meetings';

type Send = (status: number, body: unknown) => void;

export interface StoredFile {
  name: string;
  bytes: Buffer;
  webUrl: string;
  /** 'simple' or 'session' */
  via: string;
}

const SIMPLE_LIMIT = 4 * 1024 * 1024;

export class GraphArtifacts {
  /** online meetings by organizer and join link, and the Teams application access policy */
  readonly onlineMeetings = new GraphOnlineMeetings();
  /** online meeting id → its sessions' reports, each with its records (Graph's attendanceRecord shape) */
  readonly reports = new Map<string, Array<{ id: string; meetingStartDateTime: string; meetingEndDateTime: string; records: any[] }>>();
  /** `${team}|${channel}` → whether the channel has a files folder */
  readonly channels = new Set<string>();
  readonly files: StoredFile[] = [];
  private readonly sessions = new Map<string, { name: string; total: number; parts: Buffer[] }>();
  private nextSession = 1;

  constructor(private readonly baseUrl: () => string) {}

  addOnlineMeeting(userId: string, joinWebUrl: string): string {
    return this.onlineMeetings.add({ organizerId: userId, joinWebUrl });
  }

  addChannel(teamGraphId: string, channelId: string): void {
    this.channels.add(`${teamGraphId}|${channelId}`);
  }

  /** Upload session chunk PUTs, answered without a token. */
  handleUpload(method: string, path: string, contentRange: string | undefined, body: Buffer, send: Send): boolean {
    const match = /^\/upload\/([^/]+)$/.exec(path);
    if (!match || method !== 'PUT') return false;
    const session = this.sessions.get(match[1]!);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange ?? '');
    if (!session || !range) return send(400, { error: { code: 'invalidRequest', message: 'Invalid Content-Range header or session.' } }), true;
    const received = session.parts.reduce((n, p) => n + p.length, 0);
    if (Number(range[1]) !== received || Number(range[2]) - Number(range[1]) + 1 !== body.length || Number(range[3]) !== session.total) {
      return send(416, { error: { code: 'invalidRange', message: `The uploaded fragment does not start at ${received}.` } }), true;
    }
    session.parts.push(body);
    if (received + body.length < session.total) {
      const next = graphFixture('uploadsession-next-range.json');
      next.nextExpectedRanges = [`${received + body.length}-`];
      return send(202, next), true;
    }
    this.sessions.delete(match[1]!);
    return send(201, this.store(session.name, Buffer.concat(session.parts), 'session')), true;
  }

  handle(method: string, path: string, url: URL, body: Buffer, send: Send): boolean {
    let m: RegExpExecArray | null;
    if (this.onlineMeetings.handle(method, path, url, send)) return true;
    if (method === 'GET' && (m = /^\/v1\.0\/users\/[^/]+\/onlineMeetings\/([^/]+)\/attendanceReports$/.exec(path))) {
      const reports = this.reports.get(m[1]!);
      if (!reports) return send(404, { error: { code: 'NotFound', message: 'The attendance report is not available yet.' } }), true;
      return send(200, { ...graphFixture('attendancereports-list.json'), value: reports.map(({ records: _r, ...r }) => ({ ...r, totalParticipantCount: _r.length, attendanceRecords: [] })) }), true;
    }
    if (method === 'GET' && (m = /^\/v1\.0\/users\/[^/]+\/onlineMeetings\/([^/]+)\/attendanceReports\/([^/]+)\/attendanceRecords$/.exec(path))) {
      const report = this.reports.get(m[1]!)?.find((r) => r.id === m![2]);
      if (!report) return send(404, { error: { code: 'NotFound', message: 'Attendance report not found.' } }), true;
      return send(200, { ...graphFixture('attendancerecords-list.json'), value: report.records }), true;
    }
    if (method === 'GET' && (m = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/filesFolder$/.exec(path))) {
      if (!this.channels.has(`${m[1]}|${m[2]}`)) return send(404, { error: { code: 'NotFound', message: 'No team found with Group Id ' + m[1] } }), true;
      return send(200, graphFixture('channel-filesfolder.json')), true;
    }
    const folder = graphFixture('channel-filesfolder.json');
    const target = /^\/v1\.0\/drives\/([^/]+)\/items\/([^/:]+):\/(.+):\/(content|createUploadSession)$/.exec(path);
    if (!target) return false;
    if (target[1] !== folder.parentReference.driveId || target[2] !== folder.id) return send(404, { error: { code: 'itemNotFound', message: 'The resource could not be found.' } }), true;
    const name = target[3]!;
    if (method === 'PUT' && target[4] === 'content') {
      if (body.length > SIMPLE_LIMIT) return send(413, { error: { code: 'requestTooLarge', message: 'Use an upload session for files over 4 MB.' } }), true;
      return send(201, this.store(name, body, 'simple')), true;
    }
    if (method === 'POST' && target[4] === 'createUploadSession') {
      const id = `s${this.nextSession++}`;
      this.sessions.set(id, { name, total: Number.NaN, parts: [] });
      const created = graphFixture('uploadsession-created.json');
      created.uploadUrl = `${this.baseUrl()}/upload/${id}`;
      return send(200, created), true;
    }
    return false;
  }

  /** The first chunk tells the session its size (Graph learns it from Content-Range too). */
  sizeSessions(path: string, contentRange: string | undefined): void {
    const id = /^\/upload\/([^/]+)$/.exec(path)?.[1];
    const total = /\/(\d+)$/.exec(contentRange ?? '')?.[1];
    const session = id ? this.sessions.get(id) : undefined;
    if (session && total && Number.isNaN(session.total)) session.total = Number(total);
  }

  private store(name: string, bytes: Buffer, via: string): unknown {
    const folder = graphFixture('channel-filesfolder.json');
    const webUrl = `${folder.webUrl}/${encodeURIComponent(name)}`;
    const existing = this.files.findIndex((f) => f.name === name);
    if (existing >= 0) this.files.splice(existing, 1);
    this.files.push({ name, bytes, webUrl, via });
    return { ...graphFixture('driveitem-uploaded.json'), name, size: bytes.length, webUrl };
  }
}

/**
 * Teams' attendance report through Microsoft Graph, app-only:
 *   GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '…'          → the online meeting
 *   GET /users/{organizer}/onlineMeetings/{id}/attendanceReports             → one report per session
 *   GET …/attendanceReports/{reportId}/attendanceRecords                      → who, and when
 * For a channel meeting the list holds the reports of every meeting in the channel, so only the
 * sessions overlapping this meeting's start and end are read. Reports appear minutes after the
 * meeting: no report yet (404 or none in the window) is `not-yet`, and the caller asks again later.
 * Needs OnlineMeetingArtifact.Read.All and a Teams application access policy covering the organizer.
 */
import type { IsoTime } from '../core/model';
import { ReportUnavailable } from '../core/use-cases/attendance-report';
import type { AttendanceReportSource, ReportLookup, ReportRecord } from '../core/ports';
import { isUuid } from '../core/validators';
import type { GraphClient } from './graph-client';
import { explainGraphFailure, GraphAccessError } from './graph-errors';
import { joinWebUrlFilter } from './online-meeting.source';

/** Sessions starting a little before the meeting was started in Protokoll, or ending a little after, are its own. */
const SLACK_MS = 30 * 60_000;

export class GraphAttendanceReportSource implements AttendanceReportSource {
  constructor(private readonly graph: GraphClient) {}

  async fetch(meeting: { joinUrl: string; organizer: string; startedAt: IsoTime; endedAt: IsoTime }): Promise<ReportLookup> {
    const base = `/users/${encodeURIComponent(meeting.organizer)}/onlineMeetings`;
    try {
      const found = await this.graph.getAllPages(`${base}?$filter=${encodeURIComponent(joinWebUrlFilter(meeting.joinUrl))}`);
      const id = (found[0] as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string') {
        throw new ReportUnavailable('not-found', `Microsoft Graph hittar inte Teams-mötet med organisatören ${meeting.organizer}, så närvarorapporten kan inte läsas. Närvaron i protokollet bygger på Teams händelser under mötet.`);
      }
      const reports = await this.graph.getAllPages(`${base}/${encodeURIComponent(id)}/attendanceReports`).catch((error: unknown) => {
        if (error instanceof GraphAccessError && error.problem === 'not-found') return [];
        throw error;
      });
      const from = Date.parse(meeting.startedAt) - SLACK_MS;
      const to = Date.parse(meeting.endedAt) + SLACK_MS;
      const ours = reports.map(toReport).filter((r) => r.endsAt >= from && r.startsAt <= to);
      if (ours.length === 0) return { kind: 'not-yet' };
      const records: ReportRecord[] = [];
      for (const report of ours) {
        const values = await this.graph.getAllPages(`${base}/${encodeURIComponent(id)}/attendanceReports/${encodeURIComponent(report.id)}/attendanceRecords`);
        records.push(...values.map(toRecord));
      }
      return { kind: 'records', records };
    } catch (error) {
      if (error instanceof ReportUnavailable) throw error;
      const failure = error instanceof MalformedReport ? new GraphAccessError('malformed', 200, null, error.message) : error;
      if (failure instanceof GraphAccessError) throw new ReportUnavailable(failure.problem, explainReportFailure(failure, meeting.organizer), failure.detail);
      throw error;
    }
  }
}

/** Teams requires both the permission and the policy for app-only access, so a 403 names both. */
export function explainReportFailure(error: GraphAccessError, organizer: string): string {
  if (error.problem === 'forbidden') {
    return `Protokoll får inte läsa Teams närvarorapport för mötet (organisatör ${organizer}), så närvaron i protokollet bygger bara på Teams händelser under mötet. En administratör behöver ge appen programbehörigheten OnlineMeetingArtifact.Read.All i Microsoft Graph med administratörsmedgivande, och skapa en åtkomstprincip för program i Teams (New-CsApplicationAccessPolicy) med appens id och tilldela den organisatören eller hela organisationen (Grant-CsApplicationAccessPolicy).`;
  }
  return explainGraphFailure(error, { what: `Teams närvarorapport för mötet (organisatör ${organizer})`, permission: 'OnlineMeetingArtifact.Read.All', policy: 'teams' });
}

class MalformedReport extends Error {}

const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value);

function time(value: unknown, what: string): number {
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new MalformedReport(`${what}: not a time`);
  return at;
}

function toReport(value: unknown): { id: string; startsAt: number; endsAt: number } {
  if (!isObject(value) || typeof value.id !== 'string') throw new MalformedReport('meetingAttendanceReport without id');
  return { id: value.id, startsAt: time(value.meetingStartDateTime, 'meetingStartDateTime'), endsAt: time(value.meetingEndDateTime, 'meetingEndDateTime') };
}

function toRecord(value: unknown): ReportRecord {
  if (!isObject(value) || !isObject(value.identity) || !Array.isArray(value.attendanceIntervals)) throw new MalformedReport('attendanceRecord without identity or attendanceIntervals');
  const { identity } = value;
  const email = typeof value.emailAddress === 'string' && value.emailAddress.includes('@') ? value.emailAddress : null;
  const displayName = typeof identity.displayName === 'string' && identity.displayName.trim() ? identity.displayName.trim() : email ?? 'Okänd deltagare';
  return {
    displayName,
    email,
    // Guests and phone callers have ids that are not Entra object ids of this tenant; only GUIDs are kept.
    aadObjectId: typeof identity.id === 'string' && isUuid(identity.id) ? identity.id : null,
    intervals: value.attendanceIntervals.map((interval: unknown) => {
      if (!isObject(interval)) throw new MalformedReport('attendanceInterval is not an object');
      const joined = time(interval.joinDateTime, 'joinDateTime');
      const left = interval.leaveDateTime === null || interval.leaveDateTime === undefined ? null : time(interval.leaveDateTime, 'leaveDateTime');
      return { joinedAt: new Date(joined).toISOString(), leftAt: left === null ? null : new Date(left).toISOString() };
    }),
  };
}

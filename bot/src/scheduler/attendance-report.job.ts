/**
 * After each meeting: reads Teams' attendance report and reconciles it with the live events (see
 * core/use-cases/attendance-report.ts). Reports appear minutes after the meeting, so every run
 * looks at the meetings that ended in the last day and have no report yet: each is claimed in the
 * database (one conditional UPDATE), and given back when Teams has no report yet, so a later run
 * asks again. A day after the meeting Protokoll gives up and tells the secretary. Access problems
 * (403: permission or Teams access policy) are explained to the secretary once.
 */
import type { IsoTime } from '../core/model';
import type { AttendanceReportSource, CalendarSource, Notifier, ProtokollDocuments, ReportLookup, UnitOfWork } from '../core/ports';
import { formatMeetingTime } from '../core/swedish-time';
import { importAttendanceReport, ReportUnavailable } from '../core/use-cases/attendance-report';
import type { Logger } from '../logger';
import { meetingOrganizer } from './meeting-organizer';

const DAY_MS = 86_400_000;
/** Meetings that ended before this (e.g. before the report import existed) are left alone. */
const LOOK_BACK_MS = 2 * DAY_MS;
/** Problems an administrator must fix; throttling and outages pass and are only logged. */
const TOLD = new Set(['unauthorized', 'forbidden', 'not-found', 'malformed']);

export interface ReportRunReport {
  imported: number;
  waiting: number;
  problems: number;
}

export class AttendanceReportJob {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: AttendanceReportSource,
    private readonly calendars: CalendarSource | null,
    private readonly notifier: Notifier,
    private readonly documents: ProtokollDocuments,
    private readonly logger: Logger,
  ) {}

  async run(now: IsoTime): Promise<ReportRunReport> {
    const result: ReportRunReport = { imported: 0, waiting: 0, problems: 0 };
    const due = await this.uow.read((repos) => repos.artifacts.awaitingReport(new Date(Date.parse(now) - LOOK_BACK_MS).toISOString()));
    for (const { groupId, meetingId } of due) {
      try {
        const outcome = await this.importOne(groupId, meetingId, now);
        if (outcome) result[outcome]++;
      } catch (error) {
        result.problems++;
        this.logger.error({ err: error, groupId, meetingId }, 'attendance report: meeting failed');
        await this.uow.run((repos) => repos.artifacts.releaseReportImport(meetingId, now));
      }
    }
    return result;
  }

  private async importOne(groupId: string, meetingId: string, now: IsoTime): Promise<keyof ReportRunReport | null> {
    const claimed = await this.uow.run(async (repos) => {
      const meeting = await repos.meetings.findById(groupId, meetingId);
      if (!meeting?.endedAt || !meeting.joinUrl || Date.parse(meeting.endedAt) > Date.parse(now)) return null;
      if (!(await repos.artifacts.claimReportImport(meetingId, now))) return null;
      const online = await repos.onlineMeetings.find(groupId, meeting.joinUrl);
      return { meeting, calendar: await repos.calendar.find(groupId), eventId: await repos.calendar.eventOf(meetingId), knownOrganizer: online?.organizerId ?? null };
    });
    if (claimed.duplicate || !claimed.value) return null;
    const { meeting, calendar, eventId, knownOrganizer } = claimed.value;
    const when = formatMeetingTime(meeting.startedAt ?? meeting.startsAt ?? meeting.endedAt!, meeting.endedAt!, '');
    const overdue = Date.parse(now) - Date.parse(meeting.endedAt!) >= DAY_MS;
    let lookup: ReportLookup;
    try {
      // Graph told the organizer when the short join link was looked up (meeting-chat-lookup.ts).
      const organizer = knownOrganizer ?? (await meetingOrganizer(meeting, calendar, eventId, this.calendars));
      if (!organizer) throw new ReportUnavailable('not-found', `Protokoll vet inte vem som organiserade mötet ${when}, så Teams närvarorapport kan inte läsas.`);
      lookup = await this.reports.fetch({ joinUrl: meeting.joinUrl!, organizer, startedAt: meeting.startedAt ?? meeting.startsAt ?? meeting.endedAt!, endedAt: meeting.endedAt! });
    } catch (error) {
      if (!(error instanceof ReportUnavailable)) throw error;
      this.logger[TOLD.has(error.problem) ? 'error' : 'warn']({ groupId, meetingId, problem: error.problem, ...error.detail }, 'attendance report could not be read');
      if (TOLD.has(error.problem) && (await this.uow.read((repos) => repos.artifacts.claimReportProblem(meetingId, error.problem)))) {
        await this.tell(groupId, null, error.userMessage);
      }
      lookup = { kind: 'not-yet' };
      if (!overdue) {
        await this.uow.run((repos) => repos.artifacts.releaseReportImport(meetingId, now));
        return 'problems';
      }
    }
    if (lookup.kind === 'not-yet') {
      if (!overdue) {
        await this.uow.run((repos) => repos.artifacts.releaseReportImport(meetingId, now));
        return 'waiting';
      }
      // Kept claimed: Protokoll stops asking.
      await this.tell(groupId, null, `Teams närvarorapport för mötet ${when} har inte gått att hämta på ett dygn, så närvaron i protokollet bygger bara på Teams händelser under mötet. Kontrollera närvaron i utkastet innan det justeras.`);
      return 'problems';
    }
    const records = lookup.records;
    const outcome = await this.uow.run(async (repos) => {
      const group = await repos.groups.findById(groupId);
      return group ? importAttendanceReport(repos, group, meetingId, records, now, this.documents) : null;
    });
    if (outcome.duplicate || !outcome.value) return null;
    const imported = outcome.value;
    this.logger.info({ groupId, meetingId, records: records.length, changed: imported.changed, version: imported.draft?.version.version }, 'attendance report imported');
    if (imported.draft) {
      await this.notifier.deliver({ type: 'draft-versioned', groupId, meetingId });
      const who = imported.newlyPresent.length ? ` Enligt rapporten var även ${imported.newlyPresent.join(', ')} med.` : '';
      await this.tell(groupId, null, `Närvaron i protokollet för mötet ${when} har stämts av mot Teams närvarorapport.${who} Utkastet är nu version ${imported.draft.version.version}; tidigare justeringar behöver göras om.`);
    }
    return 'imported';
  }

  private async tell(groupId: string, meetingId: string | null, text: string): Promise<void> {
    await this.notifier.deliver({ type: 'secretaries-told', groupId, meetingId, text });
  }
}

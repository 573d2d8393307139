/**
 * The clock of everything that happens between chat messages: for each group with a calendar it
 * finds the next Teams meeting, and at the lead time (AGENDA_LEAD_HOURS) posts the agenda and the
 * RSVP quorum warning; after meetings it imports Teams' attendance report; then it sends due
 * justering reminders. `tick(now)` does one run at the
 * time given (tests move the clock by calling it); `start()` runs it on a real interval timer.
 * Holds no state of its own: every "once" is claimed in the database, so any number of server
 * instances may tick at the same time.
 */
import type { IsoTime } from '../core/model';
import type { UnitOfWork } from '../core/ports';
import { agendaDue } from '../core/use-cases/agenda-from-event';
import type { Logger } from '../logger';
import type { ApprovalReminderJob } from './approval-reminder.job';
import type { AgendaPoster } from './agenda-poster';
import type { CalendarSync } from './calendar-sync';
import type { AttendanceReportJob } from './attendance-report.job';
import type { AgendaTimerJob } from './agenda-timer.job';

export interface TickReport {
  groups: number;
  agendasPosted: number;
  quorumWarnings: number;
  problems: number;
  reminders: number;
  /** meetings whose Teams attendance report was imported in this run */
  reportsImported: number;
  /** items that ran over their planned minutes, told to the chair and the secretary in this run */
  overruns: number;
}

/** The agenda timer is checked more often than the rest: an overrun told minutes late is of little use. */
const AGENDA_TIMER_SECONDS = 30;

export class MeetingScheduler {
  private timer: NodeJS.Timeout | null = null;
  private agendaTimer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly sync: CalendarSync,
    private readonly poster: AgendaPoster,
    private readonly reminders: ApprovalReminderJob,
    private readonly logger: Logger,
    private readonly leadHours: number,
    /** after meetings: Teams' attendance report (absent without Microsoft Graph) */
    private readonly attendanceReports: AttendanceReportJob | null = null,
    /** running meetings' items that ran over their planned minutes */
    private readonly overruns: AgendaTimerJob | null = null,
  ) {}

  async tick(now: IsoTime): Promise<TickReport> {
    const report: TickReport = { groups: 0, agendasPosted: 0, quorumWarnings: 0, problems: 0, reminders: 0, reportsImported: 0, overruns: 0 };
    const links = this.sync.configured ? await this.uow.read((repos) => repos.calendar.listLinks()) : [];
    for (const { groupId, calendar } of links) {
      report.groups++;
      try {
        const prepared = await this.sync.prepare(groupId, calendar, now, false);
        if (prepared.kind === 'problem') report.problems++;
        if (prepared.kind !== 'ready' || !agendaDue(prepared.event, now, this.leadHours)) continue;
        if (await this.poster.postAgenda(prepared, now)) report.agendasPosted++;
        if (await this.poster.warnAboutQuorum(prepared, now)) report.quorumWarnings++;
      } catch (error) {
        // One group's failure (a database hiccup, a bug) never stops the others.
        report.problems++;
        this.logger.error({ err: error, groupId }, 'scheduler: group failed');
      }
    }
    try {
      const reports = await this.attendanceReports?.run(now);
      report.reportsImported = reports?.imported ?? 0;
      report.problems += reports?.problems ?? 0;
    } catch (error) {
      this.logger.error({ err: error }, 'scheduler: attendance reports failed');
    }
    try {
      report.reminders = await this.reminders.run(now);
    } catch (error) {
      this.logger.error({ err: error }, 'scheduler: justering reminders failed');
    }
    report.overruns = await this.checkOverruns(now);
    return report;
  }

  private async checkOverruns(now: IsoTime): Promise<number> {
    try {
      return (await this.overruns?.run(now)) ?? 0;
    } catch (error) {
      this.logger.error({ err: error }, 'scheduler: agenda timer failed');
      return 0;
    }
  }

  /** Runs `tick` every `intervalSeconds` (0: never); a run still going when the next is due is not doubled. */
  start(intervalSeconds: number, clock: () => Date = () => new Date()): void {
    if (intervalSeconds <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick(clock().toISOString())
        .catch((error: unknown) => this.logger.error({ err: error }, 'scheduler tick failed'))
        .finally(() => (this.running = null));
    }, intervalSeconds * 1000);
    this.timer.unref();
    if (this.overruns) {
      let checking = false;
      this.agendaTimer = setInterval(() => {
        if (checking) return;
        checking = true;
        void this.checkOverruns(clock().toISOString()).finally(() => (checking = false));
      }, Math.min(intervalSeconds, AGENDA_TIMER_SECONDS) * 1000);
      this.agendaTimer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.agendaTimer) clearInterval(this.agendaTimer);
    this.timer = null;
    this.agendaTimer = null;
    await this.running;
  }
}

/**
 * The agenda timer's overrun message: for every running meeting whose current item has planned
 * minutes, checks whether the item ran over; if so the chair and the secretary are told, once per
 * item (the notice is claimed in the database, so several server instances tell it once).
 */
import type { IsoTime } from '../core/model';
import type { Notifier, UnitOfWork } from '../core/ports';
import { overrunNotice } from '../core/use-cases/agenda-timer';
import type { Logger } from '../logger';

export class AgendaTimerJob {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** How many overruns were told in this run. */
  async run(now: IsoTime): Promise<number> {
    const candidates = await this.uow.read((repos) => repos.agenda.overrunCandidates());
    let told = 0;
    for (const { groupId, meetingId } of candidates) {
      try {
        const event = await this.uow.read((repos) => overrunNotice(repos, groupId, meetingId, now));
        if (event && (await this.notifier.deliver(event))) told++;
      } catch (error) {
        this.logger.error({ err: error, groupId, meetingId }, 'agenda timer: meeting failed');
      }
    }
    return told;
  }
}

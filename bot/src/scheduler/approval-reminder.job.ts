/**
 * Sends the due justering reminders (see core/use-cases/approval-reminders.ts) through the
 * notifier: under the approval card, @mentioning the approvers who have not approved yet. Runs on
 * the scheduler's clock; `run(now)` takes the time so tests can move it.
 */
import type { Notifier, UnitOfWork } from '../core/ports';
import { dueApprovalReminders } from '../core/use-cases/approval-reminders';
import type { IsoTime } from '../core/model';
import type { Logger } from '../logger';

export class ApprovalReminderJob {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** Returns how many reminders were sent. */
  async run(now: IsoTime): Promise<number> {
    const reminders = await this.uow.read((repos) => dueApprovalReminders(repos, now));
    let sent = 0;
    for (const { groupId, meetingId, text, waiting } of reminders) {
      // Claimed but not delivered: logged by the notifier; the card itself still shows who is waiting.
      if (await this.notifier.deliver({ type: 'approvers-reminded', groupId, meetingId, text, waiting })) sent++;
      else this.logger.warn({ meetingId }, 'justering reminder reached nobody');
    }
    return sent;
  }
}

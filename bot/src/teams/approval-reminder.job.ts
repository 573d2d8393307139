/**
 * Sends the due justering reminders (see core/use-cases/approval-reminders.ts) as a reply under
 * the approval card, @mentioning the approvers who have not approved yet. Runs on the scheduler's
 * clock; `run(now)` takes the time so tests can move it.
 */
import type { UnitOfWork } from '../core/ports';
import { dueApprovalReminders, type ApprovalReminder } from '../core/use-cases/approval-reminders';
import type { IsoTime } from '../core/model';
import type { Logger } from '../logger';
import type { ApprovalCards } from './approval-cards';

export class ApprovalReminderJob {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cards: ApprovalCards,
    private readonly logger: Logger,
  ) {}

  /** Returns how many reminders were sent. */
  async run(now: IsoTime): Promise<number> {
    const reminders = await this.uow.read((repos) => dueApprovalReminders(repos, now));
    let sent = 0;
    for (const reminder of reminders) {
      try {
        if (await this.send(reminder)) sent++;
      } catch (error) {
        // Claimed but not delivered: logged loudly, the card itself still shows who is waiting.
        this.logger.error({ err: error, meetingId: reminder.meetingId }, 'justering reminder could not be posted');
      }
    }
    return sent;
  }

  private async send(reminder: ApprovalReminder): Promise<boolean> {
    const mentions = reminder.waiting.map((m) => ({ id: m.teamsUserId, name: m.name }));
    return this.cards.sayUnderCard(reminder.groupId, reminder.meetingId, { text: reminder.text, mentions }, true);
  }
}

/**
 * The calendar work behind the chat commands (`kalender`, `dagordning`), on the same CalendarSync
 * the scheduler uses: `dagordning` imports the invitation's agenda at once instead of waiting for
 * the lead time, but never posts anything to the meeting chat itself.
 */
import type { CalendarRef } from '../core/calendar';
import type { IsoTime } from '../core/model';
import type { CalendarCommands, UnitOfWork } from '../core/ports';
import type { Logger } from '../logger';
import type { CalendarSync } from './calendar-sync';

export class CalendarCommandsAdapter implements CalendarCommands {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sync: CalendarSync,
    private readonly logger: Logger,
  ) {}

  probe(calendar: CalendarRef, at: IsoTime): Promise<string> {
    return this.sync.probe(calendar, at);
  }

  async prepare(groupId: string, at: IsoTime): Promise<string | null> {
    const calendar = await this.uow.read((repos) => repos.calendar.find(groupId));
    if (!calendar || !this.sync.configured) return null;
    try {
      const prepared = await this.sync.prepare(groupId, calendar, at, true);
      return prepared.kind === 'problem' ? `Dagordningen kunde inte hämtas från kallelsen. ${prepared.error.userMessage}` : null;
    } catch (error) {
      // The agenda as it stands is still worth showing.
      this.logger.error({ err: error, groupId }, 'calendar prepare failed');
      return 'Dagordningen kunde inte hämtas från kallelsen just nu; visar den som den är.';
    }
  }
}

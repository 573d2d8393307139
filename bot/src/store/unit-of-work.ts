/**
 * One transaction per use case, with all repositories bound to it. With an idempotency key the
 * key is inserted first; a key already present means the activity was handled before, so the
 * work is skipped and nothing is recorded twice.
 */
import type { Kysely } from 'kysely';
import type { Repositories, TransactionOutcome, TurnContext, TurnFacts, UnitOfWork } from '../core/ports';
import { readTurnContext } from './turn-context';
import type { Database } from './schema';
import { GroupRepository } from './group.repository';
import { RosterRepository } from './roster.repository';
import { MeetingRepository } from './meeting.repository';
import { AgendaRepository } from './agenda.repository';
import { RecordRepository } from './record.repository';
import { ActionRepository } from './action.repository';
import { DecisionRegisterRepository } from './decision-register.repository';
import { AttendanceRepository } from './attendance.repository';
import { DocumentRepository } from './document.repository';
import { CalendarRepository } from './calendar.repository';
import { ArtifactRepository } from './artifact.repository';
import { OnlineMeetingRepository } from './online-meeting.repository';

/** `openMeetingLockOf`: the group whose open meeting this transaction has locked already (the turn's context took it). */
export function repositoriesFor(db: Kysely<Database>, openMeetingLockOf: string | null = null): Repositories {
  return {
    groups: new GroupRepository(db),
    roster: new RosterRepository(db),
    meetings: new MeetingRepository(db, openMeetingLockOf),
    agenda: new AgendaRepository(db),
    records: new RecordRepository(db),
    actions: new ActionRepository(db),
    decisionRegister: new DecisionRegisterRepository(db),
    attendance: new AttendanceRepository(db),
    documents: new DocumentRepository(db),
    calendar: new CalendarRepository(db),
    artifacts: new ArtifactRepository(db),
    onlineMeetings: new OnlineMeetingRepository(db),
  };
}

export class DatabaseUnitOfWork implements UnitOfWork {
  constructor(private readonly db: Kysely<Database>) {}

  async run<T>(work: (repos: Repositories) => Promise<T>, idempotencyKey?: string): Promise<TransactionOutcome<T>> {
    return this.db.transaction().execute(async (trx) => {
      if (idempotencyKey) {
        const claimed = await trx
          .insertInto('processed_activities')
          .values({ activity_key: idempotencyKey })
          .onConflict((oc) => oc.column('activity_key').doNothing())
          .returning('activity_key')
          .executeTakeFirst();
        if (!claimed) return { duplicate: true } as const;
      }
      return { duplicate: false, value: await work(repositoriesFor(trx)) } as const;
    });
  }

  async runTurn<T>(facts: TurnFacts, work: (repos: Repositories, context: TurnContext) => Promise<T>): Promise<TransactionOutcome<T>> {
    return this.db.transaction().execute(async (trx) => {
      const { claimed, openMeetingLocked, ...context } = await readTurnContext(trx, facts);
      if (!claimed) return { duplicate: true } as const;
      const repos = repositoriesFor(trx, openMeetingLocked && context.group ? context.group.id : null);
      return { duplicate: false, value: await work(repos, context) } as const;
    });
  }

  async read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(repositoriesFor(trx)));
  }
}

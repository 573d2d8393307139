/**
 * Message text → parsed command → its handler → one reply. Domain errors become their Swedish
 * message; a malformed command gets the parser's explanation (and the help card when unknown).
 */
import type { Repositories, UnitOfWork } from '../core/ports';
import { DomainError, invalid } from '../core/errors';
import { parseCommand } from '../core/commands/command.parser';
import type { CommandContext } from '../core/use-cases/command-context';
import type { Logger } from '../logger';
import type { ProtokollRenderer } from '../core/use-cases/approval';
import { resolveGroup } from './group-resolver';
import { learnActorIdentity } from '../core/use-cases/teams-identity';
import type { TurnInfo } from './turn-info';
import { DuplicateActivity, type CalendarCommands, type CommandHandler, type CommandHandlers, type HandlerEnv, type Reply } from './handlers/handler';
import { helpCard } from './handlers/help.handler';
import { isDatabaseUnavailable } from '../store/database-errors';
import { DATABASE_UNAVAILABLE_TEXT, GENERIC_FAILURE_TEXT } from './replies';

export const NO_GROUP_TEXT =
  'Den här chatten är inte kopplad till någon grupp ännu. Skriv `grupp <namn>` för att koppla den (gruppen skapas om den är ny).';

export class CommandDispatcher {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly handlers: CommandHandlers,
    private readonly logger: Logger,
    private readonly documents: { render: ProtokollRenderer; publicBaseUrl: string },
    private readonly calendar?: CalendarCommands,
  ) {}

  /** Returns the reply to send, or null when the activity was a retry of one already handled. */
  async dispatch(text: string, turn: TurnInfo, progress: (text: string) => Promise<void> = async () => undefined): Promise<Reply | null> {
    const parsed = parseCommand(text);
    if (!parsed.ok) {
      return parsed.error.code === 'unknown-command' || parsed.error.code === 'empty'
        ? { text: parsed.error.message, card: helpCard() }
        : { text: parsed.error.message };
    }
    const command = parsed.command;
    const handler = this.handlers[command.kind] as CommandHandler<typeof command.kind>;
    try {
      return await handler(command as never, this.env(turn, progress));
    } catch (error) {
      if (error instanceof DuplicateActivity) {
        this.logger.info({ key: turn.idempotencyKey }, 'duplicate activity ignored');
        return null;
      }
      if (error instanceof DomainError) return { text: error.userMessage };
      if (isDatabaseUnavailable(error)) {
        this.logger.error({ err: error }, 'database unavailable');
        return { text: DATABASE_UNAVAILABLE_TEXT };
      }
      this.logger.error({ err: error, command: command.kind }, 'command failed');
      return { text: GENERIC_FAILURE_TEXT };
    }
  }

  private env(turn: TurnInfo, progress: (text: string) => Promise<void>): HandlerEnv {
    const once = async <T>(work: (repos: Repositories) => Promise<T>): Promise<T> => {
      const outcome = await this.uow.run(work, turn.idempotencyKey ?? undefined);
      if (outcome.duplicate) throw new DuplicateActivity();
      return outcome.value;
    };
    return {
      turn,
      uow: this.uow,
      ...this.documents,
      ...(this.calendar ? { calendar: this.calendar } : {}),
      progress,
      once,
      inGroup: (work) =>
        once(async (repos) => {
          const group = await resolveGroup(repos, turn);
          if (!group) throw invalid(NO_GROUP_TEXT);
          const ctx: CommandContext = { group, actor: turn.actor, at: turn.at };
          await learnActorIdentity(repos, group, { ...turn.actor, teamsUserId: turn.actor.teamsUserId ?? null });
          return work(repos, ctx);
        }),
    };
  }
}

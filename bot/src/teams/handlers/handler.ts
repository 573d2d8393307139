/**
 * The shape of everything that handles a turn. Handlers translate: command (or card data, or
 * Teams event) → use case → reply; the rules live in core/. The turn envelope (turn-envelope.ts)
 * runs each one in one transaction with the activity's idempotency key, for the conversation's
 * group, and applies the draft rule after it.
 */
import type { Command } from '../../core/commands/command';
import type { CalendarCommands, DomainEvent, ProtokollDocuments, Repositories, TeamMembership, UnitOfWork } from '../../core/ports';
import type { CommandContext } from '../../core/use-cases/command-context';
import type { Group } from '../../core/model';
import type { Permission } from '../../core/use-cases/authorization';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import type { TurnInfo } from '../turn-info';

export interface Reply {
  text?: string;
  /** shown before the text, e.g. "⚠️ Mötet är inte beslutsfört …" */
  warning?: string;
  card?: AdaptiveCard;
  /** people @mentioned before the text (Teams user id when known; a name without id is written as text) */
  mentions?: Array<{ id: string | null; name: string }>;
}

/** What a handler answers in the conversation, and what it reports for others to see. */
export interface Outcome extends Reply {
  events?: DomainEvent[];
}

/** What every handler may use outside a transaction. */
export interface TurnServices {
  uow: UnitOfWork;
  documents: ProtokollDocuments;
  /** where links in cards point */
  publicBaseUrl: string;
  /** absent when the server has no calendar source */
  calendar?: CalendarCommands;
  /** a single-tenant bot's own tenant (BOT_TENANT_ID): activities from any other are refused */
  ownTenantId?: string | null;
  /** asks Teams whether someone is a member of a group's team (absent: nobody is vouched for that way) */
  membership?: TeamMembership;
}

/** One turn inside its transaction. */
export interface TurnScope extends TurnServices {
  repos: Repositories;
  turn: TurnInfo;
  /** tells the user that slow work is under way (typing indicator and a short message) */
  progress(text: string): Promise<void>;
}

/** A turn in a conversation bound to a group. */
export interface GroupScope extends TurnScope {
  ctx: CommandContext;
}

/** The turn outside its transaction. */
export interface OutsideScope {
  services: TurnServices;
  group: Group;
  turn: TurnInfo;
}

/** Slow work outside the transaction (Microsoft Graph): before it (its result is given to `run`), and after commit. */
export interface AroundTransaction<C> {
  before?(command: C, scope: OutsideScope): Promise<string | null>;
  after?(command: C, scope: OutsideScope, outcome: Outcome): Promise<Outcome>;
}

export type CommandKind = Command['kind'];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

/**
 * How a command is handled. `group: 'none'` for the few that work in a conversation without a
 * group (help, binding one); every other handler gets the group's scope, once the sender has the
 * permission it declares (core/use-cases/authorization.ts).
 */
export type CommandSpec<K extends CommandKind> = AroundTransaction<CommandOf<K>> &
  (
    | { group: 'required'; permission: Permission; run(command: CommandOf<K>, scope: GroupScope, prepared: string | null): Promise<Outcome> }
    | {
        group: 'none';
        /** slow work before the transaction, without a group (asking Teams); its result is given to `run` */
        prepare?(command: CommandOf<K>, services: TurnServices, turn: TurnInfo): Promise<string | null>;
        run(command: CommandOf<K>, scope: TurnScope, prepared: string | null): Promise<Outcome>;
      }
  );

/** The compiler checks that every command has exactly one handler. */
export type CommandHandlers = { [K in CommandKind]: CommandSpec<K> };

/** A handler of the common kind: in the group, with a permission, inside the transaction only. */
export const inGroup = <K extends CommandKind>(permission: Permission, run: (command: CommandOf<K>, scope: GroupScope) => Promise<Outcome>): CommandSpec<K> => ({
  group: 'required',
  permission,
  run: (command, scope) => run(command, scope),
});

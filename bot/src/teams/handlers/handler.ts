/**
 * The shape every command handler has. Handlers translate: command → use case → reply; the rules
 * live in core/. `env.inGroup` runs the use case in one transaction together with the activity's
 * idempotency key, so a retried activity records nothing twice.
 */
import type { Command } from '../../core/commands/command';
import type { Repositories, UnitOfWork } from '../../core/ports';
import type { CommandContext } from '../../core/use-cases/command-context';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import type { TurnInfo } from '../turn-info';
import type { ApprovalCardRequest } from '../approval-cards';
import type { ProtokollRenderer } from '../../core/use-cases/approval';
import type { CalendarRef } from '../../core/calendar';
import type { IsoTime } from '../../core/model';

/** The calendar side of `kalender` and `dagordning` (see scheduler/calendar-commands.ts). */
export interface CalendarCommands {
  /** what the calendar holds next, or why it cannot be read (Swedish) */
  probe(calendar: CalendarRef, at: IsoTime): Promise<string>;
  /** brings the group's next meeting and its invitation's agenda in; a Swedish warning when that failed */
  prepare(groupId: string, at: IsoTime): Promise<string | null>;
}

export interface Reply {
  text?: string;
  /** shown before the text, e.g. "⚠️ Mötet är inte beslutsfört …" */
  warning?: string;
  card?: AdaptiveCard;
  /** people @mentioned before the text (Teams user id when known; a name without id is written as text) */
  mentions?: Array<{ id: string | null; name: string }>;
  /** the draft's approval card changed: post it, or update it where it was posted (see ApprovalCards) */
  approvalCard?: ApprovalCardRequest;
}

/** Thrown when the activity was handled before: the dispatcher then stays silent. */
export class DuplicateActivity extends Error {
  constructor() {
    super('activity already handled');
  }
}

export interface HandlerEnv {
  turn: TurnInfo;
  uow: UnitOfWork;
  /** renders the protokoll's .docx (drafts and the locked final) */
  render: ProtokollRenderer;
  /** where links in cards point */
  publicBaseUrl: string;
  /** tells the user that slow work is under way (typing indicator and a short message) */
  progress(text: string): Promise<void>;
  /** runs `work` for this conversation's group (a Swedish error when none is bound) */
  inGroup<T>(work: (repos: Repositories, ctx: CommandContext) => Promise<T>): Promise<T>;
  /** runs `work` idempotently without requiring a group (binding, help) */
  once<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** absent when the server has no calendar source */
  calendar?: CalendarCommands;
}

export type CommandKind = Command['kind'];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;
export type CommandHandler<K extends CommandKind> = (command: CommandOf<K>, env: HandlerEnv) => Promise<Reply>;
/** The compiler checks that every command has exactly one handler. */
export type CommandHandlers = { [K in CommandKind]: CommandHandler<K> };

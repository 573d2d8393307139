/**
 * Universal Actions: an `adaptiveCard/action` invoke carries a verb and data. The data is
 * validated, the verb's handler runs in one idempotent transaction, and the answer goes back as the
 * invoke response: a refreshed card, or a message. Errors are Swedish messages, never stacks.
 */
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { UnitOfWork } from '../../core/ports';
import { DomainError, invalid } from '../../core/errors';
import type { CommandContext } from '../../core/use-cases/command-context';
import type { Logger } from '../../logger';
import type { AdaptiveCard } from '../../cards/adaptive-card';
import { resolveGroup } from '../group-resolver';
import { learnActorIdentity } from '../../core/use-cases/teams-identity';
import { turnInfo } from '../turn-info';
import { isVerb, parseVerbData, type Verb } from '../../cards/verbs';
import { NO_GROUP_TEXT } from '../command-dispatcher';
import { isDatabaseUnavailable } from '../../store/database-errors';
import { DATABASE_UNAVAILABLE_TEXT, GENERIC_FAILURE_TEXT } from '../replies';
import type { ApprovalChange, CardActionHandlers, CardActionResult } from './card-action.handlers';

export class CardActionRouter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
    private readonly handlers: CardActionHandlers,
    /** after a committed approval decision: brings the card everyone sees up to date */
    private readonly onApprovalChanged: (change: ApprovalChange) => Promise<void> = async () => undefined,
  ) {}

  async handle(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const value = (context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const verb = value.action?.verb;
    if (!isVerb(verb)) return message('Knappen känns inte igen. Skicka kommandot som text i stället (skriv hjälp).');
    const data = parseVerbData(verb, value.action?.data);
    if (!data) return message('Uppgifterna från kortet är ofullständiga eller ogiltiga. Fyll i fälten och försök igen.');

    const turn = turnInfo(context.activity);
    try {
      const outcome = await this.uow.run(async (repos) => {
        const group = await resolveGroup(repos, turn);
        if (!group) throw invalid(NO_GROUP_TEXT);
        const ctx: CommandContext = { group, actor: turn.actor, at: turn.at };
        await learnActorIdentity(repos, group, { ...turn.actor, teamsUserId: turn.actor.teamsUserId ?? null });
        const handler = this.handlers[verb] as (d: typeof data, r: typeof repos, c: CommandContext) => Promise<CardActionResult>;
        return handler(data, repos, ctx);
      }, turn.idempotencyKey ?? undefined);
      if (outcome.duplicate) return message('Det här är redan registrerat.');
      if (outcome.value.approvalChanged) {
        await this.onApprovalChanged(outcome.value.approvalChanged).catch((error) => this.logger.error({ err: error }, 'approval card sync failed'));
      }
      return toResponse(outcome.value);
    } catch (error) {
      if (error instanceof DomainError) return message(error.userMessage);
      this.logger.error({ err: error, verb }, 'card action failed');
      return message(isDatabaseUnavailable(error) ? DATABASE_UNAVAILABLE_TEXT : GENERIC_FAILURE_TEXT);
    }
  }
}

function toResponse(result: CardActionResult): AdaptiveCardInvokeResponse {
  return 'card' in result ? cardResponse(result.card) : message(result.text);
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as AdaptiveCardInvokeResponse['value'] };
}

function message(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as AdaptiveCardInvokeResponse['value'] };
}

export type { Verb };

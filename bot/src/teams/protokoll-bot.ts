/**
 * The Teams activity handler. It only registers handlers: messages go to the command dispatcher,
 * card actions to the card-action router, meeting and participant events to their handlers.
 */
import {
  TeamsActivityHandler, type Activity, type TurnContext,
} from 'botbuilder';
import type { UnitOfWork } from '../core/ports';
import type { Logger } from '../logger';
import { CommandDispatcher } from './command-dispatcher';
import { commandHandlers } from './handlers';
import { toActivity } from './reply-activity';
import type { ProactiveMessenger } from './proactive';
import { stripBotMention } from './mention';
import { turnInfo } from './turn-info';
import { onInstalled } from './group-resolver';
import { registerMeetingEvents } from './handlers/meeting-events.handler';
import { CardActionRouter } from './card-actions/card-action-router';
import type { ApprovalCards } from './approval-cards';
import { cardActionHandlers } from './card-actions/card-action.handlers';
import type { ProtokollRenderer } from '../core/use-cases/approval';
import type { CalendarCommands } from './handlers/handler';

export interface ProtokollBotDeps {
  logger: Logger;
  uow: UnitOfWork;
  proactive: ProactiveMessenger;
  render: ProtokollRenderer;
  publicBaseUrl: string;
  /** `kalender` and `dagordning` read the group's calendar through it (absent without a calendar source) */
  calendar?: CalendarCommands;
  /** posts the draft's approval card and keeps it up to date */
  approvalCards: ApprovalCards;
}

export class ProtokollBot extends TeamsActivityHandler {
  private readonly dispatcher: CommandDispatcher;
  private readonly cardActions: CardActionRouter;
  private readonly approvalCards: ApprovalCards;

  constructor(private readonly deps: ProtokollBotDeps) {
    super();
    const documents = { render: deps.render, publicBaseUrl: deps.publicBaseUrl };
    this.approvalCards = deps.approvalCards;
    this.dispatcher = new CommandDispatcher(deps.uow, commandHandlers, deps.logger, documents, deps.calendar);
    this.cardActions = new CardActionRouter(deps.uow, deps.logger, cardActionHandlers(documents), async (change) => {
      await this.approvalCards.sync(change.groupId, change.meetingId);
      if (change.changeRequest) await this.approvalCards.tellSecretary(change.groupId, change.meetingId, change.changeRequest);
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    // Teams sends both installationUpdate and conversationUpdate on install: greet once, bind on both.
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.install(context);
      await next();
    });
    registerMeetingEvents(this, { ...deps, approvalCards: this.approvalCards });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const text = stripBotMention(activity.text ?? '', mentionsOf(activity), activity.recipient?.id ?? '');
    const turn = turnInfo(activity);
    const progress = async (message: string) => {
      await context.sendActivities([{ type: 'typing' }, toActivity({ text: message })]);
    };
    const reply = await this.dispatcher.dispatch(text, turn, progress);
    if (!reply) return;
    const { approvalCard, ...answer } = reply;
    if (approvalCard) await this.approvalCards.publish(context, turn, answer, approvalCard);
    else await context.sendActivity(toActivity(answer));
  }

  private async install(context: TurnContext) {
    const turn = turnInfo(context.activity);
    return this.deps.uow.run((repos) => onInstalled(repos, turn), turn.idempotencyKey ?? undefined);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const outcome = await this.install(context);
    if (outcome.duplicate) return;
    const group = outcome.value;
    await context.sendActivity(
      group
        ? `Hej! Jag är Protokoll och skriver protokollet för ${group.name}. Skriv \`@protokoll hjälp\` för att se vad jag kan.`
        : 'Hej! Jag är Protokoll. Skriv `grupp <namn>` för att koppla chatten till en grupp, eller `hjälp` för alla kommandon.',
    );
  }

  /** Universal Actions (Action.Execute) arrive as `adaptiveCard/action` invokes. */
  protected override async onAdaptiveCardInvoke(context: TurnContext): Promise<any> {
    return this.cardActions.handle(context);
  }
}

function mentionsOf(activity: Activity): Array<{ mentionedId: string; text: string }> {
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => ({ mentionedId: String(e.mentioned?.id ?? ''), text: String(e.text ?? '') }));
}


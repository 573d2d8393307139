/**
 * The Teams activity handler. It only registers: messages, card actions and meeting events each
 * become one piece of work for the turn envelope, and its result is answered in Teams.
 */
import {
  TeamsActivityHandler, TeamsInfo, type Activity, type AdaptiveCardInvokeResponse, type TurnContext,
} from 'botbuilder';
import { parseCommand } from '../core/commands/command.parser';
import type { Logger } from '../logger';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { isVerb, parseVerbData, type Verb, type VerbData } from '../cards/verbs';
import { commandHandlers } from './handlers';
import type { CommandKind, CommandOf, CommandSpec, GroupScope, Outcome } from './handlers/handler';
import { helpCard } from './handlers/help.handler';
import { meetingEnded, meetingStarted, participantsMoved } from './handlers/meeting-events.handler';
import { cardActionHandlers, VERB_PERMISSIONS } from './card-actions/card-action.handlers';
import { toActivity } from './reply-activity';
import { stripBotMention } from './mention';
import { turnInfo, type TurnInfo } from './turn-info';
import { onInstalled } from './group-resolver';
import type { TurnEnvelope, TurnResult, TurnWork } from './turn-envelope';
import type { TeamsNotifier } from './teams-notifier';
import type { CommandRateLimit } from './command-rate-limit';

/**
 * The longest message text read, in characters. Teams itself refuses a message of more than about
 * 28 KB, so anything longer was not typed in Teams; it is refused before any parsing.
 */
export const MAX_MESSAGE_LENGTH = 28_000;

export const tooLongMessage = (length: number): string =>
  `Meddelandet är för långt: ${length.toLocaleString('sv-SE')} tecken, men högst ${MAX_MESSAGE_LENGTH.toLocaleString('sv-SE')} tecken läses. Inget sparades; korta texten och skicka den igen.`;

export interface ProtokollBotDeps {
  logger: Logger;
  envelope: TurnEnvelope;
  notifier: TeamsNotifier;
  /** chat commands and card actions per conversation (meeting events and installs are not limited) */
  commandLimit: CommandRateLimit;
}

export class ProtokollBot extends TeamsActivityHandler {
  constructor(private readonly deps: ProtokollBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.install(context, true);
      await next();
    });
    // Teams sends both installationUpdate and conversationUpdate on install: greet once, bind on both.
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.install(context, false);
      await next();
    });
    this.onTeamsMeetingStartEvent(async (meeting, context, next) => {
      await this.meetingEvent(context, meetingStarted(meeting));
      await next();
    });
    this.onTeamsMeetingEndEvent(async (meeting, context, next) => {
      await this.meetingEvent(context, meetingEnded(meeting));
      await next();
    });
    this.onTeamsMeetingParticipantsJoinEvent(async (details, context, next) => {
      await this.meetingEvent(context, participantsMoved('join', details.members ?? []));
      await next();
    });
    this.onTeamsMeetingParticipantsLeaveEvent(async (details, context, next) => {
      await this.meetingEvent(context, participantsMoved('leave', details.members ?? []));
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const limited = this.deps.commandLimit.check(activity);
    if (limited) {
      this.deps.logger.info({ conversationId: activity.conversation?.id, answered: limited.text !== null }, 'command refused: too many in this conversation');
      if (limited.text) await context.sendActivity(toActivity({ text: limited.text }));
      return;
    }
    const raw = typeof activity.text === 'string' ? activity.text : '';
    if (raw.length > MAX_MESSAGE_LENGTH) {
      await context.sendActivity(toActivity({ text: tooLongMessage(raw.length) }));
      return;
    }
    const text = stripBotMention(raw, mentionsOf(activity), activity.recipient?.id ?? '');
    const parsed = parseCommand(text);
    if (!parsed.ok) {
      const unknown = parsed.error.code === 'unknown-command' || parsed.error.code === 'empty';
      await context.sendActivity(toActivity({ text: parsed.error.message, ...(unknown ? { card: helpCard() } : {}) }));
      return;
    }
    const turn = turnInfo(activity);
    const progress = async (message: string) => {
      await context.sendActivities([{ type: 'typing' }, toActivity({ text: message })]);
    };
    const result = await this.deps.envelope.run(turn, commandWork(parsed.command, this.deps.envelope, turn), progress, () => memberEmail(context));
    if (result.kind === 'answered') await this.deps.notifier.answer(context, turn, result.outcome);
    else if (result.kind !== 'duplicate') await context.sendActivity(toActivity({ text: result.text }));
  }

  /** Universal Actions (Action.Execute) arrive as `adaptiveCard/action` invokes; the answer is the invoke response. */
  protected override async onAdaptiveCardInvoke(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    // Teams itself refreshes a card (Universal Actions, `trigger: automatic`) whenever someone listed
    // on it looks at it: that is not a command, and refusing it would show a message instead of the card.
    const automatic = (context.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
    const limited = automatic ? null : this.deps.commandLimit.check(context.activity);
    // A card's button always gets its answer (it shows on the card, not as another chat message).
    if (limited) return message(limited.text ?? 'För många kommandon i den här konversationen just nu. Inget sparades; vänta en stund och försök igen.');
    const value = (context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const verb = value.action?.verb;
    if (!isVerb(verb)) return message('Knappen känns inte igen. Skicka kommandot som text i stället (skriv hjälp).');
    const data = parseVerbData(verb, value.action?.data);
    if (!data) return message('Uppgifterna från kortet är ofullständiga eller ogiltiga. Fyll i fälten och försök igen.');
    const handler = cardActionHandlers[verb] as (d: VerbData[Verb], scope: GroupScope) => Promise<Outcome>;
    const work = { group: 'required', permission: VERB_PERMISSIONS[verb], run: (scope: GroupScope) => handler(data, scope), changesOpenMeeting: !automatic } as const;
    const result = await this.deps.envelope.run(turnInfo(context.activity), work, undefined, () => memberEmail(context));
    if (result.kind === 'duplicate') return message('Det här är redan registrerat.');
    if (result.kind !== 'answered') return message(result.text);
    await this.deps.notifier.deliverAll(result.outcome.events);
    return result.outcome.card ? cardResponse(result.outcome.card) : message(result.outcome.text ?? '');
  }

  private async meetingEvent(context: TurnContext, run: (scope: GroupScope) => Promise<Outcome>): Promise<void> {
    const turn = turnInfo(context.activity);
    // Teams itself vouches for meeting events: they need no sender's permission.
    const result: TurnResult = await this.deps.envelope.run(turn, { group: 'required', permission: 'anyone', run });
    if (result.kind === 'answered') await this.deps.notifier.answer(context, turn, result.outcome);
    else if (result.kind !== 'duplicate') this.deps.logger.warn({ conversationId: turn.conversationId, type: context.activity.name, reason: result.text }, 'meeting event not recorded');
  }

  /** In a channel the group is created (named after the team) and bound; elsewhere the conversation is remembered. */
  private async install(context: TurnContext, greet: boolean): Promise<void> {
    const turn = turnInfo(context.activity);
    const result = await this.deps.envelope.run(turn, {
      group: 'none',
      run: async ({ repos }) => {
        const group = await onInstalled(repos, turn);
        return {
          text: group
            ? `Hej! Jag är Protokoll och skriver protokollet för ${group.name}. Skriv \`@protokoll hjälp\` för att se vad jag kan.`
            : 'Hej! Jag är Protokoll. Skriv `grupp <namn>` för att koppla chatten till en grupp, eller `hjälp` för alla kommandon.',
        };
      },
    });
    if (greet && result.kind === 'answered') await context.sendActivity(toActivity(result.outcome));
  }
}

/** A parsed command as work for the envelope, with its handler from the table. */
function commandWork<K extends CommandKind>(command: CommandOf<K>, envelope: TurnEnvelope, turn: TurnInfo): TurnWork {
  const spec = commandHandlers[command.kind as K] as CommandSpec<K>;
  const services = envelope.services;
  if (spec.group === 'none') {
    return {
      group: 'none',
      run: (scope, prepared) => spec.run(command, scope, prepared),
      ...(spec.prepare ? { prepare: () => spec.prepare!(command, services, turn) } : {}),
    };
  }
  const outside = async () => ({ services, group: await envelope.groupOf(turn), turn });
  return {
    group: 'required',
    permission: spec.permission,
    changesOpenMeeting: true,
    run: (scope, prepared) => spec.run(command, scope, prepared),
    ...(spec.before ? { prepare: async () => spec.before!(command, await outside()) } : {}),
    ...(spec.after ? { after: async (outcome: Outcome) => spec.after!(command, await outside(), outcome) } : {}),
  };
}

/** The e-mail (or UPN) Teams reports for the sender of this activity: Bot Framework's conversation member. */
async function memberEmail(context: TurnContext): Promise<string | null> {
  const member = await TeamsInfo.getMember(context, context.activity.from.id);
  return member.email ?? member.userPrincipalName ?? null;
}

function mentionsOf(activity: Activity): Array<{ mentionedId: string; text: string }> {
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => ({ mentionedId: String(e.mentioned?.id ?? ''), text: String(e.text ?? '') }));
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as AdaptiveCardInvokeResponse['value'] };
}

function message(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as AdaptiveCardInvokeResponse['value'] };
}

/**
 * Posting later, outside a turn: with a stored conversation reference, through
 * continueConversationAsync. Used to put the draft in the group's channel when the meeting ended
 * in a meeting chat, and by anything that runs on its own clock (scheduler, reminders).
 */
import { TurnContext, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { UnitOfWork } from '../core/ports';
import type { Logger } from '../logger';
import type { Reply } from './handlers/handler';
import { toActivity } from './reply-activity';

/** The audience of the bot's tokens to the Bot Connector (botbuilder's ToChannelFromBotOAuthScope). */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export class ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
  ) {}

  /** The posted activity's id (to update it later), or null when the channel gave none. */
  async post(reference: Partial<ConversationReference>, reply: Reply): Promise<string | null> {
    let activityId: string | null = null;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      activityId = (await context.sendActivity(toActivity(reply)))?.id ?? null;
    });
    return activityId;
  }

  /** Replaces an activity posted earlier (a card that changed) with `reply`. */
  async update(reference: Partial<ConversationReference>, activityId: string, reply: Reply): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await context.updateActivity({ ...toActivity(reply), id: activityId });
    });
  }

  /** A new post in the group's channel: where it is, or null when the bot was never installed in one. */
  async postToGroupChannel(groupId: string, reply: Reply): Promise<ChannelPost | null> {
    const [binding] = await this.uow.read((repos) => repos.groups.conversationReferences(groupId, 'channel'));
    if (!binding) {
      this.logger.warn({ groupId }, 'no channel to post to');
      return null;
    }
    // A new post in the channel (not a reply in the thread the reference was taken from) is a new
    // conversation in Bot Framework terms, created with the post as its first activity.
    const reference = binding.reference as Partial<ConversationReference>;
    const parameters = {
      isGroup: true,
      bot: reference.bot,
      tenantId: reference.conversation?.tenantId,
      channelData: { channel: { id: binding.conversationId } },
      activity: toActivity(reply) as Activity,
    } as ConversationParameters;
    let post: ChannelPost | null = null;
    await this.adapter.createConversationAsync(
      this.botAppId, reference.channelId ?? 'msteams', reference.serviceUrl!, BOT_FRAMEWORK_AUDIENCE, parameters, async (context) => {
        // Teams names the new thread `<channel>;messageid=<id of its first post>`.
        const threadId = context.activity.conversation.id;
        const activityId = threadId.split(';messageid=')[1];
        if (activityId) post = { reference: TurnContext.getConversationReference(context.activity), activityId };
      },
    );
    return post;
  }
}

export interface ChannelPost {
  reference: Partial<ConversationReference>;
  activityId: string;
}

/**
 * The approval card of a draft lives as one message per conversation it was posted to (the chat
 * where the meeting ended and the group's channel). Every later change (a new version, an
 * approval, a change request, the lock) updates those messages in place, so members never have to
 * find out which of several cards is current.
 */
import { TurnContext } from 'botbuilder';
import type { UnitOfWork } from '../core/ports';
import { pendingApproval } from '../core/use-cases/approval';
import { buildApprovalCard } from '../cards/approval.card';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { Logger } from '../logger';
import { approvalCardModel } from './approval-view';
import type { Reply } from './handlers/handler';
import type { ProactiveMessenger } from './proactive';
import { toActivity } from './reply-activity';
import type { TurnInfo } from './turn-info';

export interface ApprovalCardRequest {
  groupId: string;
  meetingId: string;
  /** the card everyone sees, as of this turn */
  card: AdaptiveCard;
}

export class ApprovalCards {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly proactive: ProactiveMessenger,
    private readonly logger: Logger,
    private readonly publicBaseUrl: string,
  ) {}

  /**
   * Answers the turn and shows the card: the posted cards are updated in place, or, the first time,
   * the card is posted here and (when this is not the channel) as a new post in the group's channel.
   */
  async publish(context: TurnContext, turn: TurnInfo, reply: Reply, request: ApprovalCardRequest): Promise<void> {
    const posts = await this.uow.read((repos) => repos.documents.cardPosts(request.meetingId));
    if (posts.length > 0) {
      await context.sendActivity(toActivity(reply));
      await this.sync(request.groupId, request.meetingId);
      return;
    }
    const sent = await context.sendActivity(toActivity({ ...reply, card: request.card }));
    if (sent?.id) await this.remember(request.meetingId, TurnContext.getConversationReference(context.activity), sent.id);
    if (reply.card) await context.sendActivity(toActivity({ card: reply.card }));
    if (turn.kind === 'channel') return;
    // The draft belongs in the group's channel even when the meeting ended in a meeting chat.
    const post = await this.proactive.postToGroupChannel(request.groupId, { text: reply.text, card: request.card }).catch((error) => {
      this.logger.error({ err: error }, 'posting the draft to the channel failed');
      return null;
    });
    if (post) await this.remember(request.meetingId, post.reference, post.activityId);
  }

  /** Brings every posted card of the meeting up to date; a failed update is logged, not thrown. */
  async sync(groupId: string, meetingId: string): Promise<void> {
    const now = new Date().toISOString();
    const { posts, card } = await this.uow.read(async (repos) => {
      const group = await repos.groups.findById(groupId);
      if (!group) return { posts: [], card: null };
      const state = await pendingApproval(repos, group, now, meetingId);
      return { posts: await repos.documents.cardPosts(meetingId), card: buildApprovalCard(approvalCardModel(state, this.publicBaseUrl)) };
    });
    if (!card) return;
    for (const post of posts) {
      await this.proactive.update(post.reference as Partial<ConversationReferenceLike>, post.activityId, { card }).catch((error) => {
        this.logger.error({ err: error, conversationId: post.conversationId }, 'updating the approval card failed');
      });
    }
  }

  private async remember(meetingId: string, reference: Partial<ConversationReferenceLike>, activityId: string): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    await this.uow.read((repos) => repos.documents.addCardPost({ meetingId, conversationId, reference, activityId }));
  }
}

type ConversationReferenceLike = ReturnType<typeof TurnContext.getConversationReference>;

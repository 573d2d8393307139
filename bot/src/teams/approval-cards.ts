/**
 * The approval card of a draft lives as one message per conversation it was posted to (the chat
 * where the meeting ended and the group's channel). Every later change (a new version, an
 * approval, a change request, the lock) updates those messages in place, so members never have to
 * find out which of several cards is current.
 */
import { TeamsInfo, TurnContext, type TeamsChannelAccount } from 'botbuilder';
import { matchParticipant } from '../core/roster-match';
import { learnIdentity } from '../core/use-cases/teams-identity';
import type { ApprovalCardPost, UnitOfWork } from '../core/ports';
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

/** Saves each document version in the channel's files (absent without Microsoft Graph). */
export interface DocumentFiles {
  /** true when it uploaded the newest version just now, so the card's link changed */
  uploadLatest(groupId: string, meetingId: string): Promise<boolean>;
}

export class ApprovalCards {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly proactive: ProactiveMessenger,
    private readonly logger: Logger,
    private readonly publicBaseUrl: string,
    private readonly files: DocumentFiles | null = null,
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
    const card = (await this.learnApproverIds(context, request)) ?? request.card;
    const sent = await context.sendActivity(toActivity({ ...reply, card }));
    if (sent?.id) await this.remember(request.meetingId, TurnContext.getConversationReference(context.activity), sent.id);
    if (reply.card) await context.sendActivity(toActivity({ card: reply.card }));
    if (turn.kind === 'channel') return this.uploadAndSync(request.groupId, request.meetingId);
    // The draft belongs in the group's channel even when the meeting ended in a meeting chat.
    const post = await this.proactive.postToGroupChannel(request.groupId, { text: reply.text, card }).catch((error) => {
      this.logger.error({ err: error }, 'posting the draft to the channel failed');
      return null;
    });
    if (post) await this.remember(request.meetingId, post.reference, post.activityId);
    await this.uploadAndSync(request.groupId, request.meetingId);
  }

  /** After the card is out: the document goes to the channel's files, and the card then links there. */
  private async uploadAndSync(groupId: string, meetingId: string): Promise<void> {
    if (await this.uploaded(groupId, meetingId)) await this.sync(groupId, meetingId);
  }

  private async uploaded(groupId: string, meetingId: string): Promise<boolean> {
    if (!this.files) return false;
    return this.files.uploadLatest(groupId, meetingId).catch((error: unknown) => {
      this.logger.error({ err: error, groupId, meetingId }, 'document upload failed');
      return false;
    });
  }

  /**
   * Approvers who never joined a meeting or wrote to the bot have no known Teams id, so their card
   * could not show them the buttons. Before the first post, the conversation's members are asked for
   * (Bot Framework paged members) and matched to the approvers; returns the card rebuilt with what
   * was learnt, or null when nothing changed.
   */
  private async learnApproverIds(context: TurnContext, request: ApprovalCardRequest): Promise<AdaptiveCard | null> {
    const now = new Date().toISOString();
    const missing = await this.uow.read(async (repos) => {
      const group = await repos.groups.findById(request.groupId);
      return group ? (await pendingApproval(repos, group, now, request.meetingId)).approvers.filter((a) => !a.teamsUserId) : [];
    });
    if (missing.length === 0) return null;
    const members = await conversationMembers(context).catch((error) => {
      this.logger.warn({ err: error }, 'could not list the conversation members');
      return [];
    });
    if (members.length === 0) return null;
    return this.uow.read(async (repos) => {
      const group = (await repos.groups.findById(request.groupId))!;
      for (const approver of missing) {
        const found = members.filter((m) => matchParticipant([approver], { aadObjectId: m.aadObjectId, email: m.email, name: m.name }) !== null);
        if (found.length === 1) await learnIdentity(repos, group, approver, { aadObjectId: found[0]!.aadObjectId ?? null, teamsUserId: found[0]!.id, name: found[0]!.name });
      }
      return buildApprovalCard(approvalCardModel(await pendingApproval(repos, group, now, request.meetingId), this.publicBaseUrl));
    });
  }

  /** Says `text` under the card in the channel, @mentioning the group's secretary (a change was requested). */
  async tellSecretary(groupId: string, meetingId: string, text: string): Promise<void> {
    const secretaries = await this.uow.read(async (repos) => (await repos.roster.list(groupId)).filter((m) => m.role === 'sekreterare'));
    const mentions = secretaries.map((m) => ({ id: m.teamsUserId, name: m.name }));
    await this.sayUnderCard(groupId, meetingId, mentions.length ? { text, mentions } : { text }, false);
  }

  /**
   * A reply under the meeting's card (in the channel when it was posted there), or, with
   * `orInChannel`, a new channel post when no card was recorded. False when it went nowhere.
   */
  async sayUnderCard(groupId: string, meetingId: string, reply: Reply, orInChannel: boolean): Promise<boolean> {
    const post = cardInChannel(await this.uow.read((repos) => repos.documents.cardPosts(meetingId)));
    if (post) {
      await this.proactive.post(post.reference as Partial<ConversationReferenceLike>, reply);
      return true;
    }
    return orInChannel && (await this.proactive.postToGroupChannel(groupId, reply)) !== null;
  }

  /** Brings every posted card of the meeting up to date; a failed update is logged, not thrown. */
  async sync(groupId: string, meetingId: string): Promise<void> {
    // A new version (or the final one) is uploaded first, so the updated card links to it.
    await this.uploaded(groupId, meetingId);
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

/** The card's post in the channel when there is one (a channel thread is `<channel>;messageid=<post>`): where approvers act. */
const cardInChannel = (posts: ApprovalCardPost[]): ApprovalCardPost | undefined =>
  posts.find((p) => p.conversationId.includes(';messageid=')) ?? posts[0];

/** Everyone in the team (channel) or chat, page by page; bounded, since only a few names are sought. */
async function conversationMembers(context: TurnContext): Promise<TeamsChannelAccount[]> {
  const members: TeamsChannelAccount[] = [];
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
    const result = await TeamsInfo.getPagedMembers(context, MEMBER_PAGE_SIZE, continuationToken);
    members.push(...result.members);
    continuationToken = result.continuationToken;
    if (!continuationToken) break;
  }
  return members;
}

const MEMBER_PAGE_SIZE = 500;
const MAX_MEMBER_PAGES = 10;

/**
 * The approval card of a draft lives as one message per conversation it was posted to (the chat
 * where the meeting ended and the group's channel). Every later change (a new version, an
 * approval, a change request, the lock) updates those messages in place, so members never have to
 * find out which of several cards is current.
 */
import { TeamsInfo, TurnContext, type ConversationReference, type TeamsChannelAccount } from 'botbuilder';
import { identifyParticipant } from '../core/roster-match';
import { learnIdentity } from '../core/use-cases/teams-identity';
import type { ApprovalCardPost, DocumentFiles, UnitOfWork } from '../core/ports';
import { pendingApproval } from '../core/use-cases/approval';
import { buildApprovalCard } from '../cards/approval.card';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { Logger } from '../logger';
import { approvalCardModel } from './approval-view';
import type { Reply } from './handlers/handler';
import type { ProactiveMessenger } from './proactive';
import { toActivity } from './reply-activity';
import type { TurnInfo } from './turn-info';

export interface MeetingRef {
  groupId: string;
  meetingId: string;
}

export class ApprovalCards {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly proactive: ProactiveMessenger,
    private readonly logger: Logger,
    /** the Teams app's id: the card links to the tab when the document is not in the channel's files */
    private readonly teamsAppId: string,
    private readonly files: DocumentFiles | null,
  ) {}

  async isPosted(meetingId: string): Promise<boolean> {
    return (await this.uow.read((repos) => repos.documents.cardPosts(meetingId))).length > 0;
  }

  /**
   * The first post of the card: as the answer in this conversation and (when this is not the
   * channel) as a new post in the group's channel, where the approvers act. Returns what the
   * secretaries must hear about the upload to the channel's files (once per meeting), or null.
   */
  async publish(context: TurnContext, turn: TurnInfo, reply: Reply, ref: MeetingRef): Promise<string | null> {
    const card = (await this.learnApproverIds(context, ref)) ?? (await this.currentCard(ref));
    const sent = await context.sendActivity(toActivity({ ...reply, card: card ?? undefined }));
    if (sent?.id) await this.remember(ref.meetingId, TurnContext.getConversationReference(context.activity), sent.id);
    if (reply.card) await context.sendActivity(toActivity({ card: reply.card }));
    if (turn.kind !== 'channel') {
      // The draft belongs in the group's channel even when the meeting ended in a meeting chat.
      const post = await this.proactive.postToGroupChannel(ref.groupId, { text: reply.text, card: card ?? undefined }).catch((error) => {
        this.logger.error({ err: error }, 'posting the draft to the channel failed');
        return null;
      });
      if (post) await this.remember(ref.meetingId, post.reference, post.activityId);
    }
    const upload = await this.upload(ref);
    if (upload.uploaded) await this.sync(ref);
    return upload.problem;
  }

  /**
   * Brings every posted card of the meeting up to date; a failed update is logged, not thrown.
   * Returns what the secretaries must hear about the upload, as publish does.
   */
  async sync(ref: MeetingRef): Promise<string | null> {
    // A new version (or the final one) is uploaded first, so the updated card links to it.
    const { problem } = await this.upload(ref);
    const card = await this.currentCard(ref);
    if (!card) return problem;
    for (const post of await this.uow.read((repos) => repos.documents.cardPosts(ref.meetingId))) {
      await this.proactive.update(post.reference as Partial<ConversationReference>, post.activityId, { card }).catch((error) => {
        this.logger.error({ err: error, conversationId: post.conversationId }, 'updating the approval card failed');
      });
    }
    return problem;
  }

  /** A reply under the meeting's card (in the channel when it was posted there); false when no card was posted. */
  async sayUnderCard(meetingId: string, reply: Reply): Promise<boolean> {
    const post = cardInChannel(await this.uow.read((repos) => repos.documents.cardPosts(meetingId)));
    if (!post) return false;
    await this.proactive.post(post.reference as Partial<ConversationReference>, reply);
    return true;
  }

  private async currentCard({ groupId, meetingId }: MeetingRef): Promise<AdaptiveCard | null> {
    const now = new Date().toISOString();
    return this.uow.read(async (repos) => {
      const group = await repos.groups.findById(groupId);
      return group ? buildApprovalCard(approvalCardModel(await pendingApproval(repos, group, now, meetingId), this.teamsAppId)) : null;
    });
  }

  /** After the card is out: the document goes to the channel's files; `uploaded` when the card's link changed. */
  private async upload(ref: MeetingRef): Promise<{ uploaded: boolean; problem: string | null }> {
    if (!this.files) return { uploaded: false, problem: null };
    try {
      return await this.files.uploadLatest(ref.groupId, ref.meetingId);
    } catch (error) {
      this.logger.error({ err: error, ...ref }, 'document upload failed');
      return { uploaded: false, problem: null };
    }
  }

  /**
   * Approvers who never joined a meeting or wrote to the bot have no known Teams id, so their card
   * could not show them the buttons. Before the first post, the conversation's members are asked for
   * (Bot Framework paged members) and matched to the approvers; returns the card rebuilt with what
   * was learnt, or null when nothing changed.
   */
  private async learnApproverIds(context: TurnContext, ref: MeetingRef): Promise<AdaptiveCard | null> {
    const now = new Date().toISOString();
    const missing = await this.uow.read(async (repos) => {
      const group = await repos.groups.findById(ref.groupId);
      return group ? (await pendingApproval(repos, group, now, ref.meetingId)).approvers.filter((a) => !a.teamsUserId) : [];
    });
    if (missing.length === 0) return null;
    const members = await conversationMembers(context).catch((error) => {
      this.logger.warn({ err: error }, 'could not list the conversation members');
      return [];
    });
    if (members.length === 0) return null;
    await this.uow.read(async (repos) => {
      const group = (await repos.groups.findById(ref.groupId))!;
      for (const approver of missing) {
        // Only what Teams vouches for (the Entra id, the e-mail/UPN): a display name can be copied.
        const found = members.filter((m) => {
          const identified = identifyParticipant([approver], { aadObjectId: m.aadObjectId, email: m.email ?? m.userPrincipalName });
          return identified !== null && identified.by !== 'name';
        });
        if (found.length === 1) await learnIdentity(repos, group, approver, { aadObjectId: found[0]!.aadObjectId ?? null, teamsUserId: found[0]!.id, name: found[0]!.name });
      }
    });
    return this.currentCard(ref);
  }

  private async remember(meetingId: string, reference: Partial<ConversationReference>, activityId: string): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    await this.uow.read((repos) => repos.documents.addCardPost({ meetingId, conversationId, reference, activityId }));
  }
}

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

/**
 * The notifier (core's one way out), in Teams: each event a use case reports becomes posts and card
 * updates. In a turn, the answer goes to the conversation the activity came from, and a draft's
 * first approval card goes out with it; everything else is posted proactively. Delivery failures
 * are logged, never thrown: what was recorded stays recorded.
 */
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { DomainEvent, Notifier, Repositories, UnitOfWork } from '../core/ports';
import type { RosterMember } from '../core/model';
import { buildAgendaView } from '../core/use-cases/agenda-view';
import { hasRole } from '../core/roster-roles';
import { buildAgendaCard } from '../cards/agenda.card';
import type { Logger } from '../logger';
import type { ApprovalCards } from './approval-cards';
import type { Outcome, Reply } from './handlers/handler';
import { chatReference, meetingChatId } from './meeting-chat';
import type { ProactiveMessenger } from './proactive';
import { toActivity } from './reply-activity';
import type { TurnInfo } from './turn-info';

export class TeamsNotifier implements Notifier {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly proactive: ProactiveMessenger,
    private readonly cards: ApprovalCards,
    private readonly logger: Logger,
  ) {}

  /** Answers a turn in its conversation, then delivers its events. */
  async answer(context: TurnContext, turn: TurnInfo, outcome: Outcome): Promise<void> {
    const { events = [], ...reply } = outcome;
    const firstDraft = await this.unpostedDraft(events);
    if (firstDraft) await this.tellUploadProblem(firstDraft.groupId, await this.cards.publish(context, turn, reply, firstDraft));
    else if (reply.text || reply.card || reply.warning) await context.sendActivity(toActivity(reply));
    for (const event of events) {
      if (firstDraft && event.type === 'draft-versioned' && event.meetingId === firstDraft.meetingId) continue;
      await this.deliver(event);
    }
  }

  /** Delivers the events of a card action or a job (nothing to answer in a conversation). */
  async deliverAll(events: DomainEvent[] = []): Promise<void> {
    for (const event of events) await this.deliver(event);
  }

  async deliver(event: DomainEvent): Promise<boolean> {
    try {
      return await this.send(event);
    } catch (error) {
      this.logger.error({ err: error, event: event.type, groupId: event.groupId }, 'notification could not be delivered');
      return false;
    }
  }

  private async send(event: DomainEvent): Promise<boolean> {
    switch (event.type) {
      case 'draft-versioned':
        // Never posted (a new version from a job before anyone ended the meeting in a chat): in the channel.
        if (!(await this.cards.isPosted(event.meetingId))) return this.postInChannel(event.groupId, { text: 'Ett nytt protokollutkast väntar på justering.' });
        await this.tellUploadProblem(event.groupId, await this.cards.sync(event));
        return true;
      case 'approval-changed':
        await this.tellUploadProblem(event.groupId, await this.cards.sync(event));
        return true;
      case 'secretaries-told':
        return this.tellSecretaries(event.groupId, event.meetingId, event.text);
      case 'approvers-reminded':
        return this.sayUnderCardOrInChannel(event.groupId, event.meetingId, { text: event.text, mentions: mentionsOf(event.waiting) });
      case 'agenda-due':
        return this.postAgenda(event);
      case 'agenda-updated':
        return this.updateAgenda(event);
      case 'item-overran':
        return this.tellOverrun(event);
    }
  }

  /** For the secretaries, @mentioned: under the meeting's approval card when there is one, else in the channel. */
  private async tellSecretaries(groupId: string, meetingId: string | null, text: string): Promise<boolean> {
    const secretaries = await this.uow.read(async (repos) => (await repos.roster.list(groupId)).filter((m) => hasRole(m, 'sekreterare')));
    const reply = secretaries.length ? { text, mentions: mentionsOf(secretaries) } : { text };
    return this.sayUnderCardOrInChannel(groupId, meetingId, reply);
  }

  /** A failed upload to the channel's files is told in the channel (the card may be what failed to link). */
  private async tellUploadProblem(groupId: string, problem: string | null): Promise<void> {
    if (problem) await this.tellSecretaries(groupId, null, problem);
  }

  private async sayUnderCardOrInChannel(groupId: string, meetingId: string | null, reply: Reply): Promise<boolean> {
    if (meetingId && (await this.cards.sayUnderCard(meetingId, reply))) return true;
    return this.postInChannel(groupId, reply);
  }

  private async postInChannel(groupId: string, reply: Reply): Promise<boolean> {
    return (await this.proactive.postToGroupChannel(groupId, reply)) !== null;
  }

  /** In the meeting's chat when its join link names it (or Graph told it), else in the group's channel. */
  private async postAgenda(event: Extract<DomainEvent, { type: 'agenda-due' }>): Promise<boolean> {
    const { view, bindings, chatId } = await this.uow.read(async (repos) => {
      const [group, meeting] = await Promise.all([repos.groups.findById(event.groupId), repos.meetings.findById(event.groupId, event.meetingId)]);
      const view = group && meeting ? buildAgendaView(group, meeting, await repos.agenda.list(meeting.id), event.at) : null;
      return { view, bindings: await repos.groups.conversationReferences(event.groupId), chatId: await meetingChatOf(repos, event.groupId, event.joinUrl) };
    });
    if (!view) return false;
    const reply = { text: event.text, card: buildAgendaCard(view) };
    const chat = chatReference(chatId, bindings);
    if (chat) {
      const activityId = await this.proactive.post(chat as Partial<ConversationReference>, reply);
      if (activityId) await this.rememberAgenda(event.meetingId, chat, activityId);
      this.logger.info({ groupId: event.groupId, meetingId: event.meetingId, chat: chat.conversation?.id }, 'agenda posted');
      return true;
    }
    const post = await this.proactive.postToGroupChannel(event.groupId, reply);
    if (post) await this.rememberAgenda(event.meetingId, post.reference, post.activityId);
    return post !== null;
  }

  /** Where the agenda card went, so a later change updates it instead of posting a second card. */
  private async rememberAgenda(meetingId: string, reference: Partial<ConversationReference>, activityId: string): Promise<void> {
    const conversationId = reference.conversation?.id ?? '';
    await this.uow.read((repos) => repos.calendar.addAgendaCardPost({ meetingId, conversationId, reference, activityId }));
  }

  /** Every posted agenda card of the meeting, rebuilt from the database with what changed; false when none was posted. */
  private async updateAgenda(event: Extract<DomainEvent, { type: 'agenda-updated' }>): Promise<boolean> {
    const { view, posts } = await this.uow.read(async (repos) => {
      const [group, meeting] = await Promise.all([repos.groups.findById(event.groupId), repos.meetings.findById(event.groupId, event.meetingId)]);
      const view = group && meeting ? buildAgendaView(group, meeting, await repos.agenda.list(meeting.id), event.at) : null;
      return { view, posts: await repos.calendar.agendaCardPosts(event.meetingId) };
    });
    if (!view || posts.length === 0) return false;
    const reply = { text: event.text, card: buildAgendaCard(view, undefined, event.notice) };
    let updated = false;
    for (const post of posts) {
      try {
        await this.proactive.update(post.reference as Partial<ConversationReference>, post.activityId, reply);
        updated = true;
      } catch (error) {
        this.logger.error({ err: error, conversationId: post.conversationId }, 'updating the agenda card failed');
      }
    }
    return updated;
  }

  /** One plain message for the chair and the secretary (@mentioned), where the meeting is held. */
  private async tellOverrun(event: Extract<DomainEvent, { type: 'item-overran' }>): Promise<boolean> {
    const { leaders, bindings, chatId } = await this.uow.read(async (repos) => ({
      leaders: (await repos.roster.list(event.groupId)).filter((m) => hasRole(m, 'sekreterare') || hasRole(m, 'ordförande')),
      bindings: await repos.groups.conversationReferences(event.groupId),
      chatId: await meetingChatOf(repos, event.groupId, event.joinUrl),
    }));
    const reply = { text: event.text, mentions: mentionsOf(leaders) };
    const chat = chatReference(chatId, bindings);
    if (chat) {
      await this.proactive.post(chat as Partial<ConversationReference>, reply);
      return true;
    }
    return this.postInChannel(event.groupId, reply);
  }

  private async unpostedDraft(events: DomainEvent[]): Promise<{ groupId: string; meetingId: string } | null> {
    const versioned = events.find((e) => e.type === 'draft-versioned');
    if (!versioned || (await this.cards.isPosted(versioned.meetingId))) return null;
    return { groupId: versioned.groupId, meetingId: versioned.meetingId };
  }
}

/** The chat the classic join link names, else the one Graph told for a short link (scheduler/meeting-chat-lookup.ts). */
async function meetingChatOf(repos: Repositories, groupId: string, joinUrl: string | null): Promise<string | null> {
  return meetingChatId(joinUrl) ?? (joinUrl ? ((await repos.onlineMeetings.find(groupId, joinUrl))?.chatId ?? null) : null);
}

const mentionsOf = (people: RosterMember[]) => people.map((m) => ({ id: m.teamsUserId, name: m.name }));

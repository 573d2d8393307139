/**
 * Before the agenda of a meeting with a short Teams link (`/meet/<id>`) is posted: the link names
 * no chat, so the online meeting is looked up in Microsoft Graph on its organizer's behalf (the
 * calendar event's organizer) and what Graph tells (chat, organizer, online meeting id) is kept for
 * the group and link. The agenda then goes to the meeting chat, and Teams events from that chat
 * belong to the group (teams/group-resolver.ts). Classic links name their chat and are never looked
 * up; a link looked up before (an earlier occurrence of a series) is not looked up again.
 *
 * A lookup that fails leaves everything as without it (the agenda goes to the channel) and tells
 * the secretary once per problem what an administrator must do; a lookup that goes through later
 * clears the problem, so a new one is told again.
 */
import type { CalendarEvent } from '../core/calendar';
import { joinUrlNamesNoChat } from '../core/join-url';
import { OnlineMeetingUnavailable } from '../core/online-meeting';
import type { Notifier, OnlineMeetingSource, UnitOfWork } from '../core/ports';
import type { Logger } from '../logger';

export class MeetingChatLookup {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly source: OnlineMeetingSource,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** Learns the chat of the event's online meeting when its link names none; never throws for Graph's failures. */
  async learn(groupId: string, event: Pick<CalendarEvent, 'joinUrl' | 'organizer'>): Promise<void> {
    const joinUrl = event.joinUrl;
    if (!joinUrlNamesNoChat(joinUrl)) return;
    if (await this.uow.read((repos) => repos.onlineMeetings.find(groupId, joinUrl))) return;
    try {
      const organizer = event.organizer?.email;
      if (!organizer) {
        throw new OnlineMeetingUnavailable('no-organizer', 'Kallelsen har en kort Teams-länk (teams.microsoft.com/meet/…), som inte säger vilken möteschatt mötet har, och ingen organisatör att slå upp mötet hos i Microsoft Graph. Dagordningen postas därför i gruppens kanal i stället för i möteschatten.');
      }
      const found = await this.source.byJoinUrl(organizer, joinUrl);
      await this.uow.run(async (repos) => {
        await repos.onlineMeetings.remember(groupId, { ...found, joinUrl });
        await repos.onlineMeetings.clearProblem(groupId);
      });
      this.logger.info({ groupId, onlineMeetingId: found.id, chat: found.chatId }, 'online meeting of a short join link looked up');
    } catch (error) {
      if (!(error instanceof OnlineMeetingUnavailable)) throw error;
      this.logger.warn({ groupId, problem: error.problem, ...error.detail }, 'online meeting of a short join link could not be looked up');
      const claimed = await this.uow.run((repos) => repos.onlineMeetings.claimProblem(groupId, error.problem));
      if (claimed.duplicate || !claimed.value) return;
      await this.notifier.deliver({ type: 'secretaries-told', groupId, meetingId: null, text: error.userMessage });
    }
  }
}

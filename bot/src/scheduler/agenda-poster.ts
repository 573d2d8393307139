/**
 * What the scheduler posts before a meeting: the agenda card in the meeting chat (for a short join
 * link, its chat looked up first: meeting-chat-lookup.ts), and a warning in
 * the group's channel when the invitees' answers put the quorum at risk. Each is claimed in the
 * database first (one conditional UPDATE), so several server instances post it once. An agenda
 * that could not be delivered gives its claim back and is tried again at the next run.
 */
import type { IsoTime } from '../core/model';
import type { Notifier, UnitOfWork } from '../core/ports';
import { rsvpQuorumRisk, rsvpWarningText } from '../core/use-cases/rsvp-quorum';
import { formatMeetingTime } from '../core/swedish-time';
import type { Logger } from '../logger';
import type { Prepared } from './calendar-sync';
import type { MeetingChatLookup } from './meeting-chat-lookup';

type Ready = Extract<Prepared, { kind: 'ready' }>;

export class AgendaPoster {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifier: Notifier,
    private readonly logger: Logger,
    /** with Microsoft Graph: the chat of a meeting whose short join link names none */
    private readonly chats: MeetingChatLookup | null = null,
  ) {}

  /** True when this call posted the agenda. */
  async postAgenda({ group, meeting, event }: Ready, now: IsoTime): Promise<boolean> {
    const claimed = await this.uow.run((repos) => repos.calendar.claimAgendaPost(meeting.id, now));
    if (claimed.duplicate || !claimed.value) return false;
    await this.chats?.learn(group.id, event);
    const text = `Dagordning inför mötet ${formatMeetingTime(event.startsAt, event.endsAt, meeting.place)}.`;
    if (await this.notifier.deliver({ type: 'agenda-due', groupId: group.id, meetingId: meeting.id, text, joinUrl: event.joinUrl, at: now })) return true;
    this.logger.error({ groupId: group.id, meetingId: meeting.id }, 'agenda could not be posted; will try again');
    await this.uow.run((repos) => repos.calendar.releaseAgendaPost(meeting.id, now));
    return false;
  }

  /**
   * Before the meeting starts: warns the secretary (in the group's channel, @mentioned) once when
   * too few have accepted. Until then every run looks again, as answers keep coming in.
   */
  async warnAboutQuorum({ group, meeting, event }: Ready, now: IsoTime): Promise<boolean> {
    if (Date.parse(now) >= Date.parse(event.startsAt)) return false;
    const outcome = await this.uow.run(async (repos) => {
      const risk = rsvpQuorumRisk(await repos.roster.list(group.id), event, group.quorumRule);
      return risk && (await repos.calendar.claimRsvpWarning(meeting.id, now)) ? rsvpWarningText(risk, event) : null;
    });
    if (outcome.duplicate || !outcome.value) return false;
    // Claimed but not delivered: logged by the notifier; the quorum line on the decision card still warns.
    return this.notifier.deliver({ type: 'secretaries-told', groupId: group.id, meetingId: null, text: outcome.value });
  }
}

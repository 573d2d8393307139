/**
 * What the scheduler posts before a meeting: the agenda card in the meeting chat, and a warning in
 * the group's channel when the invitees' answers put the quorum at risk. Each is claimed in the
 * database first (one conditional UPDATE), so several server instances post it once. An agenda
 * that could not be delivered gives its claim back and is tried again at the next run.
 */
import type { ConversationReference } from 'botbuilder';
import type { IsoTime } from '../core/model';
import type { UnitOfWork } from '../core/ports';
import { buildAgendaView } from '../core/use-cases/agenda-view';
import { rsvpQuorumRisk, rsvpWarningText } from '../core/use-cases/rsvp-quorum';
import { formatMeetingTime } from '../core/swedish-time';
import { buildAgendaCard } from '../cards/agenda.card';
import type { Logger } from '../logger';
import type { ProactiveMessenger } from '../teams/proactive';
import type { Prepared } from './calendar-sync';
import { meetingChatReference } from './meeting-chat';

type Ready = Extract<Prepared, { kind: 'ready' }>;

export class AgendaPoster {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly proactive: ProactiveMessenger,
    private readonly logger: Logger,
  ) {}

  /** True when this call posted the agenda. */
  async postAgenda({ group, meeting, event }: Ready, now: IsoTime): Promise<boolean> {
    const claimed = await this.uow.run(async (repos) => {
      if (!(await repos.calendar.claimAgendaPost(meeting.id, now))) return null;
      const current = (await repos.meetings.findById(group.id, meeting.id)) ?? meeting;
      const view = buildAgendaView(group, current, await repos.agenda.list(meeting.id), now);
      return { view, bindings: await repos.groups.conversationReferences(group.id) };
    });
    if (claimed.duplicate || !claimed.value) return false;
    const { view, bindings } = claimed.value;
    const reply = { text: `Dagordning inför mötet ${formatMeetingTime(event.startsAt, event.endsAt, 'via Teams')}.`, card: buildAgendaCard(view) };
    try {
      const chat = meetingChatReference(event.joinUrl, bindings);
      if (chat) await this.proactive.post(chat as Partial<ConversationReference>, reply);
      else if (!(await this.proactive.postToGroupChannel(group.id, reply))) throw new Error('the group has no conversation to post in');
      this.logger.info({ groupId: group.id, meetingId: meeting.id, chat: chat?.conversation?.id ?? 'channel' }, 'agenda posted');
      return true;
    } catch (error) {
      this.logger.error({ err: error, groupId: group.id, meetingId: meeting.id }, 'agenda could not be posted; will try again');
      await this.uow.run((repos) => repos.calendar.releaseAgendaPost(meeting.id, now));
      return false;
    }
  }

  /**
   * Before the meeting starts: warns the secretary (in the group's channel, @mentioned) once when
   * too few have accepted. Until then every run looks again, as answers keep coming in.
   */
  async warnAboutQuorum({ group, meeting, event }: Ready, now: IsoTime): Promise<boolean> {
    if (Date.parse(now) >= Date.parse(event.startsAt)) return false;
    const outcome = await this.uow.run(async (repos) => {
      const roster = await repos.roster.list(group.id);
      const risk = rsvpQuorumRisk(roster, event, group.quorumRule);
      if (!risk || !(await repos.calendar.claimRsvpWarning(meeting.id, now))) return null;
      return { text: rsvpWarningText(risk, event), secretaries: roster.filter((m) => m.role === 'sekreterare') };
    });
    if (outcome.duplicate || !outcome.value) return false;
    const { text, secretaries } = outcome.value;
    try {
      await this.proactive.postToGroupChannel(group.id, { text, mentions: secretaries.map((m) => ({ id: m.teamsUserId, name: m.name })) });
      return true;
    } catch (error) {
      // Claimed but not delivered: logged loudly; the quorum line on the decision card still warns.
      this.logger.error({ err: error, groupId: group.id, meetingId: meeting.id }, 'quorum warning could not be posted');
      return false;
    }
  }
}

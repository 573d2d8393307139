/**
 * Before the meeting: will it be quorate? The invitees' answers (accepted, tentative, declined, no
 * answer) are matched to the roster by e-mail, then name (as Teams participants are), and the
 * group's own quorum rule is applied twice: to those who accepted, and to everyone who has not
 * declined. The secretary is warned when the accepted alone are not enough.
 *
 *   rsvpQuorumRisk(roster, event, rule) → RsvpRisk | null   (null: enough have accepted, or no rule)
 *   rsvpWarningText(risk, event) → the Swedish message for the group's channel
 */
import { placeOf, type CalendarEvent, type RsvpResponse } from '../calendar';
import type { QuorumRule, RosterMember } from '../model';
import { countsForQuorum } from '../roster-roles';
import { assessQuorum } from '../quorum';
import { matchParticipant } from '../roster-match';
import { formatMeetingTime } from '../swedish-time';

type Answer = 'accepted' | 'tentative' | 'declined' | 'unanswered';

export interface RsvpBloc {
  label: string;
  members: number;
  required: number;
  accepted: number;
  tentative: number;
  declined: number;
  unanswered: number;
}

export interface RsvpRisk {
  /** 'cannot': too many declined, even if every undecided member comes it is not quorate */
  level: 'at-risk' | 'cannot';
  /** the blocs (huvudmän, or sides) without enough accepted members */
  blocs: RsvpBloc[];
}

const ANSWER: Record<RsvpResponse, Answer> = {
  organizer: 'accepted', accepted: 'accepted', tentativelyAccepted: 'tentative', declined: 'declined', none: 'unanswered', notResponded: 'unanswered',
};

export function rsvpQuorumRisk(roster: RosterMember[], event: Pick<CalendarEvent, 'attendees' | 'organizer'>, rule: QuorumRule): RsvpRisk | null {
  if (rule === 'av') return null;
  const answers = new Map<string, Answer>();
  const people = [
    ...(event.organizer ? [{ ...event.organizer, response: 'organizer' as RsvpResponse }] : []),
    ...event.attendees.filter((a) => a.type !== 'resource'),
  ];
  for (const person of people) {
    const member = matchParticipant(roster, { email: person.email, name: person.name });
    if (member && !answers.has(member.id)) answers.set(member.id, ANSWER[person.response]);
  }
  // Voting members who were not invited at all have not answered either.
  const answerOf = (m: RosterMember): Answer => answers.get(m.id) ?? 'unanswered';
  const voting = roster.filter(countsForQuorum);
  const idsWith = (...wanted: Answer[]) => new Set(voting.filter((m) => wanted.includes(answerOf(m))).map((m) => m.id));

  const confirmed = assessQuorum(roster, idsWith('accepted'), rule);
  if (confirmed.quorate) return null;
  const possible = assessQuorum(roster, idsWith('accepted', 'tentative', 'unanswered'), rule);
  // Blocs come out in the same order for the same roster and rule, so counts line up by index.
  const count = (answer: Answer) => assessQuorum(roster, idsWith(answer), rule).blocs.map((b) => b.present);
  const [tentative, declined, unanswered] = [count('tentative'), count('declined'), count('unanswered')];
  const blocs = confirmed.blocs
    .map((b, i) => ({
      label: b.label, members: b.members, required: b.required, accepted: b.present,
      tentative: tentative[i] ?? 0, declined: declined[i] ?? 0, unanswered: unanswered[i] ?? 0,
    }))
    .filter((b) => b.accepted < b.required);
  return { level: possible.quorate ? 'at-risk' : 'cannot', blocs };
}

export function rsvpWarningText(risk: RsvpRisk, event: Pick<CalendarEvent, 'startsAt' | 'endsAt'> & { location?: string | null }): string {
  const when = formatMeetingTime(event.startsAt, event.endsAt, placeOf(event));
  const head = risk.level === 'cannot'
    ? `Mötet ${when} kan inte bli beslutsfört med de svar som har kommit på kallelsen: för många har tackat nej.`
    : `Mötet ${when} riskerar att inte bli beslutsfört: för få har tackat ja till kallelsen.`;
  const lines = risk.blocs.map((b) => {
    const others = [
      b.tentative ? `${b.tentative} preliminärt` : null,
      b.declined ? `${b.declined} har tackat nej` : null,
      b.unanswered ? `${b.unanswered} har inte svarat` : null,
    ].filter(Boolean);
    return `- ${b.label}: ${b.accepted} av ${b.members} har tackat ja, ${b.required} krävs${others.length ? ` (${others.join(', ')})` : ''}`;
  });
  const advice = risk.level === 'cannot' ? 'Kalla ersättare eller flytta mötet.' : 'Påminn dem som inte har svarat, eller kalla ersättare.';
  return [head, ...lines, advice].join('\n');
}

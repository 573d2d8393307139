/** The invitees' answers against the roster and the group's quorum rule. */
import type { CalendarAttendee, RsvpResponse } from '../../../bot/src/core/calendar';
import type { RosterMember, RosterRole } from '../../../bot/src/core/model';
import { rsvpQuorumRisk, rsvpWarningText } from '../../../bot/src/core/use-cases/rsvp-quorum';
import { rosterMember } from '../../../bot/src/core/roster-roles';

const member = (name: string, principal: string, role: RosterRole = 'ledamot', email: string | null = null): RosterMember => rosterMember({
  id: name, groupId: 'g', name, title: '', principal, roles: [role], party: null, aadObjectId: null, email, teamsUserId: null,
});
const roster = [
  member('Mats Wennstig', 'Region Blekinge', 'ordförande'),
  member('Lena Holm', 'Region Blekinge', 'ledamot', 'lena@region.se'),
  member('Anna-Karin Åkesson', 'Karlskrona kommun'),
  member('Carina Fransson', 'Karlskrona kommun'),
  member('Sandra Johansson', 'Region Blekinge', 'sekreterare'),
];
const answer = (name: string, response: RsvpResponse, email: string | null = null, type: CalendarAttendee['type'] = 'required'): CalendarAttendee => ({ name, email, response, type });
const event = (attendees: CalendarAttendee[]) => ({ attendees, organizer: { name: 'Sandra Johansson', email: 'sandra@region.se' }, startsAt: '2024-03-12T08:00:00.000Z', endsAt: '2024-03-12T11:00:00.000Z' });

describe('rsvpQuorumRisk', () => {
  it.each([
    ['everyone accepted', ['accepted', 'accepted', 'accepted', 'accepted'], null],
    ['some have not answered', ['accepted', 'none', 'accepted', 'tentativelyAccepted'], 'at-risk'],
    ['too many declined', ['accepted', 'accepted', 'declined', 'accepted'], 'cannot'],
  ] as const)('%s', (_name, responses, level) => {
    const names = ['Mats Wennstig', 'Lena Holm', 'Anna-Karin Åkesson', 'Carina Fransson'];
    const risk = rsvpQuorumRisk(roster, event(names.map((n, i) => answer(n, responses[i]!))), 'huvudman');
    expect(risk?.level ?? null).toBe(level);
  });

  it('matches by e-mail before name, ignores rooms, and counts the uninvited as not answered', () => {
    const risk = rsvpQuorumRisk(roster, event([
      answer('L. Holm (Region)', 'accepted', 'LENA@region.se'),
      answer('Mats Wennstig', 'accepted'),
      answer('Anna-Karin Åkesson', 'accepted'),
      answer('Rum Kungsmarken', 'declined', 'rum@region.se', 'resource'),
    ]), 'huvudman');
    expect(risk).toEqual({ level: 'at-risk', blocs: [{ label: 'Karlskrona kommun', members: 2, required: 2, accepted: 1, tentative: 0, declined: 0, unanswered: 1 }] });
    expect(rsvpWarningText(risk!, event([]))).toBe([
      'Mötet Tisdag den 12 mars 2024 kl. 09.00 – 12.00 via Teams riskerar att inte bli beslutsfört: för få har tackat ja till kallelsen.',
      '- Karlskrona kommun: 1 av 2 har tackat ja, 2 krävs (1 har inte svarat)',
      'Påminn dem som inte har svarat, eller kalla ersättare.',
    ].join('\n'));
  });

  it('has nothing to say without a quorum rule', () => {
    expect(rsvpQuorumRisk(roster, event([]), 'av')).toBeNull();
  });
});

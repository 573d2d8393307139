/**
 * Will the meeting be quorate? The invitation's answers matched to a roster as the store keeps it
 * (e-mail, then name), the group's rule applied, and the Swedish warning for the secretary.
 */
import type { CalendarAttendee, RsvpResponse } from '../../../bot/src/core/calendar';
import type { QuorumRule, RosterMember } from '../../../bot/src/core/model';
import { rsvpQuorumRisk, rsvpWarningText } from '../../../bot/src/core/use-cases/rsvp-quorum';
import { at, describeUseCase } from '../../support/use-case-fixture';

const WHEN = { startsAt: at(0), endsAt: at(120) };
const HEAD = 'Mötet Fredag den 16 februari 2024 kl. 09.00 – 11.00 via Teams';
/** Mats booked the meeting (by e-mail); the others answer under the names given. */
const ORGANIZER = { name: 'Wennstig Mats', email: 'MATS.WENNSTIG@regionblekinge.se' };
const attendee = (name: string, response: RsvpResponse, extra: Partial<CalendarAttendee> = {}): CalendarAttendee => ({ name, email: null, response, type: 'required', ...extra });

describeUseCase('RSVP quorum', (fx) => {
  let roster: RosterMember[];
  beforeAll(async () => {
    const g = await fx.group();
    roster = await fx.repos.roster.list(g.group.id);
  });
  const risk = (attendees: CalendarAttendee[], rule: QuorumRule = 'huvudman') => rsvpQuorumRisk(roster, { organizer: ORGANIZER, attendees }, rule);

  it('enough have accepted (the organiser counts as accepted): no warning', () => {
    expect(risk([
      attendee('Carina Ingemansson', 'accepted'),
      attendee('Rebecca W', 'accepted', { email: 'rebecca.welander@karlshamn.se' }),
      attendee('anna-karin åkesson', 'accepted'),
      attendee('Sandra Johansson', 'declined'), // the secretary does not vote
    ])).toBeNull();
  });

  it('no quorum rule: never a warning', () => {
    expect(risk([attendee('Carina Ingemansson', 'declined')], 'av')).toBeNull();
  });

  it('at risk: too few accepted, but those not yet answered could make it', () => {
    const found = risk([
      attendee('Carina Ingemansson', 'tentativelyAccepted'),
      attendee('Rebecca Welander', 'none'),
      attendee('Anna-Karin Åkesson', 'accepted'),
      attendee('Anna-Karin Åkesson', 'declined'), // listed twice: the first answer counts
    ]);
    expect(found).toEqual({
      level: 'at-risk',
      blocs: [
        { label: 'Karlshamns kommun', members: 1, required: 1, accepted: 0, tentative: 0, declined: 0, unanswered: 1 },
        { label: 'Region Blekinge', members: 2, required: 2, accepted: 1, tentative: 1, declined: 0, unanswered: 0 },
      ],
    });
    expect(rsvpWarningText(found!, WHEN)).toBe([
      `${HEAD} riskerar att inte bli beslutsfört: för få har tackat ja till kallelsen.`,
      '- Karlshamns kommun: 0 av 1 har tackat ja, 1 krävs (1 har inte svarat)',
      '- Region Blekinge: 1 av 2 har tackat ja, 2 krävs (1 preliminärt)',
      'Påminn dem som inte har svarat, eller kalla ersättare.',
    ].join('\n'));
  });

  it('cannot: too many declined; an uninvited member and a room with a member\'s address count as no answer', () => {
    const found = risk([
      attendee('Carina Ingemansson', 'declined'),
      attendee('Sammanträdesrum Vega', 'accepted', { type: 'resource', email: 'rebecca.welander@karlshamn.se' }),
    ]);
    expect(found).toEqual({
      level: 'cannot',
      blocs: [
        { label: 'Karlshamns kommun', members: 1, required: 1, accepted: 0, tentative: 0, declined: 0, unanswered: 1 },
        { label: 'Region Blekinge', members: 2, required: 2, accepted: 1, tentative: 0, declined: 1, unanswered: 0 },
        { label: 'Ronneby kommun', members: 1, required: 1, accepted: 0, tentative: 0, declined: 0, unanswered: 1 },
      ],
    });
    expect(rsvpWarningText(found!, WHEN)).toBe([
      `${HEAD} kan inte bli beslutsfört med de svar som har kommit på kallelsen: för många har tackat nej.`,
      '- Karlshamns kommun: 0 av 1 har tackat ja, 1 krävs (1 har inte svarat)',
      '- Region Blekinge: 1 av 2 har tackat ja, 2 krävs (1 har tackat nej)',
      '- Ronneby kommun: 0 av 1 har tackat ja, 1 krävs (1 har inte svarat)',
      'Kalla ersättare eller flytta mötet.',
    ].join('\n'));
  });

  it('region-kommun: the municipalities count together', () => {
    expect(risk([attendee('Carina Ingemansson', 'accepted'), attendee('Rebecca Welander', 'accepted'), attendee('Anna-Karin Åkesson', 'notResponded')], 'region-kommun')).toEqual({
      level: 'at-risk',
      blocs: [{ label: 'Kommunerna', members: 2, required: 2, accepted: 1, tentative: 0, declined: 0, unanswered: 1 }],
    });
    expect(risk([attendee('Carina Ingemansson', 'accepted'), attendee('Rebecca Welander', 'accepted'), attendee('Anna-Karin Åkesson', 'accepted')], 'region-kommun')).toBeNull();
  });
});

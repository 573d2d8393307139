import type { ActionItem, AgendaItem, RosterMember } from '../../../bot/src/core/model';
import { carryOver, FOLLOW_UP_TITLE } from '../../../bot/src/core/carry-over';
import { headKinds, STANDARD_TITLES, TAIL_KINDS } from '../../../bot/src/core/standard-items';
import { findMembersByName, matchParticipant } from '../../../bot/src/core/roster-match';

const item = (id: string, title: string, typeTag: AgendaItem['typeTag']): AgendaItem => ({
  id, meetingId: 'm0', parentId: null, position: 1000, section: null, title, typeTag, standardKind: null, number: 5,
  presenters: [], outcome: 'postponed', recipients: [], carriedFromItemId: null,
});
const action = (text: string, dueDate: string | null, ownerName: string | null, status: ActionItem['status'] = 'open'): ActionItem => ({
  id: text, groupId: 'g', meetingId: 'm0', itemId: 'i', text, ownerMemberId: null, ownerName, dueDate, status, version: 1, createdAt: '2024-01-01T00:00:00.000Z',
});

describe('standard items', () => {
  it('every meeting starts with the agenda and the previous minutes and ends with other business and the next meeting', () => {
    expect(headKinds({ electsAdjuster: false }).map((k) => STANDARD_TITLES[k])).toEqual(['Godkännande av dagordning', 'Föregående sammanträdesprotokoll']);
    expect(headKinds({ electsAdjuster: true }).map((k) => STANDARD_TITLES[k])).toContain('Val av justerare samt tid för justering');
    expect(TAIL_KINDS.map((k) => STANDARD_TITLES[k])).toEqual(['Övriga frågor', 'Nästa sammanträde']);
  });
});

describe('carry-over to the next meeting', () => {
  it('keeps postponed items and collects actions due within the window', () => {
    const carried = carryOver({
      postponedItems: [item('p1', 'Revidering av LSVO:s ledningssystem', 'I/D')],
      openActions: [
        action('Skicka ut verksamhetsplanen', '2024-02-20', 'Mats Wennstig'),
        action('Boka lokal', '2024-01-31', null), // overdue
        action('Långsiktig plan', '2024-06-01', 'Anna-Karin Åkesson'), // too far ahead
        action('Utan datum', null, 'Sandra Johansson'),
        action('Klar sedan länge', '2024-02-01', 'Mats Wennstig', 'done'),
      ],
      today: '2024-02-16',
      followUpWithinDays: 14,
    });
    expect(carried).toEqual([
      { title: 'Revidering av LSVO:s ledningssystem', typeTag: 'I/D', carriedFromItemId: 'p1', subPoints: [] },
      { title: FOLLOW_UP_TITLE, typeTag: 'I', carriedFromItemId: null, subPoints: [
        'Boka lokal (senast 2024-01-31)',
        'Skicka ut verksamhetsplanen (ansvarig Mats Wennstig, senast 2024-02-20)',
      ] },
    ]);
  });

  it('adds nothing when nothing is pending', () => {
    expect(carryOver({ postponedItems: [], openActions: [], today: '2024-02-16', followUpWithinDays: 14 })).toEqual([]);
  });
});

describe('roster matching', () => {
  const member = (id: string, name: string, extra: Partial<RosterMember> = {}): RosterMember => ({
    id, groupId: 'g', name, title: '', principal: 'Region Blekinge', role: 'ledamot', party: null, aadObjectId: null, email: null, ...extra,
  });
  const roster = [
    member('1', 'Anna-Karin Åkesson', { aadObjectId: 'aad-1' }),
    member('2', 'Carina Ingemansson', { email: 'carina.ingemansson@regionblekinge.se' }),
    member('3', 'Carina Fransson'),
    member('4', 'Mats Wennstig'),
  ];

  it.each([
    [{ aadObjectId: 'aad-1', name: 'Någon annan' }, '1'],
    [{ aadObjectId: 'okänd', email: 'CARINA.Ingemansson@regionblekinge.se' }, '2'],
    [{ name: 'anna-karin  åkesson' }, '1'],
    [{ name: 'Anna-Karin A\u030akesson' }, '1'], // å typed as a + combining ring
    [{ name: 'Tina Olsson' }, null],
  ])('matchParticipant(%j) → %s', (who, id) => {
    expect(matchParticipant(roster, who)?.id ?? null).toBe(id);
  });

  it.each([
    ['Mats Wennstig', ['4']],
    ['mats', ['4']],
    ['Carina', ['2', '3']],
    ['Carina Fransson', ['3']],
    ['Fransson', ['3']],
    ['Tina', []],
    ['  ', []],
  ])('findMembersByName(%s)', (query, ids) => {
    expect(findMembersByName(roster, query).map((m) => m.id)).toEqual(ids);
  });
});

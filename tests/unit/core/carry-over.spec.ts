import type { ActionItem, AgendaItem } from '../../../bot/src/core/model';
import { carryOver, FOLLOW_UP_TITLE } from '../../../bot/src/core/carry-over';

const item = (id: string, title: string, typeTag: AgendaItem['typeTag']): AgendaItem => ({
  id, meetingId: 'm0', parentId: null, position: 1000, section: null, title, typeTag, standardKind: null, number: 5,
  presenters: [], outcome: 'postponed', outcomeRecorded: null, recipients: [], recipientsRecorded: null, carriedFromItemId: null,
});
const action = (text: string, dueDate: string | null, ownerName: string | null, status: ActionItem['status'] = 'open'): ActionItem => ({
  id: text, groupId: 'g', meetingId: 'm0', itemId: 'i', text, ownerMemberId: null, ownerName, dueDate, status, version: 1, createdAt: '2024-01-01T00:00:00.000Z', seq: 1,
});
const TODAY = '2024-02-16';

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
      today: TODAY,
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
    expect(carryOver({ postponedItems: [], openActions: [], today: TODAY, followUpWithinDays: 14 })).toEqual([]);
  });

  it.each<[string, string | null, number, boolean]>([
    ['due today', TODAY, 0, true],
    ['due on the last day of the window', '2024-03-01', 14, true],
    ['due the day after the window', '2024-03-02', 14, false],
    ['overdue by a year', '2023-02-16', 14, true],
    ['window across the leap day', '2024-03-01', 14, true],
    ['no due date', null, 365, false],
  ])('an open action %s (window %i days) is followed up: %s', (_title, dueDate, days, followedUp) => {
    const carried = carryOver({ postponedItems: [], openActions: [action('Ta fram rutin', dueDate, 'Linda Kullberg')], today: TODAY, followUpWithinDays: days });
    expect(carried.length).toBe(followedUp ? 1 : 0);
  });

  it.each<[string | null, string | null, string]>([
    ['Linda Kullberg', '2024-02-20', 'Ta fram reservrutin för Link (ansvarig Linda Kullberg, senast 2024-02-20)'],
    [null, '2024-02-20', 'Ta fram reservrutin för Link (senast 2024-02-20)'],
  ])('describes an action owned by %s due %s as "%s"', (owner, due, expected) => {
    const [followUp] = carryOver({ postponedItems: [], openActions: [action('Ta fram reservrutin för Link', due, owner)], today: TODAY, followUpWithinDays: 14 });
    expect(followUp?.subPoints).toEqual([expected]);
  });

  it('keeps the postponed items in their order, each with its own tag, and lists actions by due date', () => {
    const carried = carryOver({
      postponedItems: [item('p7', 'VFU-platser', 'I'), item('p8', 'Revidering av LSVO:S ledningssystem', 'I/D/B'), item('p9', 'Dokument i samverkan', null)],
      openActions: [action('Återkoppla om reservrutin', '2024-02-28', 'Mats Wennstig'), action('Boka fysiskt möte', '2024-02-19', 'Sandra Johansson')],
      today: TODAY,
      followUpWithinDays: 14,
    });
    expect(carried.map((c) => [c.title, c.typeTag, c.carriedFromItemId])).toEqual([
      ['VFU-platser', 'I', 'p7'], ['Revidering av LSVO:S ledningssystem', 'I/D/B', 'p8'], ['Dokument i samverkan', null, 'p9'],
      ['Uppföljning av åtgärder', 'I', null],
    ]);
    expect(carried[3]!.subPoints).toEqual([
      'Boka fysiskt möte (ansvarig Sandra Johansson, senast 2024-02-19)',
      'Återkoppla om reservrutin (ansvarig Mats Wennstig, senast 2024-02-28)',
    ]);
  });
});

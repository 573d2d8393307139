import type { AttendanceEvent } from '../../../bot/src/core/model';
import { intervalsFromEvents, personKey, reportedAbsent } from '../../../bot/src/core/attendance-intervals';

const START = '2024-02-16T07:15:00.000Z';
const anna = { memberId: 'm-anna', displayName: 'Anna-Karin Åkesson', aadObjectId: 'aad-anna', source: 'live' as const };
const guest = { memberId: null, displayName: 'Tina Olsson', aadObjectId: null, source: 'live' as const };
const ev = (who: Omit<AttendanceEvent, 'kind' | 'at'>, kind: 'join' | 'leave', at: string): AttendanceEvent => ({ ...who, kind, at });

describe('intervalsFromEvents', () => {
  it.each<[string, AttendanceEvent[], Array<[string, string | null]>]>([
    ['join then leave', [ev(anna, 'join', '2024-02-16T07:20:00.000Z'), ev(anna, 'leave', '2024-02-16T08:00:00.000Z')],
      [['2024-02-16T07:20:00.000Z', '2024-02-16T08:00:00.000Z']]],
    ['still present', [ev(anna, 'join', '2024-02-16T07:20:00.000Z')], [['2024-02-16T07:20:00.000Z', null]]],
    ['a repeated join is ignored', [ev(anna, 'join', '2024-02-16T07:20:00.000Z'), ev(anna, 'join', '2024-02-16T07:25:00.000Z')],
      [['2024-02-16T07:20:00.000Z', null]]],
    ['leave delivered before its join is sorted by time', [ev(anna, 'leave', '2024-02-16T08:00:00.000Z'), ev(anna, 'join', '2024-02-16T07:20:00.000Z')],
      [['2024-02-16T07:20:00.000Z', '2024-02-16T08:00:00.000Z']]],
    ['a leave without any join counts from the meeting start', [ev(anna, 'leave', '2024-02-16T08:00:00.000Z')],
      [[START, '2024-02-16T08:00:00.000Z']]],
    ['rejoining makes two intervals', [
      ev(anna, 'join', '2024-02-16T07:20:00.000Z'), ev(anna, 'leave', '2024-02-16T07:40:00.000Z'),
      ev(anna, 'join', '2024-02-16T08:00:00.000Z'), ev(anna, 'leave', '2024-02-16T08:30:00.000Z'),
    ], [['2024-02-16T07:20:00.000Z', '2024-02-16T07:40:00.000Z'], ['2024-02-16T08:00:00.000Z', '2024-02-16T08:30:00.000Z']]],
    ['a second leave after a stay is ignored', [
      ev(anna, 'join', '2024-02-16T07:20:00.000Z'), ev(anna, 'leave', '2024-02-16T07:40:00.000Z'), ev(anna, 'leave', '2024-02-16T07:41:00.000Z'),
    ], [['2024-02-16T07:20:00.000Z', '2024-02-16T07:40:00.000Z']]],
  ])('%s', (_title, events, expected) => {
    expect(intervalsFromEvents(events, START).map((i) => [i.joinedAt, i.leftAt])).toEqual(expected);
  });

  it('the secretary’s frånvarande for someone never there is no stay; it names them as away with notice', () => {
    const marked = { ...anna, source: 'manual' as const };
    const lena = { ...marked, memberId: 'm-lena', displayName: 'Lena Ek', aadObjectId: null };
    const events = [
      ev(marked, 'leave', '2024-02-16T07:16:00.000Z'),
      // Lena was there until the secretary marked her away: present, not Förhinder
      ev({ ...lena, source: 'live' }, 'join', '2024-02-16T07:15:00.000Z'), ev(lena, 'leave', '2024-02-16T07:30:00.000Z'),
    ];
    const intervals = intervalsFromEvents(events, START);
    expect(intervals.map((i) => [i.memberId, i.joinedAt, i.leftAt])).toEqual([['m-lena', START, '2024-02-16T07:30:00.000Z']]);
    expect(reportedAbsent(events, intervals)).toEqual(['m-anna']);
  });

  it('keeps people apart and guests by name', () => {
    const intervals = intervalsFromEvents([ev(anna, 'join', '2024-02-16T07:20:00.000Z'), ev(guest, 'join', '2024-02-16T07:21:00.000Z')], START);
    expect(intervals.map((i) => [i.displayName, i.memberId])).toEqual([['Anna-Karin Åkesson', 'm-anna'], ['Tina Olsson', null]]);
  });

  it.each([
    [{ memberId: 'm1', aadObjectId: 'a1', displayName: 'X' }, 'member:m1'],
    [{ memberId: null, aadObjectId: 'a1', displayName: 'X' }, 'aad:a1'],
    [{ memberId: null, aadObjectId: null, displayName: ' Anna-Karin  ÅKESSON ' }, 'name:anna-karin  åkesson'],
  ])('personKey(%j) = %s', (person, key) => {
    expect(personKey(person)).toBe(key);
  });
});

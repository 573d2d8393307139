import type { StandardItemKind } from '../../../bot/src/core/model';
import { headKinds, STANDARD_TITLES, TAIL_KINDS } from '../../../bot/src/core/standard-items';

describe('standard items', () => {
  it.each<[boolean, string[]]>([
    [false, ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll']],
    [true, ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Val av justerare samt tid för justering']],
  ])('electsAdjuster %s: the head of the agenda is %j', (electsAdjuster, titles) => {
    expect(headKinds({ electsAdjuster }).map((k) => STANDARD_TITLES[k])).toEqual(titles);
  });

  it('every meeting ends with other business and then the next meeting', () => {
    expect(TAIL_KINDS.map((k) => STANDARD_TITLES[k])).toEqual(['Övriga frågor', 'Nästa sammanträde']);
  });

  it('every standard kind has exactly one place: head or tail', () => {
    const kinds = Object.keys(STANDARD_TITLES) as StandardItemKind[];
    const placed = [...headKinds({ electsAdjuster: true }), ...TAIL_KINDS];
    expect([...placed].sort()).toEqual([...kinds].sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('hands out a fresh list each time, so a caller cannot change the next agenda', () => {
    const first = headKinds({ electsAdjuster: false });
    first.push('next-meeting');
    expect(headKinds({ electsAdjuster: false })).toEqual(['approve-agenda', 'previous-minutes']);
  });
});

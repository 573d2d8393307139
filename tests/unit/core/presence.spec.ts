import { formatPartialPresence, mergeIntervals, paragraphsPresent, presentAt, presentMemberIdsAt } from '../../../bot/src/core/presence';

const t = (hhmmss: string) => `2024-02-16T${hhmmss}.000Z`;
// §12 08:00–08:20, §13 08:20–08:40, §14 08:40–09:00, meeting ends 09:00
const visits = [
  { itemId: 'p12', openedAt: t('08:00:00') },
  { itemId: 'p13', openedAt: t('08:20:00') },
  { itemId: 'p14', openedAt: t('08:40:00') },
];
const END = t('09:00:00');

describe('presence per paragraph', () => {
  it.each([
    ['the whole meeting', [{ joinedAt: t('07:55:00'), leftAt: null }], ['p12', 'p13', 'p14']],
    ['left a few seconds into §14', [{ joinedAt: t('07:55:00'), leftAt: t('08:40:05') }], ['p12', 'p13']],
    ['joined a few seconds before §13 closed', [{ joinedAt: t('08:19:50'), leftAt: null }], ['p13', 'p14']],
    ['exactly half of §13 counts', [{ joinedAt: t('08:30:00'), leftAt: null }], ['p13', 'p14']],
    ['less than half does not', [{ joinedAt: t('08:30:01'), leftAt: null }], ['p14']],
    ['overlapping, out-of-order stays are merged', [
      { joinedAt: t('08:25:00'), leftAt: t('08:45:00') }, { joinedAt: t('08:00:00'), leftAt: t('08:30:00') },
    ], ['p12', 'p13']],
  ])('%s', (_title, stays, expected) => {
    expect([...paragraphsPresent(visits, END, stays)].sort()).toEqual(expected);
  });

  it('adds up a paragraph visited twice', () => {
    const revisited = [...visits, { itemId: 'p12', openedAt: t('08:50:00') }]; // §12 again 08:50–09:00 → 30 min in all
    // 10 of §12's 30 minutes: not present for §12; 5 of §14's 10 minutes: present
    expect(paragraphsPresent(revisited, END, [{ joinedAt: t('08:45:00'), leftAt: null }])).toEqual(new Set(['p14']));
    // 10 + 10 of §12's 30 minutes: present
    expect(paragraphsPresent(revisited, END, [
      { joinedAt: t('08:00:00'), leftAt: t('08:10:00') }, { joinedAt: t('08:50:00'), leftAt: null },
    ])).toEqual(new Set(['p12']));
  });

  it('a paragraph open for no time counts whoever was there at that instant', () => {
    const instant = [{ itemId: 'p1', openedAt: t('08:00:00') }, { itemId: 'p2', openedAt: t('08:00:00') }, { itemId: 'p3', openedAt: t('08:10:00') }];
    expect(paragraphsPresent(instant, END, [{ joinedAt: t('07:59:00'), leftAt: t('08:05:00') }])).toEqual(new Set(['p1', 'p2']));
  });

  it('merges touching intervals and answers presence at an instant', () => {
    expect(mergeIntervals([{ joinedAt: t('08:00:00'), leftAt: t('08:10:00') }, { joinedAt: t('08:10:00'), leftAt: t('08:20:00') }]))
      .toEqual([[Date.parse(t('08:00:00')), Date.parse(t('08:20:00'))]]);
    expect(presentAt([{ joinedAt: t('08:00:00'), leftAt: t('08:10:00') }], t('08:10:00'))).toBe(false);
    expect(presentMemberIdsAt([
      { memberId: 'a', joinedAt: t('08:00:00'), leftAt: null },
      { memberId: 'b', joinedAt: t('08:00:00'), leftAt: t('08:05:00') },
      { memberId: null, joinedAt: t('08:00:00'), leftAt: null },
    ], t('08:06:00'))).toEqual(new Set(['a']));
  });

  it.each([
    [[18], [15, 16, 17, 18, 19], 'year', '(§18)'],
    [[12, 13, 14, 15, 16, 17], [12, 13, 14, 15, 16, 17, 18], 'year', '(§§12 - 17)'],
    [[12, 13, 14, 17], [12, 13, 14, 15, 16, 17, 18], 'year', '(§§12 - 14, 17)'],
    [[12, 13], [12, 13, 14], 'year-suffix', '(§§12/24 - 13/24)'],
    [[3, 4], [1, 2, 3, 4, 5], 'meeting', '(del av mötet)'],
    [[1, 2, 3], [1, 2, 3], 'year', ''],
    [[], [1, 2, 3], 'year', ''],
  ] as const)('marks %j of %j (%s) as "%s"', (present, all, style, expected) => {
    expect(formatPartialPresence([...present], [...all], style, 2024)).toBe(expected);
  });
});

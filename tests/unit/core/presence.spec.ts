import { formatPartialPresence, mergeIntervals, paragraphsPresent, paragraphVisits, presentAt, presentMemberIdsAt } from '../../../bot/src/core/presence';

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

  it('counts a sub-point\'s time for its paragraph, also when the meeting jumped straight to it (`punkt 13a`)', () => {
    // §12 08:00–08:20, then `punkt 13a` 08:20, `punkt 13b` 08:30, `punkt 14` 08:40
    const items = [{ id: 'p12', parentId: null }, { id: 'p13', parentId: null }, { id: 'p13a', parentId: 'p13' }, { id: 'p13b', parentId: 'p13' }, { id: 'p14', parentId: null }];
    const jumped = [
      { itemId: 'p12', openedAt: t('08:00:00') },
      { itemId: 'p13a', openedAt: t('08:20:00') },
      { itemId: 'p13b', openedAt: t('08:30:00') },
      { itemId: 'gone', openedAt: t('08:35:00') }, // an item removed since: its visit no longer counts
      { itemId: 'p14', openedAt: t('08:40:00') },
    ];
    const main = paragraphVisits(jumped, items);
    expect(main.map((v) => v.itemId)).toEqual(['p12', 'p13', 'p13', 'p14']);
    // there only while §13's sub-points were discussed: present for §13, not §12
    expect(paragraphsPresent(main, END, [{ joinedAt: t('08:20:00'), leftAt: t('08:40:00') }])).toEqual(new Set(['p13']));
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
    // `§ 12/24` numbering: the mark has the numbers without the year, as such bodies write it
    [[12, 13], [12, 13, 14], 'year-suffix', '(§§12 - 13)'],
    [[4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'year-suffix', '(§§4 - 9)'],
    [[3, 4], [1, 2, 3, 4, 5], 'meeting', '(del av mötet)'],
    [[1, 2, 3], [1, 2, 3], 'year', ''],
    [[], [1, 2, 3], 'year', ''],
  ] as const)('marks %j of %j (%s) as "%s"', (present, all, style, expected) => {
    expect(formatPartialPresence([...present], [...all], style)).toBe(expected);
  });

  it('never writes the year into a § 12/24 mark', () => {
    const mark = formatPartialPresence([4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'year-suffix');
    expect(mark).toBe('(§§4 - 9)');
    expect(mark).not.toContain('/');
  });
});

describe('presence per paragraph, more cases', () => {
  // §15–§18 of a February meeting: 13.00–13.10, 13.10–13.40, 13.40–13.41, 13.41–14.00 (Stockholm = UTC+1)
  const feb = [
    { itemId: 'p15', openedAt: t('12:00:00') },
    { itemId: 'p16', openedAt: t('12:10:00') },
    { itemId: 'p17', openedAt: t('12:40:00') },
    { itemId: 'p18', openedAt: t('12:41:00') },
  ];
  const FEB_END = t('13:00:00');

  it.each<[string, Array<{ joinedAt: string; leftAt: string | null }>, string[]]>([
    ['no stays at all', [], []],
    ['joined after the meeting ended', [{ joinedAt: t('13:05:00'), leftAt: null }], []],
    ['left before the meeting started', [{ joinedAt: t('11:00:00'), leftAt: t('11:30:00') }], []],
    ['a leave before its join (bad data) is ignored', [{ joinedAt: t('12:30:00'), leftAt: t('12:20:00') }], []],
    ['stays given latest first', [{ joinedAt: t('12:41:00'), leftAt: null }, { joinedAt: t('12:00:00'), leftAt: t('12:10:00') }], ['p15', 'p18']],
    ['a stay inside another adds nothing', [{ joinedAt: t('12:00:00'), leftAt: null }, { joinedAt: t('12:20:00'), leftAt: t('12:30:00') }], ['p15', 'p16', 'p17', 'p18']],
    ['touching stays (a reconnect) count as one', [{ joinedAt: t('12:00:00'), leftAt: t('12:25:00') }, { joinedAt: t('12:25:00'), leftAt: t('12:40:00') }], ['p15', 'p16']],
    ['a short drop-out in §16 does not matter', [{ joinedAt: t('12:00:00'), leftAt: t('12:20:00') }, { joinedAt: t('12:22:00'), leftAt: null }], ['p15', 'p16', 'p17', 'p18']],
    ['away for most of §16', [{ joinedAt: t('12:00:00'), leftAt: t('12:12:00') }, { joinedAt: t('12:38:00'), leftAt: null }], ['p15', 'p17', 'p18']],
    ['§17 open one minute: 30 seconds is enough', [{ joinedAt: t('12:40:30'), leftAt: t('12:41:00') }], ['p17']],
    ['§17 open one minute: 29 seconds is not', [{ joinedAt: t('12:40:31'), leftAt: t('12:41:00') }], []],
  ])('%s', (_title, stays, expected) => {
    expect([...paragraphsPresent(feb, FEB_END, stays)].sort()).toEqual(expected);
  });

  it('takes visits in time order, whatever order they are given in', () => {
    const shuffled = [feb[2]!, feb[0]!, feb[3]!, feb[1]!];
    expect([...paragraphsPresent(shuffled, FEB_END, [{ joinedAt: t('12:38:00'), leftAt: null }])].sort()).toEqual(['p17', 'p18']);
  });

  it('a paragraph opened at the very end counts whoever stayed to the end', () => {
    const last = [...feb, { itemId: 'p19', openedAt: FEB_END }];
    expect(paragraphsPresent(last, FEB_END, [{ joinedAt: t('12:50:00'), leftAt: null }])).toEqual(new Set(['p18', 'p19']));
    expect(paragraphsPresent(last, FEB_END, [{ joinedAt: t('12:00:00'), leftAt: t('12:59:00') }]).has('p19')).toBe(false);
  });

  it('no visits, no paragraphs', () => {
    expect(paragraphsPresent([], FEB_END, [{ joinedAt: t('12:00:00'), leftAt: null }]).size).toBe(0);
  });

  it.each<[string, Array<{ joinedAt: string; leftAt: string | null }>, boolean]>([
    ['still there', [{ joinedAt: t('12:00:00'), leftAt: null }], true],
    ['the moment of joining', [{ joinedAt: t('12:30:00'), leftAt: null }], true],
    ['left before', [{ joinedAt: t('12:00:00'), leftAt: t('12:29:59') }], false],
    ['joins later', [{ joinedAt: t('12:30:01'), leftAt: null }], false],
    ['between two stays', [{ joinedAt: t('12:00:00'), leftAt: t('12:20:00') }, { joinedAt: t('12:40:00'), leftAt: null }], false],
    ['in the second of two stays given out of order', [{ joinedAt: t('12:25:00'), leftAt: null }, { joinedAt: t('12:00:00'), leftAt: t('12:10:00') }], true],
    ['no stays', [], false],
  ])('presentAt 12:30: %s', (_title, stays, expected) => {
    expect(presentAt(stays, t('12:30:00'))).toBe(expected);
  });

  it('presentMemberIdsAt merges a member\'s several stays and leaves out guests', () => {
    const stays = [
      { memberId: 'anna-karin', joinedAt: t('12:00:00'), leftAt: t('12:20:00') },
      { memberId: 'anna-karin', joinedAt: t('12:25:00'), leftAt: null },
      { memberId: 'mats', joinedAt: t('12:00:00'), leftAt: t('12:30:00') },
      { memberId: 'carina', joinedAt: t('12:31:00'), leftAt: null },
      { memberId: null, joinedAt: t('12:00:00'), leftAt: null },
    ];
    expect(presentMemberIdsAt(stays, t('12:30:00'))).toEqual(new Set(['anna-karin']));
    expect(presentMemberIdsAt(stays, t('12:22:00'))).toEqual(new Set(['mats']));
    expect(presentMemberIdsAt([], t('12:22:00'))).toEqual(new Set());
  });

  it.each([
    ['a stay without leave runs to the given end', [{ joinedAt: t('12:00:00'), leftAt: null }], Date.parse(FEB_END), [[Date.parse(t('12:00:00')), Date.parse(FEB_END)]]],
    ['overlapping, out of order', [
      { joinedAt: t('12:30:00'), leftAt: t('12:50:00') }, { joinedAt: t('12:00:00'), leftAt: t('12:35:00') }, { joinedAt: t('12:55:00'), leftAt: t('12:56:00') },
    ], Infinity, [[Date.parse(t('12:00:00')), Date.parse(t('12:50:00'))], [Date.parse(t('12:55:00')), Date.parse(t('12:56:00'))]]],
    ['a leave before its join is dropped', [{ joinedAt: t('12:30:00'), leftAt: t('12:00:00') }], Infinity, []],
  ])('mergeIntervals: %s', (_title, stays, openEnd, expected) => {
    expect(mergeIntervals(stays, openEnd)).toEqual(expected);
  });

  it.each([
    // reference 000: per-meeting numbering writes "(del av mötet)"
    [[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'meeting', '(del av mötet)'],
    [[15], [15, 16, 17, 18], 'year-suffix', '(§15)'],
    [[28], [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28], 'year', '(§28)'],
    // given out of order and with duplicates
    [[17, 12, 13, 14, 13], [18, 17, 16, 15, 14, 13, 12], 'year', '(§§12 - 14, 17)'],
    [[15, 17, 19], [15, 16, 17, 18, 19, 20], 'year', '(§§15, 17, 19)'],
    [[15, 16, 18, 19, 20], [15, 16, 17, 18, 19, 20, 21], 'year', '(§§15 - 16, 18 - 20)'],
    [[12, 14], [12, 14, 15], 'year', '(§§12 - 14)'], // 13 is not one of this meeting's paragraphs: 12 and 14 are neighbours
    [[12, 14, 16], [12, 13, 14, 15, 16, 17], 'year-suffix', '(§§12, 14, 16)'],
    [[99], [15, 16], 'year', ''], // not one of the meeting's paragraphs
    [[15, 16], [], 'year', ''],
  ] as const)('marks %j of %j (%s) as "%s"', (present, all, style, expected) => {
    expect(formatPartialPresence([...present], [...all], style)).toBe(expected);
  });
});

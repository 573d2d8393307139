/**
 * The ordering and naming helpers every agenda use case relies on, applied to an agenda as the store
 * returns it: walk order, paragraph references per numbering style, lookup by number, the year.
 */
import {
  capitalise, findByNumber, itemReference, mainItems, meetingYear, subPointsOf, walkOrder,
} from '../../../bot/src/core/use-cases/agenda-order';
import type { AgendaItem, Meeting } from '../../../bot/src/core/model';
import { at, describeUseCase, type GroupFixture, type UseCaseFixture } from '../../support/use-case-fixture';

const PLAN: Array<[string, null, string[]]> = [['Vårdplatsflöde', null, ['Läkemedel', 'Sjukresor']], ['Budget 2024', null, []]];

async function planned(fx: UseCaseFixture, g: GroupFixture): Promise<{ meeting: Meeting; items: AgendaItem[] }> {
  await fx.plan(g, PLAN);
  const [meeting] = await fx.meetings(g);
  // reversed: the helpers must not depend on the order the store returns
  const items = [...(await fx.repos.agenda.list(meeting!.id))].reverse();
  return { meeting: meeting!, items };
}

const byTitle = (items: AgendaItem[], title: string) => items.find((i) => i.title === title)!;

describeUseCase('agenda order', (fx) => {
  it('mainItems, subPointsOf and walkOrder: main items by position, each followed by its sub-points', async () => {
    const g = await fx.group();
    const { items } = await planned(fx, g);
    expect(mainItems(items).map((i) => i.title)).toEqual([
      'Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Vårdplatsflöde', 'Budget 2024', 'Övriga frågor', 'Nästa sammanträde',
    ]);
    expect(subPointsOf(items, byTitle(items, 'Vårdplatsflöde').id).map((i) => i.title)).toEqual(['Läkemedel', 'Sjukresor']);
    expect(subPointsOf(items, byTitle(items, 'Budget 2024').id)).toEqual([]);
    expect(walkOrder(items).map((i) => i.title)).toEqual([
      'Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Vårdplatsflöde', 'Läkemedel', 'Sjukresor', 'Budget 2024', 'Övriga frågor', 'Nästa sammanträde',
    ]);
  });

  it.each([
    ['meeting', ['punkt 3', 'punkt 3 b)', 'punkt 4']],
    ['meeting-paren', ['punkt 3', 'punkt 3 b)', 'punkt 4']],
    ['year', ['§ 3', '§ 3 b)', '§ 4']],
    ['year-suffix', ['§ 3/24', '§ 3/24 b)', '§ 4/24']],
  ] as const)('itemReference with %s numbering: %j', async (style, expected) => {
    const g = await fx.group({ numberingStyle: style });
    const { items } = await planned(fx, g);
    const refs = ['Vårdplatsflöde', 'Sjukresor', 'Budget 2024'].map((title) => itemReference(g.group, 2024, items, byTitle(items, title)));
    expect(refs).toEqual(expected);
  });

  it('findByNumber: a main item by number, a sub-point by 0-based index, undefined otherwise', async () => {
    const g = await fx.group();
    const { items } = await planned(fx, g);
    expect(findByNumber(items, 3, null)?.title).toBe('Vårdplatsflöde');
    expect(findByNumber(items, 3, 0)?.title).toBe('Läkemedel');
    expect(findByNumber(items, 3, 1)?.title).toBe('Sjukresor');
    expect(findByNumber(items, 3, 2)).toBeUndefined();
    expect(findByNumber(items, 4, 0)).toBeUndefined();
    expect(findByNumber(items, 7, null)).toBeUndefined();
  });

  it('meetingYear: started, else scheduled, else the fallback, in Stockholm', async () => {
    const g = await fx.group();
    const { meeting } = await planned(fx, g);
    expect(meeting).toMatchObject({ startsAt: null, startedAt: null });
    expect(meetingYear(meeting, '2023-05-01T08:00:00.000Z')).toBe(2023);
    expect(meetingYear({ ...meeting, startsAt: '2024-12-31T23:30:00.000Z' }, at(0))).toBe(2025);
    expect(meetingYear({ ...meeting, startsAt: '2023-06-01T08:00:00.000Z', startedAt: '2022-06-01T08:00:00.000Z' }, at(0))).toBe(2022);
  });

  it.each([
    ['punkt 3', 'Punkt 3'],
    ['§ 15', '§ 15'],
    ['åtgärd', 'Åtgärd'],
  ])('capitalise(%s) → %s', (text, expected) => {
    expect(capitalise(text)).toBe(expected);
  });
});

/**
 * Paragraph numbers on a real store: consecutive in agenda order, per meeting or running on across
 * the year's meetings (in Stockholm's calendar year), recomputed so they close up after a removal.
 */
import type { Meeting } from '../../../bot/src/core/model';
import { renumber } from '../../../bot/src/core/use-cases/renumber';
import { openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { at, describeUseCase, type GroupFixture, type UseCaseFixture } from '../../support/use-case-fixture';

/** A meeting of the group dated `startsAt`, then ended so the group can have the next one. */
async function heldOn(fx: UseCaseFixture, g: GroupFixture, startsAt: string): Promise<Meeting> {
  const { meeting } = await fx.run((repos) => openMeetingFor(repos, g.group, startsAt, { startsAt }));
  await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'utkast' });
  return meeting;
}

const numbers = async (fx: UseCaseFixture, meetingId: string) => (await fx.agenda(meetingId)).map(([n]) => n);

describeUseCase('renumbering', (fx) => {
  it('numbers main items by position, leaves sub-points unnumbered, and stores what it returns', async () => {
    const g = await fx.group();
    const { meeting } = await fx.run((repos) => openMeetingFor(repos, g.group, at(0)));
    const blank = { meetingId: meeting.id, section: null, typeTag: null, standardKind: null, number: 99, presenters: [], outcome: 'open' as const, recipients: [], carriedFromItemId: null };
    const late = await fx.repos.agenda.insert(g.group.id, { ...blank, parentId: null, position: 1002, title: 'Sent tillagd' });
    await fx.repos.agenda.insert(g.group.id, { ...blank, parentId: null, position: 1001, title: 'Tidigt tillagd' });
    await fx.repos.agenda.insert(g.group.id, { ...blank, parentId: late.id, position: 0, title: 'Underpunkt' });
    const items = await fx.run((repos) => renumber(repos, g.group, meeting, at(0)));
    const view = (list: typeof items) => list.map((i) => [i.title, i.number]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(view(items)).toEqual(view(await fx.repos.agenda.list(meeting.id)));
    expect(await fx.agenda(meeting.id)).toEqual([
      [1, 'Godkännande av dagordning'], [2, 'Föregående sammanträdesprotokoll'], [3, 'Tidigt tillagd'], [4, 'Sent tillagd'],
      [null, 'Underpunkt'], [5, 'Övriga frågor'], [6, 'Nästa sammanträde'],
    ]);
  });

  it('closes up after an item is removed', async () => {
    const g = await fx.group();
    await fx.plan(g, ['A', 'B', 'C']);
    const [meeting] = await fx.meetings(g);
    const b = (await fx.repos.agenda.list(meeting!.id)).find((i) => i.title === 'B')!;
    await fx.repos.agenda.remove(meeting!.id, b.id);
    await fx.run((repos) => renumber(repos, g.group, meeting!, at(0)));
    expect((await fx.agenda(meeting!.id)).map(([n, t]) => `${n} ${t}`)).toEqual([
      '1 Godkännande av dagordning', '2 Föregående sammanträdesprotokoll', '3 A', '4 C', '5 Övriga frågor', '6 Nästa sammanträde',
    ]);
  });

  it.each(['meeting', 'meeting-paren'] as const)('%s: every meeting starts at 1', async (style) => {
    const g = await fx.group({ numberingStyle: style });
    await heldOn(fx, g, '2024-02-16T08:00:00.000Z');
    const second = await heldOn(fx, g, '2024-03-15T08:00:00.000Z');
    expect(await numbers(fx, second.id)).toEqual([1, 2, 3, 4]);
  });

  it.each(['year', 'year-suffix'] as const)('%s: runs on after the year\'s earlier meetings, and restarts in a new year', async (style) => {
    const g = await fx.group({ numberingStyle: style });
    const first = await heldOn(fx, g, '2024-02-16T08:00:00.000Z');
    const second = await heldOn(fx, g, '2024-03-15T08:00:00.000Z');
    const nextYear = await heldOn(fx, g, '2025-01-17T08:00:00.000Z');
    expect(await numbers(fx, first.id)).toEqual([1, 2, 3, 4]);
    expect(await numbers(fx, second.id)).toEqual([5, 6, 7, 8]);
    expect(await numbers(fx, nextYear.id)).toEqual([1, 2, 3, 4]);
  });

  it('year: the configured start applies in its own year only', async () => {
    const g = await fx.group({ numberingStyle: 'year', numberingStart: 15, numberingStartYear: 2024 });
    const first = await heldOn(fx, g, '2024-02-16T08:00:00.000Z');
    const second = await heldOn(fx, g, '2024-03-15T08:00:00.000Z');
    const nextYear = await heldOn(fx, g, '2025-01-17T08:00:00.000Z');
    expect(await numbers(fx, first.id)).toEqual([15, 16, 17, 18]);
    expect(await numbers(fx, second.id)).toEqual([19, 20, 21, 22]);
    expect(await numbers(fx, nextYear.id)).toEqual([1, 2, 3, 4]);
  });

  it('year: the year is Stockholm\'s (23.30 UTC on New Year\'s Eve is already the new year)', async () => {
    const g = await fx.group({ numberingStyle: 'year' });
    await heldOn(fx, g, '2024-11-15T08:00:00.000Z');
    const newYear = await heldOn(fx, g, '2024-12-31T23:30:00.000Z');
    expect(await numbers(fx, newYear.id)).toEqual([1, 2, 3, 4]);
  });

  it('year: another group\'s paragraphs do not count', async () => {
    const other = await fx.group({ numberingStyle: 'year' });
    await heldOn(fx, other, '2024-02-16T08:00:00.000Z');
    const g = await fx.group({ numberingStyle: 'year' });
    const own = await heldOn(fx, g, '2024-03-15T08:00:00.000Z');
    expect(await numbers(fx, own.id)).toEqual([1, 2, 3, 4]);
  });
});

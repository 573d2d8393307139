/**
 * `kalender`, `kalender grupp <id>`, `kalender användare <e-post>` and `kalender av` on a real store:
 * what is linked, the Swedish answers, and that one group's link never shows in another.
 */
import type { CalendarRef } from '../../../bot/src/core/calendar';
import { calendarLink } from '../../../bot/src/core/use-cases/calendar-link';
import { describeUseCase } from '../../support/use-case-fixture';

const GROUP_CALENDAR: CalendarRef = { kind: 'group', id: '02bd9fd6-8f93-4758-87c3-1fb73740a315' };
const USER_CALENDAR: CalendarRef = { kind: 'user', id: 'sandra.johansson@regionblekinge.se' };

describeUseCase('calendar link', (fx) => {
  it('steps through show → link → show → relink → unlink → unlink again', async () => {
    const g = await fx.group();
    const name = g.group.name;
    const steps: Array<[CalendarRef | 'off' | null, string, CalendarRef | null]> = [
      [null, `${name} är inte kopplad till någon kalender. Skriv \`kalender grupp <id>\` eller \`kalender användare <e-post>\`.`, null],
      [GROUP_CALENDAR, `${name} är nu kopplad till Microsoft 365-gruppens kalender (02bd9fd6-8f93-4758-87c3-1fb73740a315). Före varje Teams-möte där hämtas dagordningen från kallelsen och postas i möteschatten.`, GROUP_CALENDAR],
      [null, `${name} är kopplad till Microsoft 365-gruppens kalender (02bd9fd6-8f93-4758-87c3-1fb73740a315).`, GROUP_CALENDAR],
      [USER_CALENDAR, `${name} är nu kopplad till kalendern för sandra.johansson@regionblekinge.se. Före varje Teams-möte där hämtas dagordningen från kallelsen och postas i möteschatten.`, USER_CALENDAR],
      [null, `${name} är kopplad till kalendern för sandra.johansson@regionblekinge.se.`, USER_CALENDAR],
      ['off', `${name} är inte längre kopplad till någon kalender. Dagordningen byggs nu bara av kommandona (ny punkt …).`, null],
      ['off', `${name} var inte kopplad till någon kalender.`, null],
    ];
    for (const [i, [link, text, calendar]] of steps.entries()) {
      const answer = await fx.run((repos) => calendarLink(repos, g.ctx(i), link));
      expect([i, answer]).toEqual([i, { text, data: { calendar } }]);
      expect([i, await fx.repos.calendar.find(g.group.id)]).toEqual([i, calendar]);
    }
  });

  it('relinking replaces the link and forgets the access problem told about the old one', async () => {
    const g = await fx.group();
    await fx.run((repos) => calendarLink(repos, g.ctx(0), GROUP_CALENDAR));
    expect(await fx.repos.calendar.claimProblem(g.group.id, 'forbidden')).toBe(true);
    expect(await fx.repos.calendar.claimProblem(g.group.id, 'forbidden')).toBe(false);
    await fx.run((repos) => calendarLink(repos, g.ctx(1), USER_CALENDAR));
    expect(await fx.repos.calendar.claimProblem(g.group.id, 'forbidden')).toBe(true);
    expect((await fx.repos.calendar.listLinks()).filter((l) => l.groupId === g.group.id)).toEqual([{ groupId: g.group.id, calendar: USER_CALENDAR }]);
  });

  it('a link belongs to its group only', async () => {
    const g = await fx.group();
    const other = await fx.group();
    await fx.run((repos) => calendarLink(repos, g.ctx(0), GROUP_CALENDAR));
    expect((await fx.run((repos) => calendarLink(repos, other.ctx(1), null))).data).toEqual({ calendar: null });
    expect((await fx.run((repos) => calendarLink(repos, other.ctx(2), 'off'))).text).toBe(`${other.group.name} var inte kopplad till någon kalender.`);
    expect(await fx.repos.calendar.find(g.group.id)).toEqual(GROUP_CALENDAR);
  });
});

/** `kalender …` as typed in Teams. */
import { parseCommand } from '../../../bot/src/core/commands/command.parser';

describe('kalender', () => {
  it.each([
    ['kalender', { kind: 'calendar', link: null }],
    ['Kalender  av', { kind: 'calendar', link: 'off' }],
    ['kalender grupp 02BD9FD6-8f93-4758-87c3-1fb73740a315', { kind: 'calendar', link: { kind: 'group', id: '02bd9fd6-8f93-4758-87c3-1fb73740a315' } }],
    ['kalender användare Sandra.Johansson@RegionBlekinge.se', { kind: 'calendar', link: { kind: 'user', id: 'sandra.johansson@regionblekinge.se' } }],
    ['kalender användare mailto:anna@kommun.se', { kind: 'calendar', link: { kind: 'user', id: 'anna@kommun.se' } }],
  ])('%s', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['kalender grupp LSVO', /Microsoft 365-gruppens id, ett GUID/],
    ['kalender grupp', /Microsoft 365-gruppens id/],
    ['kalender användare Sandra', /e-postadressen till den som bokar mötena/],
    ['kalender användare a@b', /e-postadressen/],
    ['kalender av nu', /tar inget mer/],
    ['kalender outlook', /Ange grupp <id>, användare <e-post> eller av \(”outlook” förstods inte\)/],
  ])('%s says how to write it', (text, problem) => {
    const result = parseCommand(text);
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed', kind: 'calendar' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(problem);
      expect(result.error.message).toContain('kalender grupp <id> · kalender användare <e-post> · kalender av');
    }
  });
});

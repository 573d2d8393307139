/**
 * The shared input checks: one table per check, so the rule every entrance (chat, cards, the tab's
 * API, Graph) relies on is written down once, edge cases included.
 */
import {
  hasControlCharacters, isCalendarDate, isUuid, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, MIN_DATE_YEAR,
  withoutControlCharacters,
} from '../../../bot/src/core/validators';

describe('isUuid', () => {
  it.each<[string, boolean]>([
    ['02bd9fd6-8f93-4758-87c3-1fb73740a315', true],
    ['02BD9FD6-8F93-4758-87C3-1FB73740A315', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['02bd9fd6-8f93-4758-87c3-1fb73740a31', false], // one digit short
    ['02bd9fd6-8f93-4758-87c3-1fb73740a3150', false],
    ['02bd9fd68f93475887c31fb73740a315', false], // no dashes
    ['02bd9fd6-8f93-4758-87c31-fb73740a315', false], // dashes in the wrong places, still 36 characters
    ['------------------------------------', false],
    ['{02bd9fd6-8f93-4758-87c3-1fb73740a315}', false],
    [' 02bd9fd6-8f93-4758-87c3-1fb73740a315', false], // callers trim when they mean to
    ['02bd9fd6-8f93-4758-87c3-1fb73740a315\n', false],
    ['g2bd9fd6-8f93-4758-87c3-1fb73740a315', false],
    ["1' or '1'='1", false],
    ['', false],
  ])('isUuid(%j) = %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});

describe('isCalendarDate', () => {
  it.each<[string, boolean]>([
    ['2024-02-29', true], // leap year
    ['2023-02-29', false],
    ['2000-02-29', true], // divisible by 400
    ['2100-02-29', false], // divisible by 100 only
    ['2024-02-30', false],
    ['2024-04-30', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['1900-01-01', true], // MIN_DATE_YEAR
    ['1899-12-31', false],
    ['0024-02-29', false],
    ['0000-01-01', false],
    ['9999-12-31', true],
    ['24-01-01', false],
    ['2024-1-1', false],
    ['2024-03-15.', false], // the command parser drops the period before asking
    [' 2024-03-15', false],
    ['2024-03-15T00:00:00Z', false],
    ['2024/03/15', false],
    ['15/3/2024', false],
    ['２０２４-03-15', false], // full-width digits are not \d without the u flag
    ['', false],
  ])('isCalendarDate(%j) = %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('starts at MIN_DATE_YEAR', () => {
    expect(MIN_DATE_YEAR).toBe(1900);
  });
});

describe('control characters', () => {
  it.each<[string, string, boolean]>([
    ['NUL', 'a\u0000b', true],
    ['BEL', 'a\u0007b', true],
    ['backspace', 'a\u0008b', true],
    ['vertical tab', 'a\u000Bb', true],
    ['form feed', 'a\u000Cb', true],
    ['escape (ANSI colours)', '\u001b[31mröd', true],
    ['unit separator', 'a\u001Fb', true],
    ['DEL', 'a\u007Fb', true],
    ['C1: padding character', 'a\u0080b', true],
    ['C1: next line', 'a\u0085b', true],
    ['C1: application program command', 'a\u009Fb', true],
    ['tab', 'a\tb', false],
    ['line feed', 'rad ett\nrad två', false],
    ['carriage return', 'rad ett\r\nrad två', false],
    ['no-break space', 'a\u00A0b', false],
    ['Swedish letters and emoji', 'Åsa Öhman-Ärlig 😀', false],
    ['right-to-left override (a format character, not a control)', 'a\u202Eb', false],
    ['zero-width space (removed by the command parser, not a control)', 'a\u200Bb', false],
    ['empty', '', false],
  ])('%s', (_name, text, expected) => {
    expect(hasControlCharacters(text)).toBe(expected);
    if (expected) expect(hasControlCharacters(withoutControlCharacters(text))).toBe(false);
    else expect(withoutControlCharacters(text)).toBe(text);
  });

  it('removes every control character, keeps the rest in order', () => {
    expect(withoutControlCharacters('Bud\u0000get\u0007 \u001b[31m2025\u0085\tklar\n')).toBe('Budget [31m2025\tklar\n');
  });

  it('gives the same answer on repeated calls (no regex state kept between them)', () => {
    for (let i = 0; i < 3; i++) expect(hasControlCharacters('a\u0000b')).toBe(true);
  });
});

describe('length limits', () => {
  it.each([
    ['MAX_TITLE_LENGTH', MAX_TITLE_LENGTH, 300],
    ['MAX_NAME_LENGTH', MAX_NAME_LENGTH, 200],
    ['MAX_TEXT_LENGTH', MAX_TEXT_LENGTH, 10_000],
  ])('%s = %i', (_name, value, expected) => {
    expect(value).toBe(expected);
  });
});

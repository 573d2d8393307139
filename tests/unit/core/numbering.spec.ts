import {
  assignNumbers, firstNumberForMeeting, formatParagraphHeading, formatParagraphNumber, formatParagraphRange, formatParagraphRef,
  subPointLabel,
} from '../../../bot/src/core/numbering';

describe('paragraph numbering', () => {
  it.each([
    // per meeting: always 1
    [{ style: 'meeting', numberingStart: 15, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: 14 }, 1],
    // yearly: February's meeting continues after January's §1–§14
    [{ style: 'year', numberingStart: null, numberingStartYear: null, year: 2024, lastNumberUsedThisYear: 14 }, 15],
    [{ style: 'year', numberingStart: null, numberingStartYear: null, year: 2024, lastNumberUsedThisYear: null }, 1],
    // configured start (moving to Protokoll mid-year)
    [{ style: 'year-suffix', numberingStart: 12, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: null }, 12],
    // the start number belongs to its year only
    [{ style: 'year', numberingStart: 12, numberingStartYear: 2024, year: 2025, lastNumberUsedThisYear: null }, 1],
    [{ style: 'year', numberingStart: 12, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: 20 }, 21],
  ] as const)('firstNumberForMeeting(%j) = %i', (input, expected) => {
    expect(firstNumberForMeeting(input)).toBe(expected);
  });

  it('assigns consecutive numbers in agenda order', () => {
    expect([...assignNumbers(['a', 'b', 'c'], 15)]).toEqual([['a', 15], ['b', 16], ['c', 17]]);
  });

  it.each([
    ['year', 15, 2024, '§ 15', '§ 15 Godkännande av föredragningslista', '§ 15'],
    ['year-suffix', 12, 2024, '§ 12/24', '§ 12/24 Godkännande av föredragningslista', '§ 12/24'],
    ['year-suffix', 3, 2009, '§ 3/09', '§ 3/09 Godkännande av föredragningslista', '§ 3/09'],
    ['meeting', 1, 2021, '1.', '1. Godkännande av föredragningslista', 'punkt 1'],
  ] as const)('%s %i → %s', (style, n, year, number, heading, ref) => {
    expect(formatParagraphNumber(style, n, year)).toBe(number);
    expect(formatParagraphHeading(style, n, year, 'Godkännande av föredragningslista')).toBe(heading);
    expect(formatParagraphRef(style, n, year)).toBe(ref);
  });

  it.each([[0, 'a)'], [1, 'b)'], [25, 'z)'], [26, 'aa)'], [27, 'ab)']])('sub-point %i is %s', (index, label) => {
    expect(subPointLabel(index)).toBe(label);
  });

  it.each([
    ['year', 15, 28, '§15 - §28'],
    ['year', 15, 15, '§15'],
    ['year-suffix', 12, 20, '§12/24 - §20/24'],
    ['meeting', 1, 12, '1 - 12'],
  ] as const)('range %s %i–%i = %s', (style, first, last, expected) => {
    expect(formatParagraphRange(style, first, last, 2024)).toBe(expected);
  });
});

import {
  assignNumbers, firstNumberForMeeting, formatParagraphHeading, formatParagraphNumber, formatParagraphRange, formatParagraphRef,
  parseParagraphRef, subPointLabel,
} from '../../../bot/src/core/numbering';

describe('paragraph numbering', () => {
  it.each([
    // per meeting: always 1
    [{ style: 'meeting', numberingStart: 15, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: 14 }, 1],
    [{ style: 'meeting-paren', numberingStart: 15, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: 14 }, 1],
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
    ['meeting-paren', 2, 2024, '2).', '2). Godkännande av föredragningslista', 'punkt 2'],
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
    ['meeting-paren', 1, 9, '1 - 9'],
  ] as const)('range %s %i–%i = %s', (style, first, last, expected) => {
    expect(formatParagraphRange(style, first, last, 2024)).toBe(expected);
  });
});

describe('paragraph numbering at the edges', () => {
  it.each([
    // the reference protokoll of February 2024 starts at §15 after January's §1–§14, whatever start was configured
    [{ style: 'year', numberingStart: 1, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: 14 }, 15],
    // a start without a year applies to every year
    [{ style: 'year', numberingStart: 15, numberingStartYear: null, year: 2025, lastNumberUsedThisYear: null }, 15],
    [{ style: 'year-suffix', numberingStart: null, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: null }, 1],
    [{ style: 'year-suffix', numberingStart: 12, numberingStartYear: 2024, year: 2024, lastNumberUsedThisYear: 19 }, 20],
    // a new year starts again at 1
    [{ style: 'year-suffix', numberingStart: 12, numberingStartYear: 2024, year: 2025, lastNumberUsedThisYear: null }, 1],
    [{ style: 'meeting', numberingStart: null, numberingStartYear: null, year: 2021, lastNumberUsedThisYear: null }, 1],
  ] as const)('firstNumberForMeeting(%j) = %i', (input, expected) => {
    expect(firstNumberForMeeting(input)).toBe(expected);
  });

  it('numbers nothing when there are no items', () => {
    expect(assignNumbers([], 15).size).toBe(0);
  });

  it('numbers a February meeting §15–§28 as in the reference minutes', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `item-${i}`);
    const numbers = assignNumbers(ids, 15);
    expect(numbers.get('item-0')).toBe(15);
    expect(numbers.get('item-13')).toBe(28);
    expect(formatParagraphRange('year', 15, numbers.get('item-13')!, 2024)).toBe('§15 - §28');
  });

  it.each([
    ['year', 28, 2024, 'Nästa sammanträde', '§ 28 Nästa sammanträde'],
    ['year-suffix', 20, 2000, 'Övriga frågor', '§ 20/00 Övriga frågor'],
    ['meeting', 12, 2021, 'Övrigt', '12. Övrigt'],
    ['meeting', 11, 2021, 'Uppföljning tillfälliga arbetsgrupper:', '11. Uppföljning tillfälliga arbetsgrupper:'],
  ] as const)('heading %s %i (%i) %s', (style, n, year, title, expected) => {
    expect(formatParagraphHeading(style, n, year, title)).toBe(expected);
  });

  it.each([[2, 'c)'], [51, 'az)'], [52, 'ba)'], [701, 'zz)'], [702, 'aaa)']])('sub-point %i is %s', (index, label) => {
    expect(subPointLabel(index)).toBe(label);
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses sub-point index %p', (index) => {
    expect(() => subPointLabel(index)).toThrow(RangeError);
  });

  it.each([
    ['year-suffix', 12, 12, 2024, '§12/24'],
    ['year-suffix', 1, 9, 2009, '§1/09 - §9/09'],
    ['meeting', 1, 1, 2021, '1'],
    ['year', 1, 14, 2024, '§1 - §14'],
  ] as const)('range %s %i–%i (%i) = %s', (style, first, last, year, expected) => {
    expect(formatParagraphRange(style, first, last, year)).toBe(expected);
  });
});

describe('parseParagraphRef (`punkt 24b`)', () => {
  it.each<[string, { number: number; sub: number | null } | null]>([
    ['24', { number: 24, sub: null }],
    ['24b', { number: 24, sub: 1 }],
    ['24B', { number: 24, sub: 1 }],
    ['§ 15', { number: 15, sub: null }],
    ['§15', { number: 15, sub: null }],
    ['§ 24 b)', { number: 24, sub: 1 }],
    ['11a', { number: 11, sub: 0 }],
    ['11 c)', { number: 11, sub: 2 }],
    ['1).', { number: 1, sub: null }], // reference 002 writes "1). Godkännande av dagordningen"
    ['12.', { number: 12, sub: null }],
    ['  28  ', { number: 28, sub: null }],
    ['3z', { number: 3, sub: 25 }],
    ['3aa', { number: 3, sub: 26 }],
    ['3zz', { number: 3, sub: 701 }],
    ['', null],
    ['§', null],
    ['b', null],
    ['0', null],
    ['-3', null],
    ['24å', null], // å is a letter, but never a sub-point label
    ['12/24', null], // a year suffix could name another year's paragraph
    ['24 b c', null],
    ['punkt 24', null],
    ['1e3', null],
  ])('parseParagraphRef(%j) = %j', (raw, expected) => {
    expect(parseParagraphRef(raw)).toEqual(expected);
  });

  it.each([0, 1, 25, 26, 27, 701, 702, 18_277])('reads back what subPointLabel(%i) writes', (index) => {
    expect(parseParagraphRef(`24${subPointLabel(index)}`)).toEqual({ number: 24, sub: index });
  });
});

describe('paragraph references: parseParagraphRef inverts the formatters', () => {
  const numbers = [1, 9, 24, 100, 999_999];
  const subs = Array.from({ length: 101 }, (_, sub) => sub);

  // how a member writes it: `24aa`, `24 aa)`, `§ 24 AA)`
  it.each<[string, (n: number, label: string) => string]>([
    ['24aa)', (n, label) => `${n}${label}`],
    ['24aa', (n, label) => `${n}${label.slice(0, -1)}`],
    ['24 aa)', (n, label) => `${n} ${label}`],
    ['§ 24 AA)', (n, label) => `§ ${n} ${label.toUpperCase()}`],
    ['§24aa.', (n, label) => `§${n}${label.slice(0, -1)}.`],
  ])('as %s: every sub-point 0–100 of every number', (_shape, write) => {
    for (const number of numbers) {
      expect(parseParagraphRef(String(number))).toEqual({ number, sub: null });
      for (const sub of subs) expect(parseParagraphRef(write(number, subPointLabel(sub)))).toEqual({ number, sub });
    }
  });

  // how chat answers write it (itemReference): `§ 24 aa)`, `punkt 24 aa)` after the keyword
  it.each(['meeting', 'meeting-paren', 'year'] as const)('%s: formatParagraphRef + subPointLabel', (style) => {
    for (const number of numbers) {
      const main = formatParagraphRef(style, number, 2024).replace(/^punkt /, '');
      expect(parseParagraphRef(main)).toEqual({ number, sub: null });
      for (const sub of subs) expect(parseParagraphRef(`${main} ${subPointLabel(sub)}`)).toEqual({ number, sub });
    }
  });

  it('refuses the year-suffix form: it could name another year', () => {
    expect(parseParagraphRef(`${formatParagraphRef('year-suffix', 24, 2024)} ${subPointLabel(26)}`)).toBeNull();
  });
});

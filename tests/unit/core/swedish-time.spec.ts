import {
  addDays, formatApprovalDeadline, formatClock, formatLongDate, formatMeetingTime, formatTimeOfDay,
  stockholmDate, stockholmLocalToIso, stockholmYear, swedishWeekday,
} from '../../../bot/src/core/swedish-time';

describe('Swedish dates and times (Europe/Stockholm)', () => {
  it.each([
    // reference 000: "Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams" (winter, UTC+1)
    ['2021-01-18T12:00:00.000Z', '2021-01-18T15:00:00.000Z', 'via Teams', 'Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams'],
    // the held original said "Fredagen den 16 februari 2023" on a 2024 protokoll: the weekday comes from the date
    ['2024-02-16T07:15:00.000Z', '2024-02-16T11:00:00.000Z', 'via Teams', 'Fredag den 16 februari 2024 kl. 08.15 – 12.00 via Teams'],
    // summer time, UTC+2
    ['2024-06-10T07:00:00.000Z', '2024-06-10T09:30:00.000Z', 'Länshuset', 'Måndag den 10 juni 2024 kl. 09.00 – 11.30, Länshuset'],
    // a room follows a comma, as reference 004 writes "kl. 15.00-17.00, Skype"; a hybrid meeting names its room, not Teams
    ['2021-01-18T12:00:00.000Z', '2021-01-18T15:00:00.000Z', 'Sammanträdesrum Ekbacken, Ronneby rådhus', 'Måndag den 18 januari 2021 kl. 13.00 – 16.00, Sammanträdesrum Ekbacken, Ronneby rådhus'],
    ['2024-06-10T07:00:00.000Z', null, 'Länshuset', 'Måndag den 10 juni 2024 kl. 09.00, Länshuset'],
    // a place that starts with a preposition follows a space
    ['2024-06-10T07:00:00.000Z', '2024-06-10T09:30:00.000Z', 'i Länshuset, Karlskrona', 'Måndag den 10 juni 2024 kl. 09.00 – 11.30 i Länshuset, Karlskrona'],
    ['2024-06-10T07:00:00.000Z', '2024-06-10T09:30:00.000Z', '  Länshuset ', 'Måndag den 10 juni 2024 kl. 09.00 – 11.30, Länshuset'],
    ['2024-06-10T07:00:00.000Z', null, 'via Teams', 'Måndag den 10 juni 2024 kl. 09.00 via Teams'],
    ['2024-12-31T21:00:00.000Z', '2024-12-31T23:30:00.000Z', 'via Teams', 'Tisdag den 31 december 2024 kl. 22.00 – onsdag den 1 januari 2025 kl. 00.30 via Teams'],
  ])('formatMeetingTime(%s, %s)', (start, end, place, expected) => {
    expect(formatMeetingTime(start, end, place)).toBe(expected);
  });

  it.each([
    // DST starts 2024-03-31 02:00 → 03:00, ends 2024-10-27 03:00 → 02:00
    ['2024-03-31T00:30:00.000Z', '2024-03-31', '01.30'],
    ['2024-03-31T01:30:00.000Z', '2024-03-31', '03.30'],
    ['2024-10-27T00:30:00.000Z', '2024-10-27', '02.30'],
    ['2024-10-27T01:30:00.000Z', '2024-10-27', '02.30'],
    ['2024-02-15T23:30:00.000Z', '2024-02-16', '00.30'],
  ])('%s is %s %s in Stockholm', (iso, date, clock) => {
    expect(stockholmDate(iso)).toBe(date);
    expect(formatClock(iso)).toBe(clock);
    expect(formatTimeOfDay(iso)).toBe(`kl. ${clock}`);
  });

  it.each([
    ['2024-03-15', '16.00', '2024-03-15T15:00:00.000Z'],
    ['2024-06-15', '16:00', '2024-06-15T14:00:00.000Z'],
    ['2024-03-31', '03.30', '2024-03-31T01:30:00.000Z'],
    ['2024-10-27', '12.00', '2024-10-27T11:00:00.000Z'],
  ])('stockholmLocalToIso(%s, %s) = %s', (date, time, iso) => {
    expect(stockholmLocalToIso(date, time)).toBe(iso);
  });

  it('rejects impossible local times', () => {
    expect(() => stockholmLocalToIso('2024-02-30', '10.00')).toThrow(RangeError);
    expect(() => stockholmLocalToIso('2024-02-10', '24.00')).toThrow(RangeError);
  });

  it.each([
    ['2021-01-18', 'måndag', 'Måndag den 18 januari 2021'],
    ['2024-02-16', 'fredag', 'Fredag den 16 februari 2024'],
    ['2025-01-20', 'måndag', 'Måndag den 20 januari 2025'],
    ['2024-12-01', 'söndag', 'Söndag den 1 december 2024'],
  ])('%s is a %s', (date, weekday, long) => {
    expect(swedishWeekday(date)).toBe(weekday);
    expect(formatLongDate(date)).toBe(long);
  });

  it('adds days across months and years, and knows the year', () => {
    expect(addDays('2024-12-25', 14)).toBe('2025-01-08');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(stockholmYear('2024-12-31T23:30:00.000Z')).toBe(2025);
  });

  it('formats the approval deadline as in the reference minutes', () => {
    expect(formatApprovalDeadline('2024-03-15T15:00:00.000Z')).toBe('Digital justering senast 2024-03-15 kl. 16.00');
  });
});

describe('Swedish time at the edges', () => {
  it.each([
    // the night summer time starts (02.00 → 03.00): a 01.30–03.30 meeting lasts one hour
    ['2024-03-31T00:30:00.000Z', '2024-03-31T01:30:00.000Z', 'Söndag den 31 mars 2024 kl. 01.30 – 03.30 via Teams'],
    // the night it ends (03.00 → 02.00): a 02.30–02.30 meeting lasts one hour
    ['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z', 'Söndag den 27 oktober 2024 kl. 02.30 – 02.30 via Teams'],
    // the Saturday before, evening: same local hours as the day after, other offsets
    ['2024-03-30T17:00:00.000Z', '2024-03-30T19:00:00.000Z', 'Lördag den 30 mars 2024 kl. 18.00 – 20.00 via Teams'],
    ['2024-04-01T16:00:00.000Z', '2024-04-01T18:00:00.000Z', 'Måndag den 1 april 2024 kl. 18.00 – 20.00 via Teams'],
    ['2024-10-26T16:00:00.000Z', '2024-10-26T18:00:00.000Z', 'Lördag den 26 oktober 2024 kl. 18.00 – 20.00 via Teams'],
    ['2024-10-28T17:00:00.000Z', '2024-10-28T19:00:00.000Z', 'Måndag den 28 oktober 2024 kl. 18.00 – 20.00 via Teams'],
    // crosses midnight in UTC+2 although not in UTC
    ['2024-06-14T20:00:00.000Z', '2024-06-14T22:30:00.000Z', 'Fredag den 14 juni 2024 kl. 22.00 – lördag den 15 juni 2024 kl. 00.30, Länshuset'],
  ])('formatMeetingTime(%s, %s) over DST', (start, end, expected) => {
    expect(formatMeetingTime(start, end, expected.endsWith('Länshuset') ? 'Länshuset' : 'via Teams')).toBe(expected);
  });

  it('writes no trailing space when there is no place', () => {
    expect(formatMeetingTime('2021-01-18T12:00:00.000Z', '2021-01-18T15:00:00.000Z', '')).toBe('Måndag den 18 januari 2021 kl. 13.00 – 16.00');
  });

  it.each([
    // 23.30 UTC on a Sunday is already Monday in Stockholm: the weekday follows the Stockholm date
    ['2021-01-17T23:30:00.000Z', 'måndag', 'Måndag den 18 januari 2021'],
    ['2024-06-30T22:15:00.000Z', 'måndag', 'Måndag den 1 juli 2024'],
    ['2024-06-30T21:59:00.000Z', 'söndag', 'Söndag den 30 juni 2024'],
    ['2024-02-29T12:00:00.000Z', 'torsdag', 'Torsdag den 29 februari 2024'],
  ])('the instant %s is a %s', (iso, weekday, long) => {
    expect(swedishWeekday(iso)).toBe(weekday);
    expect(formatLongDate(iso)).toBe(long);
  });

  it.each([
    ['måndag', '2024-02-12'], ['tisdag', '2024-02-13'], ['onsdag', '2024-02-14'], ['torsdag', '2024-02-15'],
    ['fredag', '2024-02-16'], ['lördag', '2024-02-17'], ['söndag', '2024-02-18'],
  ])('every weekday has its Swedish name: %s', (weekday, date) => {
    expect(swedishWeekday(date)).toBe(weekday);
  });

  it.each([
    // the hour skipped in spring is moved forward; the hour that occurs twice in autumn is its first (summer) occurrence
    ['2024-03-31', '02.30', '2024-03-31T01:30:00.000Z'],
    ['2024-03-31', '01.59', '2024-03-31T00:59:00.000Z'],
    ['2024-10-27', '02.30', '2024-10-27T00:30:00.000Z'],
    ['2024-10-27', '03.00', '2024-10-27T02:00:00.000Z'],
    ['2024-02-16', '8.15', '2024-02-16T07:15:00.000Z'],
    ['2024-02-16', ' 00:00 ', '2024-02-15T23:00:00.000Z'],
  ])('stockholmLocalToIso(%s, %s) = %s', (date, time, iso) => {
    expect(stockholmLocalToIso(date, time)).toBe(iso);
  });

  it.each([['2024-02-16', '13.60'], ['2024-02-16', '13'], ['2024-02-16', 'kl. 13.00'], ['16/2 2024', '13.00'], ['2023-02-29', '13.00']])(
    'stockholmLocalToIso(%s, %s) is refused', (date, time) => {
      expect(() => stockholmLocalToIso(date, time)).toThrow(RangeError);
    },
  );

  it.each([
    ['2024-02-30'], ['2024-02-30T10:00:00.000Z'], ['inte ett datum'], [''],
  ])('refuses to format %j rather than guess a weekday', (value) => {
    expect(() => formatLongDate(value)).toThrow(RangeError);
    expect(() => swedishWeekday(value)).toThrow(RangeError);
  });

  it('refuses an invalid date in calendar arithmetic and clock formatting', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => formatClock('inte en tid')).toThrow(RangeError);
  });

  it.each([
    ['2024-03-30', 1, '2024-03-31'], ['2024-03-30', 2, '2024-04-01'], ['2024-10-26', 2, '2024-10-28'],
    ['2023-02-28', 1, '2023-03-01'], ['2024-01-01', 0, '2024-01-01'], ['2024-01-01', -1, '2023-12-31'],
  ])('addDays(%s, %i) = %s (DST does not shift a calendar date)', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2024-03-31T14:00:00.000Z', 'Digital justering senast 2024-03-31 kl. 16.00'],
    ['2024-10-27T15:00:00.000Z', 'Digital justering senast 2024-10-27 kl. 16.00'],
    ['2024-12-31T23:00:00.000Z', 'Digital justering senast 2025-01-01 kl. 00.00'],
  ])('approval deadline %s', (iso, expected) => {
    expect(formatApprovalDeadline(iso)).toBe(expected);
  });

  it.each([['2024-12-31T22:59:00.000Z', 2024], ['2024-12-31T23:00:00.000Z', 2025], ['2021-01-18T12:00:00.000Z', 2021]])(
    'stockholmYear(%s) = %i', (iso, year) => {
      expect(stockholmYear(iso)).toBe(year);
    },
  );
});

describe('Stockholm wall clock around the switches to and from summer time', () => {
  // Intl, asked directly for every instant, is the reference the cached offset must agree with.
  const reference = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const intl = (iso: string) => {
    const p = Object.fromEntries(reference.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
    return { date: `${p.year}-${p.month}-${p.day}`, clock: `${p.hour}.${p.minute}` };
  };

  it.each(['2024-03-30T12:00:00.000Z', '2024-10-26T12:00:00.000Z', '2025-03-29T12:00:00.000Z', '2025-10-25T12:00:00.000Z', '2024-12-31T12:00:00.000Z'])(
    'agrees with Intl every 7 minutes for a day and a half from %s',
    (from) => {
      for (let minute = 0; minute < 36 * 60; minute += 7) {
        const iso = new Date(Date.parse(from) + minute * 60_000).toISOString();
        expect({ date: stockholmDate(iso), clock: formatClock(iso) }).toEqual(intl(iso));
      }
    },
  );
});

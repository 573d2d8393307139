import {
  addDays, formatApprovalDeadline, formatClock, formatLongDate, formatMeetingTime, formatTimeOfDay, isValidIsoDate,
  stockholmDate, stockholmLocalToIso, stockholmYear, swedishWeekday,
} from '../../../bot/src/core/swedish-time';

describe('Swedish dates and times (Europe/Stockholm)', () => {
  it.each([
    // reference 000: "Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams" (winter, UTC+1)
    ['2021-01-18T12:00:00.000Z', '2021-01-18T15:00:00.000Z', 'via Teams', 'Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams'],
    // the held original said "Fredagen den 16 februari 2023" on a 2024 protokoll: the weekday comes from the date
    ['2024-02-16T07:15:00.000Z', '2024-02-16T11:00:00.000Z', 'via Teams', 'Fredag den 16 februari 2024 kl. 08.15 – 12.00 via Teams'],
    // summer time, UTC+2
    ['2024-06-10T07:00:00.000Z', '2024-06-10T09:30:00.000Z', 'Länshuset', 'Måndag den 10 juni 2024 kl. 09.00 – 11.30 Länshuset'],
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

  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2024-02-30', false], ['2024-13-01', false], ['24-01-01', false], ['2024-1-1', false],
  ])('isValidIsoDate(%s) = %s', (date, valid) => {
    expect(isValidIsoDate(date)).toBe(valid);
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

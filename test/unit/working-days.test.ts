import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  isWorkingDay,
  publicHolidays,
  workingDaysBetween,
} from '../../functions/domain/digests/working-days.ts';

describe('French working days', () => {
  // Easter Sundays as the calendars print them, chosen to cover the computus' edge years.
  it.each([
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('finds Easter %i on %s', (year, day) => {
    expect(easterSunday(year)).toBe(day);
  });

  it('lists the eleven public holidays of 2026, those that follow Easter included', () => {
    expect([...publicHolidays(2026).keys()].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(publicHolidays(2026).get('2026-05-14')).toBe('Ascension');
  });

  it('counts neither weekends nor public holidays', () => {
    expect(isWorkingDay('2026-12-01')).toBe(true); // a Tuesday
    expect(isWorkingDay('2026-12-05')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas, a Friday
    expect(isWorkingDay('2027-03-29')).toBe(false); // Easter Monday
  });

  it('steps over a weekend and a holiday together: five working days after Christmas Eve 2026', () => {
    // Thu 24 → (Fri 25 Noël) Mon 28, Tue 29, Wed 30, Thu 31, (Fri 1 Jour de l’an) Mon 4.
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-04');
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5);
    expect(workingDaysBetween('2026-12-24', '2027-01-01')).toBe(4);
  });

  it('counts the Ascension bridge as working days but not the Thursday', () => {
    // Ascension 2026 falls on Thursday 14 May: Wed 13 → Fri 15 is one working day.
    expect(workingDaysBetween('2026-05-13', '2026-05-15')).toBe(1);
    expect(workingDaysBetween('2026-05-15', '2026-05-13')).toBe(0);
  });
});

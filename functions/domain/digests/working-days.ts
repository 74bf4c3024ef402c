/**
 * French working days: Monday to Friday, except the eleven public holidays of the Code du travail
 * (L3133-1) in metropolitan France. Easter Monday, Ascension and Whit Monday follow Easter, computed
 * with the Gregorian computus (Meeus/Jones/Butcher), valid for every year of the Gregorian calendar.
 * Calendar days are `YYYY-MM-DD` strings, read as days (never instants), so no time zone can shift them.
 */

const dayMs = 86_400_000;

const toDay = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);
const fromDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** Easter Sunday of a Gregorian year. */
export const easterSunday = (year: number): string => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const afterEaster = (year: number, days: number) => toDay(fromDay(easterSunday(year)) + days * dayMs);

/** The public holidays of a year, by date, with their French names. */
export const publicHolidays = (year: number): ReadonlyMap<string, string> =>
  new Map([
    [`${year}-01-01`, 'Jour de l’an'],
    [afterEaster(year, 1), 'Lundi de Pâques'],
    [`${year}-05-01`, 'Fête du Travail'],
    [`${year}-05-08`, 'Victoire 1945'],
    [afterEaster(year, 39), 'Ascension'],
    [afterEaster(year, 50), 'Lundi de Pentecôte'],
    [`${year}-07-14`, 'Fête nationale'],
    [`${year}-08-15`, 'Assomption'],
    [`${year}-11-01`, 'Toussaint'],
    [`${year}-11-11`, 'Armistice 1918'],
    [`${year}-12-25`, 'Noël'],
  ]);

const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();
const holidaysOf = (year: number) => {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = publicHolidays(year);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
};

export const isWorkingDay = (day: string): boolean => {
  const weekday = new Date(fromDay(day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(day.slice(0, 4))).has(day);
};

/** The working day `count` working days after `day` (`day` itself does not count). */
export const addWorkingDays = (day: string, count: number): string => {
  let cursor = fromDay(day);
  let left = count;
  while (left > 0) {
    cursor += dayMs;
    if (isWorkingDay(toDay(cursor))) left--;
  }
  return toDay(cursor);
};

/** Working days after `from` up to and including `to`: 0 when `to` is not after `from`. */
export const workingDaysBetween = (from: string, to: string): number => {
  let count = 0;
  for (let cursor = fromDay(from) + dayMs; cursor <= fromDay(to); cursor += dayMs) {
    if (isWorkingDay(toDay(cursor))) count++;
  }
  return count;
};

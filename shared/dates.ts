/** Every date a person reads is shown in Paris time, whatever the server's zone, as French writes it. */
export const parisTimeZone = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: parisTimeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

const nbsp = '\u00a0';

const paris = (at: string | Date) => {
  const found = Object.fromEntries(
    parts.formatToParts(new Date(at)).map((part) => [part.type, part.value] as const),
  ) as Record<Intl.DateTimeFormatPartTypes, string>;
  return {
    day: Number(found.day),
    month: found.month,
    year: found.year,
    hour: Number(found.hour),
    minute: Number(found.minute),
  };
};

/** « 1er décembre 2026 »: the first of the month is an ordinal in French, the others are not. */
export const parisDate = (at: string | Date): string => {
  const { day, month, year } = paris(at);
  return `${day === 1 ? '1er' : day} ${month} ${year}`;
};

/** « 20 h 13 », « 8 h 05 », « 9 h » on the hour; no-break spaces keep it on one line. */
export const parisTime = (at: string | Date): string => {
  const { hour, minute } = paris(at);
  return minute === 0 ? `${hour}${nbsp}h` : `${hour}${nbsp}h${nbsp}${String(minute).padStart(2, '0')}`;
};

/** « 1er décembre 2026 à 20 h 13 »: what follows « le » in a sentence. */
export const parisDateTime = (at: string | Date): string => `${parisDate(at)} à ${parisTime(at)}`;

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2027-03` → « mars 2027 ». */
export const frenchMonth = (month: string): string => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

const yearFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: parisTimeZone, year: 'numeric' });

/** The calendar year in Paris: a reference made on 31 December at 23:30 in Paris belongs to that year. */
export const parisYear = (date: Date): number => Number(yearFormat.format(date));

const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: parisTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in Paris as `YYYY-MM-DD`: how committee dates are stored and compared. */
export const parisIsoDate = (date: Date): string => isoDayFormat.format(date);

/** `2027-03-15` (a calendar day, no time) → « 15 mars 2027 ». */
export const frenchDay = (day: string): string => parisDate(`${day}T12:00:00Z`);

/** Whole days between two instants, counted on Paris calendar days. */
export const parisDaysBetween = (from: string | Date, to: Date): number =>
  Math.round(
    (Date.parse(`${parisIsoDate(to)}T12:00:00Z`) - Date.parse(`${parisIsoDate(new Date(from))}T12:00:00Z`)) /
      86_400_000,
  );

/** A wall-clock time as staff typed it (`14:30`, `09:00`) → « 14 h 30 », « 9 h ». */
export const frenchClock = (time: string): string => {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return minute === 0 ? `${hour}${nbsp}h` : `${hour}${nbsp}h${nbsp}${String(minute).padStart(2, '0')}`;
};

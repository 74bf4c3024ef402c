/** Every date a person reads is shown in Paris time, whatever the server's zone. */
export const parisTimeZone = 'Europe/Paris';

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: parisTimeZone,
  dateStyle: 'long',
  timeStyle: 'short',
});

export const parisDateTime = (iso: string | Date): string => dateTime.format(new Date(iso));

const yearFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: parisTimeZone, year: 'numeric' });

/** The calendar year in Paris: a reference made on 31 December at 23:30 in Paris belongs to that year. */
export const parisYear = (date: Date): number => Number(yearFormat.format(date));

/** Every date a person reads is shown in Paris time, whatever the server's zone. */
export const parisTimeZone = 'Europe/Paris';

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: parisTimeZone,
  dateStyle: 'long',
  timeStyle: 'short',
});

export const parisDateTime = (iso: string | Date): string => dateTime.format(new Date(iso));

/**
 * The mails a person may choose to stop receiving: the digests and reminders (RFC 8058 one-click
 * unsubscribe, a preferences page). What answers a request someone made (an acknowledgement, a
 * status notice, a sign-in code) is not on any list.
 */
export const mailingLists = {
  'staff-digest': 'Le point quotidien de l’équipe (candidatures, comités, missions)',
  'monthly-statistics': 'Les chiffres du mois du réseau',
  'intervention-reminders': 'Les rappels avant et après chaque demi-journée de mission',
  'outcome-follow-ups': 'Les nouvelles demandées 12 et 24 mois après une mission',
} as const;

export type MailingList = keyof typeof mailingLists;
export const mailingListIds = Object.keys(mailingLists) as [MailingList, ...MailingList[]];

import * as z from 'zod/mini';
import { type MailingList, mailingListIds } from './mailing-lists.ts';

/**
 * How often the staff digest comes: every working day, or only on Mondays (the week's digest).
 * The reminders job reads it through functions/use-cases/mail-preferences/cadence.ts.
 */
export const staffDigestCadences = {
  daily: 'Chaque jour ouvré',
  weekly: 'Une fois par semaine, le lundi',
} as const;
export type StaffDigestCadence = keyof typeof staffDigestCadences;
export const staffDigestCadenceIds = Object.keys(staffDigestCadences) as [
  StaffDigestCadence,
  ...StaffDigestCadence[],
];

/** The preferences page as it reads them, from its signed link (`/preferences/?t=…`). */
export interface MailPreferencesView {
  /** The lists this address has been sent (the link’s own included), in the order of shared/mailing-lists.ts, each with whether it still comes. */
  lists: { id: MailingList; label: string; subscribed: boolean }[];
  staffDigestCadence: StaffDigestCadence;
}

/** What the preferences page saves (the token travels in the query string, as in the mail). */
export const mailPreferencesChangeSchema = z.object({
  subscribed: z.array(z.enum(mailingListIds)).check(z.maxLength(mailingListIds.length)),
  staffDigestCadence: z.enum(staffDigestCadenceIds),
});
export type MailPreferencesChange = z.infer<typeof mailPreferencesChangeSchema>;

/** The one-click unsubscription's path (RFC 8058): the `List-Unsubscribe` header names it with its token. */
export const oneClickUnsubscribePath = '/api/mail-preferences/unsubscribe';
export const mailPreferencesPath = '/api/mail-preferences';
/** The page the footer of every list mail links to. */
export { mailPreferencesPagePath as preferencesPagePath } from './site.ts';

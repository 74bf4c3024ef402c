import type { StaffDigestCadence } from '../../../shared/mail-preferences.ts';
import type { MailingList } from '../../../shared/mailing-lists.ts';
import type { SuppressionReason } from '../../domain/outbox/ses-event.ts';
import { itemKey } from '../keys.ts';

/**
 * What one address asked of the mail it is sent: keyed by its person key (never the address), one
 * item per person holding the lists it stopped, the lists it has been sent, the staff digest's
 * cadence, and, when SES reported a permanent bounce or a complaint, its suppression. The address
 * is kept beside the key only while suppressed, for staff to see which one it is.
 * It holds `recipientKey` rather than `personKey`: it is not a record of the person's dealings with
 * a network (byPerson), and an opposition to mail outlives an erasure.
 */
export type { SuppressionReason };

export interface Suppression {
  address: string;
  reason: SuppressionReason;
  /** SES's bounce subtype or complaint feedback type: no personal data. */
  detail: string;
  at: string;
}

export interface MailRecipientLine {
  at: string;
  action: 'suppressed' | 'lifted';
  reason?: SuppressionReason;
  /** The staff member who lifted it. */
  by?: string;
}

export interface MailRecipient {
  recipientKey: string;
  optedOut: MailingList[];
  receives: MailingList[];
  staffDigestCadence?: StaffDigestCadence;
  suppression?: Suppression;
  version: number;
  history: MailRecipientLine[];
}

export const mailRecipientKeys = {
  of: (recipientKey: string) => itemKey(`MAIL-RECIPIENT#${recipientKey}`, 'MAIL-RECIPIENT'),
};

/** Suppressed addresses are listed on byNetworkAndStatus: one partition, since an address is no network's. */
export const suppressedListing = 'mail-suppression#all#active';

const strings = (value: unknown): string[] =>
  value instanceof Set ? [...value].map(String).sort() : Array.isArray(value) ? value.map(String) : [];

export const mailRecipientFromItem = (item: Record<string, unknown>): MailRecipient => ({
  recipientKey: item.recipientKey as string,
  optedOut: strings(item.optedOut) as MailingList[],
  receives: strings(item.receives) as MailingList[],
  staffDigestCadence: item.staffDigestCadence as StaffDigestCadence | undefined,
  suppression: item.suppression as Suppression | undefined,
  version: typeof item.version === 'number' ? item.version : 0,
  history: (item.history as MailRecipientLine[] | undefined) ?? [],
});

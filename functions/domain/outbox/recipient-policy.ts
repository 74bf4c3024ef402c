import type { MailingList } from '../../../shared/mailing-lists.ts';

/** What the outbox knows of one recipient before sending: their suppression and their choices. */
export interface RecipientStanding {
  suppressed: boolean;
  optedOut: readonly MailingList[];
  /** The lists this person has been sent, for their preferences page. */
  receives: readonly MailingList[];
}

export type SkipReason = 'suppressed' | 'unsubscribed';

export type DeliveryDecision = { kind: 'send'; to: string[] } | { kind: 'skip'; reason: SkipReason };

/**
 * Who still gets a mail: never an address SES reported as bouncing for good or complaining
 * (whatever the mail: nothing the outbox sends is worth a second bounce or complaint), and a list
 * mail only to those who did not stop that list. A mail of several recipients goes to the others;
 * with nobody left it is skipped, saying why (suppression first: it is the stronger reason).
 */
export const deliveryDecision = (
  mail: { to: readonly string[]; list?: { kind: MailingList } | undefined },
  standingOf: (address: string) => RecipientStanding,
): DeliveryDecision => {
  const reachable = mail.to.filter((address) => !standingOf(address).suppressed);
  if (reachable.length === 0) return { kind: 'skip', reason: 'suppressed' };
  const list = mail.list?.kind;
  const willing = list
    ? reachable.filter((address) => !standingOf(address).optedOut.includes(list))
    : reachable;
  if (willing.length === 0) return { kind: 'skip', reason: 'unsubscribed' };
  return { kind: 'send', to: willing };
};

import type { ApplicationStatus } from '../../../shared/application-status.ts';
import type { HistoryLine } from '../../../shared/staff-api.ts';
import { TransitionRefusedError } from '../applications/lifecycle.ts';

/**
 * A partner offer's short life: received from the site's form, then made a partner company by staff,
 * which closes it. (It shares the submissions' statuses and history lines; no other move exists yet.)
 */
export const offerOpenStatus: ApplicationStatus = 'received';
export const offerAcceptedStatus: ApplicationStatus = 'closed';

/** The history line of an offer made a partner, refused when the offer is not open. */
export const planOfferAcceptance = (
  offer: { status: ApplicationStatus },
  partnerName: string,
  actor: HistoryLine['actor'],
  now: Date,
): HistoryLine => {
  if (offer.status !== offerOpenStatus) {
    throw new TransitionRefusedError(
      'Cette proposition est déjà close\u00a0: elle ne peut plus devenir une entreprise partenaire.',
    );
  }
  return {
    at: now.toISOString(),
    actor,
    from: offer.status,
    to: offerAcceptedStatus,
    reason: `Devenue l’entreprise partenaire «\u00a0${partnerName}\u00a0».`,
  };
};

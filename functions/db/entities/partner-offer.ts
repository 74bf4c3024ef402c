import type { PartnerOffer } from '../../../shared/partner-offer.ts';
import { submissionKeys } from './submission.ts';

/** A large company's offer to lend employees, stored under its reference (`PARTNER-OFFER#PART-36-2026-0001`). */
export const partnerOfferKeys = submissionKeys('partner-offer', 'PARTNER-OFFER');

export interface PartnerOfferData {
  company: PartnerOffer['company'] & { communeCode: string; communeName: string; departement: string };
  contact: PartnerOffer['contact'];
  offer: PartnerOffer['offer'];
  consentedAt: string;
}

import type { PartnerOfferData } from '../db/entities/partner-offer.ts';
import { partnerOfferKeys } from '../db/entities/partner-offer.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { partnerOfferAcceptedPage } from '../http-pages/accepted-pages.ts';
import { formDependencies } from '../lib/form-dependencies.ts';
import { formHandler } from '../lib/form-endpoint.ts';
import { once } from '../lib/once.ts';
import { quarantineSubmission } from '../use-cases/quarantine-submission.ts';
import { submitPartnerOffer } from '../use-cases/submit-partner-offer.ts';

const deps = once(() => {
  const shared = formDependencies();
  return {
    ...shared,
    partnerOffers: submissionRepository<PartnerOfferData>(
      shared.client,
      shared.settings.dataTableName,
      partnerOfferKeys,
    ),
  };
});

/** POST /api/partners — a large company offers its employees' skills to a network's SMEs. */
export const handler = formHandler('partnerOffer', {
  submit: (fields, now) => submitPartnerOffer(deps(), fields, now),
  quarantine: (fields, reason, now) => quarantineSubmission(deps(), 'partnerOffer', fields, reason, now),
  acceptedPage: (accepted) => partnerOfferAcceptedPage(deps().reference.networks, accepted),
});

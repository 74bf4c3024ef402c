import { partnerOfferAcceptedPage } from '../http/pages/accepted-pages.ts';
import { formHandler } from '../http/public-form.ts';
import { quarantineSubmission } from '../use-cases/public-forms/quarantine-submission.ts';
import { submitPartnerOffer } from '../use-cases/public-forms/submit-partner-offer.ts';
import { partnerOfferDependencies as deps } from '../wiring/company-forms.ts';
import { formProtection } from '../wiring/public-forms.ts';

/** POST /api/partners — a large company offers its employees’ skills to a network’s SMEs. */
export const handler = formHandler('partnerOffer', {
  // The form's preset awaits the sent mails' marks beside its own last write.
  submit: (fields, now) => submitPartnerOffer(deps(), fields, now, { deferRecording: true }),
  quarantine: (fields, reason, now) => quarantineSubmission(deps(), 'partnerOffer', fields, reason, now),
  acceptedPage: (accepted) => partnerOfferAcceptedPage(deps().reference.networks, accepted),
  protection: () => formProtection('partnerOffer'),
});

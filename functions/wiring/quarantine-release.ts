import type { FormName } from '../../shared/forms.ts';
import { once } from '../runtime/once.ts';
import { submitApplication } from '../use-cases/public-forms/submit-application.ts';
import { submitContactMessage } from '../use-cases/public-forms/submit-contact-message.ts';
import { submitPartnerOffer } from '../use-cases/public-forms/submit-partner-offer.ts';
import type { ReleaseDeps } from '../use-cases/quarantine/held-submissions.ts';
import { applicationDependencies, partnerOfferDependencies } from './company-forms.ts';
import { contactMessageDependencies } from './public-forms.ts';
import { quarantineDependencies } from './quarantine.ts';

/** Releasing a held submission runs its form's own use case: the same checks, records and mails. */
export const releaseDependencies = once((): ReleaseDeps => {
  const submitters: Record<FormName, ReleaseDeps['submit']> = {
    application: (_form, fields, now, options) =>
      submitApplication(applicationDependencies(), fields, now, options),
    partnerOffer: (_form, fields, now, options) =>
      submitPartnerOffer(partnerOfferDependencies(), fields, now, options),
    contactMessage: (_form, fields, now, options) =>
      submitContactMessage(contactMessageDependencies(), fields, now, options),
  };
  return {
    ...quarantineDependencies(),
    submit: (form, fields, now, options) => submitters[form](form, fields, now, options),
  };
});

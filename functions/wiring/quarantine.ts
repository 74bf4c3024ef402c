import type { FormName } from '../../shared/forms.ts';
import { once } from '../runtime/once.ts';
import { submitApplication } from '../use-cases/public-forms/submit-application.ts';
import { submitContactMessage } from '../use-cases/public-forms/submit-contact-message.ts';
import { submitPartnerOffer } from '../use-cases/public-forms/submit-partner-offer.ts';
import type { QuarantineDeps } from '../use-cases/quarantine/held-submissions.ts';
import {
  applicationDependencies,
  contactMessageDependencies,
  formDependencies,
  partnerOfferDependencies,
} from './public-forms.ts';

/** Releasing a held submission runs its form's own use case: the same checks, records and mails. */
export const quarantineDependencies = once((): QuarantineDeps => {
  const forms = formDependencies();
  const submitters: Record<FormName, QuarantineDeps['submit']> = {
    application: (_form, fields, now, options) =>
      submitApplication(applicationDependencies(), fields, now, options),
    partnerOffer: (_form, fields, now, options) =>
      submitPartnerOffer(partnerOfferDependencies(), fields, now, options),
    contactMessage: (_form, fields, now, options) =>
      submitContactMessage(contactMessageDependencies(), fields, now, options),
  };
  return {
    quarantine: forms.quarantine,
    networkIds: forms.settings.networks.map((network) => network.id),
    submit: (form, fields, now, options) => submitters[form](form, fields, now, options),
  };
});

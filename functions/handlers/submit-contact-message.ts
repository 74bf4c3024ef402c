import { contactAcceptedPage } from '../http/pages/accepted-pages.ts';
import { formHandler } from '../http/public-form.ts';
import { quarantineSubmission } from '../use-cases/public-forms/quarantine-submission.ts';
import { submitContactMessage } from '../use-cases/public-forms/submit-contact-message.ts';
import { contactMessageDependencies as deps, formProtection } from '../wiring/public-forms.ts';

/** POST /api/contact — a question to a network, or to the national coordination. */
export const handler = formHandler('contactMessage', {
  // The form's preset awaits the sent mails' marks beside its own last write.
  submit: (fields, now) => submitContactMessage(deps(), fields, now, { deferRecording: true }),
  quarantine: (fields, reason, now) => quarantineSubmission(deps(), 'contactMessage', fields, reason, now),
  acceptedPage: (accepted) => contactAcceptedPage(deps().reference.networks, accepted),
  protection: () => formProtection('contactMessage'),
});

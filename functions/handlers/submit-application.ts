import { applicationAcceptedPage } from '../http/pages/accepted-pages.ts';
import { formHandler } from '../http/public-form.ts';
import { quarantineSubmission } from '../use-cases/public-forms/quarantine-submission.ts';
import { submitApplication } from '../use-cases/public-forms/submit-application.ts';
import { applicationDependencies as deps } from '../wiring/company-forms.ts';
import { formProtection } from '../wiring/public-forms.ts';

/** POST /api/applications — an SME asks a network for help with its project. */
export const handler = formHandler('application', {
  // The form's preset awaits the sent mails' marks beside its own last write.
  submit: (fields, now) => submitApplication(deps(), fields, now, { deferRecording: true }),
  quarantine: (fields, reason, now) => quarantineSubmission(deps(), 'application', fields, reason, now),
  acceptedPage: (accepted) => applicationAcceptedPage(deps().reference.networks, accepted),
  protection: () => formProtection('application'),
});

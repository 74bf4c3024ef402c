import type { ContactMessageData } from '../db/entities/contact-message.ts';
import { contactMessageKeys } from '../db/entities/contact-message.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { contactAcceptedPage } from '../http-pages/accepted-pages.ts';
import { formDependencies } from '../lib/form-dependencies.ts';
import { formHandler } from '../lib/form-endpoint.ts';
import { once } from '../lib/once.ts';
import { quarantineSubmission } from '../use-cases/quarantine-submission.ts';
import { submitContactMessage } from '../use-cases/submit-contact-message.ts';

const deps = once(() => {
  const shared = formDependencies();
  return {
    ...shared,
    contactMessages: submissionRepository<ContactMessageData>(
      shared.client,
      shared.settings.dataTableName,
      contactMessageKeys,
    ),
  };
});

/** POST /api/contact — a question to a network, or to the national coordination. */
export const handler = formHandler('contactMessage', {
  submit: (fields, now) => submitContactMessage(deps(), fields, now),
  quarantine: (fields, reason, now) => quarantineSubmission(deps(), 'contactMessage', fields, reason, now),
  acceptedPage: (accepted) => contactAcceptedPage(deps().reference.networks, accepted),
});

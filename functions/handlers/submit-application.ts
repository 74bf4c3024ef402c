import { competenceRepository } from '../db/competence-repository.ts';
import type { ApplicationData } from '../db/entities/application.ts';
import { applicationKeys } from '../db/entities/application.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { applicationAcceptedPage } from '../http-pages/accepted-pages.ts';
import { formDependencies } from '../lib/form-dependencies.ts';
import { formHandler } from '../lib/form-endpoint.ts';
import { once } from '../lib/once.ts';
import { quarantineSubmission } from '../use-cases/quarantine-submission.ts';
import { submitApplication } from '../use-cases/submit-application.ts';

const deps = once(() => {
  const shared = formDependencies();
  return {
    ...shared,
    competences: competenceRepository(shared.client, shared.settings.dataTableName),
    applications: submissionRepository<ApplicationData>(
      shared.client,
      shared.settings.dataTableName,
      applicationKeys,
    ),
  };
});

/** POST /api/applications — an SME asks a network for help with its project. */
export const handler = formHandler('application', {
  submit: (fields, now) => submitApplication(deps(), fields, now),
  quarantine: (fields, reason, now) => quarantineSubmission(deps(), 'application', fields, reason, now),
  acceptedPage: (accepted) => applicationAcceptedPage(deps().reference.networks, accepted),
});

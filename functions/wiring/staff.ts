import { documentClient } from '../db/client.ts';
import { committeeRepository } from '../db/committee-repository.ts';
import { competenceLabelReader } from '../db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { quarantineRepository } from '../db/quarantine-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { StaffReadDeps } from '../use-cases/applications/dependencies.ts';

export { knownNetworkIds } from './networks.ts';

/**
 * What the back office reads and notes: the same records as the public forms, without their
 * reference data (communes, NAF) and without the mailer (functions/wiring/staff-mail.ts adds it).
 */
export const staffReadDependencies = once((): StaffReadDeps => {
  const settings = config();
  const client = documentClient();
  return {
    applications: submissionRepository<ApplicationData>(client, settings.dataTableName, applicationKeys),
    committees: committeeRepository(client, settings.dataTableName),
    competences: competenceLabelReader(client, settings.dataTableName),
    quarantine: quarantineRepository(client, settings.dataTableName),
    networks: settings.networks,
    national: settings.national,
  };
});

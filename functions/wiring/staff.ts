import { documentClient } from '../db/client.ts';
import { committeeRepository } from '../db/committee-repository.ts';
import { competenceRepository } from '../db/competence-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { quarantineRepository } from '../db/quarantine-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { ApplicationsDeps } from '../use-cases/applications/dependencies.ts';
import { requestMailDependencies } from './mail.ts';
import { statusLinkSigner } from './status-links.ts';

/** The network ids a staff member's groups are read against. */
export const knownNetworkIds = () => config().networks.map((network) => network.id);

/**
 * The back office works on the same records and outbox as the public forms, without their
 * reference data (communes, NAF): only recording an application on an SME's behalf needs that.
 */
export const staffDependencies = once((): ApplicationsDeps => {
  const settings = config();
  const client = documentClient();
  return {
    applications: submissionRepository<ApplicationData>(client, settings.dataTableName, applicationKeys),
    committees: committeeRepository(client, settings.dataTableName),
    competences: competenceRepository(client, settings.dataTableName),
    quarantine: quarantineRepository(client, settings.dataTableName),
    networks: settings.networks,
    national: settings.national,
    mail: requestMailDependencies(client, settings),
    links: statusLinkSigner(),
    siteUrl: settings.siteUrl,
  };
});

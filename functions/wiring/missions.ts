import { documentClient } from '../db/client.ts';
import { directoryRepository } from '../db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { missionRepository } from '../db/mission-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { MissionReadDeps } from '../use-cases/missions/dependencies.ts';

/**
 * What reads and changes missions without mailing anyone or signing links: the table only, so that
 * these functions bundle neither SES nor jose (functions/wiring/mission-mail.ts and mission-links.ts add them).
 */
export const missionReadDependencies = once((): MissionReadDeps => {
  const settings = config();
  const client = documentClient();
  return {
    missions: missionRepository(client, settings.dataTableName),
    applications: submissionRepository<ApplicationData>(client, settings.dataTableName, applicationKeys),
    directory: directoryRepository(client, settings.dataTableName),
    networks: settings.networks,
  };
});

/** The staff's `.ics`: the readers, and the domain its UIDs are named after (the sender's). */
export const missionCalendarDependencies = once(() => ({
  ...missionReadDependencies(),
  uidDomain: config().senderDomain,
}));

import { documentClient } from '../db/client.ts';
import { directoryRepository } from '../db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { missionRepository } from '../db/mission-repository.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { signingKeyRepository } from '../db/signing-key-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { sesMailer } from '../email/mailer.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { MissionReadDeps, MissionsDeps } from '../use-cases/missions/dependencies.ts';
import { missionLinks } from '../use-cases/missions/mission-links.ts';
import { requestMailDependencies } from './mail.ts';

/** The key of the missions' signed links (outcome forms, calendars), its own, read once per instance. */
export const missionLinkSigner = once(() => {
  const keys = signingKeyRepository(documentClient(), config().dataTableName);
  let key: Promise<Uint8Array> | undefined;
  return missionLinks(() => {
    key ??= keys.keyFor('mission-links').catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  });
});

/** What reads and changes missions without mailing anyone. */
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

/** And what mails the volunteer and the SME while a staff member or the SME waits. */
export const missionDependencies = once((): MissionsDeps => {
  const settings = config();
  return {
    ...missionReadDependencies(),
    mail: requestMailDependencies(documentClient(), settings),
    links: missionLinkSigner(),
    siteUrl: settings.siteUrl,
  };
});

/** The public links: the outcome forms and the calendar, which name their UIDs after the sender's domain. */
export const missionLinkDependencies = once(() => ({
  ...missionReadDependencies(),
  links: missionLinkSigner(),
  uidDomain: config().senderDomain,
}));

/** The follow-up job's: a mailer that may take its time, as the outbox job's. */
export const missionJobDependencies = once((): MissionsDeps => {
  const settings = config();
  return {
    ...missionDependencies(),
    mail: {
      outbox: outboxRepository(documentClient(), settings.dataTableName),
      mailer: sesMailer({ configurationSet: settings.sesConfigurationSet }),
      networks: settings.networks,
      national: settings.national,
      senderDomain: settings.senderDomain,
    },
  };
});

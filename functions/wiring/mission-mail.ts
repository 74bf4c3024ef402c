import { documentClient } from '../db/client.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { sesMailer } from '../email/mailer.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { MissionsDeps } from '../use-cases/missions/dependencies.ts';
import { requestMailDependencies } from './mail.ts';
import { outboxRecipientsFor } from './mail-recipients.ts';
import { missionLinkSigner } from './mission-links.ts';
import { missionReadDependencies } from './missions.ts';

/** What mails the volunteer and the SME while a staff member waits: the outbox and SES, the link signer. */
export const missionDependencies = once((): MissionsDeps => {
  const settings = config();
  return {
    ...missionReadDependencies(),
    mail: requestMailDependencies(documentClient(), settings),
    links: missionLinkSigner(),
    siteUrl: settings.siteUrl,
  };
});

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
      recipients: outboxRecipientsFor(documentClient(), settings),
    },
  };
});

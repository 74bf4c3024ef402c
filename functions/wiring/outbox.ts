import { documentClient } from '../db/client.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { sesMailer } from '../email/mailer.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import { outboxRecipientsFor } from './mail-recipients.ts';

/** The outbox job's dependencies: unlike the forms' mailer, this one may take its time. */
export const outboxDependencies = once(() => {
  const settings = config();
  return {
    outbox: outboxRepository(documentClient(), settings.dataTableName),
    mailer: sesMailer({ configurationSet: settings.sesConfigurationSet }),
    networks: settings.networks,
    national: settings.national,
    senderDomain: settings.senderDomain,
    recipients: outboxRecipientsFor(documentClient(), settings),
  };
});

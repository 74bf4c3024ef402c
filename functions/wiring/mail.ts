import type { DocumentClient } from '../db/client.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { sesMailer } from '../email/mailer.ts';
import type { RuntimeSettings } from '../runtime/config.ts';
import { outboxRecipientsFor } from './mail-recipients.ts';

/** Mail sent while a person waits: through the outbox, with a mailer that gives up fast (the job retries). */
export const requestMailDependencies = (client: DocumentClient, settings: RuntimeSettings) => ({
  outbox: outboxRepository(client, settings.dataTableName),
  mailer: sesMailer({ configurationSet: settings.sesConfigurationSet, failFast: true }),
  networks: settings.networks,
  national: settings.national,
  senderDomain: settings.senderDomain,
  recipients: outboxRecipientsFor(client, settings),
});

import { documentClient } from '../db/client.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { sesMailer } from '../email/mailer.ts';
import { config } from '../lib/config.ts';
import { logger } from '../lib/logger.ts';
import { jobHandler } from '../lib/middy.ts';
import { once } from '../lib/once.ts';
import { deliverOutbox } from '../use-cases/deliver-outbox.ts';

const deps = once(() => {
  const settings = config();
  return {
    outbox: outboxRepository(documentClient(), settings.dataTableName),
    mailer: sesMailer({ configurationSet: settings.sesConfigurationSet }),
    networks: settings.networks,
    national: settings.national,
    senderDomain: settings.senderDomain,
  };
});

/** Scheduled every few minutes (shared/schedules.ts): sends queued mail, retries what SES refused. */
export const handler = jobHandler(async (now) => {
  const report = await deliverOutbox(deps(), now);
  logger.info('Outbox delivery run', { ...report });
  return report;
});

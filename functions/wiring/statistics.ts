import { documentClient } from '../db/client.ts';
import { directoryRepository } from '../db/directory-repository.ts';
import { networkActivityReader } from '../db/network-activity-repository.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { sesMailer } from '../email/mailer.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { MonthlyMailDeps, StatisticsDeps } from '../use-cases/digests/monthly-statistics.ts';
import { outboxRecipientsFor } from './mail-recipients.ts';

/** What the statistics read: the network activity index, the directory. */
export const statisticsDependencies = once((): StatisticsDeps => {
  const settings = config();
  const client = documentClient();
  return {
    activity: networkActivityReader(client, settings.dataTableName),
    directory: directoryRepository(client, settings.dataTableName),
    networks: settings.networks,
    national: settings.national,
  };
});

/** The monthly job's: the same reads, and a mailer that may take its time, as the outbox job's. */
export const monthlyStatisticsDependencies = once((): MonthlyMailDeps => {
  const settings = config();
  return {
    ...statisticsDependencies(),
    siteUrl: settings.siteUrl,
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

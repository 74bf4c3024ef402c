import { documentClient } from '../db/client.ts';
import { counterRepository } from '../db/counter-repository.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { quarantineRepository } from '../db/quarantine-repository.ts';
import { buildCommuneIndex } from '../domain/communes.ts';
import { buildNafIndex } from '../domain/naf.ts';
import type { ReferenceData } from '../domain/submission-checks.ts';
import { sesMailer } from '../email/mailer.ts';
import { communesTable, formerCommunesTable } from '../reference-data/communes.ts';
import { nafTable } from '../reference-data/naf.ts';
import { config } from './config.ts';
import { once } from './once.ts';

/**
 * What the three form functions share, built once per cold start: the reference data (the commune
 * index takes a few tens of milliseconds to build), the sequences, the quarantine, the outbox and a
 * mailer that gives up fast.
 */
export const formDependencies = once(() => {
  const settings = config();
  const client = documentClient();
  const reference: ReferenceData = {
    communes: buildCommuneIndex({ communes: communesTable, formerCommunes: formerCommunesTable }),
    naf: buildNafIndex(nafTable),
    networks: settings.networks,
    national: settings.national,
  };
  return {
    settings,
    client,
    reference,
    counters: counterRepository(client, settings.dataTableName),
    quarantine: quarantineRepository(client, settings.dataTableName),
    mail: {
      outbox: outboxRepository(client, settings.dataTableName),
      mailer: sesMailer({ configurationSet: settings.sesConfigurationSet, failFast: true }),
      networks: settings.networks,
      national: settings.national,
      senderDomain: settings.senderDomain,
    },
    siteUrl: settings.siteUrl,
  };
});

import type { National, Network } from '../../shared/networks.ts';
import type { DocumentClient } from '../db/client.ts';
import { committeeRepository } from '../db/committee-repository.ts';
import { counterRepository } from '../db/counter-repository.ts';
import { directoryRepository } from '../db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { missionRepository } from '../db/mission-repository.ts';
import { signingKeyRepository } from '../db/signing-key-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { buildCommuneIndex } from '../domain/public-forms/communes.ts';
import { buildNafIndex } from '../domain/public-forms/naf.ts';
import { communesTable, formerCommunesTable } from '../reference-data/communes.ts';
import { nafTable } from '../reference-data/naf.ts';
import type { ImportHistoryDeps } from '../use-cases/history-import/import-history.ts';
import { personKeyPurpose, personKeys } from '../use-cases/privacy/person-keys.ts';

/**
 * The history import's dependencies, for the table it is given (the local one or a deployed one):
 * the repositories the back office writes with, the person-key secret that table's functions use,
 * and the reference data of the forms.
 */
export const historyImportDependencies = (
  client: DocumentClient,
  tableName: string,
  settings: { networks: Network[]; national: National },
): ImportHistoryDeps => {
  const secret = signingKeyRepository(client, tableName);
  return {
    applications: submissionRepository<ApplicationData>(client, tableName, applicationKeys),
    missions: missionRepository(client, tableName),
    committees: committeeRepository(client, tableName),
    directory: directoryRepository(client, tableName),
    counters: counterRepository(client, tableName),
    people: personKeys(() => secret.keyFor(personKeyPurpose)),
    reference: {
      communes: buildCommuneIndex({ communes: communesTable, formerCommunes: formerCommunesTable }),
      naf: buildNafIndex(nafTable),
      networks: settings.networks,
      national: settings.national,
    },
  };
};

import { randomBytes } from 'node:crypto';
import { documentClient } from '../db/client.ts';
import { directoryRepository } from '../db/directory-repository.ts';
import { type PartnerOfferData, partnerOfferKeys } from '../db/entities/partner-offer.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { DirectoryDeps } from '../use-cases/directory/dependencies.ts';
import { personKeyMaker } from './person-keys.ts';

export { knownNetworkIds } from './networks.ts';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** The back office's directory: partners, volunteers, competences, and the partner offers made partners. */
export const directoryDependencies = once((): DirectoryDeps => {
  const settings = config();
  const client = documentClient();
  return {
    directory: directoryRepository(client, settings.dataTableName),
    partnerOffers: submissionRepository<PartnerOfferData>(client, settings.dataTableName, partnerOfferKeys),
    networks: settings.networks,
    people: personKeyMaker(),
    randomPart: () => [...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join(''),
  };
});

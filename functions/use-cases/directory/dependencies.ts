import type { Network } from '../../../shared/networks.ts';
import type { DirectoryRepository } from '../../db/directory-repository.ts';
import type { PartnerOfferData } from '../../db/entities/partner-offer.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';

/** What the back office's directory use cases work with, built once per cold start (functions/wiring/directory.ts). */
export interface DirectoryDeps {
  directory: DirectoryRepository;
  partnerOffers: Pick<SubmissionRepository<PartnerOfferData>, 'get' | 'listByNetworkAndStatus' | 'move'>;
  networks: readonly Pick<Network, 'id' | 'name'>[];
  /** The byPerson index's key of the address a partner's contact or a volunteer holds. */
  people: PersonKeys;
  /** The random part of a new record's id (a few lower-case letters and digits). */
  randomPart: () => string;
}

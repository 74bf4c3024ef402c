import type { CatalogueResponse } from '../../../shared/catalogue.ts';
import type { Network } from '../../../shared/networks.ts';
import type { CompetenceRepository } from '../../db/directory-repository.ts';
import { assembleCatalogue } from '../../domain/catalogue/catalogue.ts';
import { UnknownNetworkError } from '../../domain/errors.ts';

export interface ReadCatalogueDeps {
  networks: Network[];
  competences: Pick<CompetenceRepository, 'listByNetwork'>;
}

/** One Query per network asked for, run side by side: the cost follows the networks shown, not the table. */
export const readCatalogue = async (
  deps: ReadCatalogueDeps,
  request: { network?: string | undefined },
): Promise<CatalogueResponse> => {
  const networks = request.network ? deps.networks.filter((n) => n.id === request.network) : deps.networks;
  if (request.network && networks.length === 0) throw new UnknownNetworkError(request.network);
  const lists = await Promise.all(networks.map((network) => deps.competences.listByNetwork(network.id)));
  return assembleCatalogue(networks, lists.flat());
};

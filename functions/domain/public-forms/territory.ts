import type { Network } from '../../../shared/networks.ts';

/** The network whose territory covers this département, if any: territories do not overlap. */
export const networkForDepartement = (
  networks: readonly Network[],
  departement: string,
): Network | undefined => networks.find((network) => network.departements.includes(departement));
